internal import CPLplot
import Foundation

/// Draws one resolved panel into a cell of the page.
///
/// Everything the panel's rules decide is computed on creation, without drawing: the axes
/// rectangle (equal aspect, room for an outside legend and notes), tick steps coarsened
/// until labels do not collide, how coinciding series are told apart, how spans are shaded,
/// and where the legend goes (the candidate box covering the fewest data pixels, or outside
/// on the right when every candidate inside covers some).
struct PanelPainter {
  let plan: PanelPlan
  let painter: Painter
  let cell: Rect
  /// Caption lines under the axes: the panel's notes and what was not drawn.
  private(set) var notes: [String]
  /// The axes with tick steps coarsened until their labels do not collide.
  private(set) var x: AxisScale
  private(set) var y: AxisScale
  /// The data area in page pixels.
  private(set) var axes: Rect
  /// How each series is drawn (dash, markers, legend label).
  private(set) var drawings: [SeriesDrawing]
  /// The order the series are drawn in (indices into the plan's series).
  private(set) var order: [Int] = []
  /// The plan's series as drawn: dense lines thinned to the axes' resolution.
  private(set) var shown: [ResolvedSeries] = []
  /// Where the legend is drawn, or `nil` for no legend.
  private(set) var legendFrame: Rect?
  /// The columns of the legend: one beside or inside the axes; under them, as many as fit the
  /// cell's width (five entries under a small figure take two rows, not five).
  private(set) var legendColumns = 1

  /// Room for at least this many note lines under the axes, and for an x label even without
  /// one (a row's panels reserve what the most demanding of them needs: their axes line up).
  let noteRoom: Int
  let xLabelRoom: Bool

  /// Lays out `plan` in `cell`. With `sharedLegend` the figure draws one legend for all its
  /// panels: this one draws none, and says in a note which of its series coincide.
  init(
    plan: PanelPlan, painter: Painter, cell: Rect, words: FigureWords = .english,
    sharedLegend: Bool = false, omittingNotes omitted: [String] = [], noteRoom: Int = 0,
    xLabelRoom: Bool = false
  ) {
    self.plan = plan
    self.painter = painter
    self.cell = cell
    self.noteRoom = noteRoom
    self.xLabelRoom = xLabelRoom
    notes = Self.wrapped(
      plan.panel.notes.filter { !omitted.contains($0) }
        + Self.undrawnNote(plan, words: words),
      width: cell.width * 0.96, painter: painter)
    (x, y, axes, drawings, legendFrame) = (plan.x, plan.y, cell, [], nil)
    if sharedLegend {
      layOut(.inside)
      let remarks = remarkNote
      guard !remarks.isEmpty else { return }
      notes += Self.wrapped(remarks, width: cell.width * 0.96, painter: painter)
      layOut(.inside)
      return
    }
    var placement = plan.panel.legend
    for _ in 0..<3 {
      layOut(.inside)
      let box = legend
      guard !box.entries.isEmpty, placement != .none else { return }
      if placement == .outsideRight {
        placeOutside()
        return
      }
      // A corner asked for is a preference: kept when it covers no data, else the emptiest
      // candidate box (the asked corner first among equals), else outside.
      let preferred = placement == .best ? nil : box.frame(in: axes, placement: placement)
      let (frame, covered) = box.emptiestFrame(
        in: axes, avoiding: occupiedPixels(), preferring: preferred)
      legendFrame = frame
      // A legend that does not fit inside the axes goes outside, whatever it covers.
      let fits = box.height <= 0.9 * axes.height && box.width <= 0.9 * axes.width
      if fits && (covered == 0 || box.width > 0.4 * cell.width) { return }
      placement = .outsideRight
    }
  }

  /// The coinciding series as a caption line ("extended = double"), for a panel without a
  /// legend of its own; empty when none coincide.
  private var remarkNote: [String] {
    let pairs = zip(plan.panel.series, drawings).compactMap { series, drawing -> String? in
      guard let remark = drawing.remark else { return nil }
      return "\(series.name ?? series.label) \(remark)"
    }
    return pairs.isEmpty ? [] : [pairs.joined(separator: "; ")]
  }

  /// How far right of the cell's left edge the panel draws (axes, tick labels, legend, title):
  /// the width the panel needs, which an equal-aspect panel may leave partly unused.
  var usedWidth: Double {
    let pad = Self.padding * s
    let lastX =
      x.ticks.last.map { painter.textWidth(x.label(atWorld: $0), em: HouseStyle.tickEm) } ?? 0
    var right = axes.maxX + lastX / 2 + pad
    if let frame = legendFrame { right = max(right, frame.maxX + pad) }
    if !panel.title.isEmpty {
      let w = painter.textWidth(panel.title, em: HouseStyle.titleEm)
      right = max(right, axes.x + axes.width / 2 + w / 2 + pad)
    }
    let widest = notes.map { painter.textWidth($0, em: HouseStyle.annotationEm) }.max() ?? 0
    return min(cell.width, max(right - cell.x, widest + 2 * pad))
  }

