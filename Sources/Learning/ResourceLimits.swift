/// Upper bounds on what a training run or gradient check may ask for, checked before anything
/// is allocated, so that an oversized request is an error that names the limit and what was
/// asked rather than an allocation failure or an overflow trap.
public struct ResourceLimits: Sendable, Hashable {
  /// The most memory one run may need (`MemoryEstimate.total`), in bytes.
  public var memoryBytes: Int
  /// The most epochs of one training run.
  public var epochs: Int
  /// The most minibatch steps of one training run (`min(maxSteps, epochs * batches per
  /// epoch)`), and the most `maxSteps` may ask for.
  public var steps: Int
  /// The largest minibatch (and gradient-check batch).
  public var batch: Int

  /// 8 GiB: more than the seeds' largest run needs a thousand times over, and what a laptop
  /// has to spare.
  public static let defaultMemoryBytes = 8 << 30
  /// 10,000 epochs.
  public static let defaultEpochs = 10_000
  /// 10,000,000 steps (a thousand epochs of MNIST's 60,000 images in batches of 6).
  public static let defaultSteps = 10_000_000
  /// 1,048,576 (2^20) samples in one batch.
  public static let defaultBatch = 1 << 20
  /// 256 MiB: the most bytes a data file may hold once decompressed (MNIST's 70,000 images as
  /// CSV are about 128 MB, Fashion-MNIST's IDX files 55 MB), so that a small gzip that expands
  /// to gigabytes, or an endless file such as `/dev/zero`, is refused at the bound.
  public static let defaultFileBytes = 256 << 20

  /// The default limits.
  public static let standard = ResourceLimits()

  public init(
    memoryBytes: Int = defaultMemoryBytes, epochs: Int = defaultEpochs,
    steps: Int = defaultSteps, batch: Int = defaultBatch
  ) {
    self.memoryBytes = memoryBytes
    self.epochs = epochs
    self.steps = steps
    self.batch = batch
  }

  /// Checks `network` with minibatches of `batch` samples against the memory limit and the
  /// batch limit, before anything is allocated (see `MemoryEstimate` for the parameters).
  ///
  /// - Returns: the estimate, when within the limits.
  public func validate<S: BLASScalar>(
    _ network: NetworkConfiguration, batch: Int, datasetRows: Int = 0, threads: Int = 1,
    numerical: Bool = false, scalar: S.Type
  ) throws(ResourceLimitError) -> MemoryEstimate {
    guard batch >= 1, batch <= self.batch else {
      throw .batch(asked: batch, limit: self.batch)
    }
    let estimate = MemoryEstimate(
      network, batch: batch, datasetRows: datasetRows, threads: threads, numerical: numerical,
      scalar: S.self)
    guard estimate.total <= memoryBytes else {
      var networkAlone = estimate
      networkAlone.dataset = 0
      if networkAlone.total <= memoryBytes {
        throw .dataset(rows: datasetRows, estimate: estimate.total, limit: memoryBytes)
      }
      throw .memory(
        layers: network.layers, batch: batch, estimate: estimate.total, limit: memoryBytes)
    }
    return estimate
  }

  /// Checks a training run (its batch, epochs, steps and memory) on `trainRows` training and
  /// `testRows` test samples, before anything is allocated.
  public func validate<S: BLASScalar>(
    _ network: NetworkConfiguration, _ training: TrainingConfiguration, trainRows: Int,
    testRows: Int, scalar: S.Type
  ) throws(ResourceLimitError) -> MemoryEstimate {
    guard training.epochs >= 1, training.epochs <= epochs else {
      throw .epochs(asked: training.epochs, limit: epochs)
    }
    if let maxSteps = training.maxSteps, maxSteps > steps {
      throw .steps(asked: maxSteps, limit: steps)
    }
    let perEpoch = max(1, training.batchSize)
    let batches = trainRows / perEpoch + (trainRows % perEpoch == 0 ? 0 : 1)
    let (planned, overflow) = training.epochs.multipliedReportingOverflow(by: batches)
    let total = overflow ? Int.max : min(planned, training.maxSteps ?? Int.max)
    guard total <= steps else { throw .steps(asked: total, limit: steps) }
    let numerical = training.gradient != .backprop
    return try validate(
      network, batch: training.batchSize, datasetRows: trainRows.saturatingAdd(testRows),
      threads: numerical ? training.threads : 1, numerical: numerical, scalar: S.self)
  }

