import RealModule
import Testing

@testable import Calculus

@Suite struct NumericalGradientTests {
  /// Awkward values: signed zero, a subnormal, values whose +h is inexact, a large one.
  static let parameters: [Double] = [
    0.1, -0.0, 3.0000000000000004, Double.leastNonzeroMagnitude, -7.25, 123456.789,
  ]

  /// loss = sum_i c_i p_i^2 + p_0 p_1, with gradient 2 c_i p_i (+ the cross terms).
  static func loss<T: Real>(_ p: [T]) -> T {
    var sum: T = p[0] * p[1]
    for (i, value) in p.enumerated() { sum += T(i + 1) * value * value }
    return sum
  }

  static func exactGradient(_ p: [Double]) -> [Double] {
    var g = p.enumerated().map { 2 * Double($0.offset + 1) * $0.element }
    g[0] += p[1]
    g[1] += p[0]
    return g
  }

  @Test(arguments: Scheme.allCases.filter(\.isStencil))
  func restoresEveryElementBitForBit(scheme: Scheme) {
    var storage = Self.parameters + [.nan, -.infinity]
    let original = storage.map(\.bitPattern)
    var progress: [Int] = []
    let gradient = storage.withUnsafeMutableBufferPointer { buffer in
      NumericalGradient.compute(
        of: { Self.loss(Array(buffer)) }, parameters: buffer, step: 1e-4, scheme: scheme,
        progress: { done, total in
          #expect(total == 8)
          progress.append(done)
        })
    }
    #expect(storage.map(\.bitPattern) == original)
    #expect(progress == Array(1...8))
    #expect(gradient.count == 8)
    var array = Self.parameters
    _ = NumericalGradient.compute(of: Self.loss, at: &array, step: 1e-4, scheme: scheme)
    #expect(array.map(\.bitPattern) == Self.parameters.map(\.bitPattern))
  }

  /// Moderate values, so that the loss (about 400) sets a round-off of 1e-13 / h.
  static let moderate: [Double] = [0.1, -0.0, 3.0000000000000004, -7.25, 1.5, 4]

  @Test(arguments: Scheme.allCases.filter(\.isStencil))
  func matchesTheClosedForm(scheme: Scheme) {
    var storage = Self.moderate
    let h = scheme.order == 1 ? 1e-8 : 1e-4
    let gradient = storage.withUnsafeMutableBufferPointer { buffer in
      NumericalGradient.compute(
        of: { Self.loss(Array(buffer)) }, parameters: buffer, step: h, scheme: scheme)
    }
    let exact = Self.exactGradient(Self.moderate)
    let bound = scheme.order == 1 ? 1e-6 : 1e-8
    #expect(normwiseRelativeError(gradient, exact) < bound)
    // The loss is quadratic in each parameter (f''' ≡ 0): the symmetric schemes are exact up
    // to round-off, element by element.
    for (index, (estimate, value)) in zip(gradient, exact).enumerated() where scheme.order > 1 {
      #expect(Swift.abs(estimate - value) <= 1e-8, "element \(index)")
    }
  }

  /// The seeds' `numerical_diff`: central differences with h = 1e-4, one element at a time.
  @Test func seedsNumericalDiffOnSumOfSquares() {
    var x = [1.0, 3.0]
    let gradient = NumericalGradient.compute(
      of: { $0[0] * $0[0] + $0[1] * $0[1] }, at: &x, step: 1e-4, scheme: .central)
    #expect(Swift.abs(gradient[0] - 2) <= 1e-9 && Swift.abs(gradient[1] - 6) <= 1e-9)
  }

  /// Same arithmetic as `FiniteDifference.partial`: identical results, bit for bit.
  @Test(arguments: [Scheme.forward, .central, .richardson])
  func agreesWithPartials(scheme: Scheme) {
    var x = Multivariate.rosenbrock.points[0]
    let numerical = NumericalGradient.compute(
      of: Multivariate.rosenbrock.value, at: &x, step: 1e-5, scheme: scheme)
    let partials = FiniteDifference.gradient(
      of: Multivariate.rosenbrock.value, at: x, step: 1e-5, scheme: scheme)
    #expect(numerical.map(\.bitPattern) == partials.map(\.bitPattern))
  }

