import RealModule

/// The least-squares line `log10(error) = slope * log10(h) + intercept` through (h, error)
/// points, with the slope's 95% confidence interval: `error ≈ 10^intercept * h^slope`.
///
/// This is the fit every order estimate of the project uses: the sweep's automatic fit
/// (`OrderFitting`) over the range it chooses, and a solver's levels over their asymptotic
/// range (`Regimes`, `OrderStudy`), which need no step grid and no round-off model.
public struct LogLogFit: Sendable, Hashable, Codable {
  /// The fitted slope p of error ≈ C h^p: the order.
  public var slope: Double
  /// log10 C.
  public var intercept: Double
  /// The coefficient of determination in log-log coordinates (1 for collinear points).
  public var rSquared: Double
  /// The slope's two-sided 95% confidence interval, `slope ± t(0.975, n - 2) * se` with
  /// Student's t; nil for two points (no degree of freedom left).
  public var slopeInterval: ClosedRange<Double>?
  /// The number of points used.
  public var pointCount: Int
  /// The largest distance, in decades, of a point from the line.
  public var maxResidual: Double

  /// C = 10^intercept.
  public var constant: Double { Double.pow(10, intercept) }

  /// The fitted error at step `h`, `10^intercept * h^slope` (for drawing the line).
  public func value(at h: Double) -> Double { Double.pow(10, intercept + slope * Double.log10(h)) }

  /// Fits the line through `(log10 h, log10 error)`.
  ///
  /// Error Bounds: exact up to round-off in the sums (centred, so two passes over the points);
  /// the interval's t quantile is within 1e-12 relative (`StudentT.quantile`).
  ///
  /// Edge Cases: nil when the arrays differ in length, there are fewer than 2 points, a step or
  /// an error is not finite and positive, or all steps are equal. Collinear points give
  /// `rSquared` 1 and an interval of width 0.
  ///
  /// Complexity: O(n), and the t quantile once (about 60 bisection steps).
  public init?(steps: [Double], errors: [Double]) {
    self.init(steps: steps, errors: errors, interval: true)
  }

  /// The fit, with the slope's interval only when `interval` (the sweep's automatic fit
  /// reports none and skips the t quantile).
  init?(steps: [Double], errors: [Double], interval: Bool) {
    guard steps.count == errors.count, steps.count >= 2,
      zip(steps, errors).allSatisfy({ $0 > 0 && $0.isFinite && $1 > 0 && $1.isFinite })
    else { return nil }
    let x = steps.map { Double.log10($0) }
    let y = errors.map { Double.log10($0) }
    let n = Double(x.count)
    let meanX = x.reduce(0, +) / n
    let meanY = y.reduce(0, +) / n
    var (sxx, sxy, syy) = (0.0, 0.0, 0.0)
    for (xi, yi) in zip(x, y) {
      sxx += (xi - meanX) * (xi - meanX)
      sxy += (xi - meanX) * (yi - meanY)
      syy += (yi - meanY) * (yi - meanY)
    }
    guard sxx > 0 else { return nil }
    slope = sxy / sxx
    intercept = meanY - slope * meanX
    var sse = 0.0
    maxResidual = 0
    for (xi, yi) in zip(x, y) {
      let residual = yi - (intercept + slope * xi)
      sse += residual * residual
      maxResidual = Swift.max(maxResidual, Swift.abs(residual))
    }
    rSquared = syy > 0 ? 1 - sse / syy : 1
    pointCount = x.count
    if interval, x.count > 2 {
      let standardError = (sse / (n - 2) / sxx).squareRoot()
      let t = StudentT.quantile(0.975, degreesOfFreedom: x.count - 2)
      slopeInterval = (slope - t * standardError)...(slope + t * standardError)
    } else {
      slopeInterval = nil
    }
  }
}

/// Student's t distribution, for confidence intervals of fitted slopes.
public enum StudentT {
  /// The p-quantile of Student's t with `degreesOfFreedom` degrees of freedom: the t with
  /// `P(T <= t) = p` (12.706 for p = 0.975 and one degree of freedom, 1.96 in the limit).
  ///
  /// Solved by bisection on `I_x(ν/2, 1/2) = 2(1 - p)` (the regularized incomplete beta
  /// function, by its continued fraction), `t = sqrt(ν (1 - x) / x)`.
  ///
  /// Error Bounds: within 1e-12 relative for `1 <= ν <= 10^6` and `0.5 < p < 1 - 1e-12`
  /// (tested against the closed forms for ν = 1 and 2 and tabulated values).
  ///
  /// Edge Cases: p = 0.5 gives 0; p below 0.5 gives the negated quantile of 1 - p.
  ///
  /// Complexity: about 100 evaluations of the incomplete beta function, each O(log ν).
  ///
  /// - Precondition: `0 < p < 1` and `degreesOfFreedom >= 1`.
  public static func quantile(_ p: Double, degreesOfFreedom: Int) -> Double {
    precondition(p > 0 && p < 1, "p must lie strictly between 0 and 1")
    precondition(degreesOfFreedom >= 1, "at least one degree of freedom")
    if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: degreesOfFreedom) }
    if p == 0.5 { return 0 }
    let nu = Double(degreesOfFreedom)
    let target = 2 * (1 - p)
    // I_x(ν/2, 1/2) rises from 0 at x = 0 to 1 at x = 1; x = ν / (ν + t²).
    var (low, high) = (0.0, 1.0)
    for _ in 0..<200 {
      let middle = (low + high) / 2
      guard middle > low && middle < high else { break }
      if regularizedIncompleteBeta(nu / 2, 0.5, middle) < target {
        low = middle
      } else {
        high = middle
      }
    }
    let x = (low + high) / 2
    return (nu * (1 - x) / x).squareRoot()
  }

  /// `I_x(a, b)`, the regularized incomplete beta function (Numerical Recipes' `betai`:
  /// Lentz's continued fraction on the side where it converges fast).
  static func regularizedIncompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront =
      Double.logGamma(a + b) - Double.logGamma(a) - Double.logGamma(b) + a * Double.log(x)
      + b * Double.log(1 - x)
    let front = Double.exp(logFront)
    if x < (a + 1) / (a + b + 2) { return front * continuedFraction(a, b, x) / a }
    return 1 - front * continuedFraction(b, a, 1 - x) / b
  }

  private static func continuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if Swift.abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    func step(_ numerator: Double) -> Double {
      d = 1 + numerator * d
      if Swift.abs(d) < tiny { d = tiny }
      c = 1 + numerator / c
      if Swift.abs(c) < tiny { c = tiny }
      d = 1 / d
      return d * c
    }
    for m in 1...1000 {
      let m = Double(m)
      result *= step(m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)))
      let last = step(-(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)))
      result *= last
      if Swift.abs(last - 1) < 1e-16 { break }
    }
    return result
  }
}
