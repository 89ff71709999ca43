/// One weight matrix or bias vector of a network, by value.
public struct ParameterTensor<Scalar: BLASScalar>: Sendable, Equatable {
  /// `W1`, `b1`, `W2`, `b2`, ...
  public var name: String
  /// `[in, out]` for a weight matrix (row-major, as in the seeds), `[out]` for a bias.
  public var shape: [Int]
  /// The position of the first entry in the network's flat parameter vector.
  public var offset: Int
  /// The entries, row-major.
  public var values: [Scalar]

  /// The number of entries.
  public var count: Int { values.count }
}

/// Where a tensor lives in the flat parameter vector.
struct TensorLayout: Sendable, Hashable {
  var name: String
  var shape: [Int]
  var offset: Int
  var count: Int { shape.reduce(1, *) }
}

/// Buffers for one batch size, reused by every forward and backward pass of that size.
final class Workspace<Scalar: BLASScalar> {
  let batch: Int
  /// Pre-activations of every layer (the last is the logits), each `batch x width`.
  let pre: [UnsafeMutablePointer<Scalar>]
  /// Activations of the hidden layers, each `batch x width`.
  let hidden: [UnsafeMutablePointer<Scalar>]
  /// Softmax of the logits.
  let probabilities: UnsafeMutablePointer<Scalar>
  /// The loss of each sample.
  let losses: UnsafeMutablePointer<Scalar>
  /// The loss's gradient with respect to every layer's pre-activations, each `batch x width`.
  let deltas: [UnsafeMutablePointer<Scalar>]
  /// `batch x max width`: a layer's pre-activations transposed on their way into `pre`.
  let transposedActivations: UnsafeMutablePointer<Scalar>
  /// Parameter-shaped: the bias gradients of a descent step below
  /// `Network.sharedGradientBatch` rows on their way into the biases, at their tensors' offsets.
  let gradientScratch: UnsafeMutablePointer<Scalar>
  /// The batch's halves' shares of the gradient (`Network.formGradientShares`), allocated by
  /// the first gradient pass that uses them.
  private var shares: UnsafeMutablePointer<Scalar>?
  /// `batch x` the widest hidden layer, allocated by the first backward pass.
  private var products: UnsafeMutablePointer<Scalar>?
  private let widestHidden: Int
  private var all: [UnsafeMutablePointer<Scalar>] = []

  init(batch: Int, layers: [Int]) {
    self.batch = batch
    func allocate(_ n: Int) -> UnsafeMutablePointer<Scalar> {
      let p = UnsafeMutablePointer<Scalar>.allocate(capacity: max(n, 1))
      p.initialize(repeating: 0, count: max(n, 1))
      return p
    }
    pre = layers.dropFirst().map { allocate(batch * $0) }
    hidden = layers.dropFirst().dropLast().map { allocate(batch * $0) }
    probabilities = allocate(batch * layers.last!)
    let widest = layers.max()!
    losses = allocate(batch)
    deltas = layers.dropFirst().map { allocate(batch * $0) }
    transposedActivations = allocate(batch * widest)
    widestHidden = layers.dropFirst().dropLast().max() ?? 0
    gradientScratch = allocate(zip(layers, layers.dropFirst()).map { $0 * $1 + $1 }.reduce(0, +))
    all = pre + hidden + deltas + [probabilities, losses, transposedActivations, gradientScratch]
  }

  /// The buffer of the halves' shares of the gradient, `count` scalars (the same every call).
  func gradientShares(count: Int) -> UnsafeMutablePointer<Scalar> {
    Self.allocateOnce(&shares, count: count)
  }

  /// `batch x` the widest hidden layer: a layer's `delta W^T` on its way into the previous
  /// layer's deltas (times the activation's derivative).
  func backwardProducts() -> UnsafeMutablePointer<Scalar> {
    Self.allocateOnce(&products, count: batch * widestHidden)
  }

