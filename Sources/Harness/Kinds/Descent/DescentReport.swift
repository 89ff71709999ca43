import Calculus
import Foundation

extension Descent {
  static func report(_ o: DescentOutcome, spec: DescentSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    var table = CSVTable(
      columns: ["update", "gradient", "learning_rate", "step"] + o.variables + ["f"])
    var rows: [[String]] = []
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
      rows.append([
        language(.updateRule(run.update.rawValue)),
        DescentFigures.gradientName(r.gradient, language), short(run.learningRate),
        language(.descentStatus(run.status.rawValue)), String(run.stepsTaken),
        String(format: "%.4g", run.finalValue), language(.descentStop(run.stop)),
      ])
      let expected = StatusExpectations.status(
        at: run.learningRate, rule: run.update, flat: spec.expectations,
        byUpdate: spec.expectByUpdate)
      if let expected {
        report.checks.append(
          Check(
            language(
              .learningRateUpdateGradientSubject(
                short(run.learningRate), update: language(.updateRule(run.update.rawValue)),
                gradient: DescentFigures.gradientName(r.gradient, language))),
            passed: expected == run.status,
            language(
              .expectedGot(
                language(.descentStatus(expected.rawValue)),
                language(.descentStatus(run.status.rawValue)), language(.descentStop(run.stop))))))
      }
    }
    for a in o.pathAgreement {
      let update = language(.updateRule(a.update.rawValue))
      let gradient = DescentFigures.gradientName(a.gradient, language)
      let reference = DescentFigures.gradientName(a.reference, language)
      rows.append([
        update, language(.versus(gradient, reference)), short(a.learningRate), "", "",
        String(format: "%.3g", a.maxDistance.value ?? .nan), language(.largestPathDistance),
      ])
      guard let bound = spec.expectPathAgreement else { continue }
      let subject = language(
        .pathSubject(
          rate: short(a.learningRate), update: update, gradient: gradient, reference: reference))
      if !a.referenceConverged {
        report.checks.append(Check(subject, .notChecked, language(.referenceDidNotConverge)))
      } else {
        let distance = a.maxDistance.value ?? .nan
        report.checks.append(
          Check(
            subject, passed: distance <= bound, language(.pathDistance(distance, bound: bound))))
      }
    }
    report.table(
      header: [
        language(.tableUpdate), language(.tableGradient), language(.tableLearningRate),
        language(.tableStatus), language(.tableSteps), language(.tableFinalF), language(.tableWhy),
      ], rows: rows)
    report.csv("paths.csv", table)
    report.figures = DescentFigures.make(spec: spec, runs: o.runs, language: experiment.language)
    return report
  }
}
