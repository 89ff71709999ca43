import RealModule
import Testing

@testable import Calculus

@Suite struct OrderFitTests {
  static let grid = StepGrid(min: 1e-12, max: 1e-1, perDecade: 4).steps

  /// A deterministic multiplicative wobble of relative size `amplitude`.
  static func noise(_ i: Int, amplitude: Double) -> Double {
    1 + amplitude * Double.sin(Double(i) * 12.9898 + 0.5)
  }

  @Test(arguments: [1.0, 2.0, 4.0])
  func leastSquaresRecoversAnExactPowerLaw(order: Double) throws {
    let steps = [1e-4, 1e-3, 1e-2, 1e-1]
    let fit = try #require(
      OrderFitting.leastSquares(steps: steps, errors: steps.map { 0.3 * Double.pow($0, order) }))
    #expect(Swift.abs(fit.order - order) <= 1e-12)
    #expect(Swift.abs(fit.constant / 0.3 - 1) <= 1e-10)
    #expect(Swift.abs(fit.rSquared - 1) <= 1e-12)
    #expect(fit.range == 1e-4...1e-1 && fit.pointCount == 4)
  }

  @Test func leastSquaresRejectsDegenerateInput() {
    #expect(OrderFitting.leastSquares(steps: [1e-3], errors: [1]) == nil)
    #expect(OrderFitting.leastSquares(steps: [1e-3, 1e-3], errors: [1, 2]) == nil)
    #expect(OrderFitting.leastSquares(steps: [1e-3, 1e-2], errors: [0, 2]) == nil)
    #expect(OrderFitting.leastSquares(steps: [1e-3, 1e-2], errors: [.nan, 2]) == nil)
  }

  @Test(arguments: [1.0, 2.0, 4.0], [0.0, 0.03])
  func fitsANoisyPowerLaw(order: Double, amplitude: Double) throws {
    let steps = StepGrid(min: 1e-4, max: 1e-1, perDecade: 5).steps
    let errors = steps.indices.map {
      2 * Double.pow(steps[$0], order) * Self.noise($0, amplitude: amplitude)
    }
    let fit = try #require(OrderFitting.fit(steps: steps, errors: errors) { _ in 0 }.fit)
    #expect(Swift.abs(fit.order - order) <= 0.05)
    #expect(fit.pointCount == steps.count)
  }

  /// error = C h^p + R / h: a truncation branch and a round-off branch meeting at
  /// h* = (R / (p C))^(1 / (p + 1)). The fit range must lie above the bottom of the V whether
  /// the floor is known, or (worse) unknown.
  @Test(arguments: [1, 2, 4], [true, false])
  func excludesTheRoundoffBranch(order: Int, knownFloor: Bool) throws {
    let p = Double(order)
    let r = 1e-16
    let bottom = Double.pow(r / p, 1 / (p + 1))
    let errors = Self.grid.indices.map { i in
      let h = Self.grid[i]
      return (Double.pow(h, p) + r / h * Self.noise(i, amplitude: 0.8))
    }
    let outcome = OrderFitting.fit(steps: Self.grid, errors: errors) { h in
      knownFloor ? r / h : 0
    }
    let fit = try #require(outcome.fit, "\(outcome)")
    #expect(fit.range.lowerBound > bottom, "\(fit)")
    #expect(Swift.abs(fit.order - p) <= 0.1, "\(fit)")
    if knownFloor {
      // Every point of the range is 10 times above the floor.
      #expect(Double.pow(fit.range.lowerBound, p) >= 9 * r / fit.range.lowerBound)
    }
  }

  /// error = h + 50 h^2: the second term equals the first at h = 0.02 and bends the curve well
  /// before. The range must stop short of the bend, so the slope stays 1.
  @Test func excludesTheBendOfTheNextTaylorTerm() throws {
    let steps = StepGrid(min: 1e-7, max: 1, perDecade: 4).steps
    let errors = steps.map { $0 + 50 * $0 * $0 }
    let fit = try #require(OrderFitting.fit(steps: steps, errors: errors) { _ in 0 }.fit)
    #expect(Swift.abs(fit.order - 1) <= 0.02)
    #expect(fit.range.upperBound <= 5e-3)
    #expect(fit.range.lowerBound == 1e-7)
  }

  @Test func exactTruncationFitsNoSlope() {
    let errors = Self.grid.map { 1e-16 / $0 }
    let outcome = OrderFitting.fit(
      steps: Self.grid, errors: errors, roundoffFloor: { 1e-16 / $0 }, truncationIsExact: true)
    #expect(outcome.status == "exact")
    #expect(outcome.fit == nil)
    #expect(outcome.reason == .identicallyZeroTruncation(largestError: errors.max()!))
  }

  @Test func noFitWhenTooFewPointsAreAboveTheFloor() {
    let steps = [1e-4, 1e-3, 1e-2, 1e-1]
    let outcome = OrderFitting.fit(steps: steps, errors: steps.map { $0 * $0 }) { h in
      h > 5e-4 ? 0 : 1
    }
    #expect(outcome == .noFit(reason: .tooFewAboveFloor(usable: 3, of: 4, needed: 4)))
  }

  @Test func noFitForPureRoundoff() {
    // Round-off only, jagged: no straight branch with a positive slope.
    let errors = Self.grid.indices.map { 1e-16 / Self.grid[$0] * Self.noise($0, amplitude: 0.9) }
    let outcome = OrderFitting.fit(steps: Self.grid, errors: errors) { _ in 0 }
    #expect(outcome.status == "no-fit", "\(outcome)")
    #expect(outcome.reason == .noStraightRun(needed: OrderFitting.minimumPoints))
  }

  @Test func ignoresZeroAndNonFiniteErrorsAndInputOrder() throws {
    var steps = StepGrid(min: 1e-5, max: 1e-1, perDecade: 4).steps
    var errors = steps.map { 3 * $0 * $0 }
    errors[0] = 0
    errors[1] = .nan
    steps.reverse()
    errors.reverse()
    let fit = try #require(OrderFitting.fit(steps: steps, errors: errors) { _ in 0 }.fit)
    #expect(Swift.abs(fit.order - 2) <= 1e-9)
    #expect(fit.pointCount == steps.count - 2)
  }
}