  /// A buffer of the backward pass, allocated on first use, so that a workspace that only runs
  /// forward passes goes without (not thread-safe: called before a pass splits).
  private static func allocateOnce(_ buffer: inout UnsafeMutablePointer<Scalar>?, count: Int)
    -> UnsafeMutablePointer<Scalar>
  {
    if let buffer { return buffer }
    let p = UnsafeMutablePointer<Scalar>.allocate(capacity: max(count, 1))
    p.initialize(repeating: 0, count: max(count, 1))
    buffer = p
    return p
  }

  deinit {
    for p in all { p.deallocate() }
    shares?.deallocate()
    products?.deallocate()
  }
}

/// A fully connected network affine -> activation -> ... -> affine -> softmax -> cross-entropy,
/// on BLAS.
///
/// The parameters are one flat vector: `W1` (row-major `[layers[0], layers[1]]`), `b1`, `W2`,
/// `b2`, ... Forward and backward passes reuse buffers kept per batch size, so that a training
/// step allocates nothing once the first step of its size has run.
///
/// A `Network` is a mutable reference type and not thread-safe: use one per thread.
public final class Network<Scalar: BLASScalar> {
  /// The shape, activation, initialisation and seed.
  public let configuration: NetworkConfiguration
  /// The number of weights and biases.
  public let parameterCount: Int
  let layout: [TensorLayout]
  /// The flat parameter vector (owned).
  let parameterStorage: UnsafeMutablePointer<Scalar>
  private var workspaces: [Int: Workspace<Scalar>] = [:]
  /// The flat gradient of the last `gradient` call into the internal buffer.
  private var gradientBuffer: [Scalar] = []

  /// A network with the configuration's layer widths and weights drawn from its seed.
  ///
  /// Weights are drawn in order W1 (row by row), W2, ... from one `Xoshiro256StarStar` seeded
  /// with `configuration.seed`; biases are zero.
  public init(_ configuration: NetworkConfiguration) {
    precondition(configuration.layers.count >= 2, "a network has an input and an output layer")
    precondition(configuration.layers.allSatisfy { $0 > 0 }, "layer widths are positive")
    precondition(configuration.layers.last! >= 2, "softmax needs at least two classes")
    precondition(
      configuration.saturatingParameterCount <= Int.max / MemoryLayout<Scalar>.stride,
      "layers \(configuration.layers) have more parameters than memory can address")
    self.configuration = configuration
    var layout: [TensorLayout] = []
    var offset = 0
    for (k, (n, m)) in zip(configuration.layers, configuration.layers.dropFirst()).enumerated() {
      layout.append(TensorLayout(name: "W\(k + 1)", shape: [n, m], offset: offset))
      offset += n * m
      layout.append(TensorLayout(name: "b\(k + 1)", shape: [m], offset: offset))
      offset += m
    }
    self.layout = layout
    parameterCount = offset
    parameterStorage = .allocate(capacity: offset)
    parameterStorage.initialize(repeating: 0, count: offset)
    var generator = Xoshiro256StarStar(seed: configuration.seed)
    for tensor in layout where tensor.shape.count == 2 {
      let sd = configuration.initialization.standardDeviation(fanIn: tensor.shape[0])
      for i in 0..<tensor.count {
        parameterStorage[tensor.offset + i] = Scalar(sd * generator.nextNormal())
      }
    }
  }

  /// A network with the configuration's layer widths and weights drawn from its seed, after
  /// checking (before anything is allocated) that it and minibatches of `batch` samples fit
  /// in `limits` (`ResourceLimits.validate`).
  public convenience init(
    _ configuration: NetworkConfiguration, batch: Int, within limits: ResourceLimits
  ) throws(ResourceLimitError) {
    _ = try limits.validate(configuration, batch: batch, scalar: Scalar.self)
    self.init(configuration)
  }

  /// A network with the same configuration and the same current parameters (its own buffers).
  func copy() -> Network {
    let twin = Network(configuration)
    twin.parameterStorage.update(from: parameterStorage, count: parameterCount)
    return twin
  }

