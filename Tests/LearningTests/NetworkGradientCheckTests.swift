import Calculus
import Learning
import Testing

@Suite struct NetworkGradientCheckTests {
  static let smallConfigurations: [NetworkConfiguration] = [
    .init(layers: [20, 7, 4], activation: .relu, initialization: .he, seed: 3),
    .init(layers: [20, 7, 4], activation: .sigmoid, initialization: .he, seed: 3),
    .init(
      layers: [6, 5, 3], activation: .relu, initialization: .gaussian(standardDeviation: 0.5),
      seed: 9),
    .init(layers: [5, 4, 4, 3], activation: .sigmoid, initialization: .he, seed: 1),
  ]

  @Test("backprop matches the numerical gradient away from kinks", arguments: smallConfigurations)
  func backpropAgrees(_ config: NetworkConfiguration) {
    let net = Network<Double>(config)
    let (x, y) = randomBatch(
      rows: 8, features: config.layers[0], classes: config.layers.last!, seed: 5, as: Double.self)
    let analytic = net.gradient(inputs: x, labels: y).gradients
    let numerical = NetworkGradientCheck.numericalGradientTextbook(
      net, inputs: x, labels: y, step: 1e-3, scheme: .central4)
    let kinks = NetworkGradientCheck.kinkEntries(net, inputs: x, step: 1e-3, scheme: .central4)
    let comparison = NetworkGradientCheck.compare(
      analytic: analytic, numerical: numerical, names: net.tensorNames, kinks: kinks, tiny: 1e-6)
    for tensor in comparison {
      #expect(tensor.maxRelativeError < 1e-7, "\(tensor.name): \(tensor.worst.first!)")
      #expect(tensor.normwiseRelativeError < 1e-8, "\(tensor.name)")
    }
  }

  @Test(
    "fast and textbook numerical gradients agree to 1e-9",
    arguments: [Scheme.central, .forward, .backward, .central4])
  func fastMatchesTextbook(_ scheme: Scheme) {
    for config in Self.smallConfigurations {
      let net = Network<Double>(config)
      let (x, y) = randomBatch(
        rows: 9, features: config.layers[0], classes: config.layers.last!, seed: 2,
        as: Double.self)
      let textbook = NetworkGradientCheck.numericalGradientTextbook(
        net, inputs: x, labels: y, step: 1e-4, scheme: scheme)
      let fast = NetworkGradientCheck.numericalGradientFast(
        net, inputs: x, labels: y, step: 1e-4, scheme: scheme)
      #expect(maxAbsDifference(textbook, fast) < 1e-9, "\(config.layers) \(scheme)")
    }
  }

