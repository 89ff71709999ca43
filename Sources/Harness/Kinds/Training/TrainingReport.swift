import Foundation
import Learning

extension Training {
  static func report(_ o: TrainingOutcome, spec: TrainingSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    var rows: [[String]] = []
    for r in o.runs {
      let stopped = stop(r, stepsPerEpoch: o.stepsPerEpoch)
      rows.append(runRow(r, stopped: stopped, language))
      if let stopped {
        let subject = TrainingPhrase.learningRateGradientSubject(
          rate: short(r.run.learningRate), gradient: gradientName(r))
        report.notes.append(TrainingPhrase.stoppedNote(subject: subject, reason: stopped))
      }
      guard r.gradient == spec.gradient.name else { continue }
      report.checks += checks(r, spec: spec)
    }
    report.table(
      header: [
        language(.tableGradient), language(.tableLr), language(.tableSteps),
        language(.tableFirstEpochLoss),
        language(.tableLastEpochLoss), language(.testAccuracy), language(.tablePerStep),
        language(.tableNote),
      ], rows: rows)
    agreement(o, bound: spec.maxLossDifference, into: &report)
    report.csv("steps.csv", stepTable(o))
    report.csv("epochs.csv", epochTable(o))
    report.figures = TrainingFigures.make(spec, outcome: o, language: experiment.language)
    return report
  }

  /// `numerical` or `backprop`, in the report's language.
  static func gradientName(_ r: TrainingOutcome.Run) -> TrainingPhrase {
    .gradientMethod(numerical: r.gradient == "numerical")
  }

  /// Why a run stopped early (a loss that is not finite), or nil when it ran to the end.
  static func stop(_ r: TrainingOutcome.Run, stepsPerEpoch: Int) -> TrainingPhrase? {
    let run = r.run
    return run.stoppedAt.map { stop in
      .lossNotFinite(
        reason: stop.reason,
        loss: run.stepLosses.indices.contains(stop.step - 1)
          ? "\(run.stepLosses[stop.step - 1])" : "nan", step: stop.step,
        epoch: (stop.step - 1) / max(1, stepsPerEpoch) + 1)
    }
  }

  /// A run's row: gradient, rate, steps, first and last epoch loss, accuracy, time per step.
  static func runRow(_ r: TrainingOutcome.Run, stopped: TrainingPhrase?, _ language: Language)
    -> [String]
  {
    let run = r.run
    return [
      language(gradientName(r)), short(run.learningRate),
      String(run.stepLosses.count),
      String(format: "%.4f", run.epochs.first?.trainLoss ?? .nan),
      String(format: "%.4f", run.epochs.last?.trainLoss ?? .nan),
      String(format: "%.4f", run.finalTestAccuracy),
      String(format: "%.3g ms", run.secondsPerStep * 1e3),
      language(stopped ?? (r.lossFalls ? .lossFalls : .lossDoesNotFall)),
    ]
  }

  /// Numerical-gradient training against backprop: a note per rate, and the check of
  /// `max_loss_difference` when given.
  static func agreement(_ o: TrainingOutcome, bound: Double?, into report: inout Report) {
    for a in o.agreement {
      let gap = a.maxLossDifference.value ?? .nan
      let slowdown =
        (a.numericalSecondsPerStep.value ?? .nan) / (a.backpropSecondsPerStep.value ?? .nan)
      report.notes.append(
        TrainingPhrase.lossesAgree(
          rate: short(a.learningRate), gap: String(format: "%.3g", gap),
          slowdown: String(format: "%.0f", slowdown)))
      if let bound {
        report.checks.append(
          Check(
            TrainingPhrase.numericalAgainstBackprop(rate: short(a.learningRate)),
            passed: gap <= bound,
            TrainingPhrase.largestStepLossDifference(
              gap: String(format: "%.3g", gap), bound: String(format: "%g", bound))))
      }
    }
  }

  /// steps.csv: every step's loss.
  static func stepTable(_ o: TrainingOutcome) -> CSVTable {
    var steps = CSVTable(columns: ["gradient", "learning_rate", "step", "epoch", "loss"])
    for r in o.runs {
      for (k, loss) in r.run.stepLosses.enumerated() {
        steps.append([
          .string(r.gradient), .number(r.run.learningRate), .int(k + 1),
          .int(k / o.stepsPerEpoch + 1), .number(loss),
        ])
      }
    }
    return steps
  }

  /// epochs.csv: every epoch's losses and accuracies.
  static func epochTable(_ o: TrainingOutcome) -> CSVTable {
    var epochs = CSVTable(columns: [
      "gradient", "learning_rate", "epoch", "train_loss", "train_accuracy", "test_accuracy",
    ])
    for r in o.runs {
      for e in r.run.epochs {
        epochs.append([
          .string(r.gradient), .number(r.run.learningRate), .int(e.epoch), .number(e.trainLoss),
          .number(e.trainAccuracy), .number(e.testAccuracy),
        ])
      }
    }
    return epochs
  }

  /// `min_test_accuracy` and `loss_decreases` for one run of the main gradient.
  static func checks(_ r: TrainingOutcome.Run, spec: TrainingSpec) -> [Check] {
    let run = r.run
    let rate = TrainingPhrase.learningRateSubject(rate: short(run.learningRate))
    // One subject per check (JUnit test names, baseline keys): the rate and what is checked.
    let subject = Composed.list(rate, TrainingPhrase.testAccuracy)
    var checks: [Check] = []
    if let bound = spec.minTestAccuracy[run.learningRate] ?? spec.minTestAccuracyForAll {
      if run.epochs.isEmpty {
        checks.append(Check(subject, .notChecked, TrainingPhrase.noEpochCompleted))
      } else {
        checks.append(
          Check(
            subject, passed: run.finalTestAccuracy >= bound,
            TrainingPhrase.finalAccuracy(got: run.finalTestAccuracy, bound: bound)))
      }
    }
    if spec.lossDecreases == true,
      spec.minTestAccuracy.isEmpty || spec.minTestAccuracy[run.learningRate] != nil
    {
      checks.append(
        Check(
          Composed.list(rate, TrainingPhrase.lossFalls), passed: r.lossFalls,
          r.lossFalls ? TrainingPhrase.lossFalls : TrainingPhrase.lossDoesNotFall))
    }
    return checks
  }
}
