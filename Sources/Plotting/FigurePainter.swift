import Foundation

/// Lays out the cells of a figure and draws its title and panels.
///
/// The layout's rules, beyond the grid of cells:
/// - Panels whose legends would be the same (the same labels, colours, dashes and markers)
///   share one legend, a strip under the panels in as many columns as fit; a note every panel
///   carries is written once, under the strip.
/// - A panel that an equal aspect leaves narrower than its cell gives the spare width to the
///   other panels of its row; alone in its row, it is centred.
struct FigurePainter {
  let figure: Figure
  let plans: [PanelPlan]
  let painter: Painter

  /// What is drawn where: a laid-out panel (or a surface's cell), the shared legend and notes.
  struct Layout {
    enum Item {
      case panel(PanelLayout)
      case surface(Rect)
    }
    var items: [Item]
    var sharedLegend: (box: LegendBox, frame: Rect)?
    var sharedNotes: [String]
    var notesTop: Double
  }

  private var s: Double { painter.scale }
  private var t: Double { painter.textScale }

  /// The area left for the panels once the title and subtitle are placed.
  private var body: Rect {
    let m = Self.margin * s
    var body = painter.page.inset(left: m, top: m, right: m, bottom: Self.bottomMargin * s)
    if let title = figure.title, !title.isEmpty {
      body = body.inset(top: HouseStyle.figureTitleEm * Self.titleBandEms * t)
    }
    if let subtitle = figure.subtitle, !subtitle.isEmpty {
      body = body.inset(top: HouseStyle.subtitleEm * Self.subtitleBandEms * t + subtitleDrop)
    }
    return body
  }

  /// The page's margin, in pixels times the page scale (the bottom's is smaller).
  static let margin = 6.0
  static let bottomMargin = 4.0
  /// The band of the figure's title, in its ems, and where its centre line sits.
  static let titleBandEms = 1.6
  static let titleDropEms = 1.05
  /// The band of the subtitle, in its ems: its line (the gap under it is the panels' margin).
  static let subtitleBandEms = 1.1
  /// Where the subtitle's centre line sits under the title's band, in subtitle ems.
  static let subtitleDropEms = 0.5

  /// How far the subtitle moves down when it has superscripts or the title subscripts, which
  /// would otherwise reach into the other's line.
  var subtitleDrop: Double {
    guard let subtitle = figure.subtitle else { return 0 }
    let raised = Markup.runs(subtitle).contains { $0.level > 0 }
    let lowered = Markup.runs(figure.title ?? "").contains { $0.level < 0 }
    return (raised ? PlacedText.scriptEms : 0) * HouseStyle.subtitleEm * t
      + (lowered ? PlacedText.scriptEms : 0) * HouseStyle.figureTitleEm
      * t
  }

  /// A description of a panel's legend entries, equal for panels whose legends look the same.
  static func legendSignature(_ plan: PanelPlan) -> [String] {
    let series = zip(plan.panel.series, plan.series).filter { !$0.0.label.isEmpty }.map { s, r in
      s.legendGroup.map { "group \($0) \(r.dash) \(r.style)" }
        ?? "\(s.label) \(r.color) \(r.dash) \(r.style) \(r.marker)"
    }
    let spans = plan.panel.spans.filter { !$0.label.isEmpty }.map {
      $0.legendGroup.map { "span group \($0)" }
        ?? "span \($0.label) \(String(describing: $0.color))"
    }
    let markers = plan.panel.verticalMarkers.filter { !$0.label.isEmpty }.map {
      "marker \($0.label) \(String(describing: $0.color)) \($0.dash)"
    }
    return Array(Set(series + spans + markers)).sorted()
  }

  /// Whether the panels share one legend: two or more flat panels, each with a legend, all
  /// alike.
  var sharesLegend: Bool {
    guard plans.count >= 2,
      plans.allSatisfy({ plan in
        if case .surface3D = plan.panel.content { return false }
        return plan.panel.legend != .none
      })
    else { return false }
    let first = Self.legendSignature(plans[0])
    return !first.isEmpty && plans.dropFirst().allSatisfy { Self.legendSignature($0) == first }
  }

  /// Whether some panel has points at 0 or ±∞: a shared legend then explains their edge marks.
  var hasEdgeMarks: Bool { plans.contains { $0.series.contains { $0.offFrame > 0 } } }

  /// Notes every panel carries (two panels or more): written once for the figure.
  var sharedNotes: [String] {
    guard plans.count >= 2 else { return [] }
    return plans[0].panel.notes.filter { note in plans.allSatisfy { $0.panel.notes.contains(note) }
    }
  }

