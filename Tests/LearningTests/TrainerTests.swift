import Foundation
import Learning
import Testing

@Suite struct TrainerTests {
  static func toyData(_ count: Int, seed: UInt64) -> Dataset {
    let (x, y) = randomBatch(rows: count, features: 12, classes: 3, seed: seed, as: Float.self)
    return Dataset(images: x.storage, labels: y, featureCount: 12, name: "toy")
  }

  @Test("the same seeds give identical losses; each learning rate starts from the same weights")
  func reproducible() {
    let config = NetworkConfiguration(layers: [12, 8, 3], initialization: .he, seed: 5)
    let training = TrainingConfiguration(
      learningRates: [0.1, 0.5], batchSize: 10, epochs: 3, seed: 9)
    let data = Self.toyData(60, seed: 1)
    let a = Trainer.train(config, training, train: data, test: data, scalar: Double.self)
    let b = Trainer.train(config, training, train: data, test: data, scalar: Double.self)
    #expect(a.map(\.stepLosses) == b.map(\.stepLosses))
    #expect(a[0].stepLosses.count == 18 && a[0].epochs.count == 3)
    #expect(a[0].stepLosses[0] == a[1].stepLosses[0])
    #expect(a[0].stepLosses[1] != a[1].stepLosses[1])
    #expect(a[1].epochs.last!.trainLoss < a[1].epochs.first!.trainLoss)
  }

  @Test("a non-finite loss stops the run cleanly and keeps the curves")
  func divergence() throws {
    let config = NetworkConfiguration(layers: [12, 8, 3], initialization: .he, seed: 5)
    let training = TrainingConfiguration(
      learningRates: [1e300], batchSize: 10, epochs: 4, seed: 9)
    let data = Self.toyData(60, seed: 1)
    let run = Trainer.train(config, training, train: data, test: data, scalar: Double.self)[0]
    let stop = try #require(run.stoppedAt)
    #expect(run.stepLosses.count == stop.step && !run.stepLosses.last!.isFinite)
    #expect(run.stepLosses.dropLast().allSatisfy { $0.isFinite })
    #expect(!run.epochs.isEmpty && run.epochs.count <= 4)
  }

  @Test("numerical-gradient training follows backprop training")
  func numericalTraining() {
    let config = NetworkConfiguration(layers: [12, 8, 3], initialization: .he, seed: 5)
    let data = Self.toyData(40, seed: 2)
    var training = TrainingConfiguration(
      learningRates: [0.3], batchSize: 10, epochs: 1, seed: 1, maxSteps: 3)
    let backprop = Trainer.train(config, training, train: data, test: data, scalar: Double.self)
    training.gradient = .numerical(step: 1e-4, scheme: .central)
    let numerical = Trainer.train(config, training, train: data, test: data, scalar: Double.self)
    #expect(numerical[0].stepLosses.count == 3)
    for (b, n) in zip(backprop[0].stepLosses, numerical[0].stepLosses) {
      #expect(abs(b - n) < 1e-7)
    }
  }

  @Test(
    "one epoch on 1,000 mnist-sample digits lowers the loss",
    .enabled(
      if: FileManager.default.fileExists(atPath: ".cache/data/mnist_5k.csv.gz"),
      ".cache/data/mnist_5k.csv.gz is missing (make data fetches it)"))
  func mnistSampleTraining() throws {
    let (train, test) = try DataSource.mnistSample().load()
    let config = NetworkConfiguration(initialization: .he, seed: 1)
    let training = TrainingConfiguration(learningRates: [0.1], batchSize: 50, epochs: 1, seed: 2)
    let run = Trainer.train(
      config, training, train: train.subset(0..<1000), test: test, scalar: Float.self)[0]
    #expect(run.stepLosses.count == 20 && run.stoppedAt == nil)
    let first = run.stepLosses.prefix(3).reduce(0, +) / 3
    let last = run.stepLosses.suffix(3).reduce(0, +) / 3
    #expect(last < 0.7 * first, "\(first) -> \(last)")
    #expect(run.finalTestAccuracy > 0.5)
  }

  @Test("typed progress: every step and every epoch, with the run's own numbers")
  func typedProgress() throws {
    let config = NetworkConfiguration(layers: [12, 8, 3], initialization: .he, seed: 5)
    let training = TrainingConfiguration(learningRates: [0.1], batchSize: 1, epochs: 2, seed: 9)
    let data = Self.toyData(150, seed: 1)
    var events: [TrainingProgress] = []
    let run = try Trainer.train(
      config, training, train: data, test: data, scalar: Double.self, limits: .standard,
      progress: { events.append($0) })[0]
    let steps = events.filter { $0.epochRecord == nil }
    let epochs = events.compactMap(\.epochRecord)
    #expect(steps.map(\.step) == Array(1...300))
    #expect(steps.map(\.loss) == run.stepLosses)
    #expect(steps.map(\.epoch) == Array(repeating: 1, count: 150) + Array(repeating: 2, count: 150))
    #expect(epochs.map(\.epoch) == [1, 2])
    #expect(epochs.map(\.trainLoss) == run.epochs.map(\.trainLoss))
    #expect(events.filter { $0.epochRecord != nil }.map(\.step) == [150, 300])
  }

}
