import Testing

@testable import Learning

@Suite struct NetworkGraphTests {
  /// The relative normwise difference |a - b| / |b|.
  static func normwise(_ a: [Double], _ b: [Double]) -> Double {
    frobeniusNorm(zip(a, b).map { $0 - $1 }) / frobeniusNorm(b)
  }

  /// 100 real digits when the mnist-sample file is present, random pixels otherwise.
  static func batch() -> (Matrix<Double>, [UInt8]) {
    if let digits = mnistSample(count: 100) {
      return (digits.inputs(as: Double.self), digits.labels)
    }
    return randomBatch(rows: 100, features: 784, classes: 10, seed: 7)
  }

  @Test func notesNetworkHasTheFiveStepsAndFourTensors() {
    let network = Network<Double>(NetworkConfiguration(layers: [784, 50, 10], seed: 42))
    let (x, y) = Self.batch()
    let graph = NetworkGraph(network: network, inputs: x, labels: y)
    #expect(
      graph.nodes.map(\.name) == [
        "input", "W1", "b1", "affine1", "relu", "W2", "b2", "affine2", "softmax", "loss",
      ])
    #expect(
      graph.nodes.map(\.shape) == [
        [100, 784], [784, 50], [50], [100, 50], [100, 50], [50, 10], [10], [100, 10], [100, 10],
        [],
      ])
    #expect(graph.nodes[3].inputs == [0, 1, 2] && graph.nodes[7].inputs == [4, 5, 6])
    #expect(graph.edges.count == 9)
    #expect(graph.edges.allSatisfy { $0.from < $0.to })
    #expect(graph.nodes.last?.gradientNorm == 1)
    // b1 starts at zero; every other value and gradient is non-zero.
    #expect(graph.nodes[2].valueNorm == 0)
    #expect(
      graph.nodes.filter { $0.name != "b1" && $0.name != "b2" }.allSatisfy { $0.valueNorm > 0 })
    #expect(graph.nodes.allSatisfy { $0.gradientNorm > 0 && $0.gradientNorm.isFinite })
  }

  @Test func w1GradientEqualsBackprop() {
    let network = Network<Double>(NetworkConfiguration(layers: [784, 50, 10], seed: 42))
    let (x, y) = Self.batch()
    let graph = NetworkGraph(network: network, inputs: x, labels: y)
    let (loss, backprop) = network.gradient(inputs: x, labels: y)
    #expect(Swift.abs(graph.loss - loss) <= 1e-14 * loss)
    #expect(graph.gradients.map(\.name) == ["W1", "b1", "W2", "b2"])
    for (ours, theirs) in zip(graph.gradients, backprop) {
      #expect(Self.normwise(ours.values, theirs) <= 1e-12, "\(ours.name)")
      let largest = theirs.map(Swift.abs).max()!
      #expect(zip(ours.values, theirs).allSatisfy { Swift.abs($0 - $1) <= 1e-12 * largest })
    }
    #expect(graph.nodes[1].gradientNorm == frobeniusNorm(graph.gradients[0].values))
    let comparisons = graph.comparedWithBackprop(of: network, inputs: x, labels: y)
    #expect(comparisons.map(\.name) == ["W1", "b1", "W2", "b2"])
    #expect(comparisons.allSatisfy { $0.normwiseRelativeError <= 1e-12 && $0.count > 0 })
  }

  @Test func deeperSigmoidNetworkMatchesBackpropEverywhere() {
    let network = Network<Double>(
      NetworkConfiguration(
        layers: [20, 8, 6, 4], activation: .sigmoid, initialization: .he, seed: 3))
    let (x, y) = randomBatch(rows: 12, features: 20, classes: 4, seed: 11, as: Double.self)
    let graph = NetworkGraph(network: network, inputs: x, labels: y)
    #expect(graph.nodes.map(\.name).filter { $0.hasPrefix("sigmoid") } == ["sigmoid1", "sigmoid2"])
    let backprop = network.gradient(inputs: x, labels: y).gradients
    for (ours, theirs) in zip(graph.gradients, backprop) {
      #expect(Self.normwise(ours.values, theirs) <= 1e-13, "\(ours.name)")
    }
  }

  @Test func inputGradientNormIsTheSlopeAlongItsDirection() {
    // d/dt L(X + t D) at 0 with D = dL/dX / |dL/dX| is |dL/dX|.
    let network = Network<Double>(
      NetworkConfiguration(layers: [30, 10, 5], initialization: .he, seed: 5))
    let (x, y) = randomBatch(rows: 8, features: 30, classes: 5, seed: 2, as: Double.self)
    let pass = LayerPass(network: network, inputs: x, labels: y)
    let g = pass.activationGradients[0].storage
    let size = frobeniusNorm(g)
    let h = 1e-5
    func loss(_ t: Double) -> Double {
      var moved = x
      for i in moved.storage.indices { moved.storage[i] += t * g[i] / size }
      return network.loss(inputs: moved, labels: y)
    }
    let slope = (loss(h) - loss(-h)) / (2 * h)
    #expect(Swift.abs(slope - size) <= 1e-7 * size)
    let graph = NetworkGraph(network: network, inputs: x, labels: y)
    #expect(graph.nodes[0].gradientNorm == size)
  }
}
