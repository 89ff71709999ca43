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
    /// A plateau, but no higher than the allowed difference (`judge(allowedDifference:)`): the
    /// value under test is not exactly the function's derivative, by less than one cares
    /// about (the notes' `log(y + 1e-7)` against a gradient written for `log(y)`).
    case plateauWithinTolerance = "plateau-within-tolerance"
    /// No plateau, but the error falls at another order than expected (reported, passed).
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

  /// Whether the value under test is accepted: no plateau (`.notChecked` is neither
  /// accepted nor failed: callers report it as not checked).
  ///
  /// Another order without a plateau passes: the value agrees, and the order differs for a
  /// reason of the function's (a Taylor term vanishing near the point, as forward differences
  /// of exp(x) sin x at 1.57 fall at order 1.16; a kink crossed by the larger steps).
  public var passed: Bool { status != .plateau && status != .notChecked }
}

extension DerivativeAgreement {
  /// Errors within this ratio of each other (largest over smallest) are level.
  public static let plateauRatio = 3.0
  /// Only errors above this many times their step's round-off floor can make a plateau: a
  /// float32 loss whose larger steps cross ReLU kinks levels off 3 times above its floor
  /// (b1 of the notes' network, 7% off over h = 2e-3 to 0.1), a wrong gradient far above.
  public static let floorFactor = 10.0
  /// A level run is a plateau when it spans this many times `truncationSideWidth` (and at
  /// least a decade).
  public static let plateauSpan = 3.0

  /// The ratio of steps over which the truncation side of `A h^p + B h^-q` stays within
  /// `plateauRatio` r of the curve's minimum: `(r (p+q)/q)^(1/p)` (at the minimum the
  /// truncation term is q/(p+q) of the error): 3 for central differences of f', 6 for forward
  /// ones. Only steps above round-off take part in a plateau, so the round-off side of a
  /// correct curve's bottom does not widen it.
  public static func truncationSideWidth(order p: Double, derivative q: Int) -> Double {
    let p = Swift.max(p, 0.5)
    let q = Double(Swift.max(q, 1))
    return Double.pow(plateauRatio * (p + q) / q, 1 / p)
  }

  /// The widest run of consecutive errors whose largest is at most `plateauRatio` times its
  /// smallest (nil when every error is zero).
  static func widestFlatRun(_ e: [Double]) -> ClosedRange<Int>? {
    var best: ClosedRange<Int>?
    for i in e.indices where e[i] > 0 {
      var low = e[i]
      var high = e[i]
      var j = i
      while j + 1 < e.count, e[j + 1] > 0 {
        let next = e[j + 1]
        guard Swift.max(high, next) <= plateauRatio * Swift.min(low, next) else { break }
        (low, high, j) = (Swift.min(low, next), Swift.max(high, next), j + 1)
      }
      if j - i > (best.map { $0.upperBound - $0.lowerBound } ?? 0) { best = i...j }
    }
    return best
  }