  @Test func singlePrecisionParameters() {
    var storage: [Float] = [0.5, -1.25, 2]
    let original = storage.map(\.bitPattern)
    let gradient = storage.withUnsafeMutableBufferPointer { buffer in
      NumericalGradient.compute(
        of: { buffer.reduce(0) { $0 + $1 * $1 * $1 } }, parameters: buffer, step: 1e-2,
        scheme: .central)
    }
    #expect(storage.map(\.bitPattern) == original)
    // d/dp p^3 = 3 p^2; central error h^2 = 1e-4 plus single round-off.
    for (estimate, p) in zip(gradient, storage) {
      #expect(Swift.abs(estimate - 3 * p * p) <= 2e-3)
    }
  }
}

/// The one perturbation mechanism, on a buffer, in `Float` and `Double`.
@Suite struct NumericalGradientStencilTests {
  /// Odd bit patterns that must survive: a NaN with a payload, -0, a subnormal, infinity.
  static func awkward<T: BinaryFloatingPoint>(_: T.Type) -> [T] {
    [
      T(
        sign: .minus, exponentBitPattern: T.nan.exponentBitPattern,
        significandBitPattern: T.nan.significandBitPattern | 0x15), -0.0, T.leastNonzeroMagnitude,
      0.3, -.infinity, 1e3,
    ]
  }

  static func restores<T: Real & BinaryFloatingPoint>(_: T.Type, scheme: Scheme) -> Bool {
    var storage = awkward(T.self)
    let bits = storage.map(bytes)
    let stencil = NumericalGradient.Stencil<T>(scheme)
    storage.withUnsafeMutableBufferPointer { buffer in
      for index in buffer.indices {
        _ = stencil.derivative(at: index, in: &buffer, step: T(1) / 1024) { b in
          b.reduce(0) { $0 + $1 * $1 }
        }
      }
    }
    return storage.map(bytes) == bits
  }

  @Test(
    "every element keeps its bits, Float and Double", arguments: Scheme.allCases.filter(\.isStencil)
  )
  func restoresBitForBit(scheme: Scheme) {
    #expect(Self.restores(Float.self, scheme: scheme))
    #expect(Self.restores(Double.self, scheme: scheme))
  }

  /// On a one-element buffer the mechanism is `FiniteDifference.derivative`, bit for bit; the
  /// loss sees the element moved to `x + offset * h'` (rounded: richardson's half steps) and
  /// nothing else moved.
  static func matchesDerivative<T: Real & BinaryFloatingPoint>(_: T.Type, scheme: Scheme) -> Bool {
    let (x, h): (T, T) = (T(0.7), T(1) / 1000)
    let f: (T) -> T = { T.exp($0) * T.sin(3 * $0) }
    var cell: [T] = [5, x, -2]
    let stepPrime = (x + h) - x
    let offsets = NumericalGradient.Stencil<T>(scheme).offsets
    var seen: [T] = []
    let estimate = NumericalGradient.Stencil<T>(scheme).derivative(at: 1, in: &cell, step: h) {
      seen.append($0[1] - x)
      return $0[0] == 5 && $0[2] == -2 ? f($0[1]) : .nan
    }
    let reference = FiniteDifference.derivative(of: f, at: x, step: h, scheme: scheme)
    return bytes(estimate) == bytes(reference) && cell == [5, x, -2]
      && seen == offsets.map { (x + $0 * stepPrime) - x }
  }

  @Test(
    "equals FiniteDifference.derivative, Float and Double",
    arguments: Scheme.allCases.filter(\.isStencil))
  func equalsScalarDerivative(scheme: Scheme) {
    #expect(Self.matchesDerivative(Float.self, scheme: scheme))
    #expect(Self.matchesDerivative(Double.self, scheme: scheme))
  }

  @Test("a given centre value replaces the evaluation at offset 0")
  func centreIsNotEvaluated() {
    var x: [Double] = [2]
    var calls = 0
    let forward = NumericalGradient.Stencil<Double>(.forward).derivative(
      at: 0, in: &x, step: 1e-6, centre: 4
    ) {
      calls += 1
      return $0[0] * $0[0]
    }
    #expect(calls == 1)
    #expect(Swift.abs(forward - 4) <= 1e-5)
  }
}

/// The bytes of a value, to compare bit patterns generically.
func bytes<T>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
