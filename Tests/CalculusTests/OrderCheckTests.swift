import Testing

@testable import Calculus

@Suite struct OrderCheckTests {
  @Test func verdictEdgeCases() {
    #expect(OrderCheck.judge(order: 2.05, points: 3, expected: 2, tolerance: 0.1) == .passed)
    #expect(OrderCheck.judge(order: 2.5, points: 3, expected: 2, tolerance: 0.5) == .passed)
    #expect(OrderCheck.judge(order: 2.25, points: 9, expected: 2, tolerance: 0.125) == .failed)
    #expect(OrderCheck.judge(order: 2, points: 2, expected: 2, tolerance: 0.1) == .notChecked)
    #expect(OrderCheck.judge(order: nil, points: 5, expected: 2, tolerance: 0.1) == .notChecked)
    #expect(OrderCheck.judge(order: 2, points: 5, expected: nil, tolerance: 0.1) == .notChecked)
    #expect(OrderCheck.judge(order: .nan, points: 5, expected: 2, tolerance: 0.1) == .failed)
    #expect(OrderCheck.judge(order: 2, points: 5, expected: .nan, tolerance: 0.1) == .failed)
    #expect(OrderCheck.judge(order: .infinity, points: 5, expected: 2, tolerance: 0.1) == .failed)
    #expect(OrderCheck.judge(order: 2, points: 5, expected: 2, tolerance: .nan) == .failed)
  }

  /// A sweep over a step grid: no fit fails an expectation, an exact outcome passes one, and
  /// without an expectation nothing fails.
  @Test func theSweepVerdictKeepsItsRules() throws {
    let fit = try #require(
      OrderFitting.leastSquares(steps: [0.1, 0.01, 0.001, 1e-4], errors: [1e-2, 1e-4, 1e-6, 1e-8]))
    let noFit = FitOutcome.noFit(reason: .noStraightRun(needed: 4))
    let exact = FitOutcome.exact(reason: .identicallyZeroTruncation(largestError: 0))
    #expect(OrderVerdict(fit: .fitted(fit), expected: 2, tolerance: 0.1).check == .passed)
    #expect(OrderVerdict(fit: .fitted(fit), expected: 1, tolerance: 0.1).check == .failed)
    #expect(OrderVerdict(fit: .fitted(fit), expected: nil, tolerance: 0.1).passed)
    #expect(OrderVerdict(fit: noFit, expected: 2, tolerance: 0.1).check == .failed)
    #expect(OrderVerdict(fit: noFit, expected: nil, tolerance: 0.1).passed)
    #expect(OrderVerdict(fit: exact, expected: 2, tolerance: 0.1).check == .passed)
  }
}
