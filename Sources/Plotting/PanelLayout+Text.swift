import Foundation

/// Every text of a panel, placed: title, tick labels, axis labels, notes, annotations, the
/// labels at lines and at guides. The painter draws these and nothing else.
extension PanelLayout {
  /// What a panel draws beyond its series, placed once: its texts and its guides.
  struct Placement {
    var texts: [PlacedText]
    var guides: [GuidePlacement]
  }

  func placement() -> Placement {
    var texts = headingTexts() + tickTexts() + annotationTexts()
    texts += directLabels.keys.sorted().compactMap { directLabels[$0] }
    let guides = placedGuides(
      avoiding: texts.filter { $0.role != .tickLabel }.map(\.box) + (legendFrame.map { [$0] } ?? []))
    texts += guides.compactMap(\.label)
    if let frame = legendFrame {
      texts.append(
        PlacedText(
          "", role: .legend, x: frame.x, y: frame.y + frame.height / 2, em: 0, within: frame,
          metrics: metrics
        ).sized(frame))
    }
    return Placement(texts: texts, guides: guides)
  }

  /// `em`, made smaller (down to `smallestTextShare`) when `text` would be wider than `room`
  /// at that size: a panel title over a narrow cell, a y label along short axes.
  func fittedEm(_ text: String, em: Double, into room: Double) -> Double {
    let w = metrics.textWidth(text, em: em)
    guard w > room, w > 0 else { return em }
    return em * max(LayoutMetrics.smallestTextShare, room / w)
  }

  /// The title, the axis labels and the notes.
  private func headingTexts() -> [PlacedText] {
    var texts: [PlacedText] = []
    if !panel.title.isEmpty {
      // Raised over a top tick label reaching past the title's foot (the axes made room).
      let reach = tickLabels(y).map { value, text in
        PlacedText.reach(text, em: metrics.em(HouseStyle.tickEm)).up
          - (toPixel(WorldPoint(x: x.lower, y: value)).y - axes.y)
      }.max() ?? 0
      let foot = (LayoutMetrics.titleRaiseEms - PlacedText.lineEms / 2) * metrics.em(HouseStyle.titleEm)
      texts.append(
        PlacedText(
          panel.title, role: .title, x: axes.x + axes.width / 2,
          y: axes.y - HouseStyle.titleEm * LayoutMetrics.titleRaiseEms * t - max(0, reach - foot),
          em: fittedEm(
            panel.title, em: HouseStyle.titleEm, into: cell.width * LayoutMetrics.textWidthShare),
          justify: 0.5, within: cell, metrics: metrics))
    }
    let band = axes.maxY + HouseStyle.tickEm * LayoutMetrics.tickBandEms * t
    let labelEm = metrics.em(HouseStyle.labelEm)
    let labelLine =
      band + LayoutMetrics.xLabelSpaceEms * labelEm
      + PlacedText.reach(panel.xAxis.label, em: labelEm).up
    if !panel.xAxis.label.isEmpty {
      // At the axes' right end when a note shares its line, else centred.
      texts.append(
        PlacedText(
          panel.xAxis.label, role: .axisLabel,
          x: noteBesideLabel ? axes.maxX : axes.x + axes.width / 2, y: labelLine,
          em: HouseStyle.labelEm, justify: noteBesideLabel ? 1 : 0.5, within: cell,
          metrics: metrics))
    }
    if !panel.yAxis.label.isEmpty {
      let lx =
        axes.x - tickLabelWidth(y) - LayoutMetrics.yTickGap * t
        - yLabelBand.offset
      texts.append(
        PlacedText(
          vertical: panel.yAxis.label, role: .axisLabel, x: lx, y: axes.y + axes.height / 2,
          em: fittedEm(panel.yAxis.label, em: HouseStyle.labelEm, into: axes.height + 2 * pad),
          metrics: metrics))
    }
    return texts + noteTexts(labelLine: labelLine, band: band) + insideNoteTexts()
  }

