import RealModule

/// One layer-level node of a network's computational graph: the batch's input, a parameter
/// tensor, or one of the five steps of the notes (affine, activation, affine, softmax, loss).
public struct NetworkGraphNode: Sendable, Hashable {
  /// What the node is.
  public enum Role: String, Sendable, Hashable, Codable {
    case input, parameter, affine, activation, softmax, loss
  }

  /// The node's position in `NetworkGraph.nodes` (after every node it reads).
  public var id: Int
  /// `input`, `W1`, `b1`, `affine1`, `relu`, `W2`, `b2`, `affine2`, `softmax`, `loss` (the
  /// activation is numbered, `relu1`, `relu2`, ..., when there is more than one hidden layer).
  public var name: String
  public var role: Role
  /// `[batch, width]` for the layers, the tensor's shape for parameters, `[]` for the loss.
  public var shape: [Int]
  /// The Frobenius norm of the forward value (|loss| for the loss).
  public var valueNorm: Double
  /// The Frobenius norm of d(loss)/d(value) (1 for the loss itself).
  public var gradientNorm: Double
  /// The nodes this node reads, in order.
  public var inputs: [Int]
}

/// One edge `from -> to` of a network's graph: `to` reads `from`.
public struct NetworkGraphEdge: Sendable, Hashable {
  public var from: Int
  public var to: Int
  /// The backward rule along the edge, e.g. `Xᵀ·δ1` for `W1 -> affine1`.
  public var rule: String
  /// The Frobenius norm of the gradient this edge carries back to `from`.
  public var gradientNorm: Double
}

/// The notes' network as a computational graph on one batch: every layer's forward value and
/// the loss's gradient with respect to it, by a layer-level reverse sweep written out step by
/// step (`Layers` and `Matrix` products), independent of `Network`'s fused backprop.
///
/// Error Bounds: the parameter gradients agree with `Network.gradient(inputs:labels:)` to a
/// few ulps per entry times the length of the sums (the products are split differently
/// between BLAS calls); normwise within 1e-12 relative in `Double`, measured.
///
/// Edge Cases: the relu's derivative at 0 is 0, as in `Network`.
///
/// Complexity: one forward pass, the backward pass, and one more product `δ1·W1ᵀ` for the
/// input's gradient: about four forward passes, O(batch * parameterCount).
public struct NetworkGraph<Scalar: BLASScalar>: Sendable {
  public var nodes: [NetworkGraphNode]
  public var edges: [NetworkGraphEdge]
  /// The mean cross-entropy of the batch.
  public var loss: Scalar
  /// d(loss)/d(tensor) for W1, b1, W2, b2, ... (names, shapes and offsets as `network.tensors`).
  public var gradients: [ParameterTensor<Scalar>]

  /// The graph of `network` on the batch `inputs` (one sample per row) with `labels`.
  ///
  /// - Precondition: `inputs.columns == network.layers[0]`, one label per row, each label
  ///   below the number of classes.
  public init(network: Network<Scalar>, inputs: Matrix<Scalar>, labels: [UInt8]) {
    precondition(inputs.columns == network.layers[0], "inputs have \(network.layers[0]) columns")
    precondition(labels.count == inputs.rows && inputs.rows > 0, "one label per input row")
    // OpenBLAS's own threads cost more than they save on these small products (and spin on
    // a busy machine): one thread, as `Network`'s passes run.
    let pass = BLASThreads.serial {
      LayerPass(network: network, inputs: inputs, labels: labels)
    }
    loss = pass.loss
    gradients = pass.parameterGradients(network.tensors)
    (nodes, edges) = pass.graph(network)
  }

  /// The graph's parameter gradients (`analytic`) against `network`'s backprop on the same
  /// batch (`numerical`), tensor by tensor, as `NetworkGradientCheck.compare` measures them.
  ///
  /// Complexity: one backprop pass.
  public func comparedWithBackprop(
    of network: Network<Scalar>, inputs: Matrix<Scalar>, labels: [UInt8]
  ) -> [TensorComparison] {
    let backprop = network.gradient(inputs: inputs, labels: labels).gradients
    return NetworkGradientCheck.compare(
      analytic: gradients.map(\.values), numerical: backprop, names: gradients.map(\.name))
  }
}

