internal import CPLplot
import Foundation

/// Draws one resolved panel into a cell of the page.
struct PanelPainter {
  let plan: PanelPlan
  let painter: Painter
  let cell: Rect
  /// The axes with tick steps coarsened until their labels do not collide.
  private var x: AxisScale
  private var y: AxisScale

  init(plan: PanelPlan, painter: Painter, cell: Rect) {
    self.plan = plan
    self.painter = painter
    self.cell = cell
    x = plan.x
    y = plan.y
    let axes = axesRect
    let s = painter.scale
    while x.step < x.span {
      let widest =
        x.ticks.map { painter.textWidth(x.label(atWorld: $0), em: HouseStyle.tickEm) }.max() ?? 0
      guard x.step / x.span * axes.width < widest + 14 * s else { break }
      x = x.coarser()
    }
    while y.step < y.span && y.step / y.span * axes.height < HouseStyle.tickEm * 1.7 * s {
      y = y.coarser()
    }
  }
  private var panel: Panel { plan.panel }
  private static let padding = 12.0
  private var s: Double { painter.scale }

  // MARK: - Layout

  private var legend: LegendBox { LegendBox(entries: plan.legendEntries, painter: painter) }

  private var yTickLabelWidth: Double {
    y.ticks.map { painter.textWidth(y.label(atWorld: $0), em: HouseStyle.tickEm) }.max() ?? 0
  }

  /// The data area inside the cell, leaving room for titles, tick labels and axis labels.
  var axesRect: Rect {
    let pad = Self.padding * s
    let top = pad + (panel.title.isEmpty ? HouseStyle.tickEm * 0.6 : HouseStyle.titleEm * 1.9) * s
    let yLabel = panel.yAxis.label.isEmpty ? 0 : HouseStyle.labelEm * 1.6 * s
    let left = pad + yLabel + yTickLabelWidth + 12 * s
    let xLabel = panel.xAxis.label.isEmpty ? 0 : HouseStyle.labelEm * 1.5 * s
    let bottom = pad + HouseStyle.tickEm * 1.9 * s + xLabel
    let lastX =
      x.ticks.last.map { painter.textWidth(x.label(atWorld: $0), em: HouseStyle.tickEm) } ?? 0
    var right = pad + lastX / 2
    if panel.legend == .outsideRight && !legend.entries.isEmpty {
      right = pad + legend.width + 14 * s
    }
    return cell.inset(left: left, top: top, right: right, bottom: bottom)
  }

  // MARK: - Drawing

  func draw() {
    let axes = axesRect
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
    drawSpans()
    if let contour = plan.contour {
      ContourPainter(painter: painter).draw(contour.grid, levels: contour.levels)
    } else {
      drawGrid()
    }
    drawReferenceLines(axes)
    for series in plan.series { drawSeries(series, axes) }
    drawVerticalMarkers()
    drawAnnotations()
    drawFrame()
    drawLabels(axes)
    legend.draw(in: axes, placement: panel.legend, avoiding: occupiedPixels(axes), painter: painter)
  }

  private func drawSpans() {
    for span in panel.spans {
      guard let a = x.world(span.x.lowerBound), let b = x.world(span.x.upperBound) else { continue }
      painter.color(span.color.map(HouseStyle.color) ?? HouseStyle.span, alpha: 0.16)
      painter.fill([a, b, b, a], [y.lower, y.lower, y.upper, y.upper])
    }
  }

  private func boxOptions(_ axis: AxisScale, vertical: Bool = false) -> String {
    (axis.isLog ? "l" : "") + (vertical ? "v" : "")
  }