  /// The notes: under the x label, centred; with one beside it, all from the axes' left end.
  private func noteTexts(labelLine: Double, band: Double) -> [PlacedText] {
    var texts: [PlacedText] = []
    // Notes with one beside the x label start together: where the axes start, or as far
    // left of that as the widest needs.
    let widest = notes.map { metrics.textWidth($0, em: HouseStyle.annotationEm) }.max() ?? 0
    let noteLeft = max(cell.x + pad, min(axes.x, cell.maxX - pad - widest))
    if noteBesideLabel, let note = notes.first {
      texts.append(
        PlacedText(
          note, role: .note, x: noteLeft, y: labelLine, em: HouseStyle.annotationEm,
          color: HouseStyle.reference, within: cell, metrics: metrics))
    }
    var ny = band + xLabelHeight + HouseStyle.annotationEm * LayoutMetrics.firstNoteDropEms * t
    // Under a note beside the x label, the others start where it starts; else centred.
    for note in notes.dropFirst(noteBesideLabel ? 1 : 0) {
      texts.append(
        PlacedText(
          note, role: .note, x: noteBesideLabel ? noteLeft : cell.x + cell.width / 2, y: ny,
          em: HouseStyle.annotationEm, justify: noteBesideLabel ? 0 : 0.5,
          color: HouseStyle.reference, within: cell, metrics: metrics))
      ny += noteLineHeight
    }
    return texts
  }

  /// Major tick labels, and on a log axis with few labelled decades the 2× and 5× ones too;
  /// a label whose box would touch one placed before is left out.
  private func tickTexts() -> [PlacedText] {
    let em = HouseStyle.tickEm
    let page = metrics.page.inset(left: 2, top: 2, right: 2, bottom: 2)
    // The y labels first: an x label at the corner that would touch one is left out.
    var ys: [PlacedText] = []
    for (value, text) in tickLabels(y) {
      let label = PlacedText(
        text, role: .tickLabel, x: axes.x - LayoutMetrics.yTickGap * t,
        y: toPixel(WorldPoint(x: x.lower, y: value)).y, em: em, justify: 1, within: page,
        metrics: metrics)
      guard !ys.contains(where: { $0.box.overlaps(label.box) }) else { continue }
      ys.append(label)
    }
    let xy = axes.maxY + LayoutMetrics.xTickGap * t + em * LayoutMetrics.tickHalfHeightEms * t
    // The space on each side of an x label, kept on both labels' sides.
    let space = 2 * LayoutMetrics.tickLabelSpace * t
    var xs: [PlacedText] = []
    for (value, text) in tickLabels(x) {
      let label = PlacedText(
        text, role: .tickLabel, x: toPixel(WorldPoint(x: value, y: y.lower)).x, y: xy, em: em,
        justify: 0.5, within: page, metrics: metrics)
      let spaced = label.box.inset(left: -space, top: 0, right: -space, bottom: 0)
      guard !(xs + ys).contains(where: { $0.box.overlaps(spaced) }) else { continue }
      xs.append(label)
    }
    return xs + ys
  }

  /// The annotations at their data points (set smaller when wider than the axes, kept inside
  /// them), and "∅" in an empty panel.
  func annotationTexts() -> [PlacedText] {
    var texts: [PlacedText] = panel.annotations.compactMap { note in
      guard let wx = x.world(note.x), let wy = y.world(note.y) else { return nil }
      let p = toPixel(WorldPoint(x: wx, y: wy))
      let justify = note.alignment == .left ? 0 : note.alignment == .center ? 0.5 : 1
      return PlacedText(
        note.text, role: .annotation, x: p.x, y: p.y,
        em: fittedEm(
          note.text, em: HouseStyle.annotationEm, into: axes.width * LayoutMetrics.textWidthShare),
        justify: justify, color: note.color.map(HouseStyle.color) ?? HouseStyle.text,
        within: axes, metrics: metrics)
    }
    if plan.isEmpty {
      texts.append(
        PlacedText(
          "∅", role: .annotation, x: axes.x + axes.width / 2, y: axes.y + axes.height / 2,
          em: HouseStyle.titleEm * 2, justify: 0.5, color: HouseStyle.reference,
          within: metrics.page, metrics: metrics))
    }
    return texts
  }
}

extension PlacedText {
  /// The text with `frame` as its box (a legend: its frame is what it covers).
  func sized(_ frame: Rect) -> PlacedText {
    var copy = self
    copy.box = frame
    return copy
  }
}
