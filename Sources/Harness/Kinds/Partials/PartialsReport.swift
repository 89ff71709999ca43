import Calculus
import Foundation

extension Partials {
  static func report(_ o: PartialsOutcome, spec: PartialsSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    let vars = o.variables
    var rows: [[String]] = []
    let atColumns = vars.map { "at_\($0)" }
    var table = CSVTable(columns: ["point"] + atColumns + ["variable"] + SweepReporting.csvColumns)
    for s in o.results {
      rows.append([s.at.text, "∂/∂\(s.variable)"] + SweepReporting.row(s.outcome, language))
      let leading: [CSVField] =
        [.int(s.pointNumber)] + s.at.values.map { .number($0) } + [.string(s.variable)]
      for row in SweepReporting.csvRows(s.outcome, leading: leading) { table.append(row) }
      if let note = SweepReporting.nonFiniteNote(
        s.outcome, subject: PartialsPhrase.partialAt(variable: s.variable, at: s.at.text))
      {
        report.notes.append(note)
      }
    }
    rows += o.hessian.map { hessianRow($0, language) }
    report.table(
      header: [language(.tableAt), language(.tablePartial)] + SweepReporting.header(language),
      rows: rows)
    report.table(
      language(.tableGradientAtSteps),
      header: [language(.tableAt), "h", language(.tableScheme)] + vars.map { "∂f/∂\($0)" },
      rows: gradientRows(o, language))
    report.checks = SweepReporting.checks(
      o.results.map {
        (PartialsPhrase.partialAt(variable: $0.variable, at: $0.at.text), $0.outcome)
      })
    for e in o.hessian where e.expected != nil {
      report.checks.append(
        Check(
          PartialsPhrase.hessianEntryAt(entry: e.entry, at: e.at.text), passed: e.verdict.passed,
          CalculusPhrase.orderVerdict(verdict: e.verdict)))
    }
    for c in o.checks {
      report.checks.append(c.check(PartialsPhrase.partialAt(variable: c.variable, at: c.at.text)))
    }
    report.csv("errors.csv", table)
    report.csv("gradients.csv", gradientTable(o))
    if !o.hessian.isEmpty { report.csv("hessian.csv", hessianTable(o)) }
    report.figures = PartialsFigures.make(
      spec: spec, outcome: o, heading: FigureHeading(title: experiment.title), language: language)
    return report
  }

  /// A Hessian entry's row, in the columns of the partials' rows.
  static func hessianRow(_ e: PartialsOutcome.HessianEntry, _ language: Language) -> [String] {
    let fit = e.fit.fit
    let fitted: String
    switch e.fit {
    case .fitted(let f): fitted = String(format: "%.3f", f.order)
    case .exact: fitted = language(.exact)
    case .noFit: fitted = language(.noFitWord)
    }
    return [
      e.at.text, e.entry, language(.secondDifferenceName),
      language(.precisionName(precision: .double)),
      fitted,
      e.prediction.order.map(String.init) ?? (e.prediction.isExact ? language(.exact) : "-"),
      e.expected.map { short($0) } ?? "-", fit.map { String(format: "%.4f", $0.rSquared) } ?? "-",
      e.bestStep.map { String(format: "%.1e", $0) } ?? "-",
      e.expected == nil ? "-" : statusWord(e.passed ? .passed : .failed, language),
    ]
  }

  static func gradientRows(_ o: PartialsOutcome, _ language: Language) -> [[String]] {
    var rows: [[String]] = []
    var exactShown = Set<Int>()
    for g in o.gradients {
      if exactShown.insert(g.pointNumber).inserted {
        rows.append(
          [g.at.text, "-", language(.exact)]
            + g.exact.map { $0.value.map { String(format: "%.10g", $0) } ?? language(.notFinite) })
      }
      for scheme in g.estimates.keys.sorted() {
        let values = g.estimates[scheme]!
        rows.append(
          [
            g.at.text, short(g.h),
            Scheme(rawValue: scheme).map { language(.schemeName(scheme: $0)) } ?? scheme,
          ]
            + zip(values, g.exact).map { estimate, exact in
              stepCell(
                StepValue(
                  h: g.h, estimate: estimate,
                  error: Num(estimate.value.flatMap { e in exact.value.map { abs(e - $0) } })),
                language)
            })
      }
    }
    return rows
  }

  static func gradientTable(_ o: PartialsOutcome) -> CSVTable {
    var table = CSVTable(
      columns: ["point"] + o.variables.map { "at_\($0)" } + [
        "h", "scheme", "variable", "estimate", "exact", "error",
      ])
    for g in o.gradients {
      for scheme in g.estimates.keys.sorted() {
        for (v, name) in o.variables.enumerated() {
          let estimate = g.estimates[scheme]![v].value ?? .nan
          let exact = g.exact[v].value ?? .nan
          table.append(
            [.int(g.pointNumber)] + g.at.values.map { .number($0) } + [
              .number(g.h), .string(scheme), .string(name), .number(estimate), .number(exact),
              .number(abs(estimate - exact)),
            ])
        }
      }
    }
    return table
  }

  static func hessianTable(_ o: PartialsOutcome) -> CSVTable {
    var table = CSVTable(
      columns: ["point"] + o.variables.map { "at_\($0)" } + [
        "entry", "h", "estimate", "exact", "error",
      ])
    for e in o.hessian {
      for s in e.samples {
        table.append(
          [.int(e.pointNumber)] + e.at.values.map { .number($0) } + [
            .string(e.entry), .number(s.step), .number(s.estimate), .number(e.exact),
            .number(s.error),
          ])
      }
    }
    return table
  }
}
