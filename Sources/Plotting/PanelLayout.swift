import Foundation

/// Where everything of one panel goes, in page pixels: a pure value computed from the panel,
/// its cell and the page's measures, before anything is drawn (no PLplot, no Cairo).
///
/// The decisions, in order: the notes are wrapped to the cell; the series that can be labelled
/// at the right end of their lines get a direct label (``directLabels``), the others go in the
/// legend; the axes take what the titles, tick labels, axis labels, notes and an outside legend
/// leave (equal aspect shrinks them), tick steps are coarsened until their labels do not
/// collide; the legend goes in the candidate box inside the axes covering no data, else beside
/// or under them; slope guides get a stretch and a label clear of the data (``guides``).
/// ``texts`` lists every text box; `FigureRules` checks them.
struct PanelLayout {
  /// What the figure decides for a panel beyond the panel itself.
  struct Options {
    /// The figure draws one legend for all its panels: this panel draws none, and says in a
    /// note which of its series coincide.
    var sharesLegend = false
    /// Notes the figure writes once for all its panels.
    var omittedNotes: [String] = []
    /// Room for at least this many note lines (a row's panels line their axes up).
    var reservedNoteLines = 0
    /// Room for an x label even without one (a row-mate writes one).
    var reservesXLabel = false
    /// The first note may go beside the x label (a figure of one panel: in a grid, notes
    /// stay centred under each panel alike).
    var noteBesideLabel = true
    /// The shared legend explains the edge marks (some panel has points at 0 or ±∞).
    var sharedLegendMarksEdges = false
    /// Room for a legend under the axes at least this tall (a row's panels line their axes up).
    var reservedLegendBelow = 0.0
  }

  let plan: PanelPlan
  let metrics: PageMetrics
  let cell: Rect
  let options: Options
  /// The words the renderer writes by itself (the note and legend entry on edge marks).
  let words: FigureWords
  /// Caption lines under the axes: the panel's notes and what was not drawn.
  var notes: [String]
  /// The axes with tick steps coarsened until their labels do not collide.
  var x: AxisScale
  var y: AxisScale
  /// The data area in page pixels.
  var axes: Rect
  /// How each series is drawn (dash, markers, legend label).
  var drawings: [SeriesDrawing] = []
  /// The order the series are drawn in (indices into the plan's series).
  var order: [Int] = []
  /// The plan's series as drawn: dense lines thinned to the axes' resolution.
  var shown: [ResolvedSeries] = []
  /// Where the legend is drawn, or `nil` for no legend.
  var legendFrame: Rect?
  /// The columns of the legend: one beside or inside the axes; under them, as many as fit.
  var legendColumns = 1
  /// Series labelled at their line (by index into the plan's series), with their labels.
  var directLabels: [Int: PlacedText] = [:]
  /// The legend's side.
  var side = LegendSide.inside
  /// The panel's first note is written beside the x label, on its line (the label at the
  /// axes' right end, the note from their left end), where both fit: a line of height saved.
  var noteBesideLabel = false
  /// Whether the first note takes one line (only such a note goes beside the x label).
  var firstNoteIsOneLine = false
  /// Note lines moved inside the axes (``moveNotesInside(_:)``), and the box they sit in.
  var insideNotes: [String] = []
  var notesBox: Rect?

  /// Where the legend goes.
  enum LegendSide {
    case inside, right, below
  }

