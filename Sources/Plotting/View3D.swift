import Foundation

/// A point in a surface panel's data coordinates.
struct Point3: Equatable {
  var x: Double
  var y: Double
  var z: Double
}

/// The projection PLplot's `plw3d` sets up, computed the same way: where `plline3` and
/// `plfill3` put a point (in the 2-D world coordinates of the window `plw3d` was called in),
/// and how near the point is to the viewer. Painting in depth order needs the second; a marker
/// of a fixed pixel size at a 3-D point needs the first.
///
/// As in PLplot (`c_plw3d` and `plP_w3wcx`, `plP_w3wcy`, `plP_w3wcz`): each range is widened
/// by 1e-5 of itself; x and y are scaled onto the base, centred on 0, and z onto
/// `0...height`; the box is turned by the azimuth about z and tilted by the altitude.
/// Azimuth 0 looks from the side of low y, 90 from the side of low x; altitude 90 looks
/// straight down.
///
/// Edge Cases: an empty range (lower == upper) divides by zero; callers widen it first.
struct View3D {
  private let center: (x: Double, y: Double, zLower: Double)
  private let unit: (x: Double, y: Double, z: Double)
  private let az: (sin: Double, cos: Double)
  private let alt: (sin: Double, cos: Double)

  init(
    base: (x: Double, y: Double), height: Double, x: ClosedRange<Double>,
    y: ClosedRange<Double>, z: ClosedRange<Double>, altitude: Double, azimuth: Double
  ) {
    func widened(_ r: ClosedRange<Double>) -> (Double, Double) {
      let d = 1e-5 * (r.upperBound - r.lowerBound)
      return (r.lowerBound - d, r.upperBound + d)
    }
    let (x0, x1) = widened(x)
    let (y0, y1) = widened(y)
    let (z0, z1) = widened(z)
    center = ((x0 + x1) / 2, (y0 + y1) / 2, z0)
    unit = (base.x / (x1 - x0), base.y / (y1 - y0), height / (z1 - z0))
    az = (sin(azimuth * .pi / 180), cos(azimuth * .pi / 180))
    alt = (sin(altitude * .pi / 180), cos(altitude * .pi / 180))
  }

  private func scaled(_ p: Point3) -> (u: Double, v: Double, w: Double) {
    (unit.x * (p.x - center.x), unit.y * (p.y - center.y), unit.z * (p.z - center.zLower))
  }

  /// Where PLplot draws `p`, in the window's 2-D world coordinates.
  func project(_ p: Point3) -> WorldPoint {
    let (u, v, w) = scaled(p)
    return WorldPoint(
      x: az.cos * u - az.sin * v, y: alt.sin * (az.sin * u + az.cos * v) + alt.cos * w)
  }

  /// How near `p` is to the viewer (PLplot's third projected coordinate): larger is nearer.
  func depth(_ p: Point3) -> Double {
    let (u, v, w) = scaled(p)
    return -alt.cos * (az.sin * u + az.cos * v) + alt.sin * w
  }

  /// The horizontal direction toward the viewer, in data units per unit of the box's base.
  var towardViewer: (x: Double, y: Double) { (-az.sin / unit.x, -az.cos / unit.y) }
}

/// A dash pattern walked along a line drawn in pieces: it cuts each piece into the stretches
/// the pattern draws, carrying its phase from one piece to the next, so that a line drawn in
/// many calls (a curve between the cells of a surface) keeps one even rhythm of dashes.
///
/// Edge Cases: an empty pattern (solid) returns the whole line; a piece of zero length is
/// skipped; non-positive pattern lengths count as solid.
struct DashWalk {
  let pattern: [(on: Double, off: Double)]
  /// How far along the pattern the next piece starts, in the pattern's units (the length
  /// along the line so far will do: it is taken modulo the pattern's period).
  var phase = 0.0

  init(pattern: [(on: Double, off: Double)]) {
    self.pattern = pattern
  }

  private var period: Double { pattern.reduce(0) { $0 + $1.on + $1.off } }

  /// The stretches of `points` (with `lengths[i]` the drawn length from point `i` to `i + 1`)
  /// that the pattern draws.
  mutating func cut(_ points: [Point3], lengths: [Double]) -> [[Point3]] {
    guard !pattern.isEmpty, period > 0, points.count >= 2 else { return [points] }
    phase = phase.truncatingRemainder(dividingBy: period)
    var stretches: [[Point3]] = []
    var current: [Point3] = []
    for i in points.indices.dropLast() {
      let (a, b, length) = (points[i], points[i + 1], lengths[i])
      guard length > 0 else { continue }
      var done = 0.0
      while done < length {
        let (on, left) = state(at: phase)
        let step = min(left, length - done)
        let (p, q) = (lerp(a, b, done / length), lerp(a, b, (done + step) / length))
        if on {
          if current.isEmpty { current.append(p) }
          current.append(q)
        } else if !current.isEmpty {
          stretches.append(current)
          current = []
        }
        done += step
        phase = (phase + step).truncatingRemainder(dividingBy: period)
      }
    }
    if current.count >= 2 { stretches.append(current) }
    return stretches
  }

  /// Whether the pattern draws at `phase`, and how much of the current dash or gap is left.
  private func state(at phase: Double) -> (on: Bool, left: Double) {
    var start = 0.0
    for (on, off) in pattern {
      if phase < start + on { return (true, start + on - phase) }
      start += on
      if phase < start + off { return (false, start + off - phase) }
      start += off
    }
    return (true, max(pattern[0].on, 1e-9))
  }

  private func lerp(_ a: Point3, _ b: Point3, _ f: Double) -> Point3 {
    Point3(x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y), z: a.z + f * (b.z - a.z))
  }
}
