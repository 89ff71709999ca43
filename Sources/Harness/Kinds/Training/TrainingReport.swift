import Foundation
import Learning

extension Training {
  static func report(_ o: TrainingOutcome, spec: TrainingSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    var rows: [[String]] = []
    var steps = CSVTable(columns: ["gradient", "learning_rate", "step", "epoch", "loss"])
    var epochs = CSVTable(columns: [
      "gradient", "learning_rate", "epoch", "train_loss", "train_accuracy", "test_accuracy",
    ])
    let main = spec.gradient.name
    for r in o.runs {
      let run = r.run
      for (k, loss) in run.stepLosses.enumerated() {
        steps.append([
          .string(r.gradient), .number(run.learningRate), .int(k + 1),
          .int(k / o.stepsPerEpoch + 1), .number(loss),
        ])
      }
      for e in run.epochs {
        epochs.append([
          .string(r.gradient), .number(run.learningRate), .int(e.epoch), .number(e.trainLoss),
          .number(e.trainAccuracy), .number(e.testAccuracy),
        ])
      }
      let stopped = run.stoppedAt.map { stop in
        language(
          .lossNotFinite(
            reason: stop.reason,
            loss: run.stepLosses.indices.contains(stop.step - 1)
              ? "\(run.stepLosses[stop.step - 1])" : "nan", step: stop.step,
            epoch: (stop.step - 1) / max(1, o.stepsPerEpoch) + 1))
      }
      rows.append([
        language(.gradientMethod(r.gradient)), short(run.learningRate),
        String(run.stepLosses.count),
        String(format: "%.4f", run.epochs.first?.trainLoss ?? .nan),
        String(format: "%.4f", run.epochs.last?.trainLoss ?? .nan),
        String(format: "%.4f", run.finalTestAccuracy),
        String(format: "%.3g ms", run.secondsPerStep * 1e3),
        stopped ?? language(r.lossFalls ? .lossFalls : .lossDoesNotFall),
      ])
      if let stopped {
        let subject = language(
          .learningRateGradientSubject(
            short(run.learningRate), language(.gradientMethod(r.gradient))))
        report.notes.append(language(.stoppedNote(subject, stopped)))
      }
      guard r.gradient == main else { continue }
      report.checks += checks(r, spec: spec, language: language)
    }
    report.table(
      header: [
        language(.tableGradient), language(.tableLr), language(.tableSteps),
        language(.tableFirstEpochLoss),
        language(.tableLastEpochLoss), language(.testAccuracy), language(.tablePerStep),
        language(.tableNote),
      ], rows: rows)
    for a in o.agreement {
      let gap = a.maxLossDifference.value ?? .nan
      let slowdown =
        (a.numericalSecondsPerStep.value ?? .nan) / (a.backpropSecondsPerStep.value ?? .nan)
      report.notes.append(
        language(
          .lossesAgree(
            rate: short(a.learningRate), gap: String(format: "%.3g", gap),
            slowdown: String(format: "%.0f", slowdown))))
      if let bound = spec.maxLossDifference {
        report.checks.append(
          Check(
            language(.numericalAgainstBackprop(short(a.learningRate))), passed: gap <= bound,
            language(
              .largestStepLossDifference(
                String(format: "%.3g", gap), bound: String(format: "%g", bound)))))
      }
    }
    report.csv("steps.csv", steps)
    report.csv("epochs.csv", epochs)
    report.figures = TrainingFigures.make(spec, outcome: o, language: experiment.language)
    return report
  }

  /// `min_test_accuracy` and `loss_decreases` for one run of the main gradient.
  static func checks(_ r: TrainingOutcome.Run, spec: TrainingSpec, language: Language)
    -> [Check]
  {
    let run = r.run
    let rate = language(.learningRateSubject(short(run.learningRate)))
    // One subject per check (JUnit test names, baseline keys): the rate and what is checked.
    let subject = "\(rate), \(language(.testAccuracy))"
    var checks: [Check] = []
    if let bound = spec.minTestAccuracy[run.learningRate] ?? spec.minTestAccuracyForAll {
      if run.epochs.isEmpty {
        checks.append(Check(subject, .notChecked, language(.noEpochCompleted)))
      } else {
        checks.append(
          Check(
            subject, passed: run.finalTestAccuracy >= bound,
            language(.finalAccuracy(run.finalTestAccuracy, bound))))
      }
    }
    if spec.lossDecreases == true,
      spec.minTestAccuracy.isEmpty || spec.minTestAccuracy[run.learningRate] != nil
    {
      checks.append(
        Check(
          "\(rate), \(language(.lossFalls))", passed: r.lossFalls,
          language(r.lossFalls ? .lossFalls : .lossDoesNotFall)))
    }
    return checks
  }
}