  init(
    plan: PanelPlan, metrics: PageMetrics, cell: Rect, words: FigureWords = .english,
    options: Options = Options()
  ) {
    self.plan = plan
    self.metrics = metrics
    self.cell = cell
    self.options = options
    self.words = words
    let edgesInLegend = Self.legendExplainsEdgeMarks(plan, options: options)
    var given =
      plan.panel.notes.filter { !options.omittedNotes.contains($0) }
      + Self.undrawnNote(plan, words: words, leavingOutOffFrame: edgesInLegend)
    let width = cell.width * LayoutMetrics.noteWidthShare
    // The shortest note of one line comes first: the one that may go beside the x label.
    let oneLine = given.indices.filter {
      Self.wrapped([given[$0]], width: width, metrics: metrics).count == 1
    }
    if let k = oneLine.min(by: {
      metrics.textWidth(given[$0], em: HouseStyle.annotationEm)
        < metrics.textWidth(given[$1], em: HouseStyle.annotationEm)
    }) {
      given.insert(given.remove(at: k), at: 0)
    }
    notes = Self.wrapped(given, width: width, metrics: metrics)
    firstNoteIsOneLine = !oneLine.isEmpty
    (x, y, axes) = (plan.x, plan.y, cell)
    layOut(.inside)
    if options.sharesLegend {
      let remarks = remarkNote
      guard !remarks.isEmpty else { return }
      notes += Self.wrapped(
        remarks, width: cell.width * LayoutMetrics.noteWidthShare, metrics: metrics)
      layOut(.inside)
      return
    }
    labelLines()
    placeLegend()
    moveNotesInside(given)
    clearLabelsOfGuides()
  }

  var panel: Panel { plan.panel }

  /// Whether a legend, the panel's own or the figure's shared one, explains the edge marks of
  /// the panel's points at 0 or ±∞ (then its note on undrawn points leaves them out); a panel
  /// without a legend says it in that note.
  static func legendExplainsEdgeMarks(_ plan: PanelPlan, options: Options) -> Bool {
    guard plan.series.contains(where: { $0.offFrame > 0 }) else { return false }
    return options.sharesLegend ? options.sharedLegendMarksEdges : plan.panel.legend != .none
  }
  var s: Double { metrics.scale }
  var t: Double { metrics.textScale }
  var pad: Double { LayoutMetrics.padding * s }

  /// Labels the lines that have room at their right end, then lays out again for the rest.
  mutating func labelLines() {
    guard panel.legend != .none else { return }
    directLabels = placedDirectLabels()
  }

  /// Puts the legend of what is not labelled at its line: inside the axes over no data when it
  /// fits, else beside or under them.
  mutating func placeLegend() {
    let box = legend
    guard !box.entries.isEmpty, panel.legend != .none else { return }
    // Outside was asked for a legend of every series; with some labelled at their lines, what
    // is left goes inside when it covers nothing there.
    if panel.legend != .outsideRight || !directLabels.isEmpty {
      // A corner asked for is a preference: kept when it covers no data, else the emptiest
      // candidate box (the asked corner first among equals), else outside.
      let preferred =
        [.best, .outsideRight].contains(panel.legend)
        ? nil : box.frame(in: axes, placement: panel.legend)
      let (frame, covered) = box.emptiestFrame(
        in: axes, avoiding: occupiedPixels(), preferring: preferred)
      let fits =
        box.height <= LayoutMetrics.legendInsideShare * axes.height
        && box.width <= LayoutMetrics.legendInsideShare * axes.width
      // Over no data only: a legend no empty spot holds goes beside or under the axes.
      if fits && covered == 0 {
        legendFrame = frame
        return
      }
    }
    placeOutside()
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
    let lastX =
      x.ticks.last.map { metrics.textWidth(x.label(atWorld: $0), em: HouseStyle.tickEm) } ?? 0
    var right = axes.maxX + lastX / 2 + pad
    if let frame = legendFrame { right = max(right, frame.maxX + pad) }
    for label in directLabels.values { right = max(right, label.box.maxX + pad) }
    if !panel.title.isEmpty {
      let w = metrics.textWidth(panel.title, em: HouseStyle.titleEm)
      right = max(right, axes.x + axes.width / 2 + w / 2 + pad)
    }
    let widest = notes.map { metrics.textWidth($0, em: HouseStyle.annotationEm) }.max() ?? 0
    return min(cell.width, max(right - cell.x, widest + 2 * pad))
  }

  /// Moves the axes, the legend, the notes inside the axes and the labels right by `dx`
  /// pixels (centring what an equal aspect left narrower than its cell).
  mutating func shift(by dx: Double) {
    axes.x += dx
    legendFrame?.x += dx
    notesBox?.x += dx
    for (i, label) in directLabels { directLabels[i] = label.moved(by: dx) }
  }

