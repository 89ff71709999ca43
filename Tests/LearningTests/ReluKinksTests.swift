import Calculus
import Learning
import Testing

/// Relu kinks on networks small enough to work out by hand.
@Suite struct ReluKinksTests {
  @Test(
    "the step to a kink is |z| / |rate|",
    arguments: [(2.0, 1.0, 2.0), (-0.25, 1.0, 0.25), (-3, -4, 0.75), (0, 5, 0), (1, 0, .infinity)])
  func scalarStep(z: Double, rate: Double, expected: Double) {
    #expect(NetworkGradientCheck.kinkStep(preActivation: z, rate: rate) == expected)
  }

  @Test func zeroRateNeverCrosses() {
    #expect(NetworkGradientCheck.kinkStep(preActivation: 0.0, rate: 0) == .infinity)
  }

  /// layers [2, 2, 2], x = [1, 2]: W1 = [[1, -1], [0.5, 0.25]], b1 = [0, 0.25], so
  /// z = [1 + 1, -1 + 0.5 + 0.25] = [2, -0.25].
  static func shallow() -> (Network<Double>, Matrix<Double>) {
    let net = Network<Double>(NetworkConfiguration(layers: [2, 2, 2], activation: .relu))
    net.parameters = [1, -1, 0.5, 0.25, 0, 0.25, 1, 2, 3, 4, 0, 0]
    return (net, Matrix(rows: 1, columns: 2, storage: [1, 2]))
  }

  @Test("along dW1[0,0] = 1, db1[1] = 1: rates [1, 1], kink at t = 0.25")
  func shallowDirection() throws {
    let (net, x) = Self.shallow()
    var direction = [Double](repeating: 0, count: 12)
    direction[0] = 1
    direction[5] = 1
    let step = try #require(NetworkGradientCheck.kinkStep(net, inputs: x, along: direction))
    #expect(step == 0.25)
    // Output-layer directions move no hidden pre-activation.
    var output = [Double](repeating: 0, count: 12)
    output[6] = 1
    #expect(NetworkGradientCheck.kinkStep(net, inputs: x, along: output) == nil)
  }

  @Test("kinkEntries lists exactly the parameters whose own direction has a step within h")
  func entriesAgreeWithDirections() {
    let (net, x) = Self.shallow()
    // |z_1| = 0.25: W1[1, 1] (rate x_1 = 2, step 0.125) is within h = 0.2; W1[0, 1] (step
    // 0.25) and b1[1] (step 0.25) are not; unit 0 (z = 2) is far.
    let kinks = NetworkGradientCheck.kinkEntries(net, inputs: x, step: 0.2)
    #expect(kinks == [[3], [], [], []])
    for p in 0..<6 {
      var e = [Double](repeating: 0, count: 12)
      e[p] = 1
      let step = NetworkGradientCheck.kinkStep(net, inputs: x, along: e) ?? .infinity
      let listed = p < 4 ? kinks[0].contains(p) : kinks[1].contains(p - 4)
      #expect(listed == (step <= 0.2), "parameter \(p): step \(step)")
    }
    // central4 reaches 2h = 0.4: every unit-1 entry is listed.
    #expect(
      NetworkGradientCheck.kinkEntries(net, inputs: x, step: 0.2, scheme: .central4)[0] == [1, 3])
  }

  /// layers [2, 2, 2, 2]: b1 = [0, -5] puts z1 = [2, -5.5]; W2 = [[0.5, -1], [1, 1]],
  /// b2 = [0, 1.5] give a1 = [2, 0], z2 = [1, -0.5]. Along dW1[0,0] = 1, db1[1] = 1,
  /// dW2[0,1] = 0.25: dz1 = [1, 1] (steps 2, 5.5), da1 = [1, 0],
  /// dz2 = da1 W2 + a1 dW2 = [0.5, -1 + 0.5] (steps 2, 1). The first kink is at t = 1.
  @Test("a second hidden layer's kink from the forward-mode rates")
  func deepDirection() throws {
    let net = Network<Double>(NetworkConfiguration(layers: [2, 2, 2, 2], activation: .relu))
    net.parameters = [1, -1, 0.5, 0.25, 0, -5, 0.5, -1, 1, 1, 0, 1.5, 1, 2, 3, 4, 0, 0]
    let x = Matrix<Double>(rows: 1, columns: 2, storage: [1, 2])
    var direction = [Double](repeating: 0, count: 18)
    direction[0] = 1
    direction[5] = 1
    direction[7] = 0.25
    let step = try #require(NetworkGradientCheck.kinkStep(net, inputs: x, along: direction))
    #expect(step == 1)
    // In Float too.
    let single = Network<Float>(NetworkConfiguration(layers: [2, 2, 2, 2], activation: .relu))
    single.parameters = net.parameters.map(Float.init)
    let singleStep = NetworkGradientCheck.kinkStep(
      single, inputs: Matrix(rows: 1, columns: 2, storage: [1, 2]),
      along: direction.map(Float.init))
    #expect(singleStep == 1)
  }

  @Test("sigmoid networks have no kink")
  func sigmoid() {
    let net = Network<Double>(NetworkConfiguration(layers: [2, 2, 2], activation: .sigmoid))
    let x = Matrix<Double>(rows: 1, columns: 2, storage: [1, 2])
    #expect(
      NetworkGradientCheck.kinkStep(net, inputs: x, along: [Double](repeating: 1, count: 12)) == nil
    )
  }
}