  private func drawGrid() {
    painter.dash(.solid)
    painter.width(HouseStyle.gridWidth)
    let xl = boxOptions(x)
    let yl = boxOptions(y)
    if x.minorSubdivisions.draw || y.minorSubdivisions.draw {
      // Linear minor grid lines are not drawn: only the decades of a log axis get them.
      painter.color(HouseStyle.minorGrid)
      c_plbox(
        (x.isLog && x.minorSubdivisions.draw ? "h" : "") + xl, x.step, x.minorSubdivisions.count,
        (y.isLog && y.minorSubdivisions.draw ? "h" : "") + yl, y.step, y.minorSubdivisions.count)
    }
    painter.color(HouseStyle.majorGrid)
    c_plbox("g" + xl, x.step, 0, "g" + yl, y.step, 0)
  }

  private func drawFrame() {
    painter.dash(.solid)
    painter.width(HouseStyle.axisWidth)
    painter.color(HouseStyle.axes)
    painter.textSize(em: HouseStyle.tickEm)
    c_plsmaj(6 * s * 25.4 / 72, 1)
    c_plsmin(3.5 * s * 25.4 / 72, 1)
    // Ticks outside ("i"), labels from the tick labeller ("o"), minor ticks where they help.
    let xo = "bnti" + (x.minorSubdivisions.draw ? "s" : "") + boxOptions(x) + "o"
    let yo = "bnti" + (y.minorSubdivisions.draw ? "s" : "") + boxOptions(y, vertical: true) + "o"
    TickLabeller(x: x, y: y).withInstalled {
      c_plbox(xo, x.step, x.minorSubdivisions.count, yo, y.step, y.minorSubdivisions.count)
    }
    c_plbox("c", 0, 0, "c", 0, 0)
  }

  private func drawSeries(_ series: ResolvedSeries, _ axes: Rect) {
    painter.color(series.color)
    switch series.style {
    case .bars:
      drawBars(series)
      return
    case .line, .lineAndMarkers:
      painter.width(HouseStyle.seriesWidth)
      painter.dash(series.dash)
      for segment in series.segments { painter.line(segment.map(\.x), segment.map(\.y)) }
      painter.dash(.solid)
    case .markers:
      break
    }
    if series.style != .line {
      MarkerPainter(painter: painter, axes: axes, x: x, y: y)
        .draw(series.marker, at: series.points, color: series.color)
    }
  }

  private func drawBars(_ series: ResolvedSeries) {
    let half = (series.barWidth ?? x.span / 10) / 2
    let base = y.isLog ? y.lower : min(max(0, y.lower), y.upper)
    for p in series.points {
      let xs = [p.x - half, p.x + half, p.x + half, p.x - half]
      let ys = [base, base, p.y, p.y]
      painter.color(series.color, alpha: 0.85)
      painter.fill(xs, ys)
      painter.color(HouseStyle.background)
      painter.width(1)
      painter.line(xs + [xs[0]], ys + [ys[0]])
    }
  }

  /// The visible part of a reference line, as world x bounds, or `nil` when it misses the axes.
  private func visibleInterval(_ line: ReferenceLine) -> (
    ax: Double, ay: Double, from: Double, to: Double
  )? {
    guard let ax = x.world(line.anchorX), let ay = y.world(line.anchorY), line.slope.isFinite else {
      return nil
    }
    var lo = x.lower
    var hi = x.upper
    if let r = line.xRange, let a = x.world(r.lowerBound), let b = x.world(r.upperBound) {
      lo = max(lo, a)
      hi = min(hi, b)
    }
    if line.slope != 0 {
      let atLower = ax + (y.lower - ay) / line.slope
      let atUpper = ax + (y.upper - ay) / line.slope
      lo = max(lo, min(atLower, atUpper))
      hi = min(hi, max(atLower, atUpper))
    } else if ay < y.lower || ay > y.upper {
      return nil
    }
    return lo < hi ? (ax, ay, lo, hi) : nil
  }

