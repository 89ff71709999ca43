import RealModule
import Testing

@testable import Calculus

@Suite struct StencilSumTests {
  @Test(arguments: [0.0, -0.0, -1e-3, .nan])
  func aStepThatIsNotPositiveGivesNaNWithoutEvaluating(spacing: Double) {
    var calls = 0
    let estimate = FiniteDifference.stencilSum(
      numerators: [1, -1], denominator: 1, spacing: spacing, derivative: 1
    ) { _ in
      calls += 1
      return 1
    }
    #expect(estimate.isNaN)
    #expect(calls == 0)
  }

  @Test func theScalarCallersGiveNaNBelowTheSpacing() {
    // 1 + 1e-17 == 1: h' = 0 for every caller.
    let f = { (x: Double) in x * x }
    #expect(FiniteDifference.derivative(of: f, at: 1, step: 1e-17, scheme: .central).isNaN)
    let stencil = try? Scheme.central4.stencil(derivative: 2)
    #expect(
      stencil.map { FiniteDifference.derivative(of: f, at: 1, step: 1e-17, stencil: $0) }?.isNaN
        == true)
    var x = [1.0]
    var calls = 0
    let gradient = NumericalGradient.compute(
      of: { (p: [Double]) -> Double in
        calls += 1
        return p[0] * p[0]
      }, at: &x, step: 1e-17, scheme: .forward)
    #expect(gradient[0].isNaN && calls == 0 && x == [1])
  }

  @Test func valuesAreSummedInOrderAndDividedByDTimesHToTheQ() {
    // x^2 at 1.25, 1, 0.75 with the q = 2 central stencil: (1.5625 - 2 + 0.5625) / 0.0625.
    let values = [1.5625, 1, 0.5625]
    var order: [Int] = []
    let second = FiniteDifference.stencilSum(
      numerators: [1, -2, 1], denominator: 1, spacing: 0.25, derivative: 2
    ) { i in
      order.append(i)
      return values[i]
    }
    #expect(second == 2)
    #expect(order == [0, 1, 2])
    let nan = FiniteDifference.stencilSum(
      numerators: [1, -1], denominator: 2, spacing: 0.5, derivative: 1
    ) { $0 == 0 ? .nan : 1 }
    #expect(nan.isNaN)
    let infinite = FiniteDifference.stencilSum(
      numerators: [1, -1], denominator: 2, spacing: 0.5, derivative: 1
    ) { $0 == 0 ? .infinity : 1 }
    #expect(infinite == .infinity)
  }

  /// A constant function gives exactly 0: the numerators are integers and sum to 0.
  @Test(arguments: Scheme.allCases.filter(\.isStencil))
  func aConstantHasDerivativeZero(scheme: Scheme) {
    for h in [1e-1, 1e-5, 1e-12] {
      #expect(FiniteDifference.derivative(of: { _ in 1e6 }, at: 0.3, step: h, scheme: scheme) == 0)
    }
    // Steps above Float's spacing at 0.3 (3e-8).
    for h: Float in [1e-1, 1e-3, 1e-5] {
      #expect(
        FiniteDifference.derivative(of: { _ in Float(1e6) }, at: 0.3, step: h, scheme: scheme) == 0)
    }
  }

  /// The four callers are one sum: the same bits for an expression the batch evaluates
  /// exactly as the scalar closure does (no `exp`).
  @Test(arguments: Scheme.allCases.filter(\.isStencil))
  func everyCallerGivesTheSameBits(scheme: Scheme) throws {
    let f = try Expression(parsing: "sin(x)*x + 1/(1 + x^2)")
    let g: @Sendable ([Double]) -> Double = f.compiled(variables: ["x"])
    let stencil = try scheme.stencil(derivative: 1)
    let steps = [1e-2, 1e-5, 1e-8, 1e-17]
    let batch = FiniteDifference.derivatives(
      of: BatchEvaluator<Double>(f, variables: ["x"]), at: [0.7], variable: 0, steps: steps,
      stencil: stencil)
    for (s, h) in steps.enumerated() {
      let scalar = FiniteDifference.derivative(of: { g([$0]) }, at: 0.7, step: h, scheme: scheme)
      let general = FiniteDifference.derivative(of: { g([$0]) }, at: 0.7, step: h, stencil: stencil)
      var x = [0.7]
      let gradient = NumericalGradient.compute(of: g, at: &x, step: h, scheme: scheme)[0]
      for other in [general, gradient, batch[s]] {
        #expect(scalar.bitPattern == other.bitPattern || (scalar.isNaN && other.isNaN), "h = \(h)")
      }
    }
  }
}
