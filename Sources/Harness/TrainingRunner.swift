import Calculus
import Foundation
import Learning
import Plotting

/// Runs `kind: training`: minibatch SGD with one curve per learning rate (and, for a numerical
/// gradient, the same run with backprop beside it).
enum TrainingRunner {
  struct Curve: Sendable {
    var gradient: String
    var run: TrainingRun
  }

  static func run(_ experiment: Experiment, _ spec: TrainingSpec, context: RunContext) throws
    -> ExperimentResult
  {
    let data = try DataLoading.load(
      spec.data, network: spec.network, trainCount: spec.data.train, testCount: spec.data.test,
      context: context)
    guard spec.batch <= data.train.count else {
      throw ExperimentError(
        line: spec.data.mark?.line, column: spec.data.mark?.column,
        "batch \(spec.batch) is larger than the \(data.train.count) training images")
    }
    let config = DataLoading.configuration(spec.network)
    let gradient: TrainingConfiguration.Gradient =
      spec.gradient == .numerical ? .numerical(step: spec.step, scheme: .central) : .backprop
    let training = TrainingConfiguration(
      learningRates: spec.learningRates, batchSize: spec.batch, epochs: spec.epochs,
      seed: spec.network.seed,
      gradient: gradient, maxSteps: spec.maxSteps)
    let stepsPerEpoch = (data.train.count + spec.batch - 1) / spec.batch
    let totalSteps =
      min(spec.maxSteps ?? .max, stepsPerEpoch * spec.epochs) * spec.learningRates.count
    let done = Counter()
    // The trainer reports every 100 steps and at the end of each epoch.
    let report: (String) -> Void = { message in
      guard !message.contains("test accuracy") else { return }
      context.progress("training", min(done.add(100), totalSteps), totalSteps)
    }
    var curves: [Curve] = []
    func train(_ t: TrainingConfiguration, _ label: String) -> [TrainingRun] {
      switch spec.precision {
      case .single:
        return Trainer.train(
          config, t, train: data.train, test: data.test, scalar: Float.self, progress: report)
      case .double:
        return Trainer.train(
          config, t, train: data.train, test: data.test, scalar: Double.self, progress: report)
      }
    }
    curves += train(training, spec.gradient.rawValue).map {
      Curve(gradient: spec.gradient.rawValue, run: $0)
    }
    if spec.compareWithBackprop && spec.gradient == .numerical {
      var backprop = training
      backprop.gradient = .backprop
      curves += train(backprop, "backprop").map { Curve(gradient: "backprop", run: $0) }
    }

    var result = ExperimentResult(experiment: experiment)
    var runs: [JSON] = []
    var rows: [[String]] = []
    var steps = CSVTable(columns: ["gradient", "learning_rate", "step", "epoch", "loss"])
    var epochs = CSVTable(columns: [
      "gradient", "learning_rate", "epoch", "train_loss", "train_accuracy", "test_accuracy",
    ])
    for curve in curves {
      let run = curve.run
      runs.append(
        .object([
          ("learning_rate", .num(run.learningRate)), ("gradient", .string(curve.gradient)),
          (
            "epochs",
            .array(
              run.epochs.map { e in
                .object([
                  ("epoch", .int(e.epoch)), ("train_loss", .num(e.trainLoss)),
                  ("train_accuracy", .num(e.trainAccuracy)),
                  ("test_accuracy", .num(e.testAccuracy)),
                ])
              })
          ),
          ("final_test_accuracy", .num(run.finalTestAccuracy)),
          ("seconds_per_step", .num(run.secondsPerStep)),
          ("steps", .int(run.stepLosses.count)),
          ("stopped", run.stoppedAt.map { .string($0.reason) } ?? .null),
        ]))
      for (k, loss) in run.stepLosses.enumerated() {
        steps.append([
          .string(curve.gradient), .number(run.learningRate), .int(k + 1),
          .int(k / stepsPerEpoch + 1), .number(loss),
        ])
      }
      for e in run.epochs {
        epochs.append([
          .string(curve.gradient), .number(run.learningRate), .int(e.epoch), .number(e.trainLoss),
          .number(e.trainAccuracy), .number(e.testAccuracy),
        ])
      }
      let falls = lossFalls(run.stepLosses)
      rows.append([
        curve.gradient, short(run.learningRate), String(run.stepLosses.count),
        String(format: "%.4f", run.epochs.first?.trainLoss ?? .nan),
        String(format: "%.4f", run.epochs.last?.trainLoss ?? .nan),
        String(format: "%.4f", run.finalTestAccuracy),
        String(format: "%.3g ms", run.secondsPerStep * 1e3),
        run.stoppedAt?.reason ?? (falls ? "loss falls" : "loss does not fall"),
      ])
      if let reason = run.stoppedAt?.reason {
        result.notes.append(
          "learning rate \(short(run.learningRate)) (\(curve.gradient)): stopped: \(reason)")
      }
      if let bound = spec.minTestAccuracy[run.learningRate] ?? spec.minTestAccuracyForAll,
        curve.gradient == spec.gradient.rawValue
      {
        if !(run.finalTestAccuracy >= bound) {
          result.failures.append(
            String(
              format: "learning rate %@: final test accuracy %.4f < %.4f", short(run.learningRate),
              run.finalTestAccuracy, bound))
        }
      }
      if spec.lossDecreases == true, curve.gradient == spec.gradient.rawValue,
        spec.minTestAccuracy.isEmpty || spec.minTestAccuracy[run.learningRate] != nil, !falls
      {
        result.failures.append(
          "learning rate \(short(run.learningRate)): the training loss does not fall")
      }
    }
    // Numerical against backprop: the same curve?
    var agreement: [JSON] = []
    if spec.compareWithBackprop && spec.gradient == .numerical {
      for rate in spec.learningRates {
        guard
          let n = curves.first(where: { $0.gradient == "numerical" && $0.run.learningRate == rate }
          ),
          let b = curves.first(where: { $0.gradient == "backprop" && $0.run.learningRate == rate })
        else { continue }
        let gap = zip(n.run.stepLosses, b.run.stepLosses).map { abs($0 - $1) }.max() ?? .nan
        agreement.append(
          .object([
            ("learning_rate", .num(rate)), ("max_loss_difference", .num(gap)),
            ("numerical_seconds_per_step", .num(n.run.secondsPerStep)),
            ("backprop_seconds_per_step", .num(b.run.secondsPerStep)),
            ("slowdown", .num(n.run.secondsPerStep / b.run.secondsPerStep)),
          ]))
        result.terminal.append(
          String(
            format:
              "  lr %@: numerical and backprop losses differ by at most %.3g; a numerical step takes %.0f× a backprop step",
            short(rate), gap, n.run.secondsPerStep / b.run.secondsPerStep))
        if let bound = spec.maxLossDifference, !(gap <= bound) {
          result.failures.append(
            String(
              format: "lr %@: numerical-gradient training departs from backprop by %.3g > %g",
              short(rate), gap, bound))
        }
      }
    }
    result.passed = result.failures.isEmpty
    result.summary = [
      ("network", spec.network.json(parameters: nil)),
      (
        "data",
        .object([
          ("source", .string(spec.data.source.label)), ("train", .int(data.train.count)),
          ("test", .int(data.test.count)),
        ])
      ),
      ("batch", .int(spec.batch)), ("epochs", .int(spec.epochs)),
      ("precision", .string(spec.precision.rawValue)),
      ("runs", .array(runs)),
    ]
    if !agreement.isEmpty { result.summary.append(("numerical_vs_backprop", .array(agreement))) }
    result.tables = [("steps.csv", steps), ("epochs.csv", epochs)]
    let header = [
      "gradient", "lr", "steps", "first epoch loss", "last epoch loss", "test accuracy", "per step",
      "note",
    ]
    result.terminal = alignedTable(header: header, rows: rows) + result.terminal
    result.figures = figures(spec, curves: curves, stepsPerEpoch: stepsPerEpoch, data: data)
    result.markdown =
      markdownSection(experiment, result: result)
      + markdownTable(header: header, rows: rows.map { "| " + $0.joined(separator: " | ") + " |" })
    return result
  }