  private func drawReferenceLines(_ axes: Rect) {
    for line in panel.referenceLines {
      guard let v = visibleInterval(line) else { continue }
      let rgb = line.color.map(HouseStyle.color) ?? HouseStyle.reference
      let yAt = { (wx: Double) in v.ay + line.slope * (wx - v.ax) }
      painter.color(rgb)
      painter.width(HouseStyle.referenceWidth)
      painter.dash(line.dash)
      painter.line([v.from, v.to], [yAt(v.from), yAt(v.to)])
      painter.dash(.solid)
      guard !line.label.isEmpty else { continue }
      // The label sits just above the line, near the end of its visible part.
      let lx = v.from + 0.8 * (v.to - v.from)
      let perPixelX = x.span / axes.width
      let perPixelY = y.span / axes.height
      let angle = atan(line.slope * perPixelX / perPixelY)
      let offset = HouseStyle.annotationEm * 0.9 * s
      painter.textSize(em: HouseStyle.annotationEm)
      painter.color(rgb)
      painter.text(
        line.label, x: lx - sin(angle) * offset * perPixelX,
        y: yAt(lx) + cos(angle) * offset * perPixelY, justify: 0.5)
    }
  }

  private func drawVerticalMarkers() {
    for marker in panel.verticalMarkers {
      guard let wx = x.world(marker.x) else { continue }
      painter.color(marker.color.map(HouseStyle.color) ?? HouseStyle.marker)
      painter.width(HouseStyle.referenceWidth)
      painter.dash(marker.dash)
      painter.line([wx, wx], [y.lower, y.upper])
    }
    painter.dash(.solid)
  }

  private func drawAnnotations() {
    painter.textSize(em: HouseStyle.annotationEm)
    for note in panel.annotations {
      guard let wx = x.world(note.x), let wy = y.world(note.y) else { continue }
      painter.color(note.color.map(HouseStyle.color) ?? HouseStyle.text)
      let justify = note.alignment == .left ? 0 : note.alignment == .center ? 0.5 : 1
      painter.text(note.text, x: wx, y: wy, justify: justify)
    }
  }

  private func drawLabels(_ axes: Rect) {
    painter.pixelViewport(Rect(x: 0, y: 0, width: painter.pageWidth, height: painter.pageHeight))
    painter.color(HouseStyle.text)
    if !panel.title.isEmpty {
      painter.textSize(em: HouseStyle.titleEm)
      painter.text(
        panel.title, x: axes.x + axes.width / 2, y: axes.y - HouseStyle.titleEm * 0.85 * s,
        justify: 0.5)
    }
    painter.textSize(em: HouseStyle.labelEm)
    if !panel.xAxis.label.isEmpty {
      let ly = axes.maxY + (HouseStyle.tickEm * 1.9 + HouseStyle.labelEm * 0.75) * s
      painter.text(panel.xAxis.label, x: axes.x + axes.width / 2, y: ly, justify: 0.5)
    }
    if !panel.yAxis.label.isEmpty {
      let lx = axes.x - yTickLabelWidth - (12 + HouseStyle.labelEm * 0.8) * s
      painter.text(
        panel.yAxis.label, x: lx, y: axes.y + axes.height / 2, dx: 0, dy: -1, justify: 0.5)
    }
  }

  /// Page pixels covered by data, to keep the legend off them.
  private func occupiedPixels(_ axes: Rect) -> [(Double, Double)] {
    let toPixel = { (p: WorldPoint) in
      (
        axes.x + (p.x - x.lower) / x.span * axes.width,
        axes.maxY - (p.y - y.lower) / y.span * axes.height
      )
    }
    var pixels: [(Double, Double)] = []
    for series in plan.series {
      for segment in series.segments {
        pixels += segment.map(toPixel)
        for (a, b) in zip(segment, segment.dropFirst()) {
          pixels += (1..<8).map { k in
            let t = Double(k) / 8
            return toPixel(WorldPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)))
          }
        }
      }
    }
    for line in panel.referenceLines {
      guard let v = visibleInterval(line) else { continue }
      pixels += (0...10).map { k in
        let wx = v.from + Double(k) / 10 * (v.to - v.from)
        return toPixel(WorldPoint(x: wx, y: v.ay + line.slope * (wx - v.ax)))
      }
    }
    return pixels
  }
}
