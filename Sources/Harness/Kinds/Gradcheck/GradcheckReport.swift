import Calculus
import Foundation

extension Gradcheck {
  static func report(_ o: GradcheckOutcome, spec: GradcheckSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    var rows: [[String]] = []
    for t in o.tensors {
      let check = tensorCheck(t, bound: spec.maxRelativeError)
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
        language(.tableTensor), language(.tableEntries), "max abs", "max rel", "normwise",
        language(.tableNearKink), language(.tableKinkMaxRel), language(.tableVerdict),
      ], rows: rows)
    if let gap = o.timing.fastVsTextbookMaxDifference?.value {
      let bound = o.precision == .double ? 1e-9 : 1e-4
      report.checks.append(
        Check(
          "fast against textbook numerical gradient", passed: gap <= bound,
          String(format: "largest difference %.3g, bound %g", gap, bound)))
    }
    if !o.results.isEmpty {
      report.table(
        language(.tableAlongDirection),
        header: [language(.tableDirection)] + SweepReporting.header(language),
        rows: o.results.map { [$0.direction.rawValue] + SweepReporting.row($0.outcome, language) })
      report.checks += SweepReporting.checks(
        o.results.map { ("derivative of the loss along the \($0.direction.rawValue)", $0.outcome) },
        language)
      if let step = o.results.compactMap(\.kinkStep).first {
        report.notes.append(
          String(
            format: "along a random direction in all parameters some pre-activation crosses a "
              + "relu kink for h > %.3g: the sweep bends there", step))
      }
    }
    report.notes += floorNotes(o)
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
  static func tensorCheck(_ t: GradcheckOutcome.Tensor, bound: Double?) -> Check? {
    guard let bound else { return nil }
    guard t.smoothCount > 0 else {
      return Check(
        t.name, .notChecked,
        "no entry compared away from relu kinks (\(t.count) sampled, \(t.kinkEntries) near a kink)")
    }
    let worst = t.worst.first
    return Check(
      t.name, passed: (t.maxRelativeError.value ?? .infinity) <= bound,
      String(
        format: "max relative error %.3g, bound %g, over %d entries (worst entry %d: backprop "
          + "%.6g, numerical %.6g)", t.maxRelativeError.value ?? .nan, bound, t.smoothCount,
        worst?.index ?? -1, worst?.analytic.value ?? .nan, worst?.numerical.value ?? .nan))
  }

  /// What the verdict leaves out: entries near a kink, entries under the relative floor.
  static func floorNotes(_ o: GradcheckOutcome) -> [String] {
    var notes: [String] = []
    notes.append(
      "\(o.kinkEntries) of \(o.parametersChecked) parameters have a ±h step that crosses a relu "
        + "kink for some sample; they are reported apart and kept out of the verdict")
    notes.append(
      String(
        format: "relative errors use the floor %.3g (10 × the numerical gradient's round-off "
          + "level %.3g / the bound %g): %d entries are smaller than it and are held to "
          + "|a − n| <= %.3g", o.relativeFloor, o.roundoffLevel, o.bound,
        o.tensors.map(\.entriesBelowFloor).reduce(0, +), o.bound * o.relativeFloor))
    return notes
  }
}
