import Calculus
import Foundation
import Learning

/// `network: {layers: [784, 50, 10], activation: relu, init: gaussian, std: 0.01, seed: 42}`,
/// decoded into Learning's own configuration.
struct NetworkSpec: Sendable, Decodable {
  var configuration: NetworkConfiguration
  /// Where the file gives `layers`, for errors about the data.
  var layersMark: (line: Int, column: Int)?

  /// The notes' network: 784-50-10 relu, gaussian std 0.01.
  static let defaults = NetworkSpec(
    configuration: NetworkConfiguration(
      layers: [784, 50, 10], activation: .relu, initialization: .gaussian(standardDeviation: 0.01),
      seed: 1))

  init(configuration: NetworkConfiguration) { self.configuration = configuration }

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: ["layers", "activation", "init", "std", "seed"], in: "'network'")
    let layers =
      try c.optional(
        "layers", as: [Int].self, expected: "a list of layer sizes such as [784, 50, 10]")
      ?? [784, 50, 10]
    guard layers.count >= 2, layers.allSatisfy({ $0 > 0 }) else {
      throw c.error(
        "layers", "'layers' needs at least an input and an output size, all positive, got \(layers)"
      )
    }
    let activation =
      try c.optional("activation", as: EnumValue<Activation>.self, expected: "relu or sigmoid")?
      .value ?? .relu
    let initialization =
      try c.optional("init", as: String.self, expected: "gaussian or he") ?? "gaussian"
    let std = try c.positive("std") ?? 0.01
    let seed = try c.optional("seed", as: Int.self, expected: "a whole number >= 0") ?? 1
    guard seed >= 0 else { throw c.error("seed", "'seed' must be >= 0") }
    let chosen: Initialization
    switch initialization {
    case "gaussian": chosen = .gaussian(standardDeviation: std)
    case "he": chosen = .he
    default:
      throw c.error(
        "init",
        "unknown initialisation '\(initialization)'"
          + "\(suggestion(for: initialization, in: ["gaussian", "he"])); expected gaussian or he")
    }
    configuration = NetworkConfiguration(
      layers: layers, activation: activation, initialization: chosen, seed: UInt64(seed))
    layersMark = c.mark("layers").map { ($0.line, $0.column) }
  }
}

/// `data: {source: mnist-sample, batch: 100}` or `{source: {idx: DIR}, train: 4000, test: 1000}`,
/// decoded into Learning's `DataSource`; paths are relative to the experiment file.
struct DataSpec: Sendable, Decodable {
  var source: DataSource
  var train: Int?
  var test: Int?
  var batch: Int?
  /// Where the file says the data is, for errors.
  var mark: (line: Int, column: Int)?

  /// How tables and messages name the source.
  var label: String {
    switch source {
    case .fashionMNIST: return "fashion-mnist"
    case .mnistSample: return "mnist-sample"
    case .idx(let d): return "idx:\(d)"
    case .csv(let f): return "csv:\(f)"
    }
  }

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: ["source", "train", "test", "batch"], in: "'data'")
    mark = c.mark("source").map { ($0.line, $0.column) }
    let base = decoder.baseDirectory
    func resolve(_ path: String) -> String {
      guard let base, !path.hasPrefix("/") else { return path }
      return base.appendingPathComponent(path).standardizedFileURL.path
    }
    if let name = try? c.decode(String.self, forKey: AnyKey("source")) {
      switch name {
      case "fashion-mnist": source = .fashionMNIST()
      case "mnist-sample": source = .mnistSample()
      default:
        throw c.error(
          "source",
          "unknown data source '\(name)'\(suggestion(for: name, in: ["fashion-mnist", "mnist-sample"])); expected fashion-mnist, mnist-sample, {idx: DIR} or {csv: FILE}"
        )
      }
    } else if let map = try? c.decode([String: String].self, forKey: AnyKey("source")),
      map.count == 1
    {
      if let dir = map["idx"] {
        source = .idx(directory: resolve(dir))
      } else if let file = map["csv"] {
        source = .csv(file: resolve(file))
      } else {
        throw c.error("source", "a data source mapping is {idx: DIR} or {csv: FILE}")
      }
    } else {
      throw c.error(
        "source", "'source' must be fashion-mnist, mnist-sample, {idx: DIR} or {csv: FILE}")
    }
    train = try c.optional("train", as: Int.self, expected: "a positive count")
    test = try c.optional("test", as: Int.self, expected: "a positive count")
    batch = try c.optional("batch", as: Int.self, expected: "a positive count")
    for (key, value) in [("train", train), ("test", test), ("batch", batch)] {
      if let value, value <= 0 { throw c.error(key, "'\(key)' must be positive, got \(value)") }
    }
    try checkCounts(c)
  }

  /// `train` and `test` against what a shipped source holds (mnist-sample: 5,000 rows shared,
  /// 4,000 and 1,000 by default; fashion-mnist: 60,000 and 10,000), at the key that asks for
  /// more.
  private func checkCounts(_ c: KeyedDecodingContainer<AnyKey>) throws {
    switch source {
    case .mnistSample:
      let (trainCount, testCount) = (train ?? 4000, test ?? 1000)
      let (total, overflow) = trainCount.addingReportingOverflow(testCount)
      guard overflow || total > 5000 else { return }
      let key = train != nil ? "train" : "test"
      let defaulted = train == nil ? " (train's default)" : test == nil ? " (test's default)" : ""
      throw c.error(
        key,
        "mnist-sample holds 5000 rows: train \(trainCount) and test \(testCount)\(defaulted) "
          + "ask for more than that")
    case .fashionMNIST:
      for (key, value, holds) in [("train", train, 60_000), ("test", test, 10_000)] {
        if let value, value > holds {
          throw c.error(key, "fashion-mnist holds \(holds) \(key) images, \(value) asked for")
        }
      }
    case .idx, .csv: return
    }
  }
}

