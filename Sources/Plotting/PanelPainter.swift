import Foundation

/// Paints one laid-out panel: exactly what its ``PanelLayout`` says, in the order spans, grid,
/// guides, series, markers, frame, edge marks, texts, legend.
struct PanelPainter {
  let layout: PanelLayout
  let painter: Painter
  /// The texts and the guides as placed.
  let placement: PanelLayout.Placement

  init(_ layout: PanelLayout, painter: Painter, placement: PanelLayout.Placement? = nil) {
    self.layout = layout
    self.painter = painter
    self.placement = placement ?? layout.placement()
  }

  var plan: PanelPlan { layout.plan }
  var panel: Panel { layout.panel }
  var axes: Rect { layout.axes }
  var x: AxisScale { layout.x }
  var y: AxisScale { layout.y }
  var t: Double { painter.textScale }

  func toPixel(_ p: WorldPoint) -> PixelPoint { layout.toPixel(p) }

  func draw() {
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
    drawSpans()
    if let contour = plan.contour {
      ContourPainter(painter: painter).draw(contour.grid, levels: contour.levels)
    } else {
      drawGrid()
    }
    drawNotesGround()
    drawGuides()
    let (shown, drawings) = (layout.shown, layout.drawings)
    for i in layout.order where i < drawings.count { drawSeries(shown[i], drawings[i]) }
    drawVerticalMarkers()
    drawFrame()
    drawEdgeMarks()
    for text in placement.texts where text.role != .legend { painter.draw(text) }
    if let frame = layout.legendFrame { layout.legend.draw(in: frame) }
  }

  /// A white ground under the notes inside the axes, over the grid (the box covers no data).
  func drawNotesGround() {
    guard let box = layout.notesBox else { return }
    painter.pixelViewport(painter.page)
    painter.color(HouseStyle.background, alpha: LegendBox.groundAlpha)
    painter.fill([box.x, box.maxX, box.maxX, box.x], [box.y, box.y, box.maxY, box.maxY])
  }

  /// The reference lines: each guide's stretch as placed.
  func drawGuides() {
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
    for guide in placement.guides {
      let line = panel.referenceLines[guide.index]
      guard let v = layout.visibleInterval(line) else { continue }
      let yAt = { (wx: Double) in v.ay + line.slope * (wx - v.ax) }
      painter.color(line.color.map(HouseStyle.color) ?? HouseStyle.reference)
      painter.width(HouseStyle.referenceWidth)
      painter.dash(line.dash)
      painter.line([guide.from, guide.to], [yAt(guide.from), yAt(guide.to)])
      painter.dash(.solid)
    }
  }
}

extension PanelPainter {
  /// The axes' rectangle kept to a tenth of `cell` either way: ``PanelLayout/atLeast(_:in:)``.
  static func atLeast(_ rect: Rect, in cell: Rect) -> Rect {
    PanelLayout.atLeast(rect, in: cell)
  }
}
