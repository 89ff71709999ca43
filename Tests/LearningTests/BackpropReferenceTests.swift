import Testing

@testable import Learning

/// `gradient(inputs:labels:)` against backpropagation written out with the public layer
/// functions and plain products (`Layers`, `Matrix.product`), on both of `backward`'s paths
/// (weight gradients formed whole below `sharedGradientBatch` rows, by halves of the batch and added up
/// from it on), and the fused descent step against gradient then update.
@Suite struct BackpropReferenceTests {
  /// The flat gradient by the textbook recurrences, one matrix at a time.
  static func reference(_ net: Network<Double>, _ x: Matrix<Double>, _ y: [UInt8]) -> [Double] {
    let tensors = net.tensors
    let activation = net.configuration.activation
    var inputs = [x]
    var pre: [Matrix<Double>] = []
    for k in 0..<net.depth {
      let (w, b) = (tensors[2 * k], tensors[2 * k + 1])
      let weights = Matrix(rows: w.shape[0], columns: w.shape[1], storage: w.values)
      pre.append(Layers.affine(inputs[k], weights, b.values))
      if k < net.depth - 1 { inputs.append(Layers.activate(pre[k], activation)) }
    }
    let probabilities = Layers.softmaxCrossEntropy(pre[net.depth - 1], labels: y).probabilities
    var delta = probabilities
    for r in 0..<x.rows {
      delta[r, Int(y[r])] -= 1
      for c in 0..<delta.columns { delta[r, c] /= Double(x.rows) }
    }
    var pieces: [[Double]] = Array(repeating: [], count: 2 * net.depth)
    for k in stride(from: net.depth - 1, through: 0, by: -1) {
      pieces[2 * k] = Matrix.product(inputs[k], transposeA: true, delta).storage
      pieces[2 * k + 1] = (0..<delta.columns).map { c in
        (0..<delta.rows).reduce(0) { $0 + delta[$1, c] }
      }
      guard k > 0 else { break }
      let w = tensors[2 * k]
      let weights = Matrix(rows: w.shape[0], columns: w.shape[1], storage: w.values)
      var next = Matrix.product(delta, weights, transposeB: true)
      for i in next.storage.indices {
        let a = inputs[k].storage[i]
        next.storage[i] *= activation == .relu ? (pre[k - 1].storage[i] > 0 ? 1 : 0) : a * (1 - a)
      }
      delta = next
    }
    return pieces.flatMap { $0 }
  }

  @Test(
    "backprop equals the textbook recurrences to 1e-12 relative",
    arguments: [
      ([784, 50, 10], Activation.relu, 100), ([784, 50, 10], .relu, 600),
      ([30, 20, 15, 4], .sigmoid, 40), ([30, 20, 15, 4], .relu, 700),
    ])
  func matchesReference(layers: [Int], activation: Activation, rows: Int) {
    let net = Network<Double>(
      NetworkConfiguration(layers: layers, activation: activation, initialization: .he, seed: 3))
    for seed: UInt64 in [1, 2] {
      let (x, y) = randomBatch(
        rows: rows, features: layers[0], classes: layers.last!, seed: seed, as: Double.self)
      var g: [Double] = []
      net.gradient(inputs: x, labels: y, into: &g)
      let expected = Self.reference(net, x, y)
      let scale = expected.map(abs).max()!
      let worst = zip(g, expected).map { abs($0 - $1) }.max()!
      #expect(scale > 0)
      #expect(worst <= 1e-12 * scale, "max difference \(worst) of \(scale)")
    }
  }

  @Test(
    "a fused descent step equals gradient then update to 1e-15 relative", arguments: [100, 600])
  func fusedStep(rows: Int) {
    let config = NetworkConfiguration(layers: [784, 50, 10], initialization: .he, seed: 9)
    let (fused, stepped) = (Network<Double>(config), Network<Double>(config))
    var g: [Double] = []
    for seed: UInt64 in 1...3 {
      let (x, y) = randomBatch(rows: rows, features: 784, classes: 10, seed: seed, as: Double.self)
      let loss = fused.descend(inputs: x, labels: y, learningRate: 0.1)
      #expect(stepped.gradient(inputs: x, labels: y, into: &g) == loss)
      stepped.update(gradient: g, learningRate: 0.1)
    }
    let scale = stepped.parameters.map(abs).max()!
    let worst = zip(fused.parameters, stepped.parameters).map { abs($0 - $1) }.max()!
    #expect(worst <= 1e-15 * scale, "max difference \(worst) of \(scale)")
  }
}
