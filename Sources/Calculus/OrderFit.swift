import RealModule

/// A straight-line fit `log10(error) = order * log10(h) + log10(constant)`, that is
/// `error ≈ constant * h^order`, over a range of steps.
public struct OrderFit: Sendable, Hashable, Codable {
  /// The fitted slope p of error ≈ C h^p.
  public var order: Double
  /// The fitted constant C of error ≈ C h^p.
  public var constant: Double
  /// The coefficient of determination of the fit in log-log coordinates.
  public var rSquared: Double
  /// The smallest and largest step used.
  public var range: ClosedRange<Double>
  /// The number of (h, error) points used.
  public var pointCount: Int
  /// The largest distance, in decades, of a point from the fitted line.
  public var maxResidual: Double

  public init(
    order: Double, constant: Double, rSquared: Double, range: ClosedRange<Double>,
    pointCount: Int, maxResidual: Double = 0
  ) {
    self.order = order
    self.constant = constant
    self.rSquared = rSquared
    self.range = range
    self.pointCount = pointCount
    self.maxResidual = maxResidual
  }
}

/// Why an automatic order fit fitted no slope, as numbers: the report words it.
public enum FitReason: Sendable, Hashable {
  /// The truncation error is identically zero: the errors, at most `largestError` (the
  /// largest finite one, 0 when none is), are round-off only.
  case identicallyZeroTruncation(largestError: Double)
  /// Only `usable` of the `of` points lie above the round-off floor (by `roundoffFactor`);
  /// a fit needs `needed`.
  case tooFewAboveFloor(usable: Int, of: Int, needed: Int)
  /// Enough points lie above the floor, but no `needed` consecutive ones lie on a straight line
  /// with a positive slope.
  case noStraightRun(needed: Int)
}

/// What an automatic order fit found.
public enum FitOutcome: Sendable, Hashable {
  /// A straight truncation branch was found and fitted.
  case fitted(OrderFit)
  /// The truncation error is identically zero: the errors are round-off only, no slope fitted.
  case exact(reason: FitReason)
  /// No straight run of enough points above the round-off floor.
  case noFit(reason: FitReason)

  /// The fit, when there is one.
  public var fit: OrderFit? {
    if case .fitted(let fit) = self { return fit }
    return nil
  }

  /// `fitted`, `exact` or `no-fit`, as in summary.json.
  public var status: String {
    switch self {
    case .fitted: return "fitted"
    case .exact: return "exact"
    case .noFit: return "no-fit"
    }
  }

  /// Why there is no fit (nil when fitted).
  public var reason: FitReason? {
    switch self {
    case .fitted: return nil
    case .exact(let reason), .noFit(let reason): return reason
    }
  }
}

/// Fitting the convergence order p of error ≈ C h^p to a sweep of (h, error) points.
public enum OrderFitting {
  /// Points whose error is within this factor of the round-off floor are dropped.
  public static let roundoffFactor = 10.0
  /// The largest distance (in decades) a point of the fit range may lie from the fitted line.
  public static let residualTolerance = 0.05
  /// The fewest points of an automatic fit.
  public static let minimumPoints = 4

  /// The least-squares line through `(log10(h), log10(error))`.
  ///
  /// Error Bounds: exact up to round-off in the sums; `rSquared` is 1 for collinear points.
  ///
  /// Edge Cases: returns nil when the arrays differ in length, there are fewer than 2 points,
  /// a step or an error is not finite and positive, or all steps are equal.
  ///
  /// Complexity: O(n).
  public static func leastSquares(steps: [Double], errors: [Double]) -> OrderFit? {
    // The one log-log least-squares line (`LogLogFit`), without its interval.
    guard steps.count == errors.count, let fit = LogLogFit(x: steps, y: errors),
      let low = steps.min(), let high = steps.max()
    else { return nil }
    return OrderFit(
      order: fit.slope, constant: Double.pow(10, fit.intercept), rSquared: fit.rSquared,
      range: low...high, pointCount: steps.count, maxResidual: fit.maxResidual)
  }