  func layout() -> Layout {
    var area = body
    let shared = sharesLegend
    let notes = PanelLayout.wrapped(
      sharedNotes, width: area.width * LayoutMetrics.noteWidthShare, metrics: painter.metrics)
    let noteHeight = Double(notes.count) * HouseStyle.annotationEm * LayoutMetrics.noteLineEms * t
    let columns = max(1, min(figure.columns, plans.count))
    let rows = (plans.count + columns - 1) / columns
    var legend: (LegendBox, Rect)?
    if shared {
      let probe = PanelLayout(
        plan: plans[0], metrics: painter.metrics, cell: area, words: figure.words,
        options: .init(sharesLegend: true, sharedLegendMarksEdges: hasEdgeMarks))
      area = area.inset(bottom: noteHeight)
      if let inCell = legendInEmptyCells(probe, area: area, columns: columns, rows: rows) {
        legend = inCell
      } else {
        let box = probe.legendBox(asDrawn: false).fitted(toWidth: area.width * 0.96)
        let height = min(box.height, area.height * 0.4)
        area = area.inset(bottom: height + 8 * s)
        legend = (
          box,
          Rect(
            x: area.x + max(0, (area.width - box.width) / 2), y: area.maxY + 6 * s,
            width: box.width, height: height)
        )
      }
    } else {
      area = area.inset(bottom: noteHeight)
    }
    // Rows that write an x label (the bottom row, and one over an empty cell) are taller by
    // the label than rows that do not, so every row's axes come out the same height.
    let rowIndices = (0..<rows).map { Array(($0 * columns)..<min(plans.count, ($0 + 1) * columns)) }
    let labelled = rowIndices.map { $0.contains { !gridPlan($0).panel.xAxis.label.isEmpty } }
    let band = min(
      PanelLayout.xLabelBand(plans[plans.count - 1].panel.xAxis.label, metrics: painter.metrics),
      area.height / Double(4 * rows))
    let labelRoom = labelled.contains(false) ? band : 0
    let h = (area.height - labelRoom * Double(labelled.count { $0 })) / Double(rows)
    var items: [Layout.Item] = []
    var y = area.y
    for (row, indices) in rowIndices.enumerated() {
      let w = area.width / Double(columns)
      let height = h + (labelled[row] ? labelRoom : 0)
      let cells = indices.indices.map { k in
        Rect(x: area.x + Double(k) * w, y: y, width: w, height: height)
      }
      items += layOutRow(indices, cells: cells, shared: shared)
      y += height
    }
    return Layout(
      items: items, sharedLegend: legend, sharedNotes: notes,
      notesTop: max(legend.map { $0.1.maxY + 4 * s } ?? area.maxY, area.maxY))
  }

  /// The shared legend in the grid's empty cells (the last row's, right of its panels) when
  /// it fits there: three partials panels in a 2 x 2 grid give their fourth cell to the
  /// legend instead of giving up a strip of every panel's height under the grid.
  private func legendInEmptyCells(
    _ probe: PanelLayout, area: Rect, columns: Int, rows: Int
  ) -> (LegendBox, Rect)? {
    let empty = rows * columns - plans.count
    guard empty > 0, rows > 1 else { return nil }
    let (w, h) = (area.width / Double(columns), area.height / Double(rows))
    let cell = Rect(
      x: area.x + Double(columns - empty) * w, y: area.y + Double(rows - 1) * h,
      width: Double(empty) * w, height: h)
    let box = probe.legendBox(asDrawn: false).fitted(toWidth: cell.width * 0.9)
    guard box.width <= cell.width * 0.9, box.height <= cell.height * 0.85 else { return nil }
    return (
      box,
      Rect(
        x: cell.x + (cell.width - box.width) / 2, y: cell.y + (cell.height - box.height) / 2,
        width: box.width, height: box.height)
    )
  }

  /// The plan of panel `i` as drawn in the grid: when every flat panel has the same x (y)
  /// label, only the bottom row (left column) writes it.
  func gridPlan(_ i: Int) -> PanelPlan {
    var plan = plans[i]
    let flat = plans.filter {
      if case .surface3D = $0.panel.content { return false }
      return true
    }
    guard flat.count >= 2, flat.count == plans.count else { return plan }
    let columns = max(1, min(figure.columns, plans.count))
    let rows = (plans.count + columns - 1) / columns
    let sameX = Set(flat.map(\.panel.xAxis.label)).count == 1
    let sameY = Set(flat.map(\.panel.yAxis.label)).count == 1
    // The panel under this one, if any, writes the label instead.
    if sameX, i / columns < rows - 1, i + columns < plans.count { plan.panel.xAxis.label = "" }
    if sameY, i % columns > 0 { plan.panel.yAxis.label = "" }
    return plan
  }

  /// The room a row's panels keep alike, so that their axes line up.
  private struct RowRoom {
    /// Note lines under each panel: as many as the longest has.
    var noteLines = 0
    /// A legend under each panel at least this tall (when every panel has one there).
    var legendBelow = 0.0
  }