  /// Checks a gradient check of `network` on `batch` samples with `datasetRows` samples loaded
  /// (the textbook and fast numerical gradients on all of BLAS's threads, backprop, the
  /// sweep), before anything is allocated.
  public func validateGradientCheck<S: BLASScalar>(
    _ network: NetworkConfiguration, batch: Int, datasetRows: Int, scalar: S.Type
  ) throws(ResourceLimitError) -> MemoryEstimate {
    try validate(
      network, batch: batch, datasetRows: datasetRows, threads: max(2, BLASThreads.budget),
      numerical: true, scalar: S.self)
  }
}

/// A request beyond a `ResourceLimits` bound: what was asked and the limit.
public enum ResourceLimitError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The network, batch and data need `estimate` bytes, more than `limit`.
  case memory(layers: [Int], batch: Int, estimate: Int, limit: Int)
  /// The samples held in memory take the estimate past the limit, the network alone would not.
  case dataset(rows: Int, estimate: Int, limit: Int)
  /// More epochs than the limit (or fewer than one).
  case epochs(asked: Int, limit: Int)
  /// More steps than the limit.
  case steps(asked: Int, limit: Int)
  /// A larger batch than the limit (or fewer than one sample).
  case batch(asked: Int, limit: Int)

  /// `layers [784, 100000000, 10] with batch 100 need about 1184.6 GiB; the limit is 8 GiB`.
  public var description: String {
    switch self {
    case .memory(let layers, let batch, let estimate, let limit):
      return "layers \(layers) with batch \(batch) need \(Self.gibibytes(estimate, about: true)); "
        + "the limit is \(Self.gibibytes(limit, about: false))"
    case .dataset(let rows, let estimate, let limit):
      return "\(rows) samples in memory need \(Self.gibibytes(estimate, about: true)); "
        + "the limit is \(Self.gibibytes(limit, about: false))"
    case .epochs(let asked, let limit):
      return "\(asked) epochs asked for; the limit is 1...\(limit)"
    case .steps(let asked, let limit):
      return "\(asked == Int.max ? "more than \(Int.max)" : "\(asked)") steps asked for; "
        + "the limit is \(limit)"
    case .batch(let asked, let limit):
      return "a batch of \(asked) asked for; the limit is 1...\(limit)"
    }
  }

  /// `256 MiB` (whole mebibytes, rounded up).
  public static func mebibytes(_ bytes: Int) -> String {
    "\(bytes / (1 << 20) + (bytes % (1 << 20) == 0 ? 0 : 1)) MiB"
  }

  /// `about 592.3 GiB` (one decimal), `8 GiB` for a whole number, `more than 8 EiB` when the
  /// estimate saturated.
  static func gibibytes(_ bytes: Int, about: Bool) -> String {
    if bytes == Int.max { return "more than 8 EiB" }
    let gib = 1 << 30
    if bytes % gib == 0 { return "\(bytes / gib) GiB" }
    let tenths = (Double(bytes) / Double(gib) * 10).rounded()
    let text = "\(Int(tenths) / 10).\(Int(tenths) % 10) GiB"
    return about ? "about " + text : text
  }
}

/// The memory a network configuration, batch and dataset need, in bytes, by part; every sum
/// and product saturates at `Int.max` instead of trapping.
public struct MemoryEstimate: Sendable, Hashable {
  /// The network's weights and biases.
  public var parameters: Int
  /// The gradient.
  public var gradients: Int
  /// One workspace per batch size in use (the minibatch, a shorter last minibatch, the
  /// evaluation chunk of 1,000): every layer's pre-activations, activations, deltas,
  /// probabilities and transposes, the batch's inputs and a parameter-shaped scratch; the
  /// minibatches' backward products (`batch x` the widest hidden layer) and, from
  /// `Network.sharedGradientBatch` rows, their halves' shares of the gradient (two
  /// parameter-shaped blocks).
  public var activations: Int
  /// The samples held in memory (`Float` features and a label each) and the epoch's shuffle.
  public var dataset: Int
  /// Per-thread copies (of the parameters and one workspace each) of the numerical gradients.
  public var copies: Int
  /// The fast numerical gradient's tables: 9 scalars per hidden unit and sample, an index and
  /// a value per input of the batch, a copy of the parameters per worker (0 without
  /// `numerical`).
  public var numericalTables: Int