  deinit { parameterStorage.deallocate() }

  /// The layer widths.
  public var layers: [Int] { configuration.layers }

  /// The number of affine layers (`layers.count - 1`).
  public var depth: Int { layers.count - 1 }

  /// The tensors' names in parameter order: W1, b1, W2, b2, ...
  public var tensorNames: [String] { layout.map(\.name) }

  /// The tensors' shapes in parameter order.
  public var tensorShapes: [[Int]] { layout.map(\.shape) }

  /// Each tensor's name, shape, offset and a copy of its values.
  public var tensors: [ParameterTensor<Scalar>] {
    layout.map { t in
      ParameterTensor(
        name: t.name, shape: t.shape, offset: t.offset,
        values: Array(UnsafeBufferPointer(start: parameterStorage + t.offset, count: t.count)))
    }
  }

  /// The flat parameter vector W1, b1, W2, b2, ... (a copy; setting it copies in).
  public var parameters: [Scalar] {
    get { Array(UnsafeBufferPointer(start: parameterStorage, count: parameterCount)) }
    set {
      precondition(newValue.count == parameterCount, "one value per parameter")
      newValue.withUnsafeBufferPointer {
        parameterStorage.update(from: $0.baseAddress!, count: parameterCount)
      }
    }
  }

  /// The parameter at a flat index.
  public subscript(parameter index: Int) -> Scalar {
    get {
      precondition(index >= 0 && index < parameterCount, "parameter index out of range")
      return parameterStorage[index]
    }
    set {
      precondition(index >= 0 && index < parameterCount, "parameter index out of range")
      parameterStorage[index] = newValue
    }
  }

  /// The flat index of entry `index` (row-major) of the tensor at position `tensor`.
  public func flatIndex(tensor: Int, index: Int) -> Int {
    precondition(index >= 0 && index < layout[tensor].count, "index out of the tensor")
    return layout[tensor].offset + index
  }

  /// `parameters -= learningRate * gradient` (flat layout).
  public func update(gradient: [Scalar], learningRate: Scalar) {
    precondition(gradient.count == parameterCount, "one gradient entry per parameter")
    gradient.withUnsafeBufferPointer { g in
      let (p, g) = (parameterStorage, g.baseAddress!)
      for i in 0..<parameterCount { p[i] -= learningRate * g[i] }
    }
  }

  // MARK: Forward and backward

  func workspace(batch: Int) -> Workspace<Scalar> {
    if let w = workspaces[batch] { return w }
    let w = Workspace<Scalar>(batch: batch, layers: layers)
    workspaces[batch] = w
    return w
  }

  func weights(_ k: Int) -> UnsafeMutablePointer<Scalar> { parameterStorage + layout[2 * k].offset }
  func biases(_ k: Int) -> UnsafeMutablePointer<Scalar> {
    parameterStorage + layout[2 * k + 1].offset
  }

  /// Runs `body` with the inputs' and labels' storage after checking their shapes.
  func withBatch<R>(
    _ inputs: Matrix<Scalar>, _ labels: [UInt8],
    _ body: (UnsafePointer<Scalar>, UnsafePointer<UInt8>, Workspace<Scalar>) -> R
  ) -> R {
    precondition(inputs.columns == layers[0], "inputs have \(layers[0]) columns")
    precondition(labels.count == inputs.rows && inputs.rows > 0, "one label per input row")
    let ws = workspace(batch: inputs.rows)
    return BLASThreads.serial {
      inputs.storage.withUnsafeBufferPointer { px in
        labels.withUnsafeBufferPointer { py in body(px.baseAddress!, py.baseAddress!, ws) }
      }
    }
  }

  /// The mean cross-entropy of the batch (one sample per row of `inputs`).
  ///
  /// Complexity: one forward pass, O(rows * parameterCount); allocates nothing after the first
  /// call with this batch size.
  public func loss(inputs: Matrix<Scalar>, labels: [UInt8]) -> Scalar {
    withBatch(inputs, labels) { x, y, ws in forward(x, labels: y, ws) }
  }

