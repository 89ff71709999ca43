import RealModule

/// Whether finite differences converge to a derivative under test (the user's `df`, one
/// entry of a gradient) or level off at a plateau above the round-off floor.
///
/// With the true derivative `d` and the value under test `g`, a stencil of order `p` has
/// `error(h) = |D_h - g| ≈ |C h^p + (d - g)| + round-off(h)`: a correct `g` lets the error
/// fall at order `p` until round-off takes over (a V in log-log axes whose bottom is near the
/// floor `ε |f| Σ|w| / h^q`); a wrong `g` makes it flatten at `|d - g|` over every step where
/// both truncation and round-off are smaller (a plateau, flat over decades of h).
public struct DerivativeAgreement: Sendable, Hashable {
  public enum Status: String, Sendable, Hashable {
    /// The error falls at the expected order (within the tolerance) and reaches the round-off
    /// floor, or turns up into round-off without levelling off: the value under test agrees.
    case agrees
    /// The error levels off at `plateau` above the floor over at least a decade of h.
    case plateau
    /// The error reaches its floor but falls at another order than expected.
    case wrongOrder
    /// Too few finite errors to judge (`reason`).
    case notChecked
  }

  public enum Reason: String, Sendable, Hashable {
    /// Fewer than three steps gave a finite error.
    case tooFewFiniteErrors = "too-few-finite-errors"
    /// The value under test is not finite.
    case nonFiniteValue = "non-finite-value"
  }

  public var status: Status
  /// The slope of log error against log h over the steps above the bottom of the curve
  /// (truncation dominated), nil with fewer than three such steps (an exact stencil).
  public var fittedOrder: Double?
  public var expectedOrder: Double
  /// The allowed `|fittedOrder - expectedOrder|`.
  public var tolerance: Double
  /// The level of the plateau (median error over its steps), for `.plateau`.
  public var plateau: Double?
  /// The steps the plateau spans, for `.plateau`.
  public var plateauSteps: ClosedRange<Double>?
  /// The least error, the step where it was seen, and the round-off floor there.
  public var leastError: Double?
  public var leastErrorStep: Double?
  public var floorAtLeast: Double?
  public var reason: Reason?

  public init(status: Status, expectedOrder: Double, tolerance: Double) {
    self.status = status
    self.expectedOrder = expectedOrder
    self.tolerance = tolerance
  }

  /// Whether the value under test is accepted: `.agrees`, or `.notChecked` (never a failure
  /// on nothing; callers report it as not checked).
  public var passed: Bool { status == .agrees }
}

extension DerivativeAgreement {
  /// A bottom within this factor of the round-off floor counts as reaching it.
  public static let floorFactor = 10.0
  /// Errors within this factor of the least error belong to the bottom of the curve.
  public static let plateauFactor = 2.0
  /// A bottom spanning at least this ratio of steps is a plateau (a V-shaped bottom spans
  /// 2^(1/p) · 2^(1/q) ≤ 4).
  public static let plateauSpan = 10.0