/// `kind: gradcheck`: backprop against the numerical gradient of the network's loss.
struct GradcheckSpec: Sendable {
  enum Method: String, CaseIterable, Sendable, Codable { case fast, textbook, both }

  var network: NetworkSpec
  var data: DataSpec
  var step: Double
  var scheme: Scheme
  var method: Method
  /// `.double` or `.single`: the scalar type of the network.
  var precision: Precision
  /// nil: every parameter; else a seeded sample of this many.
  var sampleCount: Int?
  var sweep: StepGrid?
  var sweepSchemes: [Scheme]
  var maxRelativeError: Double?
  /// The floor of the relative error's denominator (nil: ten times the numerical gradient's
  /// round-off level divided by the bound).
  var relativeFloor: Double?
  var expectations: [Scheme: Expectation]
  var tolerance: Double
}

extension GradcheckSpec: Decodable {
  static let keys = [
    "network", "data", "h", "scheme", "method", "precision", "parameters", "sweep", "sweep_schemes",
    "expect", "tolerance", "relative_floor",
  ]

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: Experiment.commonKeys + Self.keys, in: "a gradcheck experiment")
    network =
      try c.optional("network", as: NetworkSpec.self, expected: "a mapping") ?? NetworkSpec.defaults
    data = try c.required("data", as: DataSpec.self, expected: "{source, batch}")
    step = try c.optional("h", as: NumberValue.self, expected: "a positive step")?.value ?? 1e-4
    guard step > 0 else { throw c.error("h", "'h' must be > 0") }
    scheme =
      try c.optional("scheme", as: EnumValue<Scheme>.self, expected: "a scheme")?.value ?? .central
    guard scheme.isStencil else {
      throw c.error("scheme", "complex-step cannot run through the network (relu is not analytic)")
    }
    method =
      try c.optional("method", as: EnumValue<Method>.self, expected: "fast, textbook or both")?
      .value ?? .fast
    precision = try networkPrecision(c, default: .double)
    if let count = try? c.decode(Int.self, forKey: AnyKey("parameters")) {
      guard count > 0 else {
        throw c.error("parameters", "'parameters' must be positive, got \(count)")
      }
      sampleCount = count
    } else if let text = try? c.decode(String.self, forKey: AnyKey("parameters")), text != "all" {
      throw c.error("parameters", "'parameters' is 'all' or a count, got '\(text)'")
    } else {
      sampleCount = nil
    }
    sweep = try c.optional("sweep", as: StepGridSpec.self, expected: "{min, max, per_decade}")?.grid
    let expect = try c.optional("expect", as: GradcheckExpectations.self, expected: "a mapping")?
      .schemes
    sweepSchemes =
      try c.optional("sweep_schemes", as: [EnumValue<Scheme>].self, expected: "a list of schemes")?
      .map(\.value)
      ?? (expect.map { Array($0.orders.keys).sorted { $0.rawValue > $1.rawValue } }.flatMap {
        $0.isEmpty ? nil : $0
      } ?? [.forward, .central])
    if let bad = sweepSchemes.first(where: { !$0.isStencil }) {
      throw c.error("sweep_schemes", "\(bad.rawValue) cannot run through the network")
    }
    expectations = expect?.orders ?? [:]
    if case .number(let bound)? = expect?.extra["max_relative_error"] {
      maxRelativeError = bound
    } else {
      maxRelativeError = nil
    }
    tolerance = try c.positive("tolerance") ?? 0.15
    relativeFloor = try c.positive("relative_floor")
    if let batch = data.batch, batch <= 0 { throw c.error("data", "batch must be positive") }
    try checkLimits(c)
  }

  /// The network, batch and data against `HarnessLimits.resources` (8 GiB), before anything
  /// is allocated: `layers: [784, 100000000, 10]` is an error at `layers`, not an abort.
  private func checkLimits(_ c: KeyedDecodingContainer<AnyKey>) throws {
    let rows = HarnessLimits.expectedRows(data)
    let (limits, batch) = (HarnessLimits.resources, data.batch ?? 100)
    do throws(ResourceLimitError) {
      if precision == .single {
        _ = try limits.validateGradientCheck(
          network.configuration, batch: batch, datasetRows: rows.train + rows.test,
          scalar: Float.self)
      } else {
        _ = try limits.validateGradientCheck(
          network.configuration, batch: batch, datasetRows: rows.train + rows.test,
          scalar: Double.self)
      }
    } catch {
      throw experimentError(
        error, at: limitMark(c, error.key == "layers" ? "network" : "data", error.key))
    }
  }
}

