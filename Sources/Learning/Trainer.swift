import Calculus

/// How a network is trained.
public struct TrainingConfiguration: Sendable, Hashable {
  /// How each step's gradient is computed.
  public enum Gradient: Sendable, Hashable {
    /// Backpropagation.
    case backprop
    /// `NetworkGradientCheck.numericalGradientFast` with this step and scheme (slow: for a
    /// small network or a few steps).
    case numerical(step: Double, scheme: Scheme)
  }

  /// One run per learning rate, each from the same initial weights.
  public var learningRates: [Double]
  public var batchSize: Int
  public var epochs: Int
  /// The seed of the per-epoch shuffles (the same for every learning rate).
  public var seed: UInt64
  public var gradient: Gradient
  /// Stop each run after this many steps (the epoch in progress is recorded as it stands).
  public var maxSteps: Int?
  /// Whether to measure the accuracy on the whole training set after each epoch.
  public var evaluateTrainAccuracy: Bool
  /// Workers of the numerical gradient.
  public var threads: Int

  public init(
    learningRates: [Double] = [0.1], batchSize: Int = 100, epochs: Int = 1, seed: UInt64 = 0,
    gradient: Gradient = .backprop, maxSteps: Int? = nil, evaluateTrainAccuracy: Bool = true,
    threads: Int = 2
  ) {
    self.learningRates = learningRates
    self.batchSize = batchSize
    self.epochs = epochs
    self.seed = seed
    self.gradient = gradient
    self.maxSteps = maxSteps
    self.evaluateTrainAccuracy = evaluateTrainAccuracy
    self.threads = threads
  }
}

/// The measurements at the end of one epoch.
public struct EpochRecord: Sendable, Hashable, Codable {
  /// 1-based.
  public var epoch: Int
  /// The mean of the epoch's step losses (each measured before its update).
  public var trainLoss: Double
  /// NaN when not measured.
  public var trainAccuracy: Double
  public var testAccuracy: Double
}

/// Why and where a run stopped early.
public struct TrainingStop: Sendable, Hashable, Codable {
  /// The 1-based step whose loss was not finite.
  public var step: Int
  public var reason: String
}

/// One learning rate's run.
public struct TrainingRun: Sendable, Hashable {
  public var learningRate: Double
  /// The loss of every step, before its update.
  public var stepLosses: [Double]
  public var epochs: [EpochRecord]
  /// The test accuracy after the last completed step (NaN when the run stopped at its first).
  public var finalTestAccuracy: Double
  /// Wall time per step (gradient and update; data copying included, evaluation excluded).
  public var secondsPerStep: Double
  /// Set when a non-finite loss stopped the run; the curves up to it are kept.
  public var stoppedAt: TrainingStop?
}

/// Where a training run is, reported after every step.
public struct TrainingProgress: Sendable, Hashable {
  public var learningRate: Double
  /// 1-based.
  public var epoch: Int
  /// Steps taken in this run so far (1-based).
  public var step: Int
  /// The loss of that step, before its update.
  public var loss: Double
  /// Set on the report that closes an epoch.
  public var epochRecord: EpochRecord?
}

/// Minibatch stochastic gradient descent.
public enum Trainer {
  /// Trains one network per learning rate from `config` (same initial weights), by minibatch
  /// SGD on `train` with a seeded shuffle per epoch, and measures `test` after every epoch.
  ///
  /// A step whose loss is NaN or infinite stops its run before the update: the run keeps the
  /// losses and epochs so far, the partial epoch is recorded, and `stoppedAt` names the step.
  ///
  /// Throws a `ResourceLimitError`, before anything is allocated, when the batch, epochs,
  /// steps or memory (`ResourceLimits.validate`) exceed `limits`.
  ///
  /// - Parameters:
  ///   - progress: called after every step and at the end of every epoch.
  ///   - isCancelled: polled before every step; when it returns true the run stops there, as
  ///     for `maxSteps`.
  public static func train<S: BLASScalar>(
    _ config: NetworkConfiguration, _ training: TrainingConfiguration, train: Dataset,
    test: Dataset, scalar: S.Type = S.self, limits: ResourceLimits,
    progress: ((TrainingProgress) -> Void)? = nil, isCancelled: (() -> Bool)? = nil
  ) throws(ResourceLimitError) -> [TrainingRun] {
    _ = try limits.validate(
      config, training, trainRows: train.count, testRows: test.count, scalar: S.self)
    return Self.train(
      config, training, train: train, test: test, scalar: S.self, progress: progress,
      isCancelled: isCancelled)
  }

  /// `train(_:_:train:test:scalar:limits:progress:isCancelled:)` for a caller that has checked
  /// the limits itself (or a test on a small network).
  public static func train<S: BLASScalar>(
    _ config: NetworkConfiguration, _ training: TrainingConfiguration, train: Dataset,
    test: Dataset, scalar: S.Type = S.self, progress: ((TrainingProgress) -> Void)? = nil,
    isCancelled: (() -> Bool)? = nil
  ) -> [TrainingRun] {
    precondition(training.batchSize > 0 && training.epochs > 0, "positive batch and epochs")
    precondition(train.count > 0, "some training data")
    precondition(
      train.featureCount == config.layers[0] && test.featureCount == config.layers[0],
      "the data's features are the input layer")
    return training.learningRates.map { rate in
      run(config, training, rate, train, test, S.self, progress, isCancelled)
    }
  }

