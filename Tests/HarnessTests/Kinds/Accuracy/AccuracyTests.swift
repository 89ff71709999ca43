import Calculus
import Foundation
import Testing

@testable import Harness

@Suite struct AccuracyTests {
  typealias Result = AccuracyOutcome.Result

  func result(
    _ o: AccuracyOutcome, _ method: AccuracySpec.Method, at x: Double, f: String? = nil,
    precision: Precision = .double
  ) throws -> Result {
    try #require(
      o.results.first {
        $0.method == method && $0.at == x && $0.precision == precision && (f == nil || $0.f == f)
      })
  }

  /// The parse error of a file that must not load.
  func loadError(_ yaml: String) -> ExperimentError? {
    do {
      _ = try Experiment.parse(yaml, path: "t.yaml")
      return nil
    } catch {
      return error as? ExperimentError
    }
  }

  @Test func polynomialsOfLowDegreeAreExactUpToRoundOff() throws {
    let (o, report) = try run(
      Accuracy.self,
      """
      kind: accuracy
      cases:
        - {f: "3*x^2 - 2*x + 5", at: [2, -1.5]}
        - {f: "x^3 - 3*x", at: 0.5}
      methods: [forward, central, central4, complex-step, adaptive]
      precision: [single, double]
      expect: {central4: {min_digits: 6}, adaptive: {min_digits: 6, covers: 1}}
      """)
    #expect(report.verdict.passed, "\(report.checks.filter { $0.status != .passed })")
    #expect(o.results.count == 3 * 5 * 2)
    // Central is exact on the quadratic only: its h^2 term needs f''' = 0.
    for r in o.results where r.method != .forward && r.precision == .double {
      if r.method == .central && r.f == "x^3 - 3*x" { continue }
      let digits = try #require(r.digits)
      #expect(digits >= 14, "\(r.f) at \(r.at), \(r.method): \(digits) digits")
    }
    // Single precision is capped at its unit round-off, -log10(2^-24) = 7.22 digits.
    for r in o.results where r.precision == .single {
      #expect(try #require(r.digits) <= 7.23)
    }
    // Forward on a quadratic: the truncation error is exactly h f''/2 = 3h, balanced against
    // round-off at the predicted step; the predicted estimate (3h plus the round-off floor)
    // covers the error.
    let forward = try result(o, .forward, at: 2, f: "3*x^2 - 2*x + 5")
    let h = try #require(forward.step)
    let estimate = try #require(forward.errorEstimate)
    #expect(estimate > 3 * h && estimate < 4 * 3 * h)
    #expect(try #require(forward.digits) > 7 && forward.digits! < 9)
    #expect(forward.covers == true)
    #expect(forward.evaluations == 2)
    #expect(try result(o, .complexStep, at: 2).evaluations == 1)
  }

  @Test func adaptiveGetsTenDigitsNextToTheSingularityOfOneOverX() throws {
    let (o, report) = try run(
      Accuracy.self,
      """
      kind: accuracy
      cases:
        - {f: "1/x", at: [1e-3, 1]}
      methods: [forward, central, adaptive]
      expect: {adaptive: {min_digits: 10}}
      """)
    #expect(report.verdict.passed)
    let near = try result(o, .adaptive, at: 1e-3)
    #expect(try #require(near.digits) >= 10)
    #expect(near.status == .converged)
    #expect(near.evaluations <= 64)
    #expect(near.errorEstimateSource == .aPosteriori)
    #expect(near.covers == true)
    #expect(abs(near.exact + 1e6) <= 1e-6)
    // The fixed schemes at their predicted steps lose digits there; forward keeps about half.
    let forward = try result(o, .forward, at: 1e-3)
    #expect(try #require(forward.digits) > 5 && forward.digits! < 10)
    #expect(forward.errorEstimateSource == .predicted)
  }

  @Test func adaptiveInHalfPrecisionIsALocatedError() async throws {
    let yaml = """
      kind: accuracy
      cases: [{f: "exp(x)", at: 1}]
      precision: [double, half]
      methods: [central, adaptive]
      """
    let error = try #require(loadError(yaml))
    #expect(error.line == 3)
    #expect(error.message.contains("at least single precision"))
    #expect(error.message.contains("drop half"))
    // Without adaptive, half precision runs.
    #expect(loadError(yaml.replacingOccurrences(of: ", adaptive", with: "")) == nil)
    // The command's exit status for it is 2.
    let (root, output, catalog) = try workspace(["half.yaml": yaml])
    defer { try? FileManager.default.removeItem(at: root) }
    let session = Session(
      options: RunOptions(outputRoot: output, formats: [.png]), catalog: catalog,
      out: { _ in }, err: { _ in })
    let status = await session.run(["half"], all: false)
    #expect(status == .invalidInput && status.rawValue == 2)
  }

  @Test(arguments: [
    ("methods: [central, centrl4]", 3, "unknown method 'centrl4' (did you mean 'central4'?)"),
    ("expect: {adaptiv: {min_digits: 3}}", 3, "unknown key 'adaptiv' in 'expect' (did you mean"),
    ("methods: [central]\nexpect: {adaptive: {min_digits: 3}}", 4, "not among the methods"),
    ("expect: {adaptive: {covers: 1.5}}", 3, "'covers' must be a share"),
    ("expect: {adaptive: {min_digit: 3}}", 3, "(did you mean 'min_digits'?)"),
  ])
  func badMethodsAndExpectationsAreLocated(_ line: String, _ at: Int, _ message: String) throws {
    let error = try #require(
      loadError("kind: accuracy\ncases: [{f: \"sin(x)\", at: 1}]\n\(line)\n"))
    #expect(error.line == at)
    #expect(error.message.contains(message), "\(error)")
  }

  @Test func coversComparesTheShareOfCoveredResultsWithTheThreshold() throws {
    // The predicted estimate of central misses at these two points (f is evaluated with a few
    // ulps of error, the round-off model assumes one); the adaptive estimate covers all three.
    let (o, report) = try run(
      Accuracy.self,
      """
      kind: accuracy
      cases:
        - {f: "exp(4*x^2)", at: 1}
        - {f: "exp(x)*sin(10*x)", at: 2}
        - {f: "sin(x)", at: 1}
      methods: [central, adaptive]
      expect: {central: {covers: 0.9}, adaptive: {covers: 0.95}}
      """)
    let central = try #require(report.checks.first { $0.subject.english.hasPrefix("central,") })
    let adaptive = try #require(report.checks.first { $0.subject.english.hasPrefix("adaptive,") })
    let centralCovered = o.results.filter { $0.method == .central && $0.covers == true }.count
    #expect(centralCovered == 1)
    #expect(central.status == .failed)
    #expect(central.detail.english.hasPrefix("1 of 3 results (33.3%) < 90.0%"))
    #expect(adaptive.status == .passed)
    #expect(adaptive.detail.english.hasPrefix("3 of 3 results"))
    #expect(!report.verdict.passed)
  }

  @Test func pointsWhereFIsNotFiniteAreResultsNotErrors() throws {
    let (o, report) = try run(
      Accuracy.self,
      """
      kind: accuracy
      cases:
        - {f: "log(x)", at: [-1, 2]}
        - {f: "log(-1 - x^2)", at: 0}
        - {f: "sqrt(x)", at: 0}
      methods: [central, complex-step, adaptive]
      expect: {adaptive: {min_digits: 10, covers: 0.95}}
      """)
    let outside = try result(o, .adaptive, at: -1)
    #expect(outside.status == .nonFiniteAtPoint && outside.digits == nil)
    guard case .outsideDomain(_, _, .outsideDomain(.log, _, -1)) = outside.detail else {
      Issue.record("\(outside.detail)")
      return
    }
    #expect(outside.detail.phrase?.english.contains("outside the domain") == true)
    #expect(try result(o, .central, at: 0, f: "log(-1 - x^2)").status == .nonFiniteAtPoint)
    #expect(try result(o, .adaptive, at: 0, f: "sqrt(x)").status == .noDerivative)
    #expect(try result(o, .adaptive, at: 2).status == .converged)
    // min_digits is not checked where nothing was measured; log at 2 passes.
    #expect(report.checks.filter { $0.status == .notChecked }.count == 3)
    #expect(report.checks.filter { $0.status == .passed }.count == 2)
    #expect(report.verdict.passed)
    #expect(report.notes.contains { $0.english.contains("log(x) needs") })
    let summary = try #require(o.summaries.first { $0.method == .adaptive })
    #expect(summary.results == 4 && summary.measured == 1 && summary.withEstimate == 1)
  }

  @Test func reportHasTheCSVAndTheFigures() throws {
    let (o, report) = try run(
      Accuracy.self,
      """
      kind: accuracy
      cases: [{f: "exp(x)", at: [0, 1]}]
      methods: [backward, richardson, adaptive]
      precision: [single, extended]
      """)
    let csv = try #require(report.data.first { $0.name == "accuracy.csv" })
    #expect(csv.table.rows.count == o.results.count && o.results.count == 12)
    #expect(csv.table.columns.contains("error_estimate"))
    #expect(
      report.figures.map(\.name) == ["digits-evaluations", "digits-cases", "calibration"])
    #expect(report.figures[2].caption.contains("covered"))
    #if arch(x86_64)
      for r in o.results where r.precision == .extended {
        #expect(try #require(r.digits) >= (r.method == .backward ? 9 : 14))
      }
    #endif
  }
}