/// The forward values and adjoints of every layer, by the chain rule one layer at a time.
struct LayerPass<Scalar: BLASScalar> {
  let activation: Activation
  let labels: [UInt8]
  /// `activations[0]` is the input, `activations[k]` the k-th hidden layer's output.
  var activations: [Matrix<Scalar>] = []
  /// Every affine layer's output (the last is the logits).
  var affine: [Matrix<Scalar>] = []
  var weights: [Matrix<Scalar>] = []
  var biases: [[Scalar]] = []
  var probabilities: Matrix<Scalar>
  var loss: Scalar
  /// d(loss)/d(affine output) of every affine layer.
  var deltas: [Matrix<Scalar>] = []
  /// d(loss)/d(activations[k]), the input's included.
  var activationGradients: [Matrix<Scalar>] = []
  var weightGradients: [Matrix<Scalar>] = []
  var biasGradients: [[Scalar]] = []

  init(network: Network<Scalar>, inputs: Matrix<Scalar>, labels: [UInt8]) {
    activation = network.configuration.activation
    self.labels = labels
    let tensors = network.tensors
    for k in 0..<network.depth {
      let (w, b) = (tensors[2 * k], tensors[2 * k + 1])
      weights.append(Matrix(rows: w.shape[0], columns: w.shape[1], storage: w.values))
      biases.append(b.values)
    }
    activations = [inputs]
    for k in 0..<network.depth {
      affine.append(Layers.affine(activations[k], weights[k], biases[k]))
      if k < network.depth - 1 { activations.append(Layers.activate(affine[k], activation)) }
    }
    (loss, probabilities) = Layers.softmaxCrossEntropy(affine[affine.count - 1], labels: labels)
    backward()
  }

  /// The reverse sweep: δ = (P − Y)/n at the logits, then per affine layer k the gradients
  /// `Wk: aᵀ·δ`, `bk: Σ δ`, `a: δ·Wkᵀ`, and δ of the layer below `a'·(activation derivative)`.
  private mutating func backward() {
    let depth = weights.count
    let (n, classes) = (probabilities.rows, probabilities.columns)
    var delta = probabilities
    let scale = 1 / Scalar(n)
    for r in 0..<n {
      for c in 0..<classes { delta[r, c] = probabilities[r, c] * scale }
      delta[r, Int(labels[r])] -= scale
    }
    deltas = Array(repeating: delta, count: depth)
    activationGradients = Array(repeating: Matrix(rows: 0, columns: 0), count: depth)
    weightGradients = activationGradients
    biasGradients = Array(repeating: [], count: depth)
    for k in stride(from: depth - 1, through: 0, by: -1) {
      let d = deltas[k]
      weightGradients[k] = Matrix.product(activations[k], transposeA: true, d)
      biasGradients[k] = (0..<d.columns).map { c in (0..<d.rows).reduce(0) { $0 + d[$1, c] } }
      activationGradients[k] = Matrix.product(d, weights[k], transposeB: true)
      guard k > 0 else { continue }
      var below = activationGradients[k]
      let (z, a) = (affine[k - 1], activations[k])
      for i in below.storage.indices {
        switch activation {
        case .relu: if !(z.storage[i] > 0) { below.storage[i] = 0 }
        case .sigmoid: below.storage[i] *= a.storage[i] * (1 - a.storage[i])
        }
      }
      deltas[k - 1] = below
    }
  }

  /// The gradients as tensors named and placed like `tensors`.
  func parameterGradients(_ tensors: [ParameterTensor<Scalar>]) -> [ParameterTensor<Scalar>] {
    tensors.enumerated().map { i, t in
      var g = t
      g.values = i % 2 == 0 ? weightGradients[i / 2].storage : biasGradients[i / 2]
      return g
    }
  }

  /// d(loss)/d(probabilities): `−1/(n p)` at each row's label, 0 elsewhere; its norm.
  var probabilityGradientNorm: Double {
    let n = Double(probabilities.rows)
    return frobeniusNorm(
      (0..<probabilities.rows).map { r in
        -1 / (n * Double(probabilities[r, Int(labels[r])]))
      })
  }
}

/// The Frobenius norm, scaled against overflow, in `Double`.
@_specialize(where S == Float)
@_specialize(where S == Double)
func frobeniusNorm<S: BLASScalar>(_ v: [S]) -> Double {
  var scale = 0.0
  for x in v { scale = Swift.max(scale, Swift.abs(Double(x))) }
  guard scale > 0 && scale.isFinite else { return scale }
  var sum = 0.0
  for x in v {
    let y = Double(x) / scale
    sum += y * y
  }
  return scale * sum.squareRoot()
}