  /// Panel `i` of the grid laid out in `cell`.
  private func item(
    _ i: Int, cell: Rect, labelled: Bool, shared: Bool, room: RowRoom
  ) -> Layout.Item {
    if case .surface3D = plans[i].panel.content { return .surface(cell) }
    let options = PanelLayout.Options(
      sharesLegend: shared, omittedNotes: sharedNotes, reservedNoteLines: room.noteLines,
      reservesXLabel: labelled, noteBesideLabel: plans.count == 1,
      sharedLegendMarksEdges: shared && hasEdgeMarks,
      reservedLegendBelow: room.legendBelow)
    return .panel(
      PanelLayout(
        plan: gridPlan(i), metrics: painter.metrics, cell: cell, words: figure.words,
        options: options))
  }

  /// The room the row `items` keep alike where they differ (none where they agree): the most
  /// note lines, and the tallest legend under them when every one has its legend there.
  private static func rowRoom(_ items: [Layout.Item]) -> RowRoom {
    let panels = items.compactMap { item -> PanelLayout? in
      if case .panel(let p) = item { return p }
      return nil
    }
    var room = RowRoom()
    let lines = panels.map(\.notesBelow)
    if let most = lines.max(), lines.contains(where: { $0 < most }) { room.noteLines = most }
    let below = panels.filter { $0.side == .below && $0.legendFrame != nil }.map(\.legend.height)
    if below.count == items.count, let tallest = below.max(),
      below.contains(where: { $0 < tallest - 0.5 })
    {
      room.legendBelow = tallest
    }
    return room
  }

  /// Lays out one row of panels: equal-aspect panels narrower than their cells give the spare
  /// width to the others of the row; one left alone is centred in its cell.
  private func layOutRow(_ indices: [Int], cells: [Rect], shared: Bool) -> [Layout.Item] {
    // Panels of a row keep room for as many note lines as the longest has, for an x label
    // when one of them writes it, and for the tallest legend under them: their axes line up.
    let labelled = indices.contains { !gridPlan($0).panel.xAxis.label.isEmpty }
    func layOut(_ cells: [Rect], _ room: RowRoom) -> [Layout.Item] {
      zip(indices, cells).map { i, cell in
        item(i, cell: cell, labelled: labelled, shared: shared, room: room)
      }
    }
    var items = layOut(cells, RowRoom())
    // Twice: note room first, then the legends as laid out with it.
    var room = Self.rowRoom(items)
    if room.noteLines > 0 || room.legendBelow > 0 {
      items = layOut(cells, room)
      room.legendBelow = Self.rowRoom(items).legendBelow
      if room.legendBelow > 0 { items = layOut(cells, room) }
    }
    var spare = [Double](repeating: 0, count: items.count)
    for (k, item) in items.enumerated() {
      if case .panel(let p) = item, p.plan.panel.equalAspect {
        spare[k] = max(0, cells[k].width - p.usedWidth)
      }
    }
    let givers = spare.indices.filter { spare[$0] > 4 * s }
    let takers = spare.indices.filter { !givers.contains($0) }
    if !givers.isEmpty, !takers.isEmpty {
      let extra = givers.map { spare[$0] }.reduce(0, +) / Double(takers.count)
      var x = cells[0].x
      var resized = cells
      for k in cells.indices {
        resized[k].x = x
        resized[k].width = cells[k].width + (givers.contains(k) ? -spare[k] : extra)
        x += resized[k].width
      }
      items = layOut(resized, room)
    }
    return items.map { item in
      guard case .panel(var p) = item, p.plan.panel.equalAspect else { return item }
      p.shift(by: max(0, p.cell.width - p.usedWidth) / 2)
      return .panel(p)
    }
  }

  /// `em`, made smaller (down to half) when `text` would be wider than the page: a long title
  /// on a small figure with a large font scale (800x600 at 2) is set smaller, not cut off.
  func acrossPage(_ text: String, em: Double) -> Double {
    let (width, room) = (painter.textWidth(text, em: em), painter.page.width * 0.96)
    guard width > room, width > 0 else { return em }
    return em * max(0.5, room / width)
  }

  func draw() {
    painter.newPage()
    let layout = FigureLayout(self)
    for text in layout.headings { painter.draw(text) }
    for (k, (item, plan)) in zip(layout.cells.items, plans).enumerated() {
      switch item {
      case .panel(let p):
        PanelPainter(p, painter: painter, placement: layout.placements[k]).draw()
      case .surface(let cell): SurfacePainter(plan: plan, painter: painter, cell: cell).draw()
      }
    }
    if let (box, frame) = layout.cells.sharedLegend { box.draw(in: frame) }
    for text in layout.sharedNotes { painter.draw(text) }
  }
}
