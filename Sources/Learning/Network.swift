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
  /// Two buffers of `batch x max width` for the backward pass.
  let deltaA: UnsafeMutablePointer<Scalar>
  let deltaB: UnsafeMutablePointer<Scalar>
  /// A weight gradient transposed (`out x in`, the largest layer's size) before it is
  /// transposed into the gradient or the weights.
  let weightsTransposed: UnsafeMutablePointer<Scalar>
  /// A bias gradient (the widest layer's size) on its way into the biases.
  let biasGradient: UnsafeMutablePointer<Scalar>
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
    deltaA = allocate(batch * widest)
    deltaB = allocate(batch * widest)
    weightsTransposed = allocate(zip(layers, layers.dropFirst()).map { $0 * $1 }.max()!)
    biasGradient = allocate(widest)
    all = pre + hidden + [probabilities, deltaA, deltaB, weightsTransposed, biasGradient]
  }

  deinit {
    for p in all { p.deallocate() }
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

  /// The forward pass into `ws`; returns the mean cross-entropy.
  ///
  /// Each affine layer is one `gemm` (split by rows between the BLAS threads when it is large),
  /// followed in the same pass over the block by the bias and the activation.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  @discardableResult
  func forward(
    _ x: UnsafePointer<Scalar>, labels: UnsafePointer<UInt8>, _ ws: Workspace<Scalar>,
    split: Bool = true
  ) -> Scalar {
    let batch = ws.batch
    var previous = x
    for k in 0..<depth {
      let (n, m) = (layers[k], layers[k + 1])
      let out: UnsafeMutablePointer<Scalar>? = k < depth - 1 ? ws.hidden[k] : nil
      let parts = split ? BLASThreads.parts(rows: batch, work: batch * n * m) : 1
      let shared = UncheckedSendable(
        (previous, UnsafePointer(weights(k)), UnsafePointer(biases(k)), ws.pre[k], out,
          configuration.activation, ws.deltaA))
      BLASThreads.run(parts: parts) { part in
        let (a, w, b, z, out, activation, scratch) = shared.value
        let rows = BLASThreads.range(part, of: parts, rows: batch)
        let (first, zRows) = (rows.lowerBound, z + rows.lowerBound * m)
        if rows.count >= Self.transposedForwardRows {
          Scalar.gemm(
            transposeA: true, transposeB: true, m: m, n: rows.count, k: n, alpha: 1, a: w,
            lda: m, b: a + first * n, ldb: n, beta: 0, c: scratch + first, ldc: batch)
          Kernel.addBias(
            b, toTransposed: scratch + first, stride: batch, rows: rows.count, columns: m,
            into: zRows, activation: activation, into: out.map { $0 + first * m })
        } else {
          Scalar.gemm(
            transposeA: false, transposeB: false, m: rows.count, n: m, k: n, alpha: 1,
            a: a + first * n, lda: n, b: w, ldb: m, beta: 0, c: zRows, ldc: m)
          Kernel.addBias(
            b, to: zRows, rows: rows.count, columns: m, activation: activation,
            into: out.map { $0 + first * m })
        }
      }
      if let out { previous = UnsafePointer(out) }
    }
    return Kernel.softmaxCrossEntropy(
      ws.pre[depth - 1], probabilities: ws.probabilities, labels: labels, rows: batch,
      classes: layers[depth])
  }

  /// From this batch size on, `backward` forms each weight gradient transposed (`delta^T
  /// input`, 17% faster than `input^T delta` at 1000 rows) and transposes it into place; below
  /// it, the transpose (a pass over the weights) costs more than the product saves.
  static var transposedGradientBatch: Int { 500 }

  /// From this many rows per part on, `forward` forms a layer's pre-activations transposed
  /// (`W^T x^T`, 12% faster than `x W` at 500 rows, slower at 50) and transposes them back while
  /// adding the bias.
  static var transposedForwardRows: Int { 250 }

  /// Where `backward` puts the gradient.
  enum GradientSink {
    /// Into this flat buffer.
    case buffer(UnsafeMutablePointer<Scalar>)
    /// Straight into the parameters, `p -= learningRate * g` entry by entry (the same rounding
    /// as `update(gradient:learningRate:)` after a gradient into a buffer).
    case descent(learningRate: Scalar)
  }

  /// The backward pass after `forward` on the same `ws`, writing the flat gradient to `sink`.
  ///
  /// Per layer, from the output: the next delta `delta W^T` with the activation's derivative
  /// applied in the same pass (all but the first layer; before the weights can change), then
  /// the weights' gradient transposed, `delta^T input` (one `gemm` with no transposed wide
  /// operand, split by the input's columns between the BLAS threads when large), transposed
  /// into place by the part that computed it, and the biases' gradient (column sums). The input
  /// layer's own gradient is never formed.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  func backward(
    _ x: UnsafePointer<Scalar>, labels: UnsafePointer<UInt8>, _ ws: Workspace<Scalar>,
    into sink: GradientSink
  ) {
    let batch = ws.batch
    var delta = ws.deltaA
    var spare = ws.deltaB
    Kernel.outputDelta(
      ws.probabilities, labels: labels, rows: batch, classes: layers[depth], into: delta)
    let (target, rate): (UnsafeMutablePointer<Scalar>, Scalar?) =
      switch sink {
      case .buffer(let g): (g, nil)
      case .descent(let learningRate): (parameterStorage, learningRate)
      }
    for k in stride(from: depth - 1, through: 0, by: -1) {
      let (n, m) = (layers[k], layers[k + 1])
      let input = k == 0 ? x : UnsafePointer(ws.hidden[k - 1])
      if k > 0 {
        let parts = BLASThreads.parts(rows: batch, work: batch * n * m)
        let shared = UncheckedSendable(
          (UnsafePointer(delta), UnsafePointer(weights(k)), spare,
            UnsafePointer(ws.pre[k - 1]), UnsafePointer(ws.hidden[k - 1]),
            configuration.activation))
        BLASThreads.run(parts: parts) { part in
          let (delta, w, spare, pre, hidden, activation) = shared.value
          let rows = BLASThreads.range(part, of: parts, rows: batch)
          let at = rows.lowerBound * n
          Scalar.gemm(
            transposeA: false, transposeB: true, m: rows.count, n: n, k: m, alpha: 1,
            a: delta + rows.lowerBound * m, lda: m, b: w, ldb: m, beta: 0, c: spare + at,
            ldc: n)
          Kernel.multiplyByActivationDerivative(
            activation, spare + at, pre: pre + at, activated: hidden + at,
            count: rows.count * n)
        }
      }
      let weightParts = BLASThreads.parts(rows: n, work: batch * n * m)
      let shared = UncheckedSendable(
        (input, UnsafePointer(delta), ws.weightsTransposed, target + layout[2 * k].offset,
          batch >= Self.transposedGradientBatch))
      BLASThreads.run(parts: weightParts) { part in
        let (input, delta, transposed, gw, byTranspose) = shared.value
        let rows = BLASThreads.range(part, of: weightParts, rows: n)
        if byTranspose {
          Scalar.gemm(
            transposeA: true, transposeB: false, m: m, n: rows.count, k: batch, alpha: 1,
            a: delta, lda: m, b: input + rows.lowerBound, ldb: n, beta: 0,
            c: transposed + rows.lowerBound, ldc: n)
          Kernel.transpose(
            transposed, rows: m, columns: rows, stride: n, into: gw, subtracting: rate)
        } else {
          Scalar.gemm(
            transposeA: true, transposeB: false, m: rows.count, n: m, k: batch,
            alpha: rate.map { -$0 } ?? 1, a: input + rows.lowerBound, lda: n, b: delta, ldb: m,
            beta: rate == nil ? 0 : 1, c: gw + rows.lowerBound * m, ldc: m)
        }
      }
      let biases = target + layout[2 * k + 1].offset
      if let rate {
        Kernel.columnSums(delta, rows: batch, columns: m, into: ws.biasGradient)
        for j in 0..<m { biases[j] -= rate * ws.biasGradient[j] }
      } else {
        Kernel.columnSums(delta, rows: batch, columns: m, into: biases)
      }
      if k > 0 { swap(&delta, &spare) }
    }
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
        let loss = forward(x, labels: y, ws)
        backward(x, labels: y, ws, into: .buffer(g.baseAddress!))
        return loss
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
      let loss = forward(x, labels: y, ws)
      if loss.isFinite { backward(x, labels: y, ws, into: .descent(learningRate: learningRate)) }
      return loss
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
