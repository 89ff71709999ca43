import Calculus
import Foundation

extension Gradcheck {
  static func report(_ o: GradcheckOutcome, spec: GradcheckSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    tensors(o, bound: spec.maxRelativeError, into: &report, language)
    if let check = fastAgainstTextbook(o) { report.checks.append(check) }
    if !o.results.isEmpty { sweep(o, into: &report, language) }
    report.notes += floorNotes(o)
    report.csv("gradients.csv", entryTable(o))
    if !o.results.isEmpty { report.csv("sweep.csv", sweepTable(o)) }
    report.figures = GradcheckFigures.make(spec, outcome: o, language: language)
    return report
  }

  /// Each tensor's row and its check against `max_relative_error`.
  static func tensors(
    _ o: GradcheckOutcome, bound: Double?, into report: inout Report, _ language: Language
  ) {
    var rows: [[String]] = []
    for t in o.tensors {
      let check = tensorCheck(t, bound: bound)
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
  }

  /// The fast numerical gradient against the textbook one, when both ran.
  static func fastAgainstTextbook(_ o: GradcheckOutcome) -> Check? {
    guard let gap = o.timing.fastVsTextbookMaxDifference?.value else { return nil }
    let bound = o.precision == .double ? 1e-9 : 1e-4
    return Check(
      GradcheckPhrase.fastAgainstTextbook, passed: gap <= bound,
      GradcheckPhrase.largestDifference(
        gap: String(format: "%.3g", gap), bound: String(format: "%g", bound)))
  }

  /// The sweeps along random directions: their table, order checks and the kink note.
  static func sweep(_ o: GradcheckOutcome, into report: inout Report, _ language: Language) {
    report.table(
      language(.tableAlongDirection),
      header: [language(.tableDirection)] + SweepReporting.header(language),
      rows: o.results.map {
        [language(.sweepDirection(direction: $0.direction))]
          + SweepReporting.row($0.outcome, language)
      })
    report.checks += SweepReporting.checks(
      o.results.map { (GradcheckPhrase.lossAlongDirection(direction: $0.direction), $0.outcome) })
    if let step = o.results.compactMap(\.kinkStep).first {
      report.notes.append(GradcheckPhrase.kinkSweepNote(h: String(format: "%.3g", step)))
    }
  }

  /// gradients.csv: every compared entry.
  static func entryTable(_ o: GradcheckOutcome) -> CSVTable {
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
    return entries
  }

  /// sweep.csv: every step of every direction's sweep.
  static func sweepTable(_ o: GradcheckOutcome) -> CSVTable {
    var sweep = CSVTable(columns: ["direction"] + SweepReporting.csvColumns)
    for r in o.results {
      for row in SweepReporting.csvRows(r.outcome, leading: [.string(r.direction.rawValue)]) {
        sweep.append(row)
      }
    }
    return sweep
  }

  /// A tensor's check against `max_relative_error`: not checked when no entry away from a
  /// kink was compared (a sample that missed the tensor, or every entry near a kink).
  static func tensorCheck(_ t: GradcheckOutcome.Tensor, bound: Double?) -> Check? {
    guard let bound else { return nil }
    let subject = Composed.verbatim(text: t.name)
    guard t.smoothCount > 0 else {
      return Check(
        subject, .notChecked,
        GradcheckPhrase.noSmoothEntry(sampled: t.count, nearKink: t.kinkEntries))
    }
    let worst = t.worst.first
    func g(_ format: String, _ x: Double?) -> String { String(format: format, x ?? .nan) }
    return Check(
      subject, passed: (t.maxRelativeError.value ?? .infinity) <= bound,
      GradcheckPhrase.tensorWorst(
        maxRelative: g("%.3g", t.maxRelativeError.value), bound: g("%g", bound),
        entries: t.smoothCount, worst: worst?.index ?? -1,
        backprop: g("%.6g", worst?.analytic.value), numerical: g("%.6g", worst?.numerical.value)))
  }

  /// What the verdict leaves out: entries near a kink, entries under the relative floor.
  static func floorNotes(_ o: GradcheckOutcome) -> [any Phrase] {
    [
      GradcheckPhrase.kinkParametersNote(kinks: o.kinkEntries, of: o.parametersChecked),
      GradcheckPhrase.relativeFloorNote(
        floor: String(format: "%.3g", o.relativeFloor),
        roundoff: String(format: "%.3g", o.roundoffLevel), bound: String(format: "%g", o.bound),
        below: o.tensors.map(\.entriesBelowFloor).reduce(0, +),
        held: String(format: "%.3g", o.bound * o.relativeFloor)),
    ]
  }
}