  /// The logits (last affine layer, before softmax) of each row of `inputs`.
  public func logits(inputs: Matrix<Scalar>) -> Matrix<Scalar> {
    let labels = [UInt8](repeating: 0, count: inputs.rows)
    return withBatch(inputs, labels) { x, y, ws in
      forward(x, labels: y, ws)
      let c = layers[depth]
      return Matrix(
        rows: inputs.rows, columns: c,
        storage: Array(UnsafeBufferPointer(start: ws.pre[depth - 1], count: inputs.rows * c)))
    }
  }

  /// The loss and its gradient by backpropagation, written into `gradient` (flat layout,
  /// resized to `parameterCount` if needed).
  ///
  /// Complexity: about three times a forward pass; allocates nothing after the first call with
  /// this batch size.
  @discardableResult
  public func gradient(inputs: Matrix<Scalar>, labels: [UInt8], into gradient: inout [Scalar])
    -> Scalar
  {
    if gradient.count != parameterCount {
      gradient = [Scalar](repeating: 0, count: parameterCount)
    }
    return gradient.withUnsafeMutableBufferPointer { g in
      withBatch(inputs, labels) { x, y, ws in
        gradientPass(x, labels: y, ws, into: .buffer(g.baseAddress!))
      }
    }
  }

  /// One step of gradient descent on the batch, the gradient going straight into the
  /// parameters (`p -= learningRate * g`, the same values as `gradient` then `update`); returns
  /// the loss before the step. A loss that is not finite leaves the parameters unchanged.
  ///
  /// Complexity: as `gradient`, without the pass over a separate gradient buffer.
  func descend(inputs: Matrix<Scalar>, labels: [UInt8], learningRate: Scalar) -> Scalar {
    withBatch(inputs, labels) { x, y, ws in
      gradientPass(x, labels: y, ws, into: .descent(learningRate: learningRate))
    }
  }

  /// The loss and its gradient by backpropagation, one array per tensor (W1, b1, W2, b2, ...).
  public func gradient(inputs: Matrix<Scalar>, labels: [UInt8])
    -> (loss: Scalar, gradients: [[Scalar]])
  {
    var flat: [Scalar] = []
    let loss = gradient(inputs: inputs, labels: labels, into: &flat)
    return (loss, split(flat))
  }

  /// Cuts a flat parameter-shaped vector into one array per tensor.
  public func split(_ flat: [Scalar]) -> [[Scalar]] {
    precondition(flat.count == parameterCount, "one value per parameter")
    return layout.map { Array(flat[$0.offset..<$0.offset + $0.count]) }
  }

  /// The predicted class (arg max of the logits) of each row.
  public func predictions(inputs: Matrix<Scalar>) -> [Int] {
    let logits = logits(inputs: inputs)
    return (0..<logits.rows).map { r in
      var best = 0
      for c in 1..<logits.columns where logits[r, c] > logits[r, best] { best = c }
      return best
    }
  }

  /// The fraction of the data set's samples whose predicted class is their label, evaluated in
  /// chunks of `chunk` rows.
  public func accuracy(on data: Dataset, chunk: Int = 1000) -> Double {
    precondition(data.featureCount == layers[0], "the data's features are the input layer")
    guard data.count > 0 else { return 0 }
    var correct = 0
    var inputs = Matrix<Scalar>(rows: 0, columns: 0)
    var labels: [UInt8] = []
    var start = 0
    while start < data.count {
      let end = min(start + chunk, data.count)
      data.fill(&inputs, labels: &labels, rows: start..<end)
      let predicted = predictions(inputs: inputs)
      for (p, y) in zip(predicted, labels) where p == Int(y) { correct += 1 }
      start = end
    }
    return Double(correct) / Double(data.count)
  }
}
