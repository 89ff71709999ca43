import Foundation

/// A slope guide as laid out: the stretch of its line drawn, and its label beside the end.
struct GuidePlacement {
  /// Index into the panel's reference lines.
  var index: Int
  /// The world x range drawn.
  var from: Double
  var to: Double
  /// The drawn stretch's ends in page pixels.
  var start: PixelPoint
  var end: PixelPoint
  var label: PlacedText?
}

/// Labels at lines: series labelled at the right end of their lines, slope guides with their
/// label beside their end. Each label is placed where no drawn line crosses it and no other
/// text lies; a series whose label finds no such place goes in the legend.
extension PanelLayout {
  /// The series that may be labelled at their line: labelled, not guides, not grouped, not
  /// bars, in a plain panel whose legend is not shared nor asked for in a corner.
  var directCandidates: [Int] {
    // A legend asked for in a corner stays a legend.
    guard case .xy = panel.content, !options.sharesLegend,
      [.best, .outsideRight].contains(panel.legend)
    else {
      return []
    }
    return plan.series.indices.filter { i in
      let s = panel.series[i]
      return !s.label.isEmpty && !s.isGuide && !s.isHighlight && s.legendGroup == nil
        && s.style != .bars && (i >= drawings.count || drawings[i].remark == nil)
    }
  }

  /// Every drawn line in page pixels, as segments clipped to the axes: series (guides and fit
  /// strokes included), vertical markers and the visible stretches of the reference lines
  /// given.
  func drawnSegments(guides: [GuidePlacement] = []) -> [(PixelPoint, PixelPoint)] {
    var segments: [(PixelPoint, PixelPoint)] = []
    for series in shown where series.style == .line || series.style == .lineAndMarkers {
      for run in series.segments.flatMap(clippedRuns) {
        segments += zip(run, run.dropFirst()).map { ($0, $1) }
      }
    }
    segments += guides.map { ($0.start, $0.end) }
    // Vertical markers: a full-height line (gradcheck's kink step), a tick at the bottom.
    for marker in panel.verticalMarkers {
      guard let (bottom, top) = reach(of: marker) else { continue }
      segments.append((toPixel(bottom), toPixel(top)))
    }
    return segments
  }

  /// The parts of a polyline inside the axes, in page pixels, as the painter draws them: one
  /// run from each entry into the frame to the next exit (a dash pattern carries on along a
  /// run). A point at ±∞ or far off (a diverging path) is clipped here, not by PLplot, whose
  /// integer device coordinates overflow and draw such a segment outside the frame.
  func clippedRuns(_ points: [WorldPoint]) -> [[PixelPoint]] {
    let (bx, by) = (x.lower...x.upper, y.lower...y.upper)
    let finite = points.map { FrameExits.finite($0, x: bx, y: by) }
    var runs: [[PixelPoint]] = []
    var run: [PixelPoint] = []
    for (a, b) in zip(finite, finite.dropFirst()) {
      guard let (from, to) = clippedToAxes(toPixel(a), toPixel(b)) else { continue }
      if let last = run.last, hypot(last.x - from.x, last.y - from.y) < 1e-6 {
        run.append(to)
      } else {
        if run.count >= 2 { runs.append(run) }
        run = [from, to]
      }
    }
    if run.count >= 2 { runs.append(run) }
    return runs
  }

  /// The part of a pixel segment inside the axes, or `nil` when it misses them.
  func clippedToAxes(_ a: PixelPoint, _ b: PixelPoint) -> (PixelPoint, PixelPoint)? {
    guard let (t0, t1) = axes.clip(from: a, to: b) else { return nil }
    let (dx, dy) = (b.x - a.x, b.y - a.y)
    return (
      PixelPoint(x: a.x + t0 * dx, y: a.y + t0 * dy), PixelPoint(x: a.x + t1 * dx, y: a.y + t1 * dy)
    )
  }

  /// Whether `box`, grown by a marker's radius, is clear of every segment and every point.
  func isClear(_ box: Rect, of segments: [(PixelPoint, PixelPoint)], points: [PixelPoint]) -> Bool {
    let r = HouseStyle.markerRadius * t
    let grown = box.inset(left: -r, top: -r, right: -r, bottom: -r)
    return !segments.contains { grown.isCrossed(from: $0.0, to: $0.1) }
      && !points.contains { grown.contains($0.x, $0.y) }
  }