  /// Moves the axes and the legend right by `dx` pixels (centring what an equal aspect left
  /// narrower than its cell).
  mutating func shift(by dx: Double) {
    axes.x += dx
    legendFrame?.x += dx
  }

  /// Where an outside legend goes.
  enum LegendSide {
    case inside, right, below
  }

  /// Puts the legend beside the axes on the right, or under them when that leaves the axes
  /// clearly more room (an equal-aspect map in a tall cell).
  private mutating func placeOutside() {
    legendColumns = 1
    layOut(.right)
    let right = (axes, x, y, drawings, legend.frame(in: axes, placement: .outsideRight))
    legendColumns = legend.fitted(toWidth: cell.width * 0.96).columns
    layOut(.below)
    let box = legend
    let belowArea = axes.width * axes.height
    if belowArea > 1.15 * right.0.width * right.0.height {
      let top = axes.maxY + HouseStyle.tickEm * 1.9 * t + xLabelHeight + notesHeight + 4 * t
      // Centred under the axes, kept inside the cell (a box of several columns can be
      // wider than the axes).
      let left = min(max(cell.x, axes.x + (axes.width - box.width) / 2), cell.maxX - box.width)
      legendFrame = Rect(x: left, y: top, width: box.width, height: box.height)
    } else {
      legendColumns = 1
      (axes, x, y, drawings, legendFrame) = right
    }
  }

  var panel: Panel { plan.panel }

  /// The room under the tick labels for the x label (kept when a row-mate writes one) and for
  /// the notes (as many lines as the row's longest): the axes, the notes and a legend below
  /// all place themselves by these.
  var xLabelHeight: Double {
    panel.xAxis.label.isEmpty && !xLabelRoom ? 0 : HouseStyle.labelEm * 1.5 * t
  }
  private var notesHeight: Double {
    Double(max(notes.count, noteRoom)) * HouseStyle.annotationEm * 1.45 * t
  }
  static let padding = 12.0
  var s: Double { painter.scale }
  var t: Double { painter.textScale }

  // MARK: - Layout

  /// The legend of the series as drawn (labels with their "(= other)" notes); the members of
  /// a legend group share one grey entry, where the first of them would be.
  var legend: LegendBox {
    var box = legendBox(asDrawn: true)
    box.columns = legendColumns
    return box
  }

  /// The legend; `asDrawn: false` gives the series' own labels and dashes (a legend shared by
  /// several panels, each of which may tell its own coinciding series apart).
  func legendBox(asDrawn: Bool) -> LegendBox {
    var entries: [LegendEntry] = []
    var grouped: [LegendEntry] = []  // after the entries of their own
    var groups: Set<String> = []
    for (i, series) in plan.series.enumerated() where !series.label.isEmpty {
      var drawn = series
      let known = asDrawn && i < drawings.count
      if known { drawn.dash = drawings[i].dash }
      let source = panel.series[i]
      if let group = source.legendGroup {
        guard groups.insert(group).inserted else { continue }
        drawn.color = HouseStyle.reference
        grouped.append(LegendEntry(label: group, sample: .series(drawn)))
      } else {
        let label = known ? drawings[i].label : series.label
        entries.append(LegendEntry(label: label, sample: .series(drawn)))
      }
    }
    for span in panel.spans where !span.label.isEmpty {
      let rgb = span.color.map(HouseStyle.color) ?? HouseStyle.span
      if let group = span.legendGroup {
        guard groups.insert(group).inserted else { continue }
        grouped.append(LegendEntry(label: group, sample: .box(HouseStyle.reference)))
      } else {
        entries.append(LegendEntry(label: span.label, sample: .box(rgb)))
      }
    }
    entries += grouped
    entries += plan.legendEntries.filter {
      if case .rule = $0.sample { return true }
      return false
    }
    return LegendBox(entries: entries, painter: painter)
  }

  func tickLabelWidth(_ axis: AxisScale) -> Double {
    (axis.ticks.map { axis.label(atWorld: $0) }
      + axis.intermediateLogLabels.map { axis.intermediateLabel(atWorld: $0) })
      .map { painter.textWidth($0, em: HouseStyle.tickEm) }.max() ?? 0
  }

