import Learning
import Testing

@Suite struct NetworkTests {
  @Test("the seeds' network has 39,760 parameters in W1, b1, W2, b2")
  func shape() {
    let net = Network<Float>(NetworkConfiguration())
    #expect(net.parameterCount == 39_760)
    #expect(net.tensors.map(\.shape) == [[784, 50], [50], [50, 10], [10]])
    #expect(net.tensors.map(\.name) == ["W1", "b1", "W2", "b2"])
    // N(0, 0.01^2): sample deviation within 2% of 0.01, biases zero.
    let w = net.tensors[0].values.map(Double.init)
    let sd = (w.reduce(0) { $0 + $1 * $1 } / Double(w.count)).squareRoot()
    #expect(abs(sd - 0.01) < 2e-4 && !net.tensors[1].values.contains { $0 != 0 })
    let he = Network<Double>(NetworkConfiguration(initialization: .he))
    let w2 = he.tensors[2].values
    let sd2 = (w2.reduce(0) { $0 + $1 * $1 } / Double(w2.count)).squareRoot()
    #expect(abs(sd2 - 0.2) < 0.02)
  }

  @Test("the same seed gives identical weights and losses; another seed does not")
  func reproducibility() {
    let config = NetworkConfiguration(layers: [12, 6, 3], seed: 77)
    let a = Network<Double>(config)
    let b = Network<Double>(config)
    #expect(a.parameters == b.parameters)
    #expect(
      Network<Double>(NetworkConfiguration(layers: [12, 6, 3], seed: 78)).parameters != a.parameters
    )
    var g = Xoshiro256StarStar(seed: 5)
    var h = Xoshiro256StarStar(seed: 5)
    #expect((0..<100).map { _ in g.nextNormal() } == (0..<100).map { _ in h.nextNormal() })
    // A fixed value: xoshiro256** seeded through SplitMix64 is the same on every platform.
    var splitMix = SplitMix64(seed: 0)
    #expect(splitMix.next() == 0xE220_A839_7B1D_CDAF)
  }

  @Test("the loss at initialisation is near log(classes), and Float tracks Double")
  func initialLoss() {
    let config = NetworkConfiguration(layers: [40, 16, 10], seed: 2)
    let (x, y) = randomBatch(rows: 32, features: 40, classes: 10, seed: 3, as: Double.self)
    let loss = Network<Double>(config).loss(inputs: x, labels: y)
    #expect(abs(loss - 2.302585) < 0.01)
    let xf = Matrix<Float>(rows: 32, columns: 40, storage: x.storage.map(Float.init))
    let lossF = Network<Float>(config).loss(inputs: xf, labels: y)
    #expect(abs(Double(lossF) - loss) < 1e-5)
  }

  @Test("a gradient step lowers the loss, and the flat and per-tensor gradients agree")
  func descent() {
    let net = Network<Double>(.init(layers: [10, 8, 8, 3], initialization: .he, seed: 4))
    let (x, y) = randomBatch(rows: 20, features: 10, classes: 3, seed: 1, as: Double.self)
    var flat: [Double] = []
    let before = net.gradient(inputs: x, labels: y, into: &flat)
    #expect(net.split(flat) == net.gradient(inputs: x, labels: y).gradients)
    net.update(gradient: flat, learningRate: 0.1)
    #expect(net.loss(inputs: x, labels: y) < before)
  }
}
