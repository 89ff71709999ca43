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
      rows: o.summaries.map { summaryRow($0, language) })
    report.table(
      header: [
        "f", language(.tableAt), language(.tablePrecision), language(.tableMethod),
        language(.tableEstimate), language(.tableDigits), language(.tableEvaluations),
        language(.tableStep), language(.tableError), language(.errorEstimate),
        language(.tableStatus),
      ],
      rows: o.results.map { resultRow($0, language) })
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
          let subject = Composed.list(
            CommonPhrase.functionAt(f: r.f, variable: r.variable, at: short(r.at)),
            CommonPhrase.method(method), CommonPhrase.precisionName(precision: r.precision))
          let status = AccuracyPhrase.accuracyStatus(status: r.status)
          guard let d = r.digits else {
            let detail: any Phrase = r.detail.phrase ?? Composed.verbatim(text: "")
            checks.append(
              Check(
                subject, .notChecked, AccuracyPhrase.statusDetail(status: status, detail: detail)))
            continue
          }
          checks.append(
            Check(
              subject, passed: d >= minimum,
              AccuracyPhrase.digitsDetail(
                digits: d, passed: d >= minimum, minimum: minimum, error: r.error,
                evaluations: r.evaluations, status: status)))
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
    let subject = AccuracyPhrase.coversSubject(
      method: CommonPhrase.method(s.method),
      precision: CommonPhrase.precisionName(precision: s.precision))
    guard s.withEstimate > 0 else {
      return Check(subject, .notChecked, AccuracyPhrase.noEstimates)
    }
    let measured = Double(s.covered) / Double(s.withEstimate)
    return Check(
      subject, passed: measured >= share,
      AccuracyPhrase.coverageDetail(
        covered: s.covered, of: s.withEstimate, passed: measured >= share, share: share))
  }

  /// The points where nothing could be measured, once per point and precision.
  static func notes(_ o: AccuracyOutcome) -> [any Phrase] {
    var notes: [AccuracyPhrase] = []
    for r in o.results where !r.status.isMeasured {
      let detail = r.detail.phrase
      if let detail, !notes.contains(where: { $0.english == detail.english }) {
        notes.append(detail)
      }
    }
    let sources = Set(o.results.compactMap(\.errorEstimateSource))
    if sources.contains(.predicted) { notes.append(.predictedEstimateNote) }
    for r in o.references ?? [] where r.source == "adaptive" {
      notes.append(
        .adaptiveReference(
          f: r.f, at: short(r.at), value: r.value.value ?? .nan, error: r.error.value ?? .nan))
    }
    return notes
  }

  static func summaryRow(_ s: AccuracyOutcome.MethodSummary, _ language: Language) -> [String] {
    func f(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "-" }
    let covers =
      s.withEstimate == 0
      ? "-"
      : String(
        format: "%d/%d (%.0f%%)", s.covered, s.withEstimate,
        100 * Double(s.covered) / Double(s.withEstimate))
    return [
      language(.method(s.method)), language(.precisionName(precision: s.precision)),
      f(s.medianDigits), f(s.p10Digits), f(s.minDigits),
      s.medianEvaluations.map { short($0) } ?? "-", covers,
      language(.estimateSource(source: s.method == .adaptive ? .aPosteriori : .predicted)),
    ]
  }

  static func resultRow(_ r: AccuracyOutcome.Result, _ language: Language) -> [String] {
    func e(_ v: Double?) -> String {
      guard let v else { return "-" }
      return v.isFinite ? String(format: "%.2e", v) : "\(v)"
    }
    return [
      r.f, short(r.at), language(.precisionName(precision: r.precision)),
      language(.method(r.method)),
      r.estimate.isFinite ? String(format: "%.15g", r.estimate) : "\(r.estimate)",
      r.digits.map { String(format: "%.2f", $0) } ?? "-", String(r.evaluations), e(r.step),
      r.status.isMeasured ? e(r.error) : "-", e(r.errorEstimate),
      language(.accuracyStatus(status: r.status)),
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
