import Foundation

/// A point in page pixels.
struct PixelPoint: Equatable {
  var x: Double
  var y: Double
}

/// How a series is drawn once the panel's rules have been applied to it.
struct SeriesDrawing: Equatable {
  var dash: Dash
  /// Draw the marker at point `i` (of the series' drawable points, in order).
  var markerAt: [Bool]
  /// The legend label, with "(= other)" or "(≈ other)" when it coincides with another series.
  var label: String
  /// "= other" or "≈ other" when the series coincides with an earlier one, else `nil`.
  var remark: String? = nil
}

/// Series that coincide on screen, and how to tell them apart.
///
/// Two series overlap when most of one's points lie within `tolerance` pixels of the other's
/// line (or of its points, for markers only). Every line of a group of overlapping series
/// after the first takes a dash none of the earlier lines uses, and the markers of those that
/// draw markers alternate along the stretch they share (marked member `m` of `k` draws the
/// shared points `i` with `i % k == m`): the one underneath stays visible, and a series'
/// markers are never thinned out for a line that draws none in their place. Only series that
/// coincide, one line at the figure's resolution (every point of each within `tolerance` of the
/// other's line), get a legend remark naming the other by its short name: "=" when every point
/// of both lies within `exact` pixels of the other, "≈" otherwise; a series that shares only a
/// stretch (a short path along a long one, two sweeps that meet in their round-off range) gets
/// none. Guides
/// (model curves) take no part. A series most of whose points lie on a later series' line,
/// while the later one is not on it (a short path along a long one), is drawn after it: see
/// ``order``.
///
/// Complexity: O(n m) per pair of series of n and m points.
enum Coincidence {
  /// How far, in pixels, a point may lie from the other series' line for the two to coincide:
  /// about the width of the lines drawn.
  static let tolerance = 1.0
  /// Within this many pixels everywhere the legend says "=", else "≈".
  static let exact = 0.25
  /// The share of a series' points on another's line that makes the two overlap (another dash,
  /// alternating markers), or puts it on top of a later one (``order``).
  static let majority = 0.5

  /// For each series (pixel polylines, each with its points in order): how to draw it.
  /// `names` are the short names a remark uses (the labels when not given); `guides` are
  /// left alone; `marked` says which series draw markers (all when not given).
  static func drawings(
    _ polylines: [[PixelPoint]], labels: [String], names: [String]? = nil, dashes: [Dash],
    joined: [Bool], marked: [Bool]? = nil, guides: [Bool]? = nil
  ) -> [SeriesDrawing] {
    let guides = guides ?? Array(repeating: false, count: polylines.count)
    return drawings(
      polylines, labels: labels, names: names ?? labels, dashes: dashes,
      near: nearness(polylines, joined: joined, guides: guides), joined: joined,
      marked: marked ?? Array(repeating: true, count: polylines.count), guides: guides)
  }

  /// How each series is drawn and in which order, from one comparison of every pair.
  static func analysed(
    _ polylines: [[PixelPoint]], labels: [String], names: [String], dashes: [Dash],
    joined: [Bool], marked: [Bool], guides: [Bool]
  ) -> (drawings: [SeriesDrawing], order: [Int]) {
    let near = nearness(polylines, joined: joined, guides: guides)
    return (
      drawings(
        polylines, labels: labels, names: names, dashes: dashes, near: near, joined: joined,
        marked: marked, guides: guides),
      order(polylines, near: near)
    )
  }