/// Where `key` of the mapping at `parent` is given (else where `parent` is), for a limit's
/// error.
func limitMark(_ c: KeyedDecodingContainer<AnyKey>, _ parent: String, _ key: String)
  -> (line: Int, column: Int)?
{
  let nested = try? c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey(parent))
  let mark = (nested?.has(key) == true ? nested?.mark(key) : nil) ?? c.mark(parent)
  return mark.map { ($0.line, $0.column) }
}

/// `expect: {max_relative_error: 1e-6, central: 2, forward: 1}`.
struct GradcheckExpectations: Decodable {
  var schemes: SchemeExpectations
  init(from decoder: Decoder) throws {
    schemes = try SchemeExpectations(from: decoder, allowing: ["max_relative_error"])
    if let value = schemes.extra["max_relative_error"], case .number(let bound) = value, bound > 0 {
    } else if schemes.extra["max_relative_error"] != nil {
      throw ExperimentError(at: decoder.mark, "expect.max_relative_error must be a positive number")
    }
  }
}

/// `kind: training`: minibatch SGD, loss and accuracy curves.
struct TrainingSpec: Sendable {
  var network: NetworkSpec
  var data: DataSpec
  var learningRates: [Double]
  var batch: Int
  var epochs: Int
  var maxSteps: Int?
  /// Backprop, or the numerical gradient with `h` and the central scheme.
  var gradient: TrainingConfiguration.Gradient
  /// `.single` or `.double`: the scalar type of the network.
  var precision: Precision
  /// Also train with backprop and compare curves (for `gradient: numerical`).
  var compareWithBackprop: Bool
  /// The smallest final test accuracy, for every rate or rate by rate.
  var minTestAccuracy: [Double: Double]
  var minTestAccuracyForAll: Double?
  var lossDecreases: Bool?
  /// With `compare: true`, the largest allowed step-loss difference between the numerical and
  /// the backprop run (nil: reported only).
  var maxLossDifference: Double?
}