  /// Lays out the axes (with the legend inside, right or below), coarsens the ticks and decides
  /// how the series are drawn.
  private mutating func layOut(_ side: LegendSide) {
    (x, y) = (plan.x, plan.y)
    for _ in 0..<2 {
      axes = axesRect(side)
      while x.step < x.span {
        let widest =
          x.ticks.map { painter.textWidth(x.label(atWorld: $0), em: HouseStyle.tickEm) }.max() ?? 0
        guard x.step / x.span * axes.width < widest + 14 * t else { break }
        let next = x.coarser()
        if x.isLog && next.ticks.filter({ !next.label(atWorld: $0).isEmpty }).count < 2 { break }
        x = next
      }
      // Powers of ten carry a raised exponent: they need more room.
      let rowHeight = HouseStyle.tickEm * (y.isLog ? 2.1 : 1.7) * t
      // A log axis keeps two labelled decades: it is not coarsened past that.
      while y.step < y.span && y.step / y.span * axes.height < rowHeight {
        let next = y.coarser()
        if y.isLog && next.ticks.filter({ !next.label(atWorld: $0).isEmpty }).count < 2 { break }
        y = next
      }
    }
    (shown, drawings, order) = analysedSeries()
  }

  /// The data area inside the cell, leaving room for titles, tick labels, axis labels, notes
  /// and an outside legend; with `equalAspect`, shrunk so that a unit is as long on x as on y.
  private func axesRect(_ side: LegendSide) -> Rect {
    let pad = Self.padding * s
    let top = pad + (panel.title.isEmpty ? HouseStyle.tickEm * 0.6 : HouseStyle.titleEm * 1.9) * t
    let yLabel = panel.yAxis.label.isEmpty ? 0 : HouseStyle.labelEm * 1.6 * t
    let left = pad + yLabel + tickLabelWidth(y) + 12 * t
    var bottom = pad + HouseStyle.tickEm * 1.9 * t + xLabelHeight + notesHeight
    let lastX =
      x.ticks.last.map { painter.textWidth(x.label(atWorld: $0), em: HouseStyle.tickEm) } ?? 0
    var right = pad + lastX / 2
    if side == .right && !legend.entries.isEmpty {
      right = max(right, pad + legend.width + 14 * s)
    }
    if side == .below && !legend.entries.isEmpty { bottom += legend.height + 8 * t }
    let area = Self.atLeast(
      cell.inset(left: left, top: top, right: right, bottom: bottom), in: cell)
    guard panel.equalAspect, x.span > 0, y.span > 0 else { return area }
    var rect = fitted(area, ratio: x.span / y.span)
    // Keep the axes against the left (labels stay by their axis) and the legend by them.
    rect.x = side == .below ? rect.x : area.x
    rect.y = side == .below ? area.y : rect.y
    return rect
  }

  /// `rect`, or when text and margins leave it less than a tenth of `cell` either way (a tiny
  /// figure, a huge font scale), the middle of `cell` with that tenth: the axes never get an
  /// empty or inverted viewport, whatever the size.
  static func atLeast(_ rect: Rect, in cell: Rect) -> Rect {
    var r = rect
    let minW = max(1, cell.width * 0.1)
    let minH = max(1, cell.height * 0.1)
    if !(r.width >= minW) {
      r.width = minW
      r.x = min(max(rect.x, cell.x), cell.maxX - minW)
    }
    if !(r.height >= minH) {
      r.height = minH
      r.y = min(max(rect.y, cell.y), cell.maxY - minH)
    }
    return r
  }

  /// The page pixel of a world point.
  func toPixel(_ p: WorldPoint) -> PixelPoint {
    PixelPoint(
      x: axes.x + (p.x - x.lower) / x.span * axes.width,
      y: axes.maxY - (p.y - y.lower) / y.span * axes.height)
  }

  /// Caption lines broken at spaces so that each fits `width` page pixels (a neighbouring
  /// panel's caption is never overwritten); a single word longer than `width` stays whole.
  static func wrapped(_ notes: [String], width: Double, painter: Painter) -> [String] {
    notes.flatMap { note -> [String] in
      var lines: [String] = []
      var line = ""
      for word in note.split(separator: " ", omittingEmptySubsequences: false) {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        if !line.isEmpty, painter.textWidth(candidate, em: HouseStyle.annotationEm) > width {
          lines.append(line)
          line = String(word)
        } else {
          line = candidate
        }
      }
      return lines + [line]
    }
  }

  /// The note on points not drawn at their value, in the figure's `words`.
  static func undrawnNote(_ plan: PanelPlan, words: FigureWords) -> [String] {
    let parts = plan.undrawn.map { item -> String in
      let name = item.label.isEmpty ? "–" : item.label
      var what: [String] = []
      if item.offFrame > 0 { what.append("\(item.offFrame)" + words.offFrame) }
      if item.undrawable > 0 { what.append("\(item.undrawable)" + words.undrawable) }
      return name + words.nameSeparator + what.joined(separator: ", ")
    }
    guard !parts.isEmpty else { return [] }
    return [words.undrawnHead + parts.joined(separator: "; ")]
  }
}

extension AxisScale {
  /// Whether a world value lies on the visible range.
  func contains(_ value: Double) -> Bool {
    value >= min(lower, upper) && value <= max(lower, upper)
  }
}
