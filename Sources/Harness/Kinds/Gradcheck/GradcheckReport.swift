import Calculus
import Foundation

extension Gradcheck {
  static func report(_ o: GradcheckOutcome, spec: GradcheckSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    var rows: [[String]] = []
    for t in o.tensors {
      let check = tensorCheck(t, bound: spec.maxRelativeError, language: language)
      if let check { report.checks.append(check) }
      rows.append([
        t.name, String(t.count), String(format: "%.3g", t.maxAbsError.value ?? .nan),
        String(format: "%.3g", t.maxRelativeError.value ?? .nan),
        String(format: "%.3g", t.normwiseRelativeError.value ?? .nan), String(t.kinkEntries),
        t.kinkMaxRelativeError.value.map { String(format: "%.3g", $0) } ?? "-",
        check.map { statusWord($0.status, language) } ?? "-",
      ])
    }
    report.table(
      header: [
        language(.tableTensor), language(.tableEntries), language(.tableMaxAbs),
        language(.tableMaxRel), language(.tableNormwise),
        language(.tableNearKink), language(.tableKinkMaxRel), language(.tableVerdict),
      ], rows: rows)
    if let gap = o.timing.fastVsTextbookMaxDifference?.value {
      let bound = o.precision == .double ? 1e-9 : 1e-4
      report.checks.append(
        Check(
          language(.fastAgainstTextbook), passed: gap <= bound,
          language(
            .largestDifference(String(format: "%.3g", gap), bound: String(format: "%g", bound)))))
    }
    if !o.results.isEmpty {
      report.table(
        language(.tableAlongDirection),
        header: [language(.tableDirection)] + SweepReporting.header(language),
        rows: o.results.map {
          [language(.sweepDirection($0.direction))] + SweepReporting.row($0.outcome, language)
        })
      report.checks += SweepReporting.checks(
        o.results.map { (language(.lossAlongDirection($0.direction)), $0.outcome) }, language)
      if let step = o.results.compactMap(\.kinkStep).first {
        report.notes.append(language(.kinkSweepNote(String(format: "%.3g", step))))
      }
    }
    report.notes += floorNotes(o, language: language)
    var entries = CSVTable(columns: [
      "tensor", "index", "analytic", "numerical", "absolute_error", "relative_error", "near_kink",
    ])
    for e in o.entries {
      entries.append([
        .string(o.tensors[e.tensor].name), .int(e.index), .number(e.analytic),
        .number(e.numerical), .number(abs(e.analytic - e.numerical)), .number(e.relativeError),
        .bool(e.nearKink),
      ])
    }
    report.csv("gradients.csv", entries)
    if !o.results.isEmpty {
      var sweep = CSVTable(columns: ["direction"] + SweepReporting.csvColumns)
      for r in o.results {
        for row in SweepReporting.csvRows(r.outcome, leading: [.string(r.direction.rawValue)]) {
          sweep.append(row)
        }
      }
      report.csv("sweep.csv", sweep)
    }
    report.figures = GradcheckFigures.make(spec, outcome: o, language: language)
    return report
  }

  /// A tensor's check against `max_relative_error`: not checked when no entry away from a
  /// kink was compared (a sample that missed the tensor, or every entry near a kink).
  static func tensorCheck(
    _ t: GradcheckOutcome.Tensor, bound: Double?, language: Language = .en
  ) -> Check? {
    guard let bound else { return nil }
    guard t.smoothCount > 0 else {
      return Check(
        t.name, .notChecked, language(.noSmoothEntry(sampled: t.count, nearKink: t.kinkEntries)))
    }
    let worst = t.worst.first
    func g(_ format: String, _ x: Double?) -> String { String(format: format, x ?? .nan) }
    return Check(
      t.name, passed: (t.maxRelativeError.value ?? .infinity) <= bound,
      language(
        .tensorWorst(
          maxRelative: g("%.3g", t.maxRelativeError.value), bound: g("%g", bound),
          entries: t.smoothCount, worst: worst?.index ?? -1,
          backprop: g("%.6g", worst?.analytic.value), numerical: g("%.6g", worst?.numerical.value)
        )))
  }

  /// What the verdict leaves out: entries near a kink, entries under the relative floor.
  static func floorNotes(_ o: GradcheckOutcome, language: Language = .en) -> [String] {
    [
      language(.kinkParametersNote(o.kinkEntries, of: o.parametersChecked)),
      language(
        .relativeFloorNote(
          floor: String(format: "%.3g", o.relativeFloor),
          roundoff: String(format: "%.3g", o.roundoffLevel), bound: String(format: "%g", o.bound),
          below: o.tensors.map(\.entriesBelowFloor).reduce(0, +),
          held: String(format: "%.3g", o.bound * o.relativeFloor))),
    ]
  }
}
