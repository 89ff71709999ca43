import ComplexModule
import Testing

@testable import Calculus

/// The complex step `Im f(x + ih)/h` of every function the language evaluates in complex
/// arithmetic, against the derivative from Taylor-mode arithmetic in `Float80`: with a tiny h
/// it has no truncation and no cancellation, so it must carry double's full accuracy.
@Suite struct ComplexStepAccuracyTests {
  static let functions = [
    "exp(x)", "log(x)", "sqrt(x)", "sin(x)", "cos(x)", "tan(x)", "tanh(x)", "sinh(x)", "cosh(x)",
    "atan(x)", "sigmoid(x)", "x^3", "x^-2", "x^2.5", "2^x", "asin(x/4)", "acos(x/4)",
    "exp(sin(x))*tanh(x)/(1 + x^2)",
  ]

  @Test(arguments: functions)
  func fullAccuracyInDouble(_ text: String) throws {
    let f = try Expression(parsing: text)
    let g: @Sendable ([Complex<Double>]) -> Complex<Double> = f.compiledComplex(variables: ["x"])
    for x in [0.3, 0.7, 1.5, 3.0, -2.5] where f.domainViolation(at: ["x": x]) == nil {
      let exact = Double(f.derivatives(withRespectTo: "x", at: ["x": Float80(x)], upTo: 1)[1])
      let estimate = FiniteDifference.complexStep(of: { g([$0]) }, at: x, step: 1e-20)
      let relative = abs(estimate - exact) / abs(exact)
      #expect(relative <= 8 * Double.ulpOfOne, "\(text) at \(x): \(estimate) vs \(exact)")
    }
  }

  @Test func tanhAtThreeIsExactToTheLastDigits() {
    let estimate = FiniteDifference.complexStep(
      of: { ComplexKernel<Double>.tanh($0) }, at: 3.0, step: 1e-20)
    let exact = 1 / (Double.cosh(3) * Double.cosh(3))
    #expect(abs(estimate - exact) <= 2 * exact.ulp)
    // Far out, where cosh 2x would overflow: tanh is ±1 and its derivative 4 exp(-2|x|).
    let far = ComplexKernel<Double>.tanh(Complex(40, 1e-20))
    #expect(far.real == 1 && far.imaginary > 0 && far.imaginary.isFinite)
  }
}
