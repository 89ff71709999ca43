import Foundation
import Testing

@testable import Harness

@Suite struct DescentTests {
  @Test func descentClassifiesTheSeedsLearningRates() throws {
    let (o, report) = try run(
      Descent.self,
      """
      kind: descent
      f: "x0^2 + x1^2"
      start: {x0: -3.0, x1: 4.0}
      learning_rates: [0.01, 0.1, 0.9, 0.99, 1.0, 1.01, 1.05]
      steps: 100
      gradient: [analytic, central]
      expect: {converges: [0.1, 0.9], too_slow: [0.01, 0.99, 1.0], diverges: [1.01, 1.05], path_agreement: 1e-6}
      """)
    #expect(report.verdict.passed, "\(report.checks.filter { $0.status != .passed })")
    let analytic = o.runs.filter { $0.gradient == .analytic }
    #expect(
      analytic.map(\.run.status) == [
        .tooSlow, .converged, .converged, .tooSlow, .tooSlow, .diverged, .diverged,
      ])
    #expect(o.pathAgreement.count == 7)
    #expect(
      o.pathAgreement.filter(\.referenceConverged).allSatisfy {
        ($0.maxDistance.value ?? 1) <= 1e-6
      })
  }

  @Test func aMissedClassificationFailsWithTheReason() throws {
    let (_, report) = try run(
      Descent.self,
      """
      kind: descent
      f: "x0^2 + x1^2"
      start: {x0: -3.0, x1: 4.0}
      learning_rates: [1.05]
      expect: {converges: [1.05]}
      """)
    #expect(!report.verdict.passed)
    #expect(report.checks.first?.detail.contains("expected converged, got diverged") == true)
  }

  @Test func pathAgreementIsNotCheckedWhereTheReferenceDoesNotConverge() throws {
    let (_, report) = try run(
      Descent.self,
      """
      kind: descent
      f: "x0^2 + x1^2"
      start: {x0: -3.0, x1: 4.0}
      learning_rates: [1.05]
      gradient: [analytic, central]
      expect: {path_agreement: 1e-6}
      """)
    #expect(report.checks.map(\.status) == [.notChecked])
    #expect(report.verdict.passed)
    #expect(report.verdict.text == "0 of 1 check passed, 1 not checked")
  }
}