  /// Judges one sweep of errors against the value under test.
  ///
  /// - Parameters:
  ///   - steps: the (effective) steps, any order;
  ///   - errors: `D_h - g` at each step, signed (non-finite ones are skipped): a wrong `g`
  ///     keeps one sign over its plateau, round-off does not (magnitudes alone disable that
  ///     test);
  ///   - floors: the round-off floor `ε |f| Σ|w| / h^q` at each step;
  ///   - expectedOrder: the stencil's order p;
  ///   - derivative: q, the derivative estimated (round-off grows as h^-q);
  ///   - tolerance: allowed `|fitted - p|`;
  ///   - allowedDifference: a plateau no higher than this is `.plateauWithinTolerance`.
  ///
  /// Error Bounds: a disagreement `|d - g|` is seen when it exceeds both the truncation error
  /// and round-off over a decade of steps (more for forward differences: 1.3 decades), roughly
  /// `|d - g| > 5 · min over h of error(h)` for the correct value; smaller disagreements are reported as agreement, and `leastError`
  /// bounds what was seen (the check says "agrees to within leastError").
  ///
  /// A plateau is made of steps whose errors are above `floorFactor` times their round-off
  /// floor, and needs one sign over at least 80% of its steps: round-off can look level
  /// over a decade and a half (central differences of x cos x at 0.3 stay within 1.2e-11 and
  /// 2.2e-11 from h = 1.8e-7 to 5.6e-6), but it is near the floor and changes sign.
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
    derivative: Int = 1, tolerance: Double, allowedDifference: Double = 0
  ) -> DerivativeAgreement {
    precondition(steps.count == errors.count && steps.count == floors.count)
    var result = DerivativeAgreement(
      status: .notChecked, expectedOrder: expectedOrder, tolerance: tolerance)
    let raw = steps.indices.filter { errors[$0].isFinite && steps[$0] > 0 }
      .map { (h: steps[$0], e: Swift.abs(errors[$0]), floor: floors[$0], sign: errors[$0].sign) }
      .sorted { $0.h > $1.h }
    // Running medians of five: where the truncation error crosses a wrong value's offset the
    // error dips towards zero at one or two steps (|C h^p - δ|), and round-off has lucky
    // steps; neither is a level the curve holds.
    let points: [Point] = raw.indices.map { i in
      let window = raw[Swift.max(0, i - 2)...Swift.min(raw.count - 1, i + 2)].map(\.e).sorted()
      return (h: raw[i].h, e: window[window.count / 2], floor: raw[i].floor, sign: raw[i].sign)
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
    result.fittedOrder = truncationOrder(points, bottom: least)
    if let found = plateau(
      points, bottom: bottom.e, expectedOrder: expectedOrder, derivative: derivative)
    {
      result.status = found.level <= allowedDifference ? .plateauWithinTolerance : .plateau
      result.plateau = found.level
      result.plateauSteps = found.steps
      return result
    }
    result.status = orderMatches(result) ? .agrees : .wrongOrder
    return result
  }

  /// One step of a judged curve: the step, the smoothed error, the floor, the sign.
  typealias Point = (h: Double, e: Double, floor: Double, sign: FloatingPointSign)

  /// The order fitted on the truncation-dominated steps next to the bottom (index `least` of
  /// `points`, sorted by decreasing h): from it towards larger h while the error keeps rising
  /// (or is still in the noise near the bottom or the floor; a kink crossed at larger steps
  /// levels the curve off there), with errors 4 to 10^6 times the bottom's and 10 times their
  /// floor (round-off of 10% bends a slope by 0.1).
  static func truncationOrder(_ points: [Point], bottom least: Int) -> Double? {
    let bottom = points[least]
    var rising = least
    while rising > 0,
      points[rising - 1].e > points[rising].e
        || points[rising - 1].e <= Swift.max(4 * bottom.e, 10 * points[rising - 1].floor)
    {
      rising -= 1
    }
    return slope(
      points[rising...least].filter {
        $0.e > Swift.max(4 * bottom.e, 10 * $0.floor)
          && $0.e <= 1e6 * Swift.max(bottom.e, $0.floor)
      })
  }

  /// The plateau of `points` (sorted by decreasing h), if any: the widest run of neighbouring
  /// steps above round-off whose errors stay within `plateauRatio` of each other, wider than a
  /// correct curve's bottom could be, of one sign, and either the curve's bottom or with the
  /// truncation error rising out of it at larger steps (a level stretch at larger steps with
  /// lower errors below it and no rise after it is a kink those steps cross).
  static func plateau(_ points: [Point], bottom: Double, expectedOrder: Double, derivative: Int)
    -> (level: Double, steps: ClosedRange<Double>)?
  {
    let span = Swift.max(
      10, plateauSpan * truncationSideWidth(order: expectedOrder, derivative: derivative))
    // Where h |g| is below the function's resolution the estimate is 0 (f(x+h) == f(x-h)) and
    // the error |g| is level but says nothing (a float32 loss under steps below 1e-3).
    let informative = points.map { $0.e > floorFactor * $0.floor ? $0.e : 0 }
    guard let run = widestFlatRun(informative),
      points[run.lowerBound].h / points[run.upperBound].h >= span
    else { return nil }
    let level = points[run].map(\.e).sorted()[run.count / 2]
    let positive = points[run].filter { $0.sign == .plus }.count
    let steady = Double(Swift.max(positive, run.count - positive)) >= 0.8 * Double(run.count)
    let isBottom = level <= plateauRatio * bottom
    let after = points[..<run.lowerBound].filter { $0.e > plateauRatio * level }
    let rises = (slope(after) ?? 0) >= 0.5 * expectedOrder
    guard steady, isBottom || rises else { return nil }
    return (level, points[run.upperBound].h...points[run.lowerBound].h)
  }

  /// No fitted order (nothing truncation-dominated) counts as matching.
  private static func orderMatches(_ r: DerivativeAgreement) -> Bool {
    guard let p = r.fittedOrder else { return true }
    return Swift.abs(p - r.expectedOrder) <= r.tolerance
  }

  /// Least-squares slope of log10 e against log10 h; nil with fewer than three points.
  static func slope(_ points: [Point]) -> Double? {
    let usable = points.filter { $0.e > 0 }
    // Three points within half a decade near the floor say little about the order.
    guard usable.count >= 3, let high = usable.map(\.h).max(), let low = usable.map(\.h).min(),
      high / low >= 5
    else { return nil }
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
