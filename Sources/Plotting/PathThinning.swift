import Foundation

/// Thinning a dense polyline to the resolution it is drawn at: a 20,000-step descent path
/// keeps its shape within a pixel with a few hundred points (the data files keep every point).
enum PathThinning {
  /// How far, in page pixels, a point left out may lie from the polyline drawn.
  static let tolerance = 1.0
  /// A line with at most this many points per pixel of the axes' width is drawn whole, so that
  /// the markers of a sweep or a short path stay at every point.
  static let pointsPerPixel = 1.0
  /// The share of `tolerance` the first pass (dropping points near the last one kept) spends;
  /// the rest goes to the second (Douglas-Peucker).
  static let radialShare = 0.25

  /// The least distance between two markers of a series, in marker radii: a marker and a gap
  /// (a slow path's hundred markers a few pixels apart read as one caterpillar).
  static let markerCell = 2.5

  /// The indices of `points` to keep, in order, so that no two kept lie closer than `cell`
  /// (each point is kept when no point kept before it is that close): markers drawn on or
  /// against each other add nothing to the picture. Non-finite points are kept.
  ///
  /// Error Bounds: every point left out lies within `cell` of one kept.
  ///
  /// Complexity: O(n) expected (a grid of side `cell`; each point looks at nine cells).
  static func spread(_ points: [PixelPoint], cell: Double) -> [Int] {
    guard cell > 0 else { return Array(points.indices) }
    var grid: [[Int]: [PixelPoint]] = [:]
    return points.indices.filter { i in
      let p = points[i]
      guard p.x.isFinite, p.y.isFinite else { return true }
      let (gx, gy) = (Int((p.x / cell).rounded(.down)), Int((p.y / cell).rounded(.down)))
      for dx in -1...1 {
        for dy in -1...1 {
          if grid[[gx + dx, gy + dy]]?.contains(where: { distance($0, p) < cell }) == true {
            return false
          }
        }
      }
      grid[[gx, gy], default: []].append(p)
      return true
    }
  }

  /// The indices of `points` to keep, in order, first and last included, so that every point
  /// left out lies within `tolerance` of the polyline through the kept ones.
  ///
  /// Two passes: a point within `radialShare * tolerance` of the last point kept is dropped;
  /// then Douglas-Peucker drops, between two kept points, every point within the rest of the
  /// tolerance of the segment joining them (distance to the segment, not to its line, so a
  /// path that turns back keeps its turning point).
  ///
  /// Error Bounds: a point dropped in the first pass lies within `radialShare * tolerance` of
  /// a point the second pass sees, which lies within `(1 - radialShare) * tolerance` of the
  /// result: every point lies within `tolerance` of the polyline kept.
  ///
  /// Edge Cases: fewer than three points are kept whole; non-finite points are kept, and the
  /// finite runs between them thinned each on its own.
  ///
  /// Complexity: O(n log n) for paths that spread out, O(n²) at worst.
  static func kept(_ points: [PixelPoint], tolerance: Double = Self.tolerance) -> [Int] {
    var out: [Int] = []
    var run: [Int] = []
    func flush() {
      out += thinnedRun(run.map { points[$0] }, tolerance: tolerance).map { run[$0] }
      run = []
    }
    for (i, p) in points.enumerated() {
      if p.x.isFinite && p.y.isFinite {
        run.append(i)
      } else {
        flush()
        out.append(i)
      }
    }
    flush()
    return out
  }

  /// `kept` for finite points: indices into `points`.
  private static func thinnedRun(_ points: [PixelPoint], tolerance: Double) -> [Int] {
    guard points.count > 2 else { return Array(points.indices) }
    let radius = radialShare * tolerance
    var near: [Int] = [0]
    for i in 1..<(points.count - 1) where distance(points[i], points[near[near.count - 1]]) > radius
    {
      near.append(i)
    }
    near.append(points.count - 1)
    let rest = tolerance - radius
    var keep = [Bool](repeating: false, count: near.count)
    keep[0] = true
    keep[near.count - 1] = true
    var stack = [(0, near.count - 1)]
    while let (a, b) = stack.popLast() {
      guard b > a + 1 else { continue }
      var far = a
      var farthest = -1.0
      for k in (a + 1)..<b {
        let d = distance(points[near[k]], segment: points[near[a]], points[near[b]])
        if d > farthest { (far, farthest) = (k, d) }
      }
      guard farthest > rest else { continue }
      keep[far] = true
      stack.append((a, far))
      stack.append((far, b))
    }
    return near.indices.filter { keep[$0] }.map { near[$0] }
  }

  static func distance(_ p: PixelPoint, _ q: PixelPoint) -> Double {
    hypot(p.x - q.x, p.y - q.y)
  }

  /// The distance from `p` to the segment from `a` to `b`.
  static func distance(_ p: PixelPoint, segment a: PixelPoint, _ b: PixelPoint) -> Double {
    let (dx, dy) = (b.x - a.x, b.y - a.y)
    let length2 = dx * dx + dy * dy
    guard length2 > 0 else { return distance(p, a) }
    let t = min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
    return distance(p, PixelPoint(x: a.x + t * dx, y: a.y + t * dy))
  }
}

extension ResolvedSeries {
  /// The series as drawn in axes `width` pixels wide: a line denser than `pointsPerPixel` keeps
  /// only the points `PathThinning.kept` keeps at `toPixel`; anything else is unchanged.
  func thinned(axesWidth width: Double, toPixel: (WorldPoint) -> PixelPoint) -> ResolvedSeries {
    guard style == .line || style == .lineAndMarkers,
      Double(segments.reduce(0) { $0 + $1.count }) > PathThinning.pointsPerPixel * width
    else { return self }
    var copy = self
    copy.segments = segments.map { segment in
      PathThinning.kept(segment.map(toPixel)).map { segment[$0] }
    }
    return copy
  }
}

extension PanelLayout {
  /// The series thinned to the axes' resolution, and how each is drawn (the coincidence rule
  /// judged on the thinned lines).
  func analysedSeries() -> (shown: [ResolvedSeries], drawings: [SeriesDrawing], order: [Int]) {
    let shown = plan.series.map { $0.thinned(axesWidth: axes.width, toPixel: toPixel) }
    let polylines = shown.map { series in series.points.map { toPixel($0) } }
    let joined = shown.map { $0.style == .line || $0.style == .lineAndMarkers }
    let (drawings, order) = Coincidence.analysed(
      polylines, labels: shown.map(\.label),
      names: plan.panel.series.map { $0.name ?? $0.label }, dashes: shown.map(\.dash),
      joined: joined, marked: shown.map { $0.style == .markers || $0.style == .lineAndMarkers },
      guides: plan.panel.series.map { $0.isGuide || $0.isHighlight })
    // Highlights first: under the lines they highlight.
    let highlights = order.filter { shown[$0].isHighlight }
    return (shown, drawings, highlights + order.filter { !shown[$0].isHighlight })
  }
}