  /// The mean loss over the last tenth of the steps is below that of the first tenth.
  static func lossFalls(_ losses: [Double]) -> Bool {
    guard losses.count >= 2, losses.allSatisfy(\.isFinite) else { return false }
    let k = max(1, losses.count / 10)
    let first = losses.prefix(k).reduce(0, +) / Double(k)
    let last = losses.suffix(k).reduce(0, +) / Double(k)
    return last < first
  }

  static func figures(
    _ spec: TrainingSpec, curves: [Curve], stepsPerEpoch: Int, data: (train: Dataset, test: Dataset)
  ) -> [(name: String, caption: String, figure: Figure)] {
    func color(_ c: Curve) -> Int { spec.learningRates.firstIndex(of: c.run.learningRate) ?? 0 }
    func label(_ c: Curve) -> String {
      let g = curves.contains { $0.gradient != c.gradient } ? " (\(c.gradient))" : ""
      return "η = \(short(c.run.learningRate))\(g)"
    }
    var loss: [Series] = []
    for c in curves {
      let dash: Dash = c.gradient == "backprop" && spec.gradient == .numerical ? .dashed : .solid
      // The raw step losses, thin, and their running mean over an epoch's worth of steps.
      let window = max(1, min(stepsPerEpoch, max(1, c.run.stepLosses.count / 20)))
      var smooth: [Double] = []
      var sum = 0.0
      for (k, v) in c.run.stepLosses.enumerated() {
        sum += v
        if k >= window { sum -= c.run.stepLosses[k - window] }
        smooth.append(sum / Double(min(k + 1, window)))
      }
      let x = c.run.stepLosses.indices.map { Double($0 + 1) / Double(stepsPerEpoch) }
      loss.append(Series(label(c), x: x, y: smooth, style: .line, dash: dash, color: color(c)))
    }
    let accuracy = curves.map { c in
      Series(
        label(c), x: c.run.epochs.map { Double($0.epoch) }, y: c.run.epochs.map(\.testAccuracy),
        style: .lineAndMarkers,
        dash: c.gradient == "backprop" && spec.gradient == .numerical ? .dashed : .solid,
        color: color(c), marker: color(c))
    }
    let start = curves.compactMap { $0.run.stepLosses.first }.filter(\.isFinite).max() ?? 2.5
    let net = spec.network.layers.map(String.init).joined(separator: "-")
    return [
      (
        "curves", "training loss and test accuracy for each learning rate",
        Figure(
          title:
            "\(net) \(spec.network.activation.rawValue) network on \(spec.data.source.label) (\(data.train.count) train, \(data.test.count) test), batch \(spec.batch)",
          panels: [
            Panel(
              title: "training loss (running mean) against epochs", xAxis: Axis("epoch"),
              yAxis: Axis("cross-entropy loss", range: 0...(start * 1.3)), series: loss,
              legend: .best),
            Panel(
              title: "test accuracy after each epoch",
              xAxis: Axis("epoch", range: 0.5...(Double(spec.epochs) + 0.5)),
              yAxis: Axis("test accuracy"), series: accuracy, legend: .best),
          ], columns: 2, width: 1600, height: 750)
      )
    ]
  }
}

/// A thread-safe running count, for progress.
final class Counter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()
  func add(_ n: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += n
    return value
  }
}
