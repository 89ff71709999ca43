import RealModule

/// A least-squares line through points on log-log axes, `log10 y = slope · log10 x + intercept`
/// (that is `y ≈ 10^intercept · x^slope`), with a confidence interval for the slope from
/// Student's t distribution.
///
/// It is the fit a convergence study needs: the slope of error (or of successive differences)
/// against the step h is the observed order, and its interval says how well the points pin it.
///
/// Error Bounds: the slope and intercept are the ordinary least-squares estimates, computed from
/// centred sums (no cancellation of large means); they are exact to a few ulps of the log values
/// for well-spread x. The interval is `slope ± t(0.975, n − 2) · s / sqrt(Sxx)` with
/// `s² = RSS / (n − 2)`: exact under the usual model (independent normal scatter of log10 y about
/// the line); the quantile `t` is tabulated for n − 2 ≤ 30 (10 digits) and from the
/// Cornish–Fisher expansion beyond (error below 1e-5).
///
/// Edge Cases: fewer than two points, or a non-positive or non-finite x or y, gives nil; two
/// points give the line through them with an interval of nan...nan (no scatter to measure),
/// points exactly on a line give a zero-width interval; x all equal gives nil.
public struct LogLogFit: Sendable, Hashable, Codable {
  /// The fitted slope: the observed order when x is the step.
  public var slope: Double
  /// log10 of the fitted constant.
  public var intercept: Double
  /// The 95% interval of the slope (nan bounds with two points).
  public var slopeLow: Double
  public var slopeHigh: Double
  /// Coefficient of determination in log-log coordinates (1 for points on a line).
  public var rSquared: Double
  /// How many points the fit used.
  public var count: Int
  /// The largest distance, in decades, of a point from the line.
  public var maxResidual: Double

  /// The constant C of y ≈ C x^slope.
  public var constant: Double { Double.pow(10, intercept) }

  /// The fitted y at `x`.
  public func value(at x: Double) -> Double { Double.pow(10, intercept + slope * Double.log10(x)) }

  /// Fits `y ≈ C x^p` by least squares on log10 values, with the two-sided 95% interval for p.
  public init?(x: [Double], y: [Double]) {
    precondition(x.count == y.count, "x and y must have the same count")
    guard x.count >= 2, zip(x, y).allSatisfy({ $0 > 0 && $1 > 0 && $0.isFinite && $1.isFinite })
    else { return nil }
    let lx = x.map { Double.log10($0) }
    let ly = y.map { Double.log10($0) }
    let n = Double(x.count)
    let mx = lx.reduce(0, +) / n
    let my = ly.reduce(0, +) / n
    var sxx = 0.0
    var sxy = 0.0
    var syy = 0.0
    for (a, b) in zip(lx, ly) {
      sxx += (a - mx) * (a - mx)
      sxy += (a - mx) * (b - my)
      syy += (b - my) * (b - my)
    }
    guard sxx > 0 else { return nil }
    slope = sxy / sxx
    intercept = my - slope * mx
    var rss = 0.0
    var largest = 0.0
    for (a, b) in zip(lx, ly) {
      let residual = b - (intercept + slope * a)
      rss += residual * residual
      largest = Swift.max(largest, Swift.abs(residual))
    }
    maxResidual = largest
    rSquared = syy > 0 ? 1 - rss / syy : 1
    count = x.count
    if x.count > 2 {
      let s = (rss / (n - 2)).squareRoot()
      let half = Self.studentT975(degreesOfFreedom: x.count - 2) * s / sxx.squareRoot()
      slopeLow = slope - half
      slopeHigh = slope + half
    } else {
      slopeLow = .nan
      slopeHigh = .nan
    }
  }

  /// The 97.5% quantile of Student's t distribution with `degreesOfFreedom` (≥ 1): the factor
  /// of a two-sided 95% interval.
  ///
  /// Error Bounds: tabulated to 10 digits up to 30 degrees of freedom; the Cornish–Fisher
  /// expansion to the third order in 1/ν beyond, relative error below 1e-5.
  public static func studentT975(degreesOfFreedom nu: Int) -> Double {
    precondition(nu >= 1, "degrees of freedom must be at least 1")
    if nu <= table.count { return table[nu - 1] }
    let z = 1.959963984540054
    let v = Double(nu)
    let z3 = z * z * z
    let z5 = z3 * z * z
    let z7 = z5 * z * z
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
      + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
  }

  private static let table: [Double] = [
    12.70620474, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252,
    2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830, 2.160368656, 2.144786688,
    2.131449546, 2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447, 2.079613845,
    2.073873068, 2.068657610, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142,
    2.045229642, 2.042272456,
  ]
}
