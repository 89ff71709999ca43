import RealModule
import Testing

@testable import Calculus

@Suite struct StencilTests {
  /// Fornberg (Math. Comp. 51, 1988), Table 1: centred differences at offsets -m...m.
  static let central: [(q: Int, offsets: ClosedRange<Int>, weights: [Double])] = [
    (1, -1...1, [-1.0 / 2, 0, 1.0 / 2]),
    (1, -2...2, [1.0 / 12, -2.0 / 3, 0, 2.0 / 3, -1.0 / 12]),
    (2, -1...1, [1, -2, 1]),
    (2, -2...2, [-1.0 / 12, 4.0 / 3, -5.0 / 2, 4.0 / 3, -1.0 / 12]),
    (3, -2...2, [-1.0 / 2, 1, 0, -1, 1.0 / 2]),
    (3, -3...3, [1.0 / 8, -1, 13.0 / 8, 0, -13.0 / 8, 1, -1.0 / 8]),
    (4, -2...2, [1, -4, 6, -4, 1]),
    (4, -3...3, [-1.0 / 6, 2, -13.0 / 2, 28.0 / 3, -13.0 / 2, 2, -1.0 / 6]),
  ]

  /// Fornberg (1988), Table 3: one-sided differences at offsets 0...n.
  static let forward: [(q: Int, offsets: ClosedRange<Int>, weights: [Double])] = [
    (1, 0...1, [-1, 1]),
    (1, 0...2, [-3.0 / 2, 2, -1.0 / 2]),
    (2, 0...2, [1, -2, 1]),
    (2, 0...3, [2, -5, 4, -1]),
    (3, 0...3, [-1, 3, -3, 1]),
    (3, 0...4, [-5.0 / 2, 9, -12, 7, -3.0 / 2]),
    (4, 0...4, [1, -4, 6, -4, 1]),
    (4, 0...5, [3, -14, 26, -24, 11, -2]),
  ]

  @Test(arguments: central + forward)
  func fornbergWeightsMatchThePublishedTables(
    _ row: (q: Int, offsets: ClosedRange<Int>, weights: [Double])
  ) throws {
    let stencil = try Stencil(
      name: "table", offsets: row.offsets.map(Double.init), derivative: row.q)
    #expect(stencil.isExact)
    #expect(stencil.weights == row.weights)
  }

  @Test func firstDerivativeSchemesKeepTheirWeights() throws {
    for scheme in Scheme.allCases where scheme.isStencil {
      let stencil = try scheme.stencil(derivative: 1)
      #expect(stencil.offsets == scheme.stencil.map(\.offset), "\(scheme)")
      for (a, b) in zip(stencil.weights, scheme.stencil.map(\.weight)) {
        #expect(Swift.abs(a - b) <= 1e-15, "\(scheme)")
      }
      #expect(stencil.order == scheme.order, "\(scheme)")
    }
  }

  @Test(arguments: 1...6)
  func namedSchemesHaveTheirOrdersForEveryDerivative(_ q: Int) throws {
    let orders: [Scheme: Int] = [
      .forward: 1, .backward: 1, .central: 2, .central4: 4, .richardson: 4,
    ]
    for (scheme, order) in orders {
      let stencil = try scheme.stencil(derivative: q)
      #expect(stencil.order == order, "\(scheme), q = \(q)")
      #expect(stencil.moments[q] == Double((1...q).reduce(1, *)), "\(scheme), q = \(q)")
      #expect((0..<q).allSatisfy { stencil.moments[$0] == 0 }, "\(scheme), q = \(q)")
    }
  }

  /// Richardson's weights are `(4 D(h/2) - D(h)) / 3` of the central ones.
  @Test(arguments: 1...4)
  func richardsonIsTheExtrapolatedCentralDifference(_ q: Int) throws {
    let central = try Scheme.central.stencil(derivative: q)
    let richardson = try Scheme.richardson.stencil(derivative: q)
    var expected: [Double: Double] = [:]
    for (o, w) in zip(central.offsets, central.weights) {
      expected[o / 2, default: 0] += 4 * Double.pow(2, q) * w / 3
      expected[o, default: 0] -= w / 3
    }
    for (o, w) in zip(richardson.offsets, richardson.weights) {
      #expect(Swift.abs(w - expected[o, default: 0]) <= 1e-13, "offset \(o)")
    }
  }

  @Test func sevenPointFirstDerivativeReachesOrderSix() throws {
    let stencil = try Stencil(name: "seven", offsets: [-3, -2, -1, 0, 1, 2, 3], derivative: 1)
    #expect(stencil.order == 6)
    let published: [Double] = [-1.0 / 60, 3.0 / 20, -3.0 / 4, 0, 3.0 / 4, -3.0 / 20, 1.0 / 60]
    #expect(stencil.weights == published)
  }

  @Test func irregularOffsetsStayExact() throws {
    let stencil = try Stencil(name: "odd", offsets: [-0.5, 0.1, 1, 2.25], derivative: 2)
    #expect(stencil.isExact)
    #expect(stencil.moments[0] == 0 && stencil.moments[1] == 0 && stencil.moments[2] == 2)
    #expect(stencil.order == 2)
  }

  @Test func badStencilsAreTypedErrors() {
    #expect(throws: StencilError.tooFewOffsets(count: 2, derivative: 2)) {
      try Stencil(name: "s", offsets: [0, 1], derivative: 2)
    }
    #expect(throws: StencilError.repeatedOffset(1)) {
      try Stencil(name: "s", offsets: [0, 1, 1], derivative: 1)
    }
    #expect(throws: StencilError.nonFiniteOffset(.infinity)) {
      try Stencil(name: "s", offsets: [0, .infinity], derivative: 1)
    }
    #expect(throws: StencilError.derivativeOutOfRange(derivative: 0, maximum: 16)) {
      try Stencil(name: "s", offsets: [0, 1], derivative: 0)
    }
    #expect(throws: StencilError.complexStepDerivative(2)) {
      try Scheme.complexStep.stencil(derivative: 2)
    }
    #expect(throws: StencilError.derivativeOutOfRange(derivative: 5, maximum: 4)) {
      try Stencil.check(derivative: 5, epsilon: Double(Float.ulpOfOne))
    }
    #expect(Calculus.Precision.double.maximumDerivative == 13)
    #expect(Calculus.Precision.half.maximumDerivative == 1)
  }

  @Test(arguments: 1...4)
  func stencilEstimatesAreExactOnPolynomialsOfLowDegree(_ q: Int) throws {
    // central4 is exact for polynomials of degree q + 3.
    let stencil = try Scheme.central4.stencil(derivative: q)
    let f: (Double) -> Double = { x in
      (0...(q + 3)).reduce(0.0) { $0 + Double($1 + 1) * Double.pow(x, $1) }
    }
    let x = 0.75
    let exact = (q...(q + 3)).reduce(0.0) { sum, n in
      let falling = ((n - q + 1)...n).reduce(1.0) { $0 * Double($1) }
      return sum + Double(n + 1) * falling * Double.pow(x, n - q)
    }
    let estimate = FiniteDifference.derivative(of: f, at: x, step: 0.25, stencil: stencil)
    #expect(Swift.abs(estimate - exact) <= 1e-11 * Swift.abs(exact))
  }
}
