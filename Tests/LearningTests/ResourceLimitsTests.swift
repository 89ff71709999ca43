import Calculus
import Learning
import Testing

@Suite struct ResourceLimitsTests {
  @Test("the issue's network is refused before anything is allocated, in GiB")
  func hugeHiddenLayer() {
    let config = NetworkConfiguration(layers: [784, 100_000_000, 10])
    #expect(throws: ResourceLimitError.self) {
      _ = try Network<Double>(config, batch: 100, within: .standard)
    }
    do {
      _ = try ResourceLimits.standard.validate(config, batch: 100, scalar: Double.self)
      Issue.record("no error")
    } catch {
      guard case .memory(let layers, let batch, let estimate, let limit) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(layers == config.layers && batch == 100 && limit == 8 << 30)
      // At least the weights: 79,500,000,010 doubles = 636,000,000,080 bytes.
      #expect(estimate >= 636_000_000_080)
      // Weights, gradient, and workspaces (each with a parameter-shaped scratch) for the batch,
      // a shorter last batch and the evaluation chunk: 3,983,201,310,920 bytes.
      #expect(estimate == 3_983_201_310_920)
      #expect(
        error.description
          == "layers [784, 100000000, 10] with batch 100 need about 3709.6 GiB; the limit is 8 GiB")
    }
  }

  @Test("the seeds' network fits, and its estimate counts the weights exactly")
  func seedsNetworkFits() throws {
    let config = NetworkConfiguration()
    let estimate = try ResourceLimits.standard.validate(
      config, batch: 100, datasetRows: 5000, threads: 2, scalar: Double.self)
    #expect(estimate.parameters == 39_760 * 8)
    #expect(estimate.dataset == 5000 * (784 * 4 + 9))
    #expect(estimate.copies > estimate.parameters)
    #expect(estimate.total < 64 << 20)
    let single = MemoryEstimate(config, batch: 100, scalar: Float.self)
    #expect(single.parameters == 39_760 * 4 && single.numericalTables == 0)
    // The fast gradient's tables: 9 * 50 * 100 scalars, 100 * 784 (index, value) pairs, one
    // parameter copy per worker.
    let check = try ResourceLimits.standard.validateGradientCheck(
      config, batch: 100, datasetRows: 5000, scalar: Double.self)
    #expect(check.numericalTables >= 9 * 50 * 100 * 8 + 100 * 784 * 16 + 2 * 39_760 * 8)
    #expect(check.total > estimate.total)
  }

  @Test("sizes that overflow Int saturate instead of trapping")
  func overflowSaturates() {
    let config = NetworkConfiguration(layers: [Int.max / 2, 4, 3])
    #expect(config.saturatingParameterCount == .max)
    let estimate = MemoryEstimate(config, batch: Int.max, datasetRows: Int.max, scalar: Double.self)
    #expect(estimate.total == .max)
    #expect(throws: ResourceLimitError.self) {
      try ResourceLimits.standard.validate(config, batch: 10, scalar: Double.self)
    }
    let message = ResourceLimitError.memory(layers: [1], batch: 1, estimate: .max, limit: 8 << 30)
    #expect(
      message.description == "layers [1] with batch 1 need more than 8 EiB; the limit is 8 GiB")
  }

  @Test("batch, epochs and steps beyond their limits, and just within", arguments: [false, true])
  func trainingLimits(within: Bool) {
    let limits = ResourceLimits.standard
    let config = NetworkConfiguration(layers: [12, 8, 3])
    let plus = within ? 0 : 1
    let cases: [(TrainingConfiguration, ResourceLimitError)] = [
      (
        TrainingConfiguration(batchSize: limits.batch + plus),
        .batch(asked: limits.batch + 1, limit: limits.batch)
      ),
      (
        TrainingConfiguration(epochs: limits.epochs + plus),
        .epochs(asked: limits.epochs + 1, limit: limits.epochs)
      ),
      (
        TrainingConfiguration(batchSize: 1, epochs: 1, maxSteps: limits.steps + plus),
        .steps(asked: limits.steps + 1, limit: limits.steps)
      ),
    ]
    for (training, error) in cases {
      do {
        _ = try limits.validate(config, training, trainRows: 1, testRows: 0, scalar: Float.self)
        #expect(within, "\(training) passed")
      } catch let thrown {
        #expect(!within && thrown == error, "\(thrown)")
      }
    }
    // Epochs times batches per epoch: 10,000 epochs of 1,001 single-sample steps.
    let long = TrainingConfiguration(batchSize: 1, epochs: 10_000)
    #expect(throws: ResourceLimitError.steps(asked: 10_010_000, limit: limits.steps)) {
      try limits.validate(config, long, trainRows: 1001, testRows: 0, scalar: Float.self)
    }
    #expect(ResourceLimits.defaultMemoryBytes == 8 << 30 && ResourceLimits.defaultEpochs == 10_000)
    #expect(ResourceLimits.defaultSteps == 10_000_000 && ResourceLimits.defaultBatch == 1 << 20)
  }

  @Test("the messages name what was asked and the limit")
  func messages() {
    #expect(
      ResourceLimitError.epochs(asked: 20_000, limit: 10_000).description
        == "20000 epochs asked for; the limit is 1...10000")
    #expect(
      ResourceLimitError.batch(asked: 0, limit: 5).description
        == "a batch of 0 asked for; the limit is 1...5")
    #expect(
      ResourceLimitError.steps(asked: 11, limit: 10).description
        == "11 steps asked for; the limit is 10")
    #expect(
      ResourceLimitError.memory(layers: [2, 3], batch: 4, estimate: 3 << 29, limit: 1 << 30)
        .description == "layers [2, 3] with batch 4 need about 1.5 GiB; the limit is 1 GiB")
  }

  @Test("the trainer checks its limits before training")
  func trainerRefuses() {
    let data = TrainerTests.toyData(20, seed: 1)
    let config = NetworkConfiguration(layers: [12, 8, 3])
    let tight = ResourceLimits(memoryBytes: 1 << 10)
    #expect(throws: ResourceLimitError.self) {
      try Trainer.train(
        config, TrainingConfiguration(), train: data, test: data, scalar: Float.self,
        limits: tight)
    }
  }
}
