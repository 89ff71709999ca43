import Calculus
import Foundation

extension Convergence {
  static func report(_ o: ConvergenceOutcome, spec: ConvergenceSpec, experiment: Experiment)
    -> Report
  {
    var report = Report(outcome: o)
    let language = experiment.language
    var rows: [[String]] = []
    var table = CSVTable(
      columns: ["case", "f", "variable", "at", "derivative"] + SweepReporting.csvColumns)
    for s in o.results {
      let subject = language(.functionAt(clipped(s.f), variable: s.variable, at: short(s.at)))
      rows.append(
        [
          clipped(s.f), short(s.at), String(s.outcome.derivative),
          stencilCell(s.outcome, language),
        ]
          + SweepReporting.row(s.outcome, language)
          + [SweepReporting.modelCell(s.outcome), SweepReporting.domainCell(s.outcome, language)])
      let leading: [CSVField] = [
        .int(s.caseNumber), .string(s.f), .string(s.variable), .number(s.at),
        .int(s.outcome.derivative),
      ]
      for row in SweepReporting.csvRows(s.outcome, leading: leading) {
        table.append(row)
      }
      if let note = SweepReporting.nonFiniteNote(s.outcome, subject: subject, language) {
        report.notes.append(note)
      }
      if let note = SweepReporting.domainNote(s.outcome, subject: subject, language) {
        report.notes.append(note)
      }
    }
    report.table(
      header: [language(.tableF), language(.tableAt), "q", language(.tableStencil)]
        + SweepReporting.header(language)
        + [language(.tableModelRatio), language(.tableLeavesDomain)],
      rows: rows)
    report.table(
      language(.tableStepsOfNotes),
      header: [language(.tableF), language(.tableAt), language(.tableScheme)]
        + lectureSteps.map { "h = \(short($0))" },
      rows: o.results.filter { !$0.atSteps.isEmpty }.map { s in
        [clipped(s.f), short(s.at), SweepReporting.schemeName(s.outcome, language)]
          + s.atSteps.map { v in
            guard let exit = s.outcome.domainExit, v.h >= exit.firstStep else {
              return stepCell(v, language)
            }
            return language(.tableLeavesDomain)
          }
      })
    report.checks = SweepReporting.checks(
      o.results.map {
        (language(.functionAt(clipped($0.f), variable: $0.variable, at: short($0.at))), $0.outcome)
      }, language)
    for c in o.checks {
      let f = spec.cases[c.number - 1].text
      report.checks.append(c.check(language(.pointOf(f, c.at.text)), language))
    }
    report.csv("errors.csv", table)
    report.figures = ConvergenceFigures.make(spec: spec, sweeps: o.results, language: language)
    return report
  }
}

/// "1.23456789 (1.2e-05)" for a table of the notes' steps.
func stepCell(_ v: StepValue, _ language: Language) -> String {
  let estimate =
    v.estimate.value.flatMap { $0.isFinite ? String(format: "%.10g", $0) : nil }
    ?? language(.notFinite)
  let error = v.error.value.flatMap { $0.isFinite ? String(format: "%.2e", $0) : nil } ?? "-"
  return "\(estimate) (\(error))"
}

/// The stencil's offsets, "[-1, 0, 1]" ("complex step" for the complex step).
func stencilCell(_ o: SweepOutcome, _ language: Language) -> String {
  guard let stencil = o.stencil else { return language(.complexStepCell) }
  return "[" + distinctShort(stencil.offsets).joined(separator: ", ") + "]"
}

/// `text` cut to `limit` characters with "…" (tables, notes and figure titles; the full text
/// stays in summary.json and errors.csv).
func clipped(_ text: String, to limit: Int = 80) -> String {
  text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
}
