import Calculus
import Foundation

extension Convergence {
  static func report(_ o: ConvergenceOutcome, spec: ConvergenceSpec, experiment: Experiment)
    -> Report
  {
    var report = Report(outcome: o)
    let language = experiment.language
    var rows: [[String]] = []
    var table = CSVTable(columns: ["case", "f", "variable", "at"] + SweepReporting.csvColumns)
    for s in o.results {
      let subject = "\(s.f) at \(s.variable) = \(short(s.at))"
      rows.append([s.f, short(s.at)] + SweepReporting.row(s.outcome, language))
      for row in SweepReporting.csvRows(
        s.outcome, leading: [.int(s.caseNumber), .string(s.f), .string(s.variable), .number(s.at)])
      {
        table.append(row)
      }
      if let note = SweepReporting.nonFiniteNote(s.outcome, subject: subject) {
        report.notes.append(note)
      }
    }
    report.table(
      header: [language(.tableF), language(.tableAt)] + SweepReporting.header(language),
      rows: rows)
    report.table(
      language(.tableStepsOfNotes),
      header: [language(.tableF), language(.tableAt), language(.tableScheme)]
        + lectureSteps.map { "h = \(short($0))" },
      rows: o.results.filter { !$0.atSteps.isEmpty }.map { s in
        [s.f, short(s.at), language(.schemeName(s.outcome.scheme.rawValue))]
          + s.atSteps.map(stepCell)
      })
    report.checks = SweepReporting.checks(
      o.results.map { ("\($0.f) at \($0.variable) = \(short($0.at))", $0.outcome) })
    for c in o.checks {
      report.checks.append(c.check("\(spec.cases[c.number - 1].text) at \(c.at.text)"))
    }
    report.csv("errors.csv", table)
    report.figures = ConvergenceFigures.make(spec: spec, sweeps: o.results, language: language)
    return report
  }
}

/// "1.23456789 (1.2e-05)" for a table of the notes' steps.
func stepCell(_ v: StepValue) -> String {
  let estimate = v.estimate.value.map { String(format: "%.10g", $0) } ?? "not finite"
  let error = v.error.value.map { String(format: "%.2e", $0) } ?? "-"
  return "\(estimate) (\(error))"
}
