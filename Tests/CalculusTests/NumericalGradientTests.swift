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
