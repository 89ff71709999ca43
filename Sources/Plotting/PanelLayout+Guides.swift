import Foundation

/// Slope guides: a labelled reference line spanning the whole axes is drawn as a stretch of
/// it, placed where neither the stretch nor its label (beside the stretch's end) is crossed
/// by the data, and where the label lies clear of every other label.
extension PanelLayout {
  /// The visible part of a reference line, as world x bounds, or `nil` when it misses the axes.
  func visibleInterval(_ line: ReferenceLine) -> (
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

  /// Every reference line as drawn: a labelled line without an x range as a stretch with its
  /// label, the others whole. `taken` are the boxes the labels must keep clear of.
  func placedGuides(avoiding taken: [Rect]) -> [GuidePlacement] {
    let data = drawnSegments()
    var placed: [GuidePlacement] = []
    for (k, line) in panel.referenceLines.enumerated() {
      guard let v = visibleInterval(line) else { continue }
      let at = { (wx: Double) in self.toPixel(WorldPoint(x: wx, y: v.ay + line.slope * (wx - v.ax))) }
      let others = taken + placed.compactMap { $0.label?.box }
      guard !line.label.isEmpty, line.xRange == nil else {
        // Drawn as given; a label beside its end, where one fits.
        let (start, end) = (at(v.from), at(v.to))
        let label =
          line.label.isEmpty
          ? nil
          : guideLabel(line, start: start, end: end, taken: others, data: data + [(start, end)])
            .label
        placed.append(
          GuidePlacement(
            index: k, from: v.from, to: v.to, start: start, end: end, label: label))
        continue
      }
      var best: (GuidePlacement, Int)?
      let candidates = LayoutMetrics.guideLengthShares.flatMap { length in
        LayoutMetrics.guideEnds.map { (length * x.span, $0) }
      }
      for (length, share) in candidates {
        let to = v.from + share * (v.to - v.from)
        let from = max(v.from, to - length)
        let (start, end) = (at(from), at(to))
        let (label, clear) = guideLabel(
          line, start: start, end: end, taken: others, data: data + [(start, end)])
        var crossings = data.count { segmentsCross(start, end, $0.0, $0.1) }
        crossings += others.count { $0.isCrossed(from: start, to: end) } * 1000
        crossings += clear ? 0 : 1000
        let candidate = GuidePlacement(
          index: k, from: from, to: to, start: start, end: end, label: label)
        let score = crossings + (label == nil ? 10_000 : 0)
        if score < best?.1 ?? .max { best = (candidate, score) }
        if score == 0 { break }
      }
      if let best { placed.append(best.0) }
    }
    return placed
  }

  /// The label of a guide beside an end of its stretch (right of its end, above it, left of
  /// its start, below its end, below its start), inside the axes and clear of `taken`, the first clear of `data` too
  /// (`clear`); `nil` when none is inside and clear of `taken`.
  private func guideLabel(
    _ line: ReferenceLine, start: PixelPoint, end: PixelPoint, taken: [Rect],
    data: [(PixelPoint, PixelPoint)]
  ) -> (label: PlacedText?, clear: Bool) {
    let em = HouseStyle.annotationEm
    let w = metrics.textWidth(line.label, em: em)
    let (up, down) = PlacedText.reach(line.label, em: metrics.em(em))
    let gap = LayoutMetrics.guideLabelGapEms * metrics.em(em)
    let h = up + down
    let mid = PixelPoint(x: (start.x + end.x) / 2, y: (start.y + end.y) / 2)
    // Beside the end first, then the start, then the middle of the stretch; at an end inside
    // the frame's corner, hanging below or standing above it.
    let candidates = [
      Rect(x: end.x + gap, y: end.y - up, width: w, height: h),
      Rect(x: end.x - w / 2, y: end.y - gap - h, width: w, height: h),
      Rect(x: start.x - gap - w, y: start.y - up, width: w, height: h),
      Rect(x: end.x - w / 2, y: end.y + gap, width: w, height: h),
      Rect(x: start.x - w / 2, y: start.y + gap, width: w, height: h),
      Rect(x: end.x - gap - w, y: end.y - up, width: w, height: h),
      Rect(x: end.x - gap - w, y: end.y + gap, width: w, height: h),
      Rect(x: start.x + gap, y: start.y - up, width: w, height: h),
      Rect(x: start.x + gap, y: start.y - gap - h, width: w, height: h),
      Rect(x: mid.x - gap - w, y: mid.y - up, width: w, height: h),
      Rect(x: mid.x + gap, y: mid.y - up, width: w, height: h),
    ]
    let inside = candidates.filter {
      axes.contains($0.x, $0.y) && axes.contains($0.maxX, $0.maxY)
        && !taken.contains(where: $0.overlaps)
    }
    let clear = inside.first { isClear($0, of: data, points: []) }
    guard let box = clear ?? inside.first else { return (nil, false) }
    let label = PlacedText(
      line.label, role: .guideLabel, x: box.x, y: box.y + up, em: em,
      color: line.color.map(HouseStyle.color) ?? HouseStyle.reference, within: axes,
      metrics: metrics)
    return (label, clear != nil)
  }
}