  private static func drawings(
    _ polylines: [[PixelPoint]], labels: [String], names: [String], dashes: [Dash],
    near: [[[Bool]]], joined: [Bool], marked: [Bool], guides: [Bool]
  ) -> [SeriesDrawing] {
    let n = polylines.count
    var group = Array(0..<n)  // the first member of each series' group
    // "=" or "≈" for a series that is one line with its group's first, nil for one that only
    // shares a stretch with it.
    var sign = [String?](repeating: nil, count: n)
    for b in 0..<n where polylines[b].count >= 2 && !guides[b] {
      for a in 0..<b where group[a] == a && polylines[a].count >= 2 && !guides[a] {
        let fraction = Double(near[b][a].count(where: { $0 })) / Double(polylines[b].count)
        guard fraction >= majority else { continue }
        group[b] = a
        if !near[b][a].contains(false) && !near[a][b].contains(false) {
          let equal =
            lies(polylines[b], on: polylines[a], joined: joined[a], within: exact)
            && lies(polylines[a], on: polylines[b], joined: joined[b], within: exact)
          sign[b] = equal ? "=" : "≈"
        }
        break
      }
    }
    var result: [SeriesDrawing] = []
    for b in 0..<n {
      let members = (0..<n).filter { group[$0] == group[b] }
      let rank = members.firstIndex(of: b)!
      var dash = dashes[b]
      // Markers alone draw no line: they neither take a dash nor use one up.
      if rank > 0, joined[b] {
        let used = members.prefix(rank).filter { joined[$0] }.map { result[$0].dash }
        if used.contains(dash) {
          dash = [Dash.dashed, .dotted, .dashDot, .solid].first { !used.contains($0) } ?? dash
        }
      }
      // Markers alternate among the members that draw them.
      let markers = members.filter { marked[$0] }
      let markerRank = markers.firstIndex(of: b) ?? 0
      let markerAt = polylines[b].indices.map { i in
        let shared = markers.contains { $0 != b && near[b][$0][i] }
        return !shared || i % markers.count == markerRank
      }
      var label = labels[b]
      var remark: String?
      if rank > 0, let sign = sign[b], !label.isEmpty, !labels[members[0]].isEmpty {
        remark = "\(sign) \(names[members[0]])"
        label += " (\(remark!))"
      }
      result.append(SeriesDrawing(dash: dash, markerAt: markerAt, label: label, remark: remark))
    }
    return result
  }

  /// `near[b][a][i]`: point `i` of series `b` lies within `tolerance` of series `a`.
  private static func nearness(
    _ polylines: [[PixelPoint]], joined: [Bool], guides: [Bool]
  ) -> [[[Bool]]] {
    let n = polylines.count
    return (0..<n).map { b in
      (0..<n).map { a in
        a == b || guides[a] || guides[b]
          ? [] : polylines[b].map { isNear($0, polylines[a], joined: joined[a]) }
      }
    }
  }

  /// The order to draw the series in: each series mostly lying on a later series' line while
  /// the later one does not lie on it (a short path hidden under a long one) moves after it.
  static func order(_ polylines: [[PixelPoint]], joined: [Bool], guides: [Bool]) -> [Int] {
    order(polylines, near: nearness(polylines, joined: joined, guides: guides))
  }

  private static func order(_ polylines: [[PixelPoint]], near: [[[Bool]]]) -> [Int] {
    let n = polylines.count
    func covered(_ a: Int, by b: Int) -> Bool {
      guard !near[a][b].isEmpty, polylines[a].count >= 1 else { return false }
      let fraction = Double(near[a][b].count(where: { $0 })) / Double(polylines[a].count)
      let back =
        near[b][a].isEmpty
        ? 0 : Double(near[b][a].count(where: { $0 })) / Double(polylines[b].count)
      return fraction >= majority && back < majority
    }
    var order = Array(0..<n)
    for a in (0..<n).reversed() {
      guard let last = (a + 1..<n).last(where: { covered(a, by: $0) }),
        let from = order.firstIndex(of: a), let to = order.firstIndex(of: last)
      else { continue }
      order.remove(at: from)
      order.insert(a, at: to)  // `to` shifted down by one: right after `last`
    }
    return order
  }

  /// Whether every point of `points` lies within `r` pixels of `line`.
  static func lies(_ points: [PixelPoint], on line: [PixelPoint], joined: Bool, within r: Double)
    -> Bool
  {
    points.allSatisfy { isNear($0, line, joined: joined, within: r) }
  }

  /// Whether `p` lies within `r` (`tolerance` unless given) of a polyline (of its points when
  /// not `joined`): segments whose box is farther are skipped, and the first near one ends the
  /// search.
  static func isNear(
    _ p: PixelPoint, _ line: [PixelPoint], joined: Bool, within r: Double = tolerance
  ) -> Bool {
    if !joined || line.count == 1 {
      return line.contains {
        abs($0.x - p.x) <= r && abs($0.y - p.y) <= r && hypot($0.x - p.x, $0.y - p.y) <= r
      }
    }
    for (a, b) in zip(line, line.dropFirst()) {
      if p.x < min(a.x, b.x) - r || p.x > max(a.x, b.x) + r || p.y < min(a.y, b.y) - r
        || p.y > max(a.y, b.y) + r
      {
        continue
      }
      if distance(p, to: [a, b], joined: true) <= r { return true }
    }
    return false
  }

