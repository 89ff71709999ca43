import Foundation

/// The axes' rectangle, their ticks and the legend's contents.
extension PanelLayout {
  /// The legend of what is drawn and not labelled at its line (labels with their "(= other)"
  /// notes); the members of a legend group share one entry, where the first of them would be,
  /// in their colour, or in grey when their colours differ.
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
    // A series with nothing drawn (no point, no edge mark) has no entry in its own panel's
    // legend: it would name a mark the reader cannot find.
    for (i, series) in plan.series.enumerated()
    where !series.label.isEmpty && directLabels[i] == nil
      && !(asDrawn && series.points.isEmpty && series.offFrame == 0)
    {
      var drawn = series
      let known = asDrawn && i < drawings.count
      if known { drawn.dash = drawings[i].dash }
      let source = panel.series[i]
      if let group = source.legendGroup {
        guard groups.insert(group).inserted else { continue }
        let members = plan.series.indices.filter { panel.series[$0].legendGroup == group }
        if Set(members.map { plan.series[$0].color }).count > 1 {
          drawn.color = HouseStyle.reference
        }
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
    // The panel's own legend, or the figure's shared one (`asDrawn: false`), names the edge
    // marks where the figure has some.
    let marksEdges =
      asDrawn
      ? !options.sharesLegend && Self.legendExplainsEdgeMarks(plan, options: options)
      : options.sharedLegendMarksEdges
    if marksEdges {
      entries.append(LegendEntry(label: words.edgeMark, sample: .edgeMark(HouseStyle.reference)))
    }
    return LegendBox(entries: entries, painter: Painter(metrics))
  }

  func tickLabelWidth(_ axis: AxisScale) -> Double {
    tickLabels(axis).map { metrics.textWidth($0.1, em: HouseStyle.tickEm) }.max() ?? 0
  }

  /// Lays out the axes (with the legend inside, right or below), coarsens the ticks and decides
  /// how the series are drawn.
  mutating func layOut(_ side: LegendSide) {
    // The first note beside the x label where it fits there, else under it.
    for beside in firstNoteIsOneLine ? [true, false] : [false] {
      noteBesideLabel = beside
      (x, y) = (plan.x, plan.y)
      // Twice: the ticks coarsened for the first rectangle change the tick labels' width.
      for _ in 0..<2 {
        axes = axesRect(side)
        coarsenTicks()
      }
      if !beside || noteFitsBeside(width: axes.width) { break }
    }
    (shown, drawings, order) = analysedSeries()
    drawings = distinguished(drawings)
  }

  /// `drawings` with a labelled series that looks like an earlier one but for colour (same
  /// marker, same dash) given a dash none of those uses, so that every series reads without
  /// colour.
  func distinguished(_ drawings: [SeriesDrawing]) -> [SeriesDrawing] {
    var result = drawings
    var seen: [Int] = []
    for i in drawings.indices where i < shown.count {
      let source = panel.series[i]
      guard !source.label.isEmpty, !source.isGuide, !source.isHighlight, shown[i].style != .bars,
        shown[i].style != .markers
      else { continue }
      let look = { (k: Int) in LayoutRules.look(shown[k], dash: result[k].dash) }
      let alike = seen.filter { look($0) == look(i) }
      if !alike.isEmpty {
        let marker = look(i).split(separator: ",").first.map(String.init) ?? ""
        let used = Set(
          seen.filter { look($0).hasPrefix(marker + ",") }.map { "\(result[$0].dash)" })
        if let dash = [Dash.solid, .dashed, .dotted, .dashDot].first(where: {
          !used.contains("\($0)")
        }) {
          result[i].dash = dash
        }
      }
      seen.append(i)
    }
    return result
  }

  /// Coarsens the tick steps until the x labels have room between them and the y labels rows.
  private mutating func coarsenTicks() {
    while x.step < x.span {
      let widest =
        x.ticks.map { metrics.textWidth(x.label(atWorld: $0), em: HouseStyle.tickEm) }.max() ?? 0
      guard x.step / x.span * axes.width < widest + LayoutMetrics.xTickLabelGap * t else { break }
      let next = x.coarser()
      if x.isLog && next.ticks.filter({ !next.label(atWorld: $0).isEmpty }).count < 2 { break }
      x = next
    }
    // Powers of ten carry a raised exponent: they need more room.
    let rowHeight =
      HouseStyle.tickEm * (y.isLog ? LayoutMetrics.logTickRowEms : LayoutMetrics.linearTickRowEms)
      * t
    // A log axis keeps two labelled decades: it is not coarsened past that.
    while y.step < y.span && y.step / y.span * axes.height < rowHeight {
      let next = y.coarser()
      if y.isLog && next.ticks.filter({ !next.label(atWorld: $0).isEmpty }).count < 2 { break }
      y = next
    }
  }

  /// The data area inside the cell, leaving room for titles, tick labels, axis labels, notes
  /// and an outside legend; with `equalAspect`, shrunk so that a unit is as long on x as on y.
  private func axesRect(_ side: LegendSide) -> Rect {
    let left = pad + yLabelBand.width + tickLabelWidth(y) + LayoutMetrics.yTickGap * t
    var bottom =
      pad + HouseStyle.tickEm * LayoutMetrics.tickBandEms * t + xLabelHeight + notesHeight
    var right = pad + xTickOverhang(width: cell.width - left - pad)
    if side == .right && !legend.entries.isEmpty {
      right = max(right, pad + legend.width + LayoutMetrics.legendGap * s)
    }
    if side == .below && !legend.entries.isEmpty {
      bottom += max(legend.height, options.reservedLegendBelow) + LayoutMetrics.legendBelowGap * t
    }
    // Without a title, what the top tick label or a y label longer than the axes are tall
    // sticks out above them.
    let height = cell.height - pad - bottom
    let overhang = max(yTickOverhang(height: height), yLabelOverhang(height: height))
    // A title's band, and what a tick label sticks out above the axes past the title's foot.
    let titleFoot = (LayoutMetrics.titleRaiseEms - PlacedText.lineEms / 2) * HouseStyle.titleEm * t
    let top =
      pad
      + (panel.title.isEmpty
        ? overhang
        : HouseStyle.titleEm * LayoutMetrics.titleBandEms * t + max(0, overhang - titleFoot))
    let area = Self.atLeast(
      cell.inset(left: left, top: top, right: right, bottom: bottom), in: cell)
    guard panel.equalAspect, x.span > 0, y.span > 0 else { return area }
    var rect = fitted(area, ratio: x.span / y.span)
    // Keep the axes against the left (labels stay by their axis) and the legend by them.
    rect.x = side == .below ? rect.x : area.x
    rect.y = side == .below ? area.y : rect.y
    return rect
  }

  /// How far the x tick labels reach right of axes that would be `width` wide were it not for
  /// them: the axes end where the last label ends, or at least at their last tick.
  private func xTickOverhang(width: Double) -> Double {
    Self.overhang(
      tickLabels(x).map { value, text in
        (
          x.span > 0 ? (value - x.lower) / x.span : 1,
          metrics.textWidth(text, em: HouseStyle.tickEm) / 2
        )
      }, length: width)
  }

  /// How far the y tick labels reach above axes that would be `height` tall were it not for
  /// them (a raised exponent reaches further).
  private func yTickOverhang(height: Double) -> Double {
    Self.overhang(
      tickLabels(y).map { value, text in
        (
          y.span > 0 ? (value - y.lower) / y.span : 1,
          PlacedText.reach(text, em: metrics.em(HouseStyle.tickEm)).up
        )
      }, length: height)
  }

  /// How far a y label longer than axes `height` tall (less what it takes) reaches above
  /// them, centred on them and set smaller as far as `fittedEm` allows.
  private func yLabelOverhang(height: Double) -> Double {
    let w = metrics.textWidth(panel.yAxis.label, em: HouseStyle.labelEm)
    guard w > 0 else { return 0 }
    // Set to fit the axes and their margins, never below the smallest share.
    let shortest = w * LayoutMetrics.smallestTextShare
    let o = max(0, (max(shortest, min(w, height + 2 * pad)) - height) / 2)
    // The axes shorten by what it takes: the label, set at its smallest, reaches that far more.
    return shortest > height + 2 * pad ? (shortest - height + o) / 2 : min(o, pad)
  }

  /// The labelled ticks of an axis, majors and the 2x and 5x ones of a log axis.
  func tickLabels(_ axis: AxisScale) -> [(Double, String)] {
    (axis.ticks.map { ($0, axis.label(atWorld: $0)) }
      + axis.intermediateLogLabels.map { ($0, axis.intermediateLabel(atWorld: $0)) })
      .filter { !$0.1.isEmpty }
  }

  /// How far texts at `place` (shares of an axis of `length` pixels, from its start) reach
  /// past its end by `reach` pixels, the axis shortened by that overhang `o` to make room:
  /// each needs `o >= reach - (1 - place) (length - o)`.
  static func overhang(_ texts: [(place: Double, reach: Double)], length: Double) -> Double {
    texts.map { place, reach in
      let f = min(1, max(0, place))
      return f > 0 ? max(0, (reach - (1 - f) * length) / f) : 0
    }.max() ?? 0
  }

  /// `rect`, or when text and margins leave it less than a tenth of `cell` either way (a tiny
  /// figure, a huge font scale), the middle of `cell` with that tenth: the axes never get an
  /// empty or inverted viewport, whatever the size.
  static func atLeast(_ rect: Rect, in cell: Rect) -> Rect {
    var r = rect
    let minW = max(1, cell.width * LayoutMetrics.minimumAxesShare)
    let minH = max(1, cell.height * LayoutMetrics.minimumAxesShare)
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

  /// Caption lines broken at spaces so that each fits `width` page pixels (a neighbouring
  /// panel's caption is never overwritten) and `Markup.maximumCharacters`; a single word
  /// longer than that stays whole.
  static func wrapped(_ notes: [String], width: Double, metrics: PageMetrics) -> [String] {
    notes.flatMap { note -> [String] in
      var lines: [String] = []
      var line = ""
      for word in unbroken(note) {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        // No line past what one text call draws (`Markup.maximumCharacters`): it would be cut.
        let tooLong =
          metrics.textWidth(candidate, em: HouseStyle.annotationEm) > width
          || Markup.plain(candidate).count > Markup.maximumCharacters
        if !line.isEmpty, tooLong {
          lines.append(line)
          line = String(word)
        } else {
          line = candidate
        }
      }
      return lines + [line]
    }
  }

  /// The words of `note` for wrapping: split at spaces, but an equation sign keeps both its
  /// sides on its line (`f'''(x) = -1` is never cut at its `=`).
  static func unbroken(_ note: String) -> [String] {
    var words: [String] = []
    var joinNext = false
    for word in note.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
      let sign = word == "=" || word == "≈"
      if sign || joinNext, let last = words.popLast() {
        words.append(last + " " + word)
      } else {
        words.append(word)
      }
      joinNext = sign
    }
    return words
  }

  /// The note on points not drawn at their value (past a fixed axis's range included), in the
  /// figure's `words`; series with the same counts share one entry ("forward, central: 34 each
  /// at 0 or ±∞, ..."). Points at 0 or ±∞ are left out when `leavingOutOffFrame` (the legend
  /// explains their edge marks).
  static func undrawnNote(
    _ plan: PanelPlan, words: FigureWords, leavingOutOffFrame: Bool = false
  ) -> [String] {
    // Series of one name (a learning rate's paths by analytic and numerical gradients) are
    // counted together, under the name once.
    var merged: [Undrawn] = []
    for item in plan.undrawn {
      if let k = merged.firstIndex(where: { $0.label == item.label }) {
        merged[k].add(item)
      } else {
        merged.append(item)
      }
    }
    // Entries of several names, with the counts they share (the first name's `Undrawn`).
    var groups: [(names: [String], counts: Undrawn)] = []
    for var item in merged {
      if leavingOutOffFrame { item.offFrame = 0 }
      guard item.total > 0 else { continue }
      let name = item.label.isEmpty ? "–" : item.label
      // Names with a comma of their own ("η = 0.1, multiplicative") are not listed together.
      if !name.contains(","),
        let k = groups.firstIndex(where: {
          $0.counts.countsMatch(item) && !$0.names.contains { $0.contains(",") }
        })
      {
        groups[k].names.append(name)
      } else {
        groups.append(([name], item))
      }
    }
    let parts = groups.map { group -> String in
      let (shared, c) = (group.names.count > 1, group.counts)
      let count = { (n: Int) in shared ? words.eachBefore + "\(n)" + words.eachAfter : "\(n)" }
      var what: [String] = []
      if c.offFrame > 0 { what.append(count(c.offFrame) + words.offFrame) }
      if c.beyond > 0 { what.append(count(c.beyond) + words.beyond) }
      if c.hidden > 0 { what.append(count(c.hidden) + words.hidden) }
      if c.undrawable > 0 { what.append(count(c.undrawable) + words.undrawable) }
      return group.names.joined(separator: ", ") + words.nameSeparator
        + what.joined(separator: ", ")
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

  /// Whether a world value lies on the visible range, give or take a millionth of its span
  /// (a point on the edge of a fixed range, after rounding, is on it).
  func isVisible(_ value: Double) -> Bool {
    let slack = 1e-6 * abs(upper - lower)
    return value >= min(lower, upper) - slack && value <= max(lower, upper) + slack
  }
}
