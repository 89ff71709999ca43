import Calculus
import Foundation
import Learning

/// What a training run measured: the step losses and epoch records of every learning rate
/// (and gradient, with `compare`).
struct TrainingOutcome: Encodable, Sendable {
  struct Run: Encodable, Sendable {
    /// "backprop" or "numerical".
    var gradient: String
    var run: TrainingRun

    var lossFalls: Bool { Training.lossFalls(run.stepLosses) }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: AnyKey.self)
      try c.encode(Num(run.learningRate), forKey: "learning_rate")
      try c.encode(gradient, forKey: "gradient")
      try c.encode(
        run.epochs.map {
          [
            "epoch": Num(Double($0.epoch)), "train_loss": Num($0.trainLoss),
            "train_accuracy": Num($0.trainAccuracy), "test_accuracy": Num($0.testAccuracy),
          ]
        }, forKey: "epochs")
      try c.encode(Num(run.finalTestAccuracy), forKey: "final_test_accuracy")
      try c.encode(Num(run.secondsPerStep), forKey: "seconds_per_step")
      try c.encode(run.stepLosses.count, forKey: "steps")
      try c.encode(run.stoppedAt, forKey: "stopped")
      try c.encode(lossFalls, forKey: "loss_falls")
    }
  }

  /// A numerical-gradient run against the backprop run of the same rate.
  struct Agreement: Encodable, Sendable {
    var learningRate: Double
    var maxLossDifference: Num
    var numericalSecondsPerStep: Num
    var backpropSecondsPerStep: Num
    /// |numerical loss − backprop loss| at each step both ran (the figure draws it; not in
    /// summary.json, whose `max_loss_difference` is its largest).
    var stepLossDifferences: [Double] = []

    enum CodingKeys: String, CodingKey {
      case learningRate = "learning_rate"
      case maxLossDifference = "max_loss_difference"
      case numericalSecondsPerStep = "numerical_seconds_per_step"
      case backpropSecondsPerStep = "backprop_seconds_per_step"
    }
  }

  var network: NetworkSummary
  var dataSource: String
  var train: Int
  var test: Int
  var batch: Int
  var epochs: Int
  var stepsPerEpoch: Int
  var precision: Precision
  var runs: [Run]

  /// Numerical against backprop, rate by rate (with `compare: true`).
  var agreement: [Agreement] {
    runs.filter { $0.gradient == "numerical" }.compactMap { n in
      guard
        let b = runs.first(where: {
          $0.gradient == "backprop" && $0.run.learningRate == n.run.learningRate
        })
      else { return nil }
      let gaps = zip(n.run.stepLosses, b.run.stepLosses).map { abs($0 - $1) }
      return Agreement(
        learningRate: n.run.learningRate, maxLossDifference: Num(gaps.max()),
        numericalSecondsPerStep: Num(n.run.secondsPerStep),
        backpropSecondsPerStep: Num(b.run.secondsPerStep), stepLossDifferences: gaps)
    }
  }

  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: AnyKey.self)
    try c.encode(network, forKey: "network")
    try c.encode(DataSummary(source: dataSource, train: train, test: test), forKey: "data")
    try c.encode(batch, forKey: "batch")
    try c.encode(epochs, forKey: "epochs")
    try c.encode(precision.rawValue, forKey: "precision")
    try c.encode(runs, forKey: "runs")
    try c.encode(agreement, forKey: "numerical_vs_backprop")
  }

  struct DataSummary: Encodable {
    var source: String
    var train: Int
    var test: Int
  }
}