extension TrainingSpec: Decodable {
  static let keys = [
    "network", "data", "optimizer", "gradient", "h", "precision", "compare", "expect",
  ]

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: Experiment.commonKeys + Self.keys, in: "a training experiment")
    network =
      try c.optional("network", as: NetworkSpec.self, expected: "a mapping") ?? NetworkSpec.defaults
    data = try c.required("data", as: DataSpec.self, expected: "{source, train, test}")
    let optimizer = try c.required(
      "optimizer", as: Optimizer.self, expected: "{learning_rate, batch, epochs}")
    learningRates = optimizer.learningRates
    batch = optimizer.batch
    epochs = optimizer.epochs
    maxSteps = optimizer.maxSteps
    let method =
      try c.optional("gradient", as: String.self, expected: "backprop or numerical") ?? "backprop"
    let step = try c.optional("h", as: NumberValue.self, expected: "a positive step")?.value ?? 1e-4
    guard step > 0 else { throw c.error("h", "'h' must be > 0") }
    switch method {
    case "backprop": gradient = .backprop
    case "numerical": gradient = .numerical(step: step, scheme: .central)
    default:
      throw c.error(
        "gradient",
        "unknown gradient '\(method)'\(suggestion(for: method, in: ["backprop", "numerical"])); "
          + "expected backprop or numerical")
    }
    precision = try networkPrecision(c, default: method == "numerical" ? .double : .single)
    compareWithBackprop =
      try c.optional("compare", as: Bool.self, expected: "true or false") ?? false
    let expect = try c.optional("expect", as: Expect.self, expected: "a mapping")
    minTestAccuracy = expect?.perRate ?? [:]
    minTestAccuracyForAll = expect?.minTestAccuracy
    lossDecreases = expect?.lossDecreases
    maxLossDifference = expect?.maxLossDifference
    try checkLimits(c)
    let rates = learningRates
    if let rate = minTestAccuracy.keys.sorted().first(where: { !rates.contains($0) }) {
      throw c.error(
        "expect", "expect.min_test_accuracy names learning rate \(rate), which is not trained")
    }
  }

  /// Epochs, steps, batch and memory against `HarnessLimits.resources`, before anything is
  /// allocated, each an error at the key that asked for too much.
  private func checkLimits(_ c: KeyedDecodingContainer<AnyKey>) throws {
    let rows = HarnessLimits.expectedRows(data)
    let training = TrainingConfiguration(
      learningRates: learningRates, batchSize: batch, epochs: epochs, gradient: gradient,
      maxSteps: maxSteps)
    let limits = HarnessLimits.resources
    do throws(ResourceLimitError) {
      if precision == .single {
        _ = try limits.validate(
          network.configuration, training, trainRows: rows.train, testRows: rows.test,
          scalar: Float.self)
      } else {
        _ = try limits.validate(
          network.configuration, training, trainRows: rows.train, testRows: rows.test,
          scalar: Double.self)
      }
    } catch {
      let mark: (line: Int, column: Int)?
      switch error {
      case .memory: mark = limitMark(c, "network", "layers")
      case .dataset: mark = limitMark(c, "data", "train")
      case .steps(let asked, _) where asked == maxSteps:
        mark = limitMark(c, "optimizer", "max_steps")
      case .steps, .epochs: mark = limitMark(c, "optimizer", "epochs")
      case .batch: mark = limitMark(c, "optimizer", "batch")
      }
      throw experimentError(error, at: mark)
    }
  }

  struct Optimizer: Decodable {
    var learningRates: [Double]
    var batch: Int
    var epochs: Int
    var maxSteps: Int?
    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: ["learning_rate", "learning_rates", "batch", "epochs", "max_steps"],
        in: "'optimizer'")
      if let rates = try c.optional(
        "learning_rates", as: [Double].self, expected: "a list of positive numbers")
      {
        learningRates = rates
      } else {
        learningRates = [
          try c.optional("learning_rate", as: Double.self, expected: "a positive number") ?? 0.1
        ]
      }
      try checkCount(
        learningRates.count, of: "learning rates", limit: HarnessLimits.learningRates, c,
        key: "learning_rates")
      guard !learningRates.isEmpty, learningRates.allSatisfy({ $0 > 0 && $0.isFinite }) else {
        throw c.error(
          c.has("learning_rates") ? "learning_rates" : "learning_rate",
          "learning rates must be positive")
      }
      batch = try c.optional("batch", as: Int.self, expected: "a positive count") ?? 100
      epochs = try c.optional("epochs", as: Int.self, expected: "a positive count") ?? 1
      maxSteps = try c.optional("max_steps", as: Int.self, expected: "a positive count")
      guard batch > 0 else { throw c.error("batch", "'batch' must be positive") }
      guard epochs > 0 else { throw c.error("epochs", "'epochs' must be positive") }
      if let m = maxSteps, m <= 0 { throw c.error("max_steps", "'max_steps' must be positive") }
    }
  }

  struct Expect: Decodable {
    var minTestAccuracy: Double?
    var perRate: [Double: Double] = [:]
    var lossDecreases: Bool?
    var maxLossDifference: Double?
    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: ["min_test_accuracy", "loss_decreases", "max_loss_difference"], in: "'expect'")
      maxLossDifference = try c.positive("max_loss_difference")
      if let map = try? c.decode([String: Double].self, forKey: AnyKey("min_test_accuracy")) {
        for (key, value) in map {
          guard let rate = Double(key) else {
            throw c.error(
              "min_test_accuracy", "expect.min_test_accuracy: '\(key)' is not a learning rate")
          }
          guard (0...1).contains(value) else {
            throw c.error("min_test_accuracy", "expect.min_test_accuracy must be from 0 to 1")
          }
          perRate[rate] = value
        }
      } else {
        minTestAccuracy = try c.share(
          "min_test_accuracy",
          expected: "a number from 0 to 1, or a mapping of learning rates to numbers")
      }
      lossDecreases = try c.optional("loss_decreases", as: Bool.self, expected: "true or false")
    }
  }
}

/// `precision: single|double` for a network (half and extended have no BLAS).
func networkPrecision(_ c: KeyedDecodingContainer<AnyKey>, default value: Precision) throws
  -> Precision
{
  guard
    let precision = try c.optional(
      "precision", as: EnumValue<Precision>.self, expected: "single or double")?.value
  else { return value }
  guard precision == .single || precision == .double else {
    throw c.error(
      "precision", "a network runs in single or double precision, not \(precision.rawValue)")
  }
  return precision
}

extension TrainingConfiguration.Gradient {
  /// "backprop" or "numerical", as files and tables name it.
  var name: String {
    switch self {
    case .backprop: return "backprop"
    case .numerical: return "numerical"
    }
  }
}
