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

  private var panel: Panel { plan.panel }

  /// The room under the tick labels for the x label (kept when a row-mate writes one) and for
  /// the notes (as many lines as the row's longest): the axes, the notes and a legend below
  /// all place themselves by these.
  private var xLabelHeight: Double {
    panel.xAxis.label.isEmpty && !xLabelRoom ? 0 : HouseStyle.labelEm * 1.5 * t
  }
  private var notesHeight: Double {
    Double(max(notes.count, noteRoom)) * HouseStyle.annotationEm * 1.45 * t
  }
  private static let padding = 12.0
  private var s: Double { painter.scale }
  private var t: Double { painter.textScale }

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

  private func tickLabelWidth(_ axis: AxisScale) -> Double {
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

  // MARK: - Drawing

  func draw() {
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
    drawSpans()
    if let contour = plan.contour {
      ContourPainter(painter: painter).draw(contour.grid, levels: contour.levels)
    } else {
      drawGrid()
    }
    drawReferenceLines()
    for i in order where i < drawings.count { drawSeries(shown[i], drawings[i]) }
    drawVerticalMarkers()
    drawFrame()
    drawEdgeMarks()
    drawAnnotations()
    drawReferenceLabels()
    drawTickLabels()
    drawLabels()
    if let frame = legendFrame { legend.draw(in: frame) }
  }

  private func drawSpans() {
    for span in panel.spans {
      guard let a = x.world(span.x.lowerBound), let b = x.world(span.x.upperBound) else { continue }
      let rgb = span.color.map(HouseStyle.color) ?? HouseStyle.span
      let left = toPixel(WorldPoint(x: max(min(a, b), x.lower), y: y.lower)).x
      let right = toPixel(WorldPoint(x: min(max(a, b), x.upper), y: y.lower)).x
      guard right > left else { continue }
      SpanPainter(painter: painter).fill(
        rgb, rect: Rect(x: left, y: axes.y, width: right - left, height: axes.height))
    }
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
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

  private func minorOption(_ axis: AxisScale) -> String {
    axis.minorSubdivisions.draw && !(axis.isInteger && axis.step == 1) ? "s" : ""
  }

  private func drawFrame() {
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
    painter.dash(.solid)
    painter.width(HouseStyle.axisWidth)
    painter.color(HouseStyle.axes)
    c_plsmaj(6 * t * 25.4 / 72, 1)
    c_plsmin(3.5 * t * 25.4 / 72, 1)
    // Ticks outside ("i"); the labels are drawn by drawTickLabels.
    let xo = "bti" + minorOption(x) + boxOptions(x)
    let yo = "bti" + minorOption(y) + boxOptions(y)
    c_plbox(xo, x.step, x.minorSubdivisions.count, yo, y.step, y.minorSubdivisions.count)
    c_plbox("c", 0, 0, "c", 0, 0)
  }

  /// Major tick labels, and on a log axis with few labelled decades the 2× and 5× ones too,
  /// each kept inside the page.
  private func drawTickLabels() {
    painter.color(HouseStyle.text)
    let em = HouseStyle.tickEm
    let xy = axes.maxY + 10 * t + em * 0.6 * t
    var taken: [ClosedRange<Double>] = []
    let xLabels =
      x.ticks.map { ($0, x.label(atWorld: $0)) }
      + x.intermediateLogLabels.map { ($0, x.intermediateLabel(atWorld: $0)) }
    for (value, text) in xLabels where !text.isEmpty {
      let px = toPixel(WorldPoint(x: value, y: y.lower)).x
      let w = painter.textWidth(text, em: em)
      let extent = (px - w / 2 - 4 * t)...(px + w / 2 + 4 * t)
      guard !taken.contains(where: { $0.overlaps(extent) }) else { continue }
      taken.append(extent)
      painter.pageText(text, x: px, y: xy, em: em, justify: 0.5)
    }
    taken = []
    let yLabels =
      y.ticks.map { ($0, y.label(atWorld: $0)) }
      + y.intermediateLogLabels.map { ($0, y.intermediateLabel(atWorld: $0)) }
    for (value, text) in yLabels where !text.isEmpty {
      let py = toPixel(WorldPoint(x: x.lower, y: value)).y
      let extent = (py - em * 0.6 * t)...(py + em * 0.6 * t)
      guard !taken.contains(where: { $0.overlaps(extent) }) else { continue }
      taken.append(extent)
      painter.pageText(text, x: axes.x - 11 * t, y: py, em: em, justify: 1)
    }
  }

  /// Where each line series leaves the frame, with the side; for markers only, the points
  /// beyond the frame, pinned to its edge.
  var edgeMarks: [(point: PixelPoint, side: FrameExits.Side, color: HouseStyle.RGB)] {
    let (bx, by) = (x.lower...x.upper, y.lower...y.upper)
    return shown.filter { $0.style != .bars }.flatMap { series in
      series.segments.flatMap { segment in
        let exits =
          series.style == .markers
          ? segment.filter { !$0.isFinite }.map { p in
            let side: FrameExits.Side =
              p.y.isInfinite ? (p.y < 0 ? .bottom : .top) : (p.x < 0 ? .left : .right)
            let pinned = WorldPoint(
              x: min(max(p.x, bx.lowerBound), bx.upperBound),
              y: min(max(p.y, by.lowerBound), by.upperBound))
            return (point: pinned, side: side)
          }
          : FrameExits.exits(segment, x: bx, y: by)
        return exits.map { (toPixel($0.point), $0.side, series.color) }
      }
    }
  }

  /// A filled triangle inside the frame, its tip on the edge, pointing out.
  private func drawEdgeMarks() {
    painter.pixelViewport(painter.page)
    let r = HouseStyle.markerRadius * 1.3 * t
    for mark in edgeMarks {
      let (px, py) = (mark.point.x, mark.point.y)
      let (xs, ys): ([Double], [Double])
      switch mark.side {
      case .bottom: (xs, ys) = ([px - r, px + r, px], [py - 1.7 * r, py - 1.7 * r, py])
      case .top: (xs, ys) = ([px - r, px + r, px], [py + 1.7 * r, py + 1.7 * r, py])
      case .left: (xs, ys) = ([px + 1.7 * r, px + 1.7 * r, px], [py - r, py + r, py])
      case .right: (xs, ys) = ([px - 1.7 * r, px - 1.7 * r, px], [py - r, py + r, py])
      }
      painter.color(mark.color)
      painter.fill(xs, ys)
      painter.color(HouseStyle.background)
      painter.width(0.9)
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

  private func drawReferenceLines() {
    for line in panel.referenceLines {
      guard let v = visibleInterval(line) else { continue }
      let yAt = { (wx: Double) in v.ay + line.slope * (wx - v.ax) }
      painter.color(line.color.map(HouseStyle.color) ?? HouseStyle.reference)
      painter.width(HouseStyle.referenceWidth)
      painter.dash(line.dash)
      painter.line([v.from, v.to], [yAt(v.from), yAt(v.to)])
      painter.dash(.solid)
    }
  }

  /// Reference-line labels: beside the line, in page pixels, at the place along its visible
  /// part (and the side) where the label's box covers the fewest series pixels.
  var referenceLabels: [(text: String, at: PixelPoint, color: HouseStyle.RGB)] {
    let data = seriesPixels()
    return panel.referenceLines.compactMap { line in
      guard !line.label.isEmpty, let v = visibleInterval(line) else { return nil }
      let w = painter.textWidth(line.label, em: HouseStyle.annotationEm)
      let h = HouseStyle.annotationEm * 1.2 * t
      let offset = HouseStyle.annotationEm * 0.9 * t
      var best: (PixelPoint, Int)?
      for fraction in [0.8, 0.65, 0.5, 0.35, 0.9, 0.2] {
        let lx = v.from + fraction * (v.to - v.from)
        let a = toPixel(WorldPoint(x: lx, y: v.ay + line.slope * (lx - v.ax)))
        let dx = 1e-3 * x.span
        let b = toPixel(WorldPoint(x: lx + dx, y: v.ay + line.slope * (lx + dx - v.ax)))
        let angle = atan2(b.y - a.y, b.x - a.x)
        for side in [1.0, -1.0] {
          let at = PixelPoint(
            x: a.x + side * sin(angle) * offset, y: a.y - side * cos(angle) * offset)
          let box = Rect(x: at.x - w / 2, y: at.y - h / 2, width: w, height: h)
          guard axes.contains(box.x, box.y), axes.contains(box.maxX, box.maxY) else { continue }
          let covered = data.count { box.contains($0.x, $0.y) }
          if covered < best?.1 ?? .max { best = (at, covered) }
        }
      }
      guard let at = best?.0 else { return nil }
      return (line.label, at, line.color.map(HouseStyle.color) ?? HouseStyle.reference)
    }
  }

  private func drawReferenceLabels() {
    for label in referenceLabels {
      painter.color(label.color)
      painter.pageText(
        label.text, x: label.at.x, y: label.at.y, em: HouseStyle.annotationEm, justify: 0.5,
        within: axes)
    }
  }

  private func drawAnnotations() {
    for note in panel.annotations {
      guard let wx = x.world(note.x), let wy = y.world(note.y) else { continue }
      let p = toPixel(WorldPoint(x: wx, y: wy))
      painter.color(note.color.map(HouseStyle.color) ?? HouseStyle.text)
      let justify = note.alignment == .left ? 0 : note.alignment == .center ? 0.5 : 1
      // Wider than the axes: smaller, so that it stays inside them rather than over the ticks.
      painter.pageText(
        note.text, x: p.x, y: p.y,
        em: fittedEm(note.text, em: HouseStyle.annotationEm, into: axes.width * 0.98),
        justify: justify, within: axes)
    }
    if plan.isEmpty {
      painter.color(HouseStyle.reference)
      painter.pageText(
        "∅", x: axes.x + axes.width / 2, y: axes.y + axes.height / 2, em: HouseStyle.titleEm * 2,
        justify: 0.5)
    }
  }

  private func drawLabels() {
    painter.color(HouseStyle.text)
    if !panel.title.isEmpty {
      painter.pageText(
        panel.title, x: axes.x + axes.width / 2, y: axes.y - HouseStyle.titleEm * 0.85 * t,
        em: fittedEm(panel.title, em: HouseStyle.titleEm, into: cell.width * 0.98), justify: 0.5,
        within: cell)
    }
    let ly = axes.maxY + (HouseStyle.tickEm * 1.9 + HouseStyle.labelEm * 0.75) * t
    if !panel.xAxis.label.isEmpty {
      painter.pageText(
        panel.xAxis.label, x: axes.x + axes.width / 2, y: ly, em: HouseStyle.labelEm,
        justify: 0.5, within: cell)
    }
    if !panel.yAxis.label.isEmpty {
      painter.pixelViewport(painter.page)
      painter.textSize(
        em: fittedEm(panel.yAxis.label, em: HouseStyle.labelEm, into: axes.height + 2 * pad))
      let lx = axes.x - tickLabelWidth(y) - (12 + HouseStyle.labelEm * 0.8) * t
      painter.text(
        panel.yAxis.label, x: lx, y: axes.y + axes.height / 2, dx: 0, dy: -1, justify: 0.5)
    }
    var ny =
      axes.maxY + HouseStyle.tickEm * 1.9 * t + xLabelHeight + HouseStyle.annotationEm * 0.7 * t
    painter.color(HouseStyle.reference)
    for note in notes {
      painter.pageText(
        note, x: cell.x + cell.width / 2, y: ny, em: HouseStyle.annotationEm, justify: 0.5,
        within: cell)
      ny += HouseStyle.annotationEm * 1.45 * t
    }
  }

  private var pad: Double { Self.padding * s }

  /// `em`, made smaller (down to 60%) when `text` would be wider than `room` at that size: a
  /// panel title over a narrow cell, a y label along short axes.
  func fittedEm(_ text: String, em: Double, into room: Double) -> Double {
    let w = painter.textWidth(text, em: em)
    guard w > room, w > 0 else { return em }
    return em * max(0.6, room / w)
  }

  /// Page pixels covered by what the legend must not hide: lines sampled every few pixels,
  /// markers, bars, edge marks, reference lines and their labels, annotations.
  func occupiedPixels() -> [PixelPoint] {
    var pixels = seriesPixels()
    func sample(_ a: PixelPoint, _ b: PixelPoint) {
      let n = max(1, Int((hypot(b.x - a.x, b.y - a.y) / 3).rounded(.up)))
      pixels += (0...n).map { k in
        let f = Double(k) / Double(n)
        return PixelPoint(x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y))
      }
    }
    for line in panel.referenceLines {
      guard let v = visibleInterval(line) else { continue }
      let yAt = { (wx: Double) in v.ay + line.slope * (wx - v.ax) }
      sample(
        toPixel(WorldPoint(x: v.from, y: yAt(v.from))), toPixel(WorldPoint(x: v.to, y: yAt(v.to))))
    }
    for label in referenceLabels {
      let w = painter.textWidth(label.text, em: HouseStyle.annotationEm) / 2
      sample(
        PixelPoint(x: label.at.x - w, y: label.at.y), PixelPoint(x: label.at.x + w, y: label.at.y))
    }
    for note in panel.annotations {
      guard let wx = x.world(note.x), let wy = y.world(note.y) else { continue }
      let p = toPixel(WorldPoint(x: wx, y: wy))
      let w = painter.textWidth(note.text, em: HouseStyle.annotationEm)
      let x0 = p.x - (note.alignment == .left ? 0 : note.alignment == .center ? w / 2 : w)
      sample(PixelPoint(x: x0, y: p.y), PixelPoint(x: x0 + w, y: p.y))
    }
    for marker in panel.verticalMarkers {
      guard let (bottom, top) = reach(of: marker) else { continue }
      sample(toPixel(bottom), toPixel(top))
    }
    pixels += edgeMarks.map(\.point)
    return pixels.filter { axes.contains($0.x, $0.y) }
  }

  /// Page pixels of the series: lines sampled every 3 pixels, points, bars.
  func seriesPixels() -> [PixelPoint] {
    var pixels: [PixelPoint] = []
    let bounds = x.lower...x.upper
    let yBounds = y.lower...y.upper
    func sample(_ a: PixelPoint, _ b: PixelPoint) {
      let n = max(1, Int((hypot(b.x - a.x, b.y - a.y) / 3).rounded(.up)))
      pixels += (0...n).map { k in
        let f = Double(k) / Double(n)
        return PixelPoint(x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y))
      }
    }
    for series in shown {
      if series.style == .bars {
        let half = (series.barWidth ?? x.span / 10) / 2
        let base = y.isLog ? y.lower : min(max(0, y.lower), y.upper)
        for p in series.points {
          for fx in stride(from: -1.0, through: 1.0, by: 0.25) {
            sample(
              toPixel(WorldPoint(x: p.x + fx * half, y: base)),
              toPixel(WorldPoint(x: p.x + fx * half, y: p.y)))
          }
        }
        continue
      }
      for segment in series.segments {
        let finite = segment.map { FrameExits.finite($0, x: bounds, y: yBounds) }
        pixels += finite.map(toPixel)
        if series.style != .markers {
          for (a, b) in zip(finite, finite.dropFirst()) {
            let ca = WorldPoint(
              x: min(max(a.x, x.lower), x.upper), y: min(max(a.y, y.lower), y.upper))
            let cb = WorldPoint(
              x: min(max(b.x, x.lower), x.upper), y: min(max(b.y, y.lower), y.upper))
            sample(toPixel(ca), toPixel(cb))
          }
        }
      }
    }
    return pixels.filter { axes.contains($0.x, $0.y) }
  }
}

extension AxisScale {
  /// Whether a world value lies on the visible range.
  func contains(_ value: Double) -> Bool {
    value >= min(lower, upper) && value <= max(lower, upper)
  }
}
