import Calculus
import Foundation

extension Accuracy {
  static func report(_ o: AccuracyOutcome, spec: AccuracySpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    report.table(
      language(.accuracyPerMethod),
      header: [
        language(.tableMethod), language(.tablePrecision), language(.tableMedianDigits),
        language(.tablePercentile10), language(.tableMin), language(.tableMedianEvaluations),
        language(.tableCovers), language(.errorEstimate),
      ],
      rows: o.summaries.map(summaryRow))
    report.table(
      header: [
        "f", language(.tableAt), language(.tablePrecision), language(.tableMethod),
        language(.tableEstimate), language(.tableDigits), language(.tableEvaluations),
        language(.tableStep), language(.tableError), language(.errorEstimate),
        language(.tableStatus),
      ],
      rows: o.results.map(resultRow))
    var table = CSVTable(columns: csvColumns)
    for r in o.results { table.append(csvRow(r)) }
    report.csv("accuracy.csv", table)
    report.checks = checks(o, spec: spec)
    report.notes = notes(o)
    report.figures = AccuracyFigures.make(spec: spec, outcome: o, language: language)
    return report
  }

  /// `min_digits` per result, `covers` per method and precision.
  static func checks(_ o: AccuracyOutcome, spec: AccuracySpec) -> [Check] {
    var checks: [Check] = []
    for method in spec.methods {
      guard let expectation = spec.expectations[method] else { continue }
      if let minimum = expectation.minDigits {
        for r in o.results where r.method == method {
          let subject =
            "\(r.f) at \(r.variable) = \(short(r.at)), \(method.rawValue), "
            + r.precision.rawValue
          guard let d = r.digits else {
            checks.append(Check(subject, .notChecked, "\(r.status.rawValue): \(r.detail)"))
            continue
          }
          checks.append(
            Check(
              subject, passed: d >= minimum,
              String(
                format: "%.2f digits %@ %g (error %.3g, %d evaluations, %@)", d,
                d >= minimum ? ">=" : "<", minimum, r.error, r.evaluations, r.status.rawValue)))
        }
      }
      if let share = expectation.covers {
        for s in o.summaries where s.method == method {
          checks.append(coverage(s, share: share))
        }
      }
    }
    return checks
  }

  /// The share of a method's results whose error estimate is at least the true error.
  static func coverage(_ s: AccuracyOutcome.MethodSummary, share: Double) -> Check {
    let subject = "\(s.method.rawValue), \(s.precision.rawValue): error estimate covers the error"
    guard s.withEstimate > 0 else {
      return Check(subject, .notChecked, "no result has both an error and an error estimate")
    }
    let measured = Double(s.covered) / Double(s.withEstimate)
    return Check(
      subject, passed: measured >= share,
      String(
        format: "%d of %d results (%.1f%%) %@ %.1f%%", s.covered, s.withEstimate,
        100 * measured, measured >= share ? ">=" : "<", 100 * share))
  }

  /// The points where nothing could be measured, once per point and precision.
  static func notes(_ o: AccuracyOutcome) -> [String] {
    var notes: [String] = []
    for r in o.results where !r.status.isMeasured && !notes.contains(r.detail) {
      notes.append(r.detail)
    }
    let sources = Set(o.results.compactMap(\.errorEstimateSource))
    if sources.contains(.predicted) {
      notes.append(
        "The error estimate of a fixed scheme is predicted, not measured: the Taylor "
          + "truncation term at its step plus the round-off floor, from the symbolic "
          + "derivatives (a black-box method has no such estimate). The adaptive derivative's "
          + "is its own a-posteriori estimate.")
    }
    return notes
  }

  static func summaryRow(_ s: AccuracyOutcome.MethodSummary) -> [String] {
    func f(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "-" }
    let covers =
      s.withEstimate == 0
      ? "-"
      : String(
        format: "%d/%d (%.0f%%)", s.covered, s.withEstimate,
        100 * Double(s.covered) / Double(s.withEstimate))
    return [
      s.method.rawValue, s.precision.rawValue, f(s.medianDigits), f(s.p10Digits),
      f(s.minDigits), s.medianEvaluations.map { short($0) } ?? "-", covers,
      s.method == .adaptive ? "a-posteriori" : "predicted",
    ]
  }

  static func resultRow(_ r: AccuracyOutcome.Result) -> [String] {
    func e(_ v: Double?) -> String {
      guard let v else { return "-" }
      return v.isFinite ? String(format: "%.2e", v) : "\(v)"
    }
    return [
      r.f, short(r.at), r.precision.rawValue, r.method.rawValue,
      r.estimate.isFinite ? String(format: "%.15g", r.estimate) : "\(r.estimate)",
      r.digits.map { String(format: "%.2f", $0) } ?? "-", String(r.evaluations), e(r.step),
      r.status.isMeasured ? e(r.error) : "-", e(r.errorEstimate), r.status.rawValue,
    ]
  }

  static let csvColumns = [
    "case", "f", "variable", "at", "precision", "method", "estimate", "exact", "error", "digits",
    "evaluations", "step", "error_estimate", "error_estimate_source", "covers", "status",
  ]

  static func csvRow(_ r: AccuracyOutcome.Result) -> [CSVField] {
    [
      .int(r.caseNumber), .string(r.f), .string(r.variable), .number(r.at),
      .string(r.precision.rawValue), .string(r.method.rawValue), .number(r.estimate),
      .number(r.exact), .number(r.status.isMeasured ? r.error : nil), .number(r.digits),
      .int(r.evaluations), .number(r.step), .number(r.errorEstimate),
      .string(r.errorEstimateSource?.rawValue ?? ""), .string(r.covers.map { "\($0)" } ?? ""),
      .string(r.status.rawValue),
    ]
  }
}
