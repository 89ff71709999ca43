import Calculus
import Foundation
import Learning

/// `kind: training`: minibatch SGD with one curve per learning rate (and, for a numerical
/// gradient, the same run with backprop beside it).
enum Training: ExperimentKindDefinition {
  static let name = "training"

  static func run(_ spec: TrainingSpec, context: RunContext) throws -> TrainingOutcome {
    let data = try DataLoading.load(
      spec.data, network: spec.network, trainCount: spec.data.train, testCount: spec.data.test,
      context: context)
    guard spec.batch <= data.train.count else {
      throw ExperimentError(
        line: spec.data.mark?.line, column: spec.data.mark?.column,
        "batch \(spec.batch) is larger than the \(data.train.count) training images")
    }
    let training = TrainingConfiguration(
      learningRates: spec.learningRates, batchSize: spec.batch, epochs: spec.epochs,
      seed: spec.network.configuration.seed, gradient: spec.gradient, maxSteps: spec.maxSteps)
    let stepsPerEpoch = (data.train.count + spec.batch - 1) / spec.batch
    var configurations = [training]
    if spec.compareWithBackprop, case .numerical = spec.gradient {
      var backprop = training
      backprop.gradient = .backprop
      configurations.append(backprop)
    }
    let perRun = min(spec.maxSteps ?? .max, stepsPerEpoch * spec.epochs)
    let total = perRun * spec.learningRates.count * configurations.count
    let done = Counter()
    var runs: [TrainingOutcome.Run] = []
    for t in configurations {
      let progress: (TrainingProgress) -> Void = { p in
        context.progress(
          context.language(
            .progressTraining(
              gradient: context.language(
                .gradientMethod(numerical: t.gradient.name == "numerical")),
              rate: short(p.learningRate))),
          done.add(p.epochRecord == nil ? 1 : 0), total)
      }
      // The limits again on the data as loaded (a folder or CSV file's size is known now).
      let (limits, network) = (HarnessLimits.resources, spec.network.configuration)
      let trained: [TrainingRun]
      do throws(ResourceLimitError) {
        switch spec.precision {
        case .single:
          trained = try Trainer.train(
            network, t, train: data.train, test: data.test, scalar: Float.self, limits: limits,
            progress: progress, isCancelled: { context.isCancelled })
        default:
          trained = try Trainer.train(
            network, t, train: data.train, test: data.test, scalar: Double.self, limits: limits,
            progress: progress, isCancelled: { context.isCancelled })
        }
      } catch {
        throw experimentError(
          error, at: error.key == "layers" ? spec.network.layersMark : spec.data.mark)
      }
      try context.checkCancellation()
      runs += trained.map { TrainingOutcome.Run(gradient: t.gradient.name, run: $0) }
    }
    return TrainingOutcome(
      network: NetworkSummary(spec.network.configuration, parameters: nil),
      dataSource: spec.data.label, train: data.train.count, test: data.test.count,
      batch: spec.batch, epochs: spec.epochs, stepsPerEpoch: stepsPerEpoch,
      precision: spec.precision, runs: runs)
  }

  /// The mean loss over the last tenth of the steps is below that of the first tenth by more
  /// than 0.01% of it and by more than three standard errors of the difference: a loss that
  /// stays at log 10 = 2.3026 (a network too deep to learn, whose output biases drift by
  /// 1e-5) does not fall, while a learning rate of 0.001 that takes the loss of the notes'
  /// network from 2.3021 to 2.3004 in ten epochs (0.07%, 14 standard errors) does.
  static func lossFalls(_ losses: [Double]) -> Bool {
    guard losses.count >= 2, losses.allSatisfy(\.isFinite) else { return false }
    let k = max(1, losses.count / 10)
    let (first, last) = (losses.prefix(k), losses.suffix(k))
    let (a, b) = (mean(first), mean(last))
    let noise = (squaredStandardError(first) + squaredStandardError(last)).squareRoot()
    return a - b > max(1e-4 * Swift.abs(a), 3 * noise)
  }

  private static func mean(_ values: ArraySlice<Double>) -> Double {
    values.reduce(0, +) / Double(values.count)
  }

  /// The squared standard error of the mean of `values` (0 for fewer than two).
  private static func squaredStandardError(_ values: ArraySlice<Double>) -> Double {
    guard values.count >= 2 else { return 0 }
    let m = mean(values)
    let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
    return variance / Double(values.count)
  }

  static func explain(_ s: TrainingSpec) -> [String] { explain(s, language: .en) }

  static func explain(_ s: TrainingSpec, language: Language) -> [String] {
    [
      language(.showNetwork(network: describe(s.network.configuration, language: language))),
      language(
        .showTrainingData(
          source: s.data.label, rates: s.learningRates.map(short).joined(separator: ", "),
          batch: s.batch, epochs: s.epochs,
          gradient: language(.gradientMethod(numerical: s.gradient.name == "numerical")))),
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