  @_specialize(where S == Float)
  @_specialize(where S == Double)
  static func run<S: BLASScalar>(
    _ config: NetworkConfiguration, _ training: TrainingConfiguration, _ rate: Double,
    _ train: Dataset, _ test: Dataset, _: S.Type, _ progress: ((TrainingProgress) -> Void)?,
    _ isCancelled: (() -> Bool)?
  ) -> TrainingRun {
    var state = RunState<S>(net: Network<S>(config), rate: rate)
    var generator = Xoshiro256StarStar(seed: training.seed)
    for epoch in 1...training.epochs {
      let order = generator.permutation(train.count)
      let (epochLoss, epochSteps, stop) = state.epoch(
        epoch, order: order, training, train, progress, isCancelled)
      if epochSteps > 0 {
        let net = state.net
        let record = EpochRecord(
          epoch: epoch, trainLoss: epochLoss / Double(epochSteps),
          trainAccuracy: training.evaluateTrainAccuracy ? net.accuracy(on: train) : .nan,
          testAccuracy: test.count > 0 ? net.accuracy(on: test) : .nan)
        state.result.epochs.append(record)
        state.result.finalTestAccuracy = record.testAccuracy
        progress?(
          TrainingProgress(
            learningRate: rate, epoch: epoch, step: state.steps, loss: record.trainLoss,
            epochRecord: record))
      }
      if stop { break }
    }
    var result = state.result
    let completed = result.stepLosses.count - (result.stoppedAt == nil ? 0 : 1)
    if completed > 0 {
      let c = state.stepTime.components
      result.secondsPerStep =
        (Double(c.seconds) + Double(c.attoseconds) * 1e-18) / Double(completed)
    }
    return result
  }

  /// One learning rate's run between steps: the network, the batch buffers reused by every
  /// step, the losses so far and the time spent in steps.
  struct RunState<S: BLASScalar> {
    let net: Network<S>
    let rate: Double
    var result: TrainingRun
    var inputs = Matrix<S>(rows: 0, columns: 0)
    var labels: [UInt8] = []
    var gradient: [S] = []
    var stepTime = Duration.zero
    var steps = 0

    init(net: Network<S>, rate: Double) {
      self.net = net
      self.rate = rate
      result = TrainingRun(
        learningRate: rate, stepLosses: [], epochs: [], finalTestAccuracy: .nan,
        secondsPerStep: .nan, stoppedAt: nil)
    }

    /// The steps of one epoch over the batches in `order`: the sum of their losses, how many
    /// were taken, and whether the run stops (step limit, cancellation, a non-finite loss).
    mutating func epoch(
      _ epoch: Int, order: [Int], _ training: TrainingConfiguration, _ train: Dataset,
      _ progress: ((TrainingProgress) -> Void)?, _ isCancelled: (() -> Bool)?
    ) -> (loss: Double, steps: Int, stop: Bool) {
      let clock = ContinuousClock()
      var epochLoss = 0.0
      var epochSteps = 0
      var start = 0
      while start < train.count {
        let limited = training.maxSteps.map { steps >= $0 } ?? false
        if limited || isCancelled?() == true { return (epochLoss, epochSteps, true) }
        let end = min(start + training.batchSize, train.count)
        let began = clock.now
        train.fill(&inputs, labels: &labels, indices: order[start..<end])
        let loss = Trainer.descend(net, training, S(rate), inputs, labels, &gradient)
        steps += 1
        result.stepLosses.append(Double(loss))
        guard loss.isFinite else {
          result.stoppedAt = TrainingStop(
            step: steps, reason: "the loss became \(loss) at step \(steps) (epoch \(epoch))")
          return (epochLoss, epochSteps, true)
        }
        stepTime += clock.now - began
        epochLoss += Double(loss)
        epochSteps += 1
        start = end
        progress?(
          TrainingProgress(
            learningRate: rate, epoch: epoch, step: steps, loss: Double(loss), epochRecord: nil))
      }
      return (epochLoss, epochSteps, false)
    }
  }

  /// One step on the batch: backprop's fused gradient and update, or the fast numerical
  /// gradient and an update when the loss is finite. Returns the loss before the update.
  fileprivate static func descend<S: BLASScalar>(
    _ net: Network<S>, _ training: TrainingConfiguration, _ rate: S, _ inputs: Matrix<S>,
    _ labels: [UInt8], _ gradient: inout [S]
  ) -> S {
    switch training.gradient {
    case .backprop:
      return net.descend(inputs: inputs, labels: labels, learningRate: rate)
    case .numerical(let step, let scheme):
      let loss = net.loss(inputs: inputs, labels: labels)
      if loss.isFinite {
        gradient = NetworkGradientCheck.numericalGradientFastFlat(
          net, inputs: inputs, labels: labels, step: S(step), scheme: scheme,
          threads: training.threads)
        net.update(gradient: gradient, learningRate: rate)
      }
      return loss
    }
  }
}
