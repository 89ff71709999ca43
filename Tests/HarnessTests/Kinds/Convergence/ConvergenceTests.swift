import Foundation
import Testing

@testable import Harness

@Suite struct ConvergenceTests {
  @Test func outcomesCarryTheFittedOrdersAndOneBasedCases() throws {
    let (o, report) = try run(Convergence.self, Files.passing)
    #expect(o.results.count == 6)
    #expect(o.results.map(\.caseNumber) == [1, 1, 2, 2, 2, 2])
    let exp = try #require(o.results.first { $0.f == "exp(x)" && $0.outcome.scheme == .central })
    #expect(abs((exp.outcome.fittedOrder ?? 0) - 2) < 0.15)
    // sin at 0: the forward difference's h term vanishes (f''(0) = 0), auto expects 2.
    let sin0 = try #require(
      o.results.first { $0.f == "sin(x)" && $0.at == 0 && $0.outcome.scheme == .forward })
    #expect(sin0.outcome.prediction.order == 2)
    #expect(abs((sin0.outcome.fittedOrder ?? 0) - 2) < 0.15)
    #expect(report.verdict == Verdict(report.checks))
    #expect(report.verdict.passed && report.verdict.checks == 6)
  }

  @Test func theNotesStepsArePrintedWithoutChecks() throws {
    let (o, report) = try run(Convergence.self, Files.passing)
    let exp = try #require(o.results.first { $0.f == "exp(x)" && $0.outcome.scheme == .forward })
    #expect(exp.atSteps.map(\.h) == [0.1, 1e-4, 1e-5])
    // forward difference of exp at 0.5, h = 0.1: (e^0.6 - e^0.5) / 0.1
    let expected = (exp1(0.6) - exp1(0.5)) / 0.1
    #expect(abs((exp.atSteps[0].estimate.value ?? 0) - expected) < 1e-12)
    #expect(abs((exp.atSteps[0].error.value ?? 0) - abs(expected - exp1(0.5))) < 1e-12)
    let table = try #require(report.tables.first { $0.title?.contains("notes' steps") == true })
    #expect(table.rows.count == 6)
    #expect(table.header == ["f", "at", "scheme", "h = 0.1", "h = 0.0001", "h = 1e-05"])
  }

  private func exp1(_ x: Double) -> Double { Foundation.exp(x) }

  @Test func aMissedOrderFailsAndSaysByHowMuch() throws {
    let (_, report) = try run(Convergence.self, Files.failing)
    #expect(!report.verdict.passed)
    #expect(report.checks.count == 1)
    #expect(report.checks[0].status == .failed)
    #expect(report.checks[0].detail.english.contains("expected 2"))
    #expect(report.verdict.text == "1 of 1 check failed")
  }

  @Test func valueChecksCompareTheEstimate() throws {
    let (o, report) = try run(
      Convergence.self,
      """
      kind: convergence
      cases: [{f: "x^2", at: 3}]
      schemes: [central]
      checks:
        - {scheme: central, h: 0.1, equals: 6}
        - {scheme: central, h: 0.1, equals: 7}
      """)
    #expect(o.checks.map(\.passed) == [true, false])
    #expect(o.checks[0].number == 1 && o.checks[0].numberKey == "case")
    #expect(report.checks.filter { $0.status == .failed }.count == 1)
  }

  @Test func csvCasesAreOneBased() throws {
    let (_, report) = try run(Convergence.self, Files.passing)
    let csv = try #require(report.data.first { $0.name == "errors.csv" }).table
    #expect(
      csv.columns == [
        "case", "f", "variable", "at", "derivative", "precision", "scheme", "h", "h_effective",
        "estimate", "exact", "error", "roundoff_floor", "in_fit_range",
      ])
    let firstFields = Set(csv.rows.map { $0[0].text })
    #expect(firstFields == ["1", "2"])
  }

  @Test func aCancelledRunStops() throws {
    let cancellation = Cancellation()
    cancellation.cancel()
    #expect(throws: CancellationError.self) {
      _ = try run(Convergence.self, Files.passing, cancellation: cancellation)
    }
  }
}

@Suite struct NotCheckedSweepTests {
  /// In half precision x + h == x for every h here: nothing is measured, so the expected
  /// order is not checked, and not passed either.
  @Test func aSweepWithNothingMeasuredIsNotChecked() throws {
    let (o, report) = try run(
      Convergence.self,
      """
      kind: convergence
      cases: [{f: "exp(x)", at: 1}]
      schemes: [forward]
      precision: [half]
      h: {min: 1e-9, max: 1e-6, per_decade: 2}
      expect: {forward: 1}
      """)
    #expect(o.results[0].outcome.samples.allSatisfy { !$0.estimate.isFinite })
    #expect(report.checks.map(\.status) == [.notChecked])
    #expect(report.verdict.text == "0 of 1 check passed, 1 not checked")
  }
}