  /// The distance from `p` to a polyline (its points only when not `joined`).
  static func distance(_ p: PixelPoint, to line: [PixelPoint], joined: Bool) -> Double {
    guard let first = line.first else { return .infinity }
    var best = hypot(p.x - first.x, p.y - first.y)
    guard joined else { return line.map { hypot(p.x - $0.x, p.y - $0.y) }.min() ?? best }
    for (a, b) in zip(line, line.dropFirst()) {
      let (dx, dy) = (b.x - a.x, b.y - a.y)
      let length2 = dx * dx + dy * dy
      let t = length2 > 0 ? min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0
      best = min(best, hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)))
    }
    return best
  }
}

/// Where lines leave the frame.
enum FrameExits {
  /// The side of the frame a line leaves through.
  enum Side: Equatable {
    case left, right, bottom, top

    /// The edge mark's triangle, tip at (`px`, `py`) on the frame, pointing out through this
    /// side, `radius` wide either side of its axis: its corners' x and y.
    func triangle(tip px: Double, _ py: Double, radius r: Double) -> ([Double], [Double]) {
      let long = LayoutMetrics.edgeMarkLength * r
      switch self {
      case .bottom: return ([px - r, px + r, px], [py - long, py - long, py])
      case .top: return ([px - r, px + r, px], [py + long, py + long, py])
      case .left: return ([px + long, px + long, px], [py - r, py + r, py])
      case .right: return ([px - long, px - long, px], [py - r, py + r, py])
      }
    }
  }

  /// The points where a polyline in world coordinates crosses the frame, leaving or coming
  /// back, with the side it crosses. Infinite coordinates lie beyond the frame in their
  /// direction.
  static func exits(
    _ line: [WorldPoint], x: ClosedRange<Double>, y: ClosedRange<Double>
  ) -> [(point: WorldPoint, side: Side)] {
    let points = line.map { finite($0, x: x, y: y) }
    let inside = { (p: WorldPoint) in x.contains(p.x) && y.contains(p.y) }
    var result: [(WorldPoint, Side)] = []
    for (from, to) in zip(points, points.dropFirst()) where inside(from) != inside(to) {
      // Walk from the inside end, so that the crossing is the first side met.
      let (a, b) = inside(from) ? (from, to) : (to, from)
      // The smallest t in (0, 1] at which the segment meets a side.
      var best: (t: Double, side: Side)?
      let candidates: [(Double, Double, Double, Side)] = [
        (a.x, b.x, x.lowerBound, .left), (a.x, b.x, x.upperBound, .right),
        (a.y, b.y, y.lowerBound, .bottom), (a.y, b.y, y.upperBound, .top),
      ]
      for (from, to, edge, side) in candidates where from != to {
        let t = (edge - from) / (to - from)
        if t > 0, t <= 1, t < (best?.t ?? .infinity) {
          let px = a.x + t * (b.x - a.x)
          let py = a.y + t * (b.y - a.y)
          let onFrame =
            (side == .left || side == .right)
            ? y.contains(py) : x.contains(px)
          if onFrame { best = (t, side) }
        }
      }
      if let best {
        result.append(
          (WorldPoint(x: a.x + best.t * (b.x - a.x), y: a.y + best.t * (b.y - a.y)), best.side))
      }
    }
    return result
  }

  /// A finite stand-in for a point beyond the frame, far enough outside for the line to it
  /// to leave the frame in the right direction.
  static func finite(_ p: WorldPoint, x: ClosedRange<Double>, y: ClosedRange<Double>) -> WorldPoint
  {
    let far = { (v: Double, r: ClosedRange<Double>) -> Double in
      guard v.isInfinite else { return v }
      let span = r.upperBound - r.lowerBound
      return v < 0 ? r.lowerBound - 1e3 * span : r.upperBound + 1e3 * span
    }
    return WorldPoint(x: far(p.x, x), y: far(p.y, y))
  }
}

/// The rectangle of `rect` whose width to height ratio is `ratio`, as large as fits, centred.
func fitted(_ rect: Rect, ratio: Double) -> Rect {
  guard ratio.isFinite, ratio > 0, rect.width > 0, rect.height > 0 else { return rect }
  if rect.width / rect.height > ratio {
    let w = rect.height * ratio
    return Rect(x: rect.x + (rect.width - w) / 2, y: rect.y, width: w, height: rect.height)
  }
  let h = rect.width / ratio
  return Rect(x: rect.x, y: rect.y + (rect.height - h) / 2, width: rect.width, height: h)
}
