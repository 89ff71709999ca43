import RealModule
import Testing

@testable import Calculus

/// The notes' bowl `x0^2 + x1^2` under the two update rules.
@Suite struct UpdateRuleTests {
  static func f(_ x: [Double]) -> Double { x[0] * x[0] + x[1] * x[1] }
  static func gradient(_ x: [Double]) -> [Double] { [2 * x[0], 2 * x[1]] }

  static func run(_ update: UpdateRule, from start: [Double], eta: Double = 0.1, steps: Int = 100)
    -> DescentRun
  {
    GradientDescent.run(
      f: f, gradient: gradient, start: start, learningRate: eta, steps: steps, update: update)
  }

  @Test func standardIsTheDefault() {
    let implicit = GradientDescent.run(
      f: Self.f, gradient: Self.gradient, start: [-3, 4], learningRate: 0.1, steps: 100)
    let explicit = Self.run(.standard, from: [-3, 4])
    #expect(implicit.update == .standard)
    #expect(implicit.iterates == explicit.iterates && implicit.status == explicit.status)
  }

  @Test func standardRuleConvergesFromANegativeCoordinate() {
    let run = Self.run(.standard, from: [-3, 4])
    #expect(run.status == .converged)
    #expect(run.update == .standard)
    #expect(run.finalValue < 1e-12)
  }

  @Test func multiplicativeRuleDivergesAsTheNegativeCoordinateRunsAway() {
    // x0 <- x0 - 0.1 * 2 x0 * x0 = x0 (1 - 0.2 x0): from -3 the factor is 1.6, then 1.96, ...
    let run = Self.run(.multiplicative, from: [-3, 4])
    #expect(run.status == .diverged, "\(run.stop)")
    #expect(run.update == .multiplicative)
    let x0 = run.iterates.map { $0[0] }
    #expect(x0.count >= 4)
    #expect(zip(x0, x0.dropFirst()).allSatisfy { $1 < $0 && $1 < 0 })
    #expect(x0[1] == -3 - 0.1 * (2 * -3) * -3 && x0[2] == x0[1] - 0.1 * (2 * x0[1]) * x0[1])
    // The positive coordinate meanwhile moves toward 0 (4 -> 0.8 -> 0.672).
    #expect(run.iterates[1][1] == 4 - 0.1 * 8 * 4)
    #expect(run.iterates[2][1] < run.iterates[1][1] && run.iterates[2][1] > 0)
  }

  @Test func multiplicativeRuleNeverMovesACoordinateAtZero() {
    // On (x0 - 1)^2 + x1^2 the minimum is at x0 = 1, but x0 = 0 is never updated.
    let run = GradientDescent.run(
      f: { ($0[0] - 1) * ($0[0] - 1) + $0[1] * $0[1] },
      gradient: { [2 * ($0[0] - 1), 2 * $0[1]] }, start: [0, 0.5], learningRate: 0.1, steps: 200,
      update: .multiplicative)
    #expect(run.iterates.allSatisfy { $0[0] == 0 })
    #expect(run.stepsTaken == 200)
    #expect(run.status == .tooSlow, "\(run.stop)")
    // The standard rule from the same start reaches the minimum.
    let standard = GradientDescent.run(
      f: { ($0[0] - 1) * ($0[0] - 1) + $0[1] * $0[1] },
      gradient: { [2 * ($0[0] - 1), 2 * $0[1]] }, start: [0, 0.5], learningRate: 0.1, steps: 200)
    #expect(standard.status == .converged)
  }

  @Test func multiplicativeRuleOnlyCreepsTowardZeroFromPositiveCoordinates() {
    // x <- x (1 - 2 eta x) shrinks like 1/(2 eta k): after 100 steps near 0.05, not converged.
    let run = Self.run(.multiplicative, from: [0.5, 4])
    #expect(run.status == .tooSlow, "\(run.stop)")
    let last = run.finalPoint
    #expect(last.allSatisfy { $0 > 0.03 && $0 < 0.06 }, "\(last)")
  }
}