  @Test("fast and textbook agree on the seeds' network, on 5 real digits when present")
  func seedsNetwork() {
    let net = Network<Double>(NetworkConfiguration(seed: 42))
    let (x, y): (Matrix<Double>, [UInt8])
    if let digits = mnistSample(count: 5) {
      (x, y) = (digits.inputs(as: Double.self), digits.labels)
    } else {
      (x, y) = randomBatch(rows: 5, features: 784, classes: 10, seed: 1, zeroFraction: 0.8)
    }
    var calls = 0
    var last = (0, 0)
    let textbook = NetworkGradientCheck.numericalGradientTextbook(
      net, inputs: x, labels: y, step: 1e-4, scheme: .central
    ) { done, total in
      calls += 1
      last = (done, total)
    }
    #expect(calls == 39_760 && last == (39_760, 39_760))
    let fast = NetworkGradientCheck.numericalGradientFast(
      net, inputs: x, labels: y, step: 1e-4, scheme: .central)
    #expect(maxAbsDifference(textbook, fast) < 1e-9)
    let analytic = net.gradient(inputs: x, labels: y).gradients
    let comparison = NetworkGradientCheck.compare(
      analytic: analytic, numerical: fast, names: net.tensorNames,
      kinks: NetworkGradientCheck.kinkEntries(net, inputs: x, step: 1e-4))
    #expect(comparison.map(\.name) == ["W1", "b1", "W2", "b2"])
    for tensor in comparison { #expect(tensor.normwiseRelativeError < 1e-6, "\(tensor.name)") }
  }

  @Test("the fast gradient does not depend on the thread count")
  func threadIndependence() {
    let net = Network<Double>(.init(layers: [30, 12, 5], seed: 8))
    let (x, y) = randomBatch(rows: 16, features: 30, classes: 5, seed: 4, as: Double.self)
    let one = NetworkGradientCheck.numericalGradientFastFlat(
      net, inputs: x, labels: y, step: 1e-4, threads: 1)
    for threads in [2, 3, 7] {
      let many = NetworkGradientCheck.numericalGradientFastFlat(
        net, inputs: x, labels: y, step: 1e-4, threads: threads)
      #expect(many == one, "\(threads) threads")
    }
  }

  @Test("the textbook method restores every parameter bit for bit")
  func restoration() {
    let net = Network<Double>(.init(layers: [10, 6, 3], seed: 11))
    let (x, y) = randomBatch(rows: 4, features: 10, classes: 3, seed: 6, as: Double.self)
    let before = net.parameters.map(\.bitPattern)
    _ = NetworkGradientCheck.numericalGradientTextbook(
      net, inputs: x, labels: y, step: 0.1, scheme: .richardson)
    #expect(net.parameters.map(\.bitPattern) == before)
  }

  @Test("a pre-activation within h of zero marks the crossing parameters as kinks")
  func kinkDetection() {
    let h = 1e-4
    let net = Network<Double>(.init(layers: [3, 2, 2], seed: 1))
    // One sample x = (1, 0, 0.5); set z_0 = b1[0] + x . W1[:, 0] to 0.4 h.
    let x = Matrix<Double>(rows: 1, columns: 3, storage: [1, 0, 0.5])
    net[parameter: net.flatIndex(tensor: 0, index: 0)] = 0.3
    net[parameter: net.flatIndex(tensor: 0, index: 4)] = -0.6 + 0.8 * h  // W1[2, 0]
    net[parameter: net.flatIndex(tensor: 1, index: 0)] = 0  // b1[0]
    // Unit 1 far from zero.
    net[parameter: net.flatIndex(tensor: 0, index: 1)] = 0.5
    net[parameter: net.flatIndex(tensor: 0, index: 5)] = 0.5
    let kinks = NetworkGradientCheck.kinkEntries(net, inputs: x, step: h)
    // W1[0,0] (|x| = 1 >= 0.4), W1[2,0] (0.5 h >= 0.4 h) and b1[0]; W1[1,0] has x = 0.
    #expect(kinks[0] == [0, 4])
    #expect(kinks[1] == [0])
    #expect(kinks[2].isEmpty && kinks[3].isEmpty)
    // The kink entries are counted apart from the verdict statistics.
    let (bp, num) = (
      net.gradient(inputs: x, labels: [1]).gradients,
      NetworkGradientCheck.numericalGradientTextbook(net, inputs: x, labels: [1], step: h)
    )
    let comparison = NetworkGradientCheck.compare(
      analytic: bp, numerical: num, names: net.tensorNames, kinks: kinks)
    #expect(comparison[0].kinkEntries == 2 && comparison[0].statistics.count == 4)
    #expect(comparison[0].kinkStatistics.maxRelativeError > 0.1)
    #expect(comparison[0].maxRelativeError < 1e-6)
    let sigmoid = Network<Double>(.init(layers: [3, 2, 2], activation: .sigmoid, seed: 1))
    #expect(NetworkGradientCheck.kinkEntries(sigmoid, inputs: x, step: h).allSatisfy { $0.isEmpty })
  }

  @Test("compare reports the worst entries and the norm-wise error")
  func comparison() {
    let c = NetworkGradientCheck.compare(
      analytic: [[1.0, 2, 0, -4]], numerical: [[1.0, 2.2, 0, -4]], names: ["W"], kinks: [[3]])[0]
    #expect(c.count == 4 && c.kinkEntries == 1 && c.statistics.count == 3)
    #expect(abs(c.maxAbsoluteError - 0.2) < 1e-12)
    #expect(abs(c.maxRelativeError - 0.2 / 2.2) < 1e-12)
    #expect(abs(c.normwiseRelativeError - 0.2 / (1 + 2.2 * 2.2).squareRoot()) < 1e-12)
    #expect(c.worst.first?.index == 1)
  }

  /// The textbook gradient is `FiniteDifference.derivative` of the loss in each parameter,
  /// bit for bit (the one perturbation mechanism), in Float and Double, for every stencil.
  @Test(
    "textbook entries equal the scalar stencil estimate, bit for bit",
    arguments: [Scheme.central, .forward, .backward, .central4])
  func textbookIsTheScalarStencil(_ scheme: Scheme) {
    func check<S: BLASScalar>(_: S.Type) -> Bool {
      let net = Network<S>(Self.smallConfigurations[0])
      let (x, y) = randomBatch(rows: 6, features: 20, classes: 4, seed: 3, as: S.self)
      let indices = [0, 17, 139, 140, 150, 171]
      let h = S(1e-2)
      let textbook = NetworkGradientCheck.numericalGradientTextbook(
        net, inputs: x, labels: y, step: h, scheme: scheme, at: indices)
      let before = net.parameters
      let scalar = indices.map { p in
        let saved = net[parameter: p]
        defer { net[parameter: p] = saved }
        return FiniteDifference.derivative(
          of: { value in
            net[parameter: p] = value
            return net.loss(inputs: x, labels: y)
          }, at: saved, step: h, scheme: scheme)
      }
      let bytes = { (values: [S]) in values.map { v in withUnsafeBytes(of: v) { Array($0) } } }
      return bytes(textbook) == bytes(scalar) && net.parameters == before
    }
    #expect(check(Double.self))
    #expect(check(Float.self))
  }
}
