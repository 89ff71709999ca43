import Calculus
import Foundation

extension Descent {
  static func report(_ o: DescentOutcome, spec: DescentSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    var table = CSVTable(columns: ["gradient", "learning_rate", "step"] + o.variables + ["f"])
    var rows: [[String]] = []
    for r in o.runs {
      let run = r.run
      for (k, (x, value)) in zip(run.iterates, run.values).enumerated() {
        table.append(
          [.string(r.gradient.rawValue), .number(run.learningRate), .int(k)]
            + x.map { .number($0) } + [.number(value)])
      }
      rows.append([
        DescentFigures.gradientName(r.gradient, language), short(run.learningRate),
        language(.descentStatus(run.status.rawValue)), String(run.stepsTaken),
        String(format: "%.4g", run.finalValue), run.reason,
      ])
      let expected: DescentStatus? =
        spec.expectConverges.contains(run.learningRate)
        ? .converged
        : spec.expectDiverges.contains(run.learningRate)
          ? .diverged
          : spec.expectTooSlow.contains(run.learningRate) ? .tooSlow : nil
      if let expected {
        report.checks.append(
          Check(
            language(
              .learningRateGradientSubject(
                short(run.learningRate), DescentFigures.gradientName(r.gradient, language))),
            passed: expected == run.status,
            language(
              .expectedGot(
                language(.descentStatus(expected.rawValue)),
                language(.descentStatus(run.status.rawValue)), run.reason))))
      }
    }
    for a in o.pathAgreement {
      rows.append([
        "\(a.gradient.rawValue) vs \(a.reference.rawValue)", short(a.learningRate), "", "",
        String(format: "%.3g", a.maxDistance.value ?? .nan),
        "largest distance between the two paths",
      ])
      guard let bound = spec.expectPathAgreement else { continue }
      let subject =
        "learning rate \(short(a.learningRate)): the \(a.gradient.rawValue) path against the "
        + "\(a.reference.rawValue) path"
      if !a.referenceConverged {
        report.checks.append(
          Check(subject, .notChecked, "the reference run did not converge: nothing to compare"))
      } else {
        let distance = a.maxDistance.value ?? .nan
        report.checks.append(
          Check(
            subject, passed: distance <= bound,
            String(format: "largest distance %.3g, bound %.3g", distance, bound)))
      }
    }
    report.table(
      header: [
        language(.tableGradient), language(.tableLearningRate), language(.tableStatus),
        language(.tableSteps), language(.tableFinalF), language(.tableWhy),
      ], rows: rows)
    report.csv("paths.csv", table)
    report.figures = DescentFigures.make(spec: spec, runs: o.runs, language: experiment.language)
    return report
  }
}
