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
    appendProgramFindings(o, to: &report)
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
          [g.at.text, "-", referenceLabel(o, language)]
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

  /// The gradient table's reference row: exact, or (a program's f) the user's gradient or
  /// the adaptive derivative.
  static func referenceLabel(_ o: PartialsOutcome, _ language: Language) -> String {
    guard let source = o.references?.first?.source else { return language(.exact) }
    return language(.referenceName(source: source))
  }

  /// A program's f: a note per adaptive reference (what it cannot see), a check per point and
  /// scheme of the gradient under test, naming the entries that differ.
  static func appendProgramFindings(_ o: PartialsOutcome, to report: inout Report) {
    for r in o.references ?? [] where r.source == "adaptive" {
      report.notes.append(
        PartialsPhrase.adaptiveReference(
          variable: r.variable, at: r.at.text, value: r.value.value ?? .nan,
          error: r.error.value ?? .nan))
    }
    for g in o.gradientChecks ?? [] {
      let subject = PartialsPhrase.gradientUnderTestAt(
        at: g.at.text, scheme: CommonPhrase.schemeName(scheme: g.scheme))
      report.checks.append(Check(subject, g.status, gradientDetail(g)))
    }
  }

  /// Which entries differ, by how much (the others are said to agree, not blamed); or what
  /// could not be judged; or that every entry agrees.
  static func gradientDetail(_ g: PartialsOutcome.GradientCheck) -> any Phrase {
    let names = { (entries: [PartialsOutcome.GradientEntry]) in
      entries.map { "∂f/∂\($0.variable)" }.joined(separator: ", ")
    }
    switch g.status {
    case .failed, .passed where !g.differing.isEmpty:
      var parts: [any Phrase] = g.differing.map {
        PartialsPhrase.entryDiffers(
          variable: $0.variable, difference: $0.agreement.plateau ?? .nan, at: g.at.text)
      }
      let others = g.entries.filter { $0.agreement.passed }
      if !others.isEmpty { parts.append(
          PartialsPhrase.othersAgree(variables: names(others), count: others.count)) }
      if !g.expectedWrong.isEmpty {
        parts.append(
          PartialsPhrase.expectedWrong(
            variables: g.expectedWrong.map { "∂f/∂\($0)" }.joined(separator: ", ")))
      }
      return Composed.joined(parts: parts, separator: "; ")
    case .notChecked:
      return PartialsPhrase.gradientNotChecked(variables: names(g.unjudged))
    case .passed:
      let least = g.entries.compactMap(\.agreement.leastError).max() ?? 0
      return PartialsPhrase.gradientAgrees(count: g.entries.count, least: least)
    }
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