  /// Puts the legend beside the axes on the right, or under them when that leaves the axes
  /// clearly more room (an equal-aspect map in a tall cell).
  private mutating func placeOutside() {
    legendColumns = 1
    layOut(.right)
    let right = (axes, x, y, drawings, legend.frame(in: axes, placement: .outsideRight))
    legendColumns = legend.fitted(toWidth: cell.width * LayoutMetrics.noteWidthShare).columns
    layOut(.below)
    let box = legend
    let belowArea = axes.width * axes.height
    if belowArea > LayoutMetrics.belowAdvantage * right.0.width * right.0.height {
      let top =
        axes.maxY + HouseStyle.tickEm * LayoutMetrics.tickBandEms * t + xLabelHeight
        + notesHeight + LayoutMetrics.legendBelowSpace * t
      // Centred under the axes, kept inside the cell (a box of several columns can be
      // wider than the axes).
      let left = min(max(cell.x, axes.x + (axes.width - box.width) / 2), cell.maxX - box.width)
      legendFrame = Rect(x: left, y: top, width: box.width, height: box.height)
      side = .below
    } else {
      legendColumns = 1
      (axes, x, y, drawings, legendFrame) = right
      side = .right
    }
    // The axes moved: the labels at the lines move with them.
    if !directLabels.isEmpty { directLabels = placedDirectLabels(among: Set(directLabels.keys)) }
  }

  /// The room under the tick labels for the x label (kept when a row-mate writes one).
  var xLabelHeight: Double {
    panel.xAxis.label.isEmpty && !options.reservesXLabel
      ? 0 : Self.xLabelBand(panel.xAxis.label, metrics: metrics)
  }

  /// The band an x label takes: its reach above and below its centre line (a subscript
  /// reaches lower) and a little space.
  static func xLabelBand(_ label: String, metrics: PageMetrics) -> Double {
    let em = metrics.em(HouseStyle.labelEm)
    let (up, down) = PlacedText.reach(label, em: em)
    return up + down + 2 * LayoutMetrics.xLabelSpaceEms * em
  }

  /// The band left of the y tick labels a y label takes, and how far left of them its centre
  /// line sits (a subscript of the rotated label reaches towards them).
  var yLabelBand: (width: Double, offset: Double) {
    guard !panel.yAxis.label.isEmpty else { return (0, 0) }
    let em = metrics.em(HouseStyle.labelEm)
    let (up, down) = PlacedText.reach(panel.yAxis.label, em: em)
    let gap = LayoutMetrics.yLabelGapEms * em
    return (up + down + gap, down + gap)
  }
  /// The note lines under the x label's line (the one beside it does not count).
  var notesBelow: Int { noteBesideLabel ? notes.count - 1 : notes.count }
  /// The room for the notes under the x label (as many lines as the row's longest).
  var notesHeight: Double { Double(max(notesBelow, options.reservedNoteLines)) * noteLineHeight }
  /// The height of a line of notes, under the axes or inside them.
  var noteLineHeight: Double { HouseStyle.annotationEm * LayoutMetrics.noteLineEms * t }
  /// The radius of an edge mark's triangle: its half-width across the side it points through.
  var edgeMarkRadius: Double { HouseStyle.markerRadius * LayoutMetrics.edgeMarkRadius * t }
  /// Whether the first note, one line, fits beside the x label under axes `width` wide.
  func noteFitsBeside(width: Double) -> Bool {
    // On the x label's line: only where there is one (or room for one).
    guard options.noteBesideLabel, firstNoteIsOneLine, !notes.isEmpty,
      !panel.xAxis.label.isEmpty || options.reservesXLabel
    else {
      return false
    }
    let label =
      panel.xAxis.label.isEmpty ? 0 : metrics.textWidth(panel.xAxis.label, em: HouseStyle.labelEm)
    let note = metrics.textWidth(notes[0], em: HouseStyle.annotationEm)
    return note + label + metrics.em(HouseStyle.annotationEm) * LayoutMetrics.noteBesideGapEms
      <= width
  }

  /// The page pixel of a world point.
  func toPixel(_ p: WorldPoint) -> PixelPoint {
    PixelPoint(
      x: axes.x + (p.x - x.lower) / x.span * axes.width,
      y: axes.maxY - (p.y - y.lower) / y.span * axes.height)
  }
}