  /// Labels at the right end of the lines of `among` (all candidates when `nil`) where they fit:
  /// above or below the line near its end, clear of every line, point, annotation and other
  /// label. `besides` are more lines to keep clear of, `taken` more boxes (slope guides and
  /// their labels placed).
  func placedDirectLabels(
    among: Set<Int>? = nil, besides: [(PixelPoint, PixelPoint)] = [], taken given: [Rect] = []
  ) -> [Int: PlacedText] {
    // Reference lines drawn as given (not slope guides placed later, clear of these labels).
    let fixed = panel.referenceLines.enumerated().compactMap {
      k, line -> (PixelPoint, PixelPoint)? in
      guard line.label.isEmpty || line.xRange != nil, let v = visibleInterval(line) else {
        return nil
      }
      let at = { (wx: Double) in self.toPixel(WorldPoint(x: wx, y: v.ay + line.slope * (wx - v.ax)))
      }
      return (at(v.from), at(v.to))
    }
    let segments = drawnSegments() + fixed + besides
    // Markers, and the marks at the frame where a series leaves it.
    let points =
      (shown.filter { $0.style != .line }.flatMap { $0.points.map(toPixel) }
      + edgeMarkPixels).filter { axes.contains($0.x, $0.y) }
    var placed: [Int: PlacedText] = [:]
    // The annotations stand where their data put them: the labels go around them.
    let annotations = annotationTexts().map(\.box)
    // Two labels side by side keep a space between them, or they read as one.
    let gap = LayoutMetrics.labelGapEms * metrics.em(HouseStyle.annotationEm)
    for i in directCandidates where among?.contains(i) ?? true {
      let line = shown[i].points.filter { x.contains($0.x) && y.contains($0.y) }.map(toPixel)
      guard let end = line.last else { continue }
      let reach = end.x - LayoutMetrics.directLabelSpan * axes.width
      let label = i < drawings.count ? drawings[i].label : shown[i].label
      for anchor in line.reversed() where anchor.x >= reach {
        let taken =
          annotations + given
          + placed.values.map { $0.box.inset(left: -gap, top: 0, right: -gap, bottom: 0) }
        if let text = directLabel(
          label, color: shown[i].color, at: anchor, clearOf: segments, points: points,
          taken: taken)
        {
          placed[i] = text
          break
        }
      }
    }
    return placed
  }

  /// Labels at lines that a slope guide (placed after them, clear of the data) crosses, placed
  /// again clear of the guides and their labels where such a place is found.
  mutating func clearLabelsOfGuides() {
    guard !directLabels.isEmpty, panel.referenceLines.contains(where: { !$0.label.isEmpty })
    else { return }
    let guides = placement().guides
    let segments = guides.map { ($0.start, $0.end) }
    let boxes = guides.compactMap { $0.label?.box }
    let crossed = directLabels.filter { _, label in
      segments.contains { label.box.isCrossed(from: $0.0, to: $0.1) }
        || boxes.contains { $0.overlaps(label.box) }
    }.map(\.key)
    guard !crossed.isEmpty else { return }
    let kept = directLabels.filter { !crossed.contains($0.key) }
    let moved = placedDirectLabels(
      among: Set(crossed), besides: segments, taken: boxes + kept.values.map(\.box))
    for (i, label) in moved { directLabels[i] = label }
  }

  /// The first of the boxes beside `anchor` (above left, below left, above right, below right)
  /// inside the axes and clear of lines, points and `taken` boxes.
  private func directLabel(
    _ label: String, color: HouseStyle.RGB, at anchor: PixelPoint,
    clearOf segments: [(PixelPoint, PixelPoint)], points: [PixelPoint], taken: [Rect]
  ) -> PlacedText? {
    let em = HouseStyle.legendEm
    let w = metrics.textWidth(label, em: em)
    let (up, down) = PlacedText.reach(label, em: metrics.em(em))
    let gap = LayoutMetrics.directLabelGap * t + HouseStyle.markerRadius * t
    for (dx, dy) in [(-1.0, -1.0), (-1, 1), (1, -1), (1, 1)] {
      // Right of the anchor, clear of the line leaving it downwards or upwards.
      let left = dx < 0 ? anchor.x - w : anchor.x + gap
      let cy = dy < 0 ? anchor.y - gap - down : anchor.y + gap + up
      let box = Rect(x: left, y: cy - up, width: w, height: up + down)
      guard axes.contains(box.x, box.y), axes.contains(box.maxX, box.maxY),
        !taken.contains(where: { $0.overlaps(box) }),
        isClear(box, of: segments, points: points)
      else { continue }
      return PlacedText(
        label, role: .directLabel, x: left, y: cy, em: em, color: color, within: axes,
        metrics: metrics)
    }
    return nil
  }
}
