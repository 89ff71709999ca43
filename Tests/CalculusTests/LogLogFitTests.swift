import RealModule
import Testing

@testable import Calculus

@Suite struct LogLogFitTests {
  /// A seeded normal sample (a 64-bit LCG and Box-Muller), so the statistics below are the
  /// same on every run.
  struct Normal {
    var state: UInt64
    mutating func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return (Double(state >> 11) + 0.5) / Double(1 << 53)
    }
    mutating func next() -> Double {
      let (u, v) = (uniform(), uniform())
      return (-2 * Double.log(u)).squareRoot() * Double.cos(2 * Double.pi * v)
    }
  }

  @Test(arguments: [1.0, 2.0, 4.0])
  func anExactPowerLawHasAnIntervalOfWidthZero(order: Double) throws {
    let steps = [0.1, 0.05, 0.025, 0.0125, 0.00625]
    let fit = try #require(
      LogLogFit(steps: steps, errors: steps.map { 3 * Double.pow($0, order) }))
    #expect(Swift.abs(fit.slope - order) <= 1e-12)
    #expect(Swift.abs(fit.intercept - Double.log10(3)) <= 1e-12)
    #expect(Swift.abs(fit.constant / 3 - 1) <= 1e-11)
    #expect(Swift.abs(fit.rSquared - 1) <= 1e-12)
    let interval = try #require(fit.slopeInterval)
    #expect(interval.upperBound - interval.lowerBound <= 1e-10)
    #expect(fit.pointCount == 5 && fit.maxResidual <= 1e-12)
  }

  /// Noise of 0.05 decades on a slope of 2: the slope lands near 2, and over 2000 seeded
  /// data sets of 8 points the 95% interval holds the true slope 95% of the time (a
  /// binomial standard deviation is 0.5%, so 93.5%...96.5% is three of them).
  @Test func theIntervalCoversTheTrueSlopeNinetyFivePercentOfTheTime() throws {
    var normal = Normal(state: 2026)
    let steps = (0..<8).map { Double.pow(2, -Double($0) - 2) }
    var covered = 0
    let trials = 2000
    for _ in 0..<trials {
      let errors = steps.map { 0.7 * $0 * $0 * Double.pow(10, 0.05 * normal.next()) }
      let fit = try #require(LogLogFit(steps: steps, errors: errors))
      let interval = try #require(fit.slopeInterval)
      #expect(Swift.abs(fit.slope - 2) <= 0.3)
      #expect(interval.contains(fit.slope))
      if interval.contains(2) { covered += 1 }
    }
    let coverage = Double(covered) / Double(trials)
    #expect(coverage >= 0.935 && coverage <= 0.965, "coverage \(coverage)")
  }

  @Test func degenerateInputHasNoFitAndTwoPointsNoInterval() throws {
    #expect(LogLogFit(steps: [1e-3], errors: [1]) == nil)
    #expect(LogLogFit(steps: [1e-3, 1e-2], errors: [1]) == nil)
    #expect(LogLogFit(steps: [1e-3, 1e-3], errors: [1, 2]) == nil)
    #expect(LogLogFit(steps: [1e-3, 1e-2], errors: [0, 2]) == nil)
    #expect(LogLogFit(steps: [-1e-3, 1e-2], errors: [1, 2]) == nil)
    #expect(LogLogFit(steps: [1e-3, 1e-2], errors: [.infinity, 2]) == nil)
    let two = try #require(LogLogFit(steps: [1e-3, 1e-2], errors: [1e-6, 1e-4]))
    #expect(Swift.abs(two.slope - 2) <= 1e-12)
    #expect(two.slopeInterval == nil)
  }

  /// Four points with residuals ±d in log10 y about slope 2: the interval worked by hand.
  @Test func theIntervalWorkedByHand() throws {
    let lx = [0.0, 1, 2, 3]
    let d = 0.01
    let ly = [2 * 0 + d, 2 * 1 - d, 2 * 2 - d, 2 * 3 + d]
    let fit = try #require(
      LogLogFit(steps: lx.map { Double.pow(10, $0) }, errors: ly.map { Double.pow(10, $0) }))
    // Residuals +d, -d, -d, +d are orthogonal to x - mean: slope exactly 2, RSS = 4 d^2,
    // s^2 = RSS / 2, Sxx = 5, half-width = t(0.975, 2) * s / sqrt(5).
    let half = 4.302652730 * (4 * d * d / 2).squareRoot() / 5.0.squareRoot()
    let interval = try #require(fit.slopeInterval)
    #expect(Swift.abs(fit.slope - 2) < 1e-12)
    #expect(Swift.abs(interval.upperBound - 2 - half) < 1e-9)
    #expect(Swift.abs(2 - interval.lowerBound - half) < 1e-9)
    #expect(Swift.abs(fit.value(at: 100) / Double.pow(10, 4) - 1) < 1e-12)
  }

  @Test func leastSquaresIsTheSameLine() throws {
    let steps = [0.3, 0.1, 0.03, 0.01, 0.003]
    let errors = steps.enumerated().map { i, h in h * h * (1 + 0.1 * Double(i % 2)) }
    let line = try #require(LogLogFit(steps: steps, errors: errors))
    let fit = try #require(OrderFitting.leastSquares(steps: steps, errors: errors))
    #expect(fit.order == line.slope && fit.constant == line.constant)
    #expect(fit.rSquared == line.rSquared && fit.maxResidual == line.maxResidual)
    #expect(fit.range == 0.003...0.3)
  }

  /// Closed forms: ν = 1 is Cauchy, `tan(π (p - 1/2))`; ν = 2 is `a sqrt(2 / (1 - a²))` with
  /// `a = 2p - 1`. Tabulated: ν = 10 and 30, and the normal limit.
  @Test func studentQuantilesMatchClosedFormsAndTables() {
    for p in [0.6, 0.9, 0.975, 0.995] {
      let cauchy = Double.tan(Double.pi * (p - 0.5))
      #expect(Swift.abs(StudentT.quantile(p, degreesOfFreedom: 1) / cauchy - 1) <= 1e-12)
      let a = 2 * p - 1
      let two = a * (2 / (1 - a * a)).squareRoot()
      #expect(Swift.abs(StudentT.quantile(p, degreesOfFreedom: 2) / two - 1) <= 1e-12)
    }
    #expect(Swift.abs(StudentT.quantile(0.975, degreesOfFreedom: 10) - 2.228138851986274) <= 1e-11)
    #expect(Swift.abs(StudentT.quantile(0.975, degreesOfFreedom: 30) - 2.042272456301238) <= 1e-11)
    #expect(Swift.abs(StudentT.quantile(0.975, degreesOfFreedom: 1_000_000) - 1.959966) <= 1e-5)
    // Tabulated (10 digits): ν = 1, 40 and 120.
    #expect(Swift.abs(StudentT.quantile(0.975, degreesOfFreedom: 1) - 12.70620474) <= 1e-8)
    #expect(Swift.abs(StudentT.quantile(0.975, degreesOfFreedom: 40) - 2.021075390) <= 1e-9)
    #expect(Swift.abs(StudentT.quantile(0.975, degreesOfFreedom: 120) - 1.979930405) <= 1e-9)
    #expect(StudentT.quantile(0.5, degreesOfFreedom: 3) == 0)
    #expect(
      StudentT.quantile(0.025, degreesOfFreedom: 3) == -StudentT.quantile(
        0.975, degreesOfFreedom: 3))
  }
}
