import Calculus
import Foundation

extension Convergence {
  static func report(_ o: ConvergenceOutcome, spec: ConvergenceSpec, experiment: Experiment)
    -> Report
  {
    var report = Report(outcome: o)
    let language = experiment.language
    for s in o.results {
      let subject = self.subject(s)
      if let note = SweepReporting.nonFiniteNote(s.outcome, subject: subject) {
        report.notes.append(note)
      }
      if let note = SweepReporting.domainNote(s.outcome, subject: subject) {
        report.notes.append(note)
      }
    }
    report.table(
      header: [language(.tableF), language(.tableAt), "q", language(.tableStencil)]
        + SweepReporting.header(language)
        + [language(.tableModelRatio), language(.tableLeavesDomain)],
      rows: o.results.map { sweepRow($0, language) })
    // Program cases have no estimates at the notes' steps: no table of nothing.
    let lecture = lectureStepsTable(o, language)
    if !lecture.rows.isEmpty { report.tables.append(lecture) }
    report.checks = SweepReporting.checks(o.results.map { (subject($0), $0.outcome) })
    for c in o.checks {
      let f = spec.cases[c.number - 1].text
      report.checks.append(c.check(ConvergencePhrase.pointOf(f: f, at: c.at.text)))
    }
    appendProgramChecks(o.derivativeChecks ?? [], to: &report)
    report.csv("errors.csv", errorTable(o))
    report.figures = ConvergenceFigures.make(
      spec: spec, sweeps: o.results, derivativeChecks: o.derivativeChecks ?? [],
      heading: FigureHeading(title: experiment.title),
      language: language)
    return report
  }

  /// "exp(x) at x = 0.5": what a sweep's check or note is about.
  static func subject(_ s: ConvergenceOutcome.Sweep) -> CommonPhrase {
    .functionAt(f: clipped(s.f), variable: s.variable, at: short(s.at))
  }

  /// A sweep's row: f, the point, q, the stencil, the fit and verdict, the model and domain.
  static func sweepRow(_ s: ConvergenceOutcome.Sweep, _ language: Language) -> [String] {
    [
      clipped(s.f), short(s.at), String(s.outcome.derivative),
      stencilCell(s.outcome, language),
    ]
      + SweepReporting.row(s.outcome, language)
      + [SweepReporting.modelCell(s.outcome), SweepReporting.domainCell(s.outcome, language)]
  }

  /// The estimates at the notes' steps (double), where the sweep has them.
  static func lectureStepsTable(_ o: ConvergenceOutcome, _ language: Language) -> Report.Table {
    Report.Table(
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
  }

  /// errors.csv: every step of every sweep.
  static func errorTable(_ o: ConvergenceOutcome) -> CSVTable {
    var table = CSVTable(
      columns: ["case", "f", "variable", "at", "derivative"] + SweepReporting.csvColumns)
    for s in o.results {
      let leading: [CSVField] = [
        .int(s.caseNumber), .string(s.f), .string(s.variable), .number(s.at),
        .int(s.outcome.derivative),
      ]
      for row in SweepReporting.csvRows(s.outcome, leading: leading) { table.append(row) }
    }
    return table
  }
}