  /// Judges one sweep of errors against the value under test.
  ///
  /// - Parameters:
  ///   - steps: the (effective) steps, any order;
  ///   - errors: `|D_h - g|` at each step (non-finite ones are skipped);
  ///   - floors: the round-off floor `ε |f| Σ|w| / h^q` at each step;
  ///   - expectedOrder: the stencil's order p;
  ///   - tolerance: allowed `|fitted - p|`.
  ///
  /// Error Bounds: a disagreement `|d - g|` is seen when it exceeds both the truncation error
  /// and round-off over a decade of steps, roughly `|d - g| > 10 · min over h of error(h)` for
  /// the correct value; smaller disagreements are reported as agreement, and `leastError`
  /// bounds what was seen (the check says "agrees to within leastError").
  ///
  /// The curve is judged on running medians of five neighbouring errors (in h), so a dip
  /// where the truncation error crosses the offset of a wrong value, or a lucky round-off,
  /// does not count as the bottom.
  ///
  /// Edge Cases: fewer than three finite errors: `.notChecked`; every error zero (an exact
  /// stencil on a polynomial): `.agrees` without a fitted order; a program noisier than its
  /// declared precision (bottom above the floor, but V-shaped): `.agrees`, judged by shape.
  public static func judge(
    steps: [Double], errors: [Double], floors: [Double], expectedOrder: Double,
    tolerance: Double
  ) -> DerivativeAgreement {
    precondition(steps.count == errors.count && steps.count == floors.count)
    var result = DerivativeAgreement(
      status: .notChecked, expectedOrder: expectedOrder, tolerance: tolerance)
    let raw = steps.indices.filter { errors[$0].isFinite && steps[$0] > 0 }
      .map { (h: steps[$0], e: errors[$0], floor: floors[$0]) }
      .sorted { $0.h > $1.h }
    // Running medians of five: where the truncation error crosses a wrong value's offset the
    // error dips towards zero at one or two steps (|C h^p - δ|), and round-off has lucky
    // steps; neither is a level the curve holds.
    let points = raw.indices.map { i in
      let window = raw[Swift.max(0, i - 2)...Swift.min(raw.count - 1, i + 2)].map(\.e).sorted()
      return (h: raw[i].h, e: window[window.count / 2], floor: raw[i].floor)
    }
    guard points.count >= 3 else {
      result.reason = .tooFewFiniteErrors
      return result
    }
    guard let least = points.indices.min(by: { points[$0].e < points[$1].e }) else {
      return result
    }
    let bottom = points[least]
    (result.leastError, result.leastErrorStep, result.floorAtLeast) =
      (bottom.e, bottom.h, bottom.floor)
    // The truncation-dominated steps near the bottom (far above it, higher Taylor terms bend
    // the curve): errors 4 to 10^4 times the bottom's, and 4 times their floor.
    result.fittedOrder = slope(
      points.prefix(least + 1).filter {
        $0.e > 4 * Swift.max(bottom.e, $0.floor) && $0.e <= 1e4 * Swift.max(bottom.e, $0.floor)
      })
    if bottom.e == 0 || bottom.e <= floorFactor * bottom.floor {
      result.status = orderMatches(result) ? .agrees : .wrongOrder
      return result
    }
    // The run of steps around the least error whose errors stay within a factor of it.
    var first = least
    var last = least
    while first > 0, points[first - 1].e <= plateauFactor * bottom.e { first -= 1 }
    while last < points.count - 1, points[last + 1].e <= plateauFactor * bottom.e { last += 1 }
    if points[first].h / points[last].h >= plateauSpan {
      let level = points[first...last].map(\.e).sorted()
      result.status = .plateau
      result.plateau = level[level.count / 2]
      result.plateauSteps = points[last].h...points[first].h
      return result
    }
    result.status = orderMatches(result) ? .agrees : .wrongOrder
    return result
  }

  /// No fitted order (nothing truncation-dominated) counts as matching.
  private static func orderMatches(_ r: DerivativeAgreement) -> Bool {
    guard let p = r.fittedOrder else { return true }
    return Swift.abs(p - r.expectedOrder) <= r.tolerance
  }

  /// Least-squares slope of log10 e against log10 h; nil with fewer than three points.
  static func slope(_ points: [(h: Double, e: Double, floor: Double)]) -> Double? {
    let usable = points.filter { $0.e > 0 }
    guard usable.count >= 3 else { return nil }
    let xs = usable.map { Double.log10($0.h) }
    let ys = usable.map { Double.log10($0.e) }
    let mx = xs.reduce(0, +) / Double(xs.count)
    let my = ys.reduce(0, +) / Double(ys.count)
    var sxy = 0.0
    var sxx = 0.0
    for (x, y) in zip(xs, ys) {
      sxy += (x - mx) * (y - my)
      sxx += (x - mx) * (x - mx)
    }
    return sxx > 0 ? sxy / sxx : nil
  }
}