  /// The sum of the parts.
  public var total: Int {
    [parameters, gradients, activations, dataset, copies, numericalTables].reduce(0) {
      $0.saturatingAdd($1)
    }
  }

  /// The estimate for `network` in precision `S` with minibatches of `batch`, `datasetRows`
  /// samples in memory, `threads` workers of the numerical gradient (1 for backprop) and,
  /// when `numerical`, the fast numerical gradient's tables.
  ///
  /// Error Bounds: an upper bound of the network's own buffers (as `Network` and its workspaces
  /// allocate them, a shorter last minibatch counted at full size); the dataset and per-thread
  /// parts to within a few per cent (arrays' headers are not counted).
  ///
  /// Complexity: O(layers.count).
  public init<S: BLASScalar>(
    _ network: NetworkConfiguration, batch: Int, datasetRows: Int = 0, threads: Int = 1,
    numerical: Bool = false, scalar: S.Type
  ) {
    let size = MemoryLayout<S>.stride
    let count = network.saturatingParameterCount
    parameters = count.saturatingMultiply(size)
    gradients = parameters
    let workspace = Self.workspaceScalars(network.layers, batch: batch).saturatingAdd(count)
    let evaluation = Self.workspaceScalars(network.layers, batch: min(1000, max(1, datasetRows)))
      .saturatingAdd(count)
    let shares = batch >= Network<S>.sharedGradientBatch ? count.saturatingMultiply(2) : 0
    let products = batch.saturatingMultiply(network.layers.dropFirst().dropLast().max() ?? 0)
    activations = workspace.saturatingAdd(shares).saturatingAdd(products).saturatingMultiply(2)
      .saturatingAdd(evaluation).saturatingMultiply(size)
    let features = network.layers.first ?? 0
    let sample = features.saturatingMultiply(MemoryLayout<Float>.stride).saturatingAdd(1 + 8)
    dataset = datasetRows.saturatingMultiply(sample)
    let perThread = count.saturatingAdd(workspace).saturatingMultiply(size)
    copies = max(0, threads - 1).saturatingMultiply(perThread)
    let hidden = network.layers.dropFirst().dropLast().reduce(0) { $0.saturatingAdd($1) }
    let tables = hidden.saturatingMultiply(batch).saturatingMultiply(9 * size)
      .saturatingAdd(batch.saturatingMultiply(features).saturatingMultiply(8 + size))
      .saturatingAdd(max(1, threads).saturatingMultiply(parameters))
    numericalTables = numerical ? tables : 0
  }

  /// Scalars of one workspace of `batch` rows, its batch's inputs included, its
  /// parameter-shaped scratch not.
  static func workspaceScalars(_ layers: [Int], batch: Int) -> Int {
    let outputs = layers.dropFirst().reduce(0) { $0.saturatingAdd($1) }
    let hidden = layers.dropFirst().dropLast().reduce(0) { $0.saturatingAdd($1) }
    let widest = layers.max() ?? 0
    let perRow = outputs.saturatingMultiply(2).saturatingAdd(hidden)
      .saturatingAdd(layers.last ?? 0).saturatingAdd(1).saturatingAdd(widest)
      .saturatingAdd(layers.first ?? 0)
    return batch.saturatingMultiply(perRow)
  }
}

extension NetworkConfiguration {
  /// `parameterCount`, or `Int.max` when it does not fit in an `Int`.
  public var saturatingParameterCount: Int {
    zip(layers, layers.dropFirst()).reduce(0) {
      $0.saturatingAdd($1.0.saturatingMultiply($1.1).saturatingAdd($1.1))
    }
  }
}

extension Int {
  /// `self * other`, or `Int.max` on overflow (for non-negative sizes).
  func saturatingMultiply(_ other: Int) -> Int {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    return overflow ? .max : product
  }

  /// `self + other`, or `Int.max` on overflow (for non-negative sizes).
  func saturatingAdd(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? .max : sum
  }
}
