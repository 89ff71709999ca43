import Calculus
import Foundation

extension Descent {
  static func report(_ o: DescentOutcome, spec: DescentSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    var rows = o.runs.map { runRow($0, language) }
    report.checks = o.runs.compactMap { statusCheck($0, spec: spec) }
    for a in o.pathAgreement {
      rows.append(agreementRow(a, language))
      if let bound = spec.expectPathAgreement {
        report.checks.append(agreementCheck(a, bound: bound))
      }
    }
    report.table(
      header: [
        language(.tableUpdate), language(.tableGradient), language(.tableLearningRate),
        language(.tableStatus), language(.tableSteps), language(.tableFinalF), language(.tableWhy),
      ], rows: rows)
    report.csv("paths.csv", pathTable(o))
    report.figures = DescentFigures.make(
      spec: spec, runs: o.runs, agreement: o.pathAgreement,
      heading: FigureHeading(title: experiment.title),
      language: experiment.language)
    return report
  }

  /// paths.csv: every iterate of every run.
  static func pathTable(_ o: DescentOutcome) -> CSVTable {
    var table = CSVTable(
      columns: ["update", "gradient", "learning_rate", "step"] + o.variables + ["f"])
    for r in o.runs {
      let run = r.run
      for (k, (x, value)) in zip(run.iterates, run.values).enumerated() {
        table.append(
          [
            .string(run.update.rawValue), .string(r.gradient.rawValue), .number(run.learningRate),
            .int(k),
          ]
            + x.map { .number($0) } + [.number(value)])
      }
    }
    return table
  }

  /// A run's row: update, gradient, rate, status, steps, final f and why it stopped.
  static func runRow(_ r: DescentOutcome.Run, _ language: Language) -> [String] {
    let run = r.run
    return [
      language(.updateRule(rule: run.update)),
      DescentFigures.gradientName(r.gradient, language), short(run.learningRate),
      language(.descentStatus(status: run.status)), String(run.stepsTaken),
      String(format: "%.4g", run.finalValue), language(.descentStop(stop: run.stop)),
    ]
  }

  /// The check of a run's expected status (converges, too slow, diverges), if one is expected.
  static func statusCheck(_ r: DescentOutcome.Run, spec: DescentSpec) -> Check? {
    let run = r.run
    guard
      let expected = StatusExpectations.status(
        at: run.learningRate, rule: run.update, flat: spec.expectations,
        byUpdate: spec.expectByUpdate)
    else { return nil }
    return Check(
      DescentPhrase.learningRateUpdateGradientSubject(
        rate: short(run.learningRate), update: DescentPhrase.updateRule(rule: run.update),
        gradient: CommonPhrase.gradient(r.gradient)),
      passed: expected == run.status,
      DescentPhrase.expectedGot(
        expected: DescentPhrase.descentStatus(status: expected),
        got: DescentPhrase.descentStatus(status: run.status),
        reason: CalculusPhrase.descentStop(stop: run.stop)))
  }

  /// The row of two gradients' paths compared: the largest distance between them.
  static func agreementRow(_ a: DescentOutcome.PathAgreement, _ language: Language) -> [String] {
    let gradient = DescentFigures.gradientName(a.gradient, language)
    let reference = DescentFigures.gradientName(a.reference, language)
    return [
      language(.updateRule(rule: a.update)), language(.versus(first: gradient, second: reference)),
      short(a.learningRate), "", "", String(format: "%.3g", a.maxDistance.value ?? .nan),
      language(.largestPathDistance),
    ]
  }

  /// The check that two gradients' paths stay within `bound` of each other.
  static func agreementCheck(_ a: DescentOutcome.PathAgreement, bound: Double) -> Check {
    let subject = DescentPhrase.pathSubject(
      rate: short(a.learningRate), update: DescentPhrase.updateRule(rule: a.update),
      gradient: CommonPhrase.gradient(a.gradient), reference: CommonPhrase.gradient(a.reference))
    guard a.referenceConverged else {
      return Check(subject, .notChecked, DescentPhrase.referenceDidNotConverge)
    }
    let distance = a.maxDistance.value ?? .nan
    return Check(
      subject, passed: distance <= bound,
      DescentPhrase.pathDistance(distance: distance, bound: bound))
  }
}