  /// Fits the order over a range chosen automatically: the longest straight truncation branch.
  ///
  /// 1. Points with a non-finite or zero error are dropped, and so are points whose error is
  ///    within `roundoffFactor` (10) of `roundoffFloor(h)`: there round-off, not truncation,
  ///    sets the error.
  /// 2. Among the contiguous runs of the remaining points (in order of h), windows of at
  ///    least `minimumPoints` (4) points are fitted, longest first; a window is consistent
  ///    with a straight truncation branch when every point lies within `residualTolerance`
  ///    (0.05 decades) of its line and the slope is at least 0.5 (the error must shrink with
  ///    h). Large-h points
  ///    where the next Taylor term bends the curve, and a round-off branch that the floor
  ///    underestimates, fail this test.
  /// 3. The longest consistent window wins; among equally long ones, the one with the
  ///    smallest largest residual.
  ///
  /// With `truncationIsExact` no slope is fitted: the result is `.exact`.
  ///
  /// Edge Cases: steps that are not finite and positive are ignored; the order of the input
  /// does not matter.
  ///
  /// Complexity: n logarithms, then O(n²) windows of O(n) arithmetic each in the worst case
  /// (no straight run at all); a straight run ends the search at its length.
  public static func fit(
    steps: [Double], errors: [Double], roundoffFloor: (Double) -> Double,
    truncationIsExact: Bool = false
  ) -> FitOutcome {
    precondition(steps.count == errors.count, "one error per step")
    if truncationIsExact {
      let largest = errors.filter(\.isFinite).max() ?? 0
      return .exact(reason: .identicallyZeroTruncation(largestError: largest))
    }
    let points = zip(steps, errors).filter { $0.0 > 0 && $0.0.isFinite }.sorted { $0.0 < $1.0 }
    let usable = points.map { h, e in e.isFinite && e > 0 && e > roundoffFactor * roundoffFloor(h) }
    let usableCount = usable.filter { $0 }.count
    guard usableCount >= minimumPoints else {
      return .noFit(
        reason: .tooFewAboveFloor(usable: usableCount, of: points.count, needed: minimumPoints))
    }
    // Runs of consecutive usable points, as index ranges.
    var runs: [ClosedRange<Int>] = []
    var start = 0
    while start < points.count {
      guard usable[start] else {
        start += 1
        continue
      }
      var end = start
      while end + 1 < points.count && usable[end + 1] { end += 1 }
      if end - start + 1 >= minimumPoints { runs.append(start...end) }
      start = end + 1
    }
    // Longest windows first: the first length with a consistent window wins.
    // Unusable errors (zero, NaN) never enter a window; 1 keeps the prefix sums finite.
    let line = LogLine(
      steps: points.map(\.0), errors: zip(points, usable).map { $1 ? $0.1 : 1 })
    var best: (window: ClosedRange<Int>, maxResidual: Double)?
    let longest = runs.map(\.count).max() ?? 0
    for length in stride(from: longest, through: minimumPoints, by: -1) where best == nil {
      for run in runs where run.count >= length {
        for a in run.lowerBound...(run.upperBound - length + 1) {
          let window = a...(a + length - 1)
          guard let (slope, maxResidual) = line.fit(window), slope >= 0.5,
            maxResidual <= residualTolerance, maxResidual < best?.maxResidual ?? .infinity
          else { continue }
          best = (window, maxResidual)
        }
      }
    }
    guard let window = best?.window,
      let best = leastSquares(
        steps: points[window].map(\.0), errors: points[window].map(\.1))
    else {
      return .noFit(reason: .noStraightRun(needed: minimumPoints))
    }
    return .fitted(best)
  }
}

/// `(log10 h, log10 error)` points with prefix sums, for O(1) slopes of any window.
private struct LogLine {
  var x: [Double]
  var y: [Double]
  /// Prefix sums of x, y, x^2, xy: `sums[i]` covers points `0..<i`.
  var sums: [(x: Double, y: Double, xx: Double, xy: Double)]

  init(steps: [Double], errors: [Double]) {
    x = steps.map { Double.log10($0) }
    y = errors.map { Double.log10($0) }
    sums = [(0, 0, 0, 0)]
    for (xi, yi) in zip(x, y) {
      let last = sums[sums.count - 1]
      sums.append((last.x + xi, last.y + yi, last.xx + xi * xi, last.xy + xi * yi))
    }
  }

  /// The least-squares slope over `window` and the largest residual, in decades; nil when an
  /// error in the window is not positive and finite.
  func fit(_ window: ClosedRange<Int>) -> (slope: Double, maxResidual: Double)? {
    let (lo, hi) = (sums[window.lowerBound], sums[window.upperBound + 1])
    let n = Double(window.count)
    let (sx, sy) = (hi.x - lo.x, hi.y - lo.y)
    let sxx = (hi.xx - lo.xx) - sx * sx / n
    let sxy = (hi.xy - lo.xy) - sx * sy / n
    guard sxx > 0, sxy.isFinite else { return nil }
    let slope = sxy / sxx
    let intercept = (sy - slope * sx) / n
    var maxResidual = 0.0
    for i in window {
      maxResidual = Swift.max(maxResidual, Swift.abs(y[i] - intercept - slope * x[i]))
    }
    return (slope, maxResidual)
  }
}
