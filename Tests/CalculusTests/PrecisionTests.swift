import RealModule
import Testing

@testable import Calculus

/// The test target has its own `Precision` (FiniteDifferenceTests); this file tests Calculus'.
private typealias Format = Calculus.Precision

@Suite struct PrecisionTests {
  struct Bits: PrecisionWork {
    func run<T: Real & BinaryFloatingPoint>(_: T.Type) -> Int { T.significandBitCount }
  }

  @Test func withTypeRunsTheFormatOfEachPrecision() {
    #expect(Format.half.withType(Bits()) == 10)
    #expect(Format.single.withType(Bits()) == 23)
    #expect(Format.double.withType(Bits()) == 52)
    #expect(Format.double.label == "double (Double)")
    #expect(Format.half.label == "half (Float16)")
    #expect(Format.single.epsilon == Double(Float.ulpOfOne))
    #expect(Format.half.leastNormalMagnitude == Double(Float16.leastNormalMagnitude))
    #expect(Format.half.rounded([0.1]) == [Double(Float16(0.1))])
    #expect(Format.double.rounded([0.1]) == [0.1])
    #if arch(x86_64)
      #expect(Format.extended.withType(Bits()) == 63)
      #expect(Format.extended.label == "extended (Float80)")
      #expect(Format.extended.leastNormalMagnitude == Double.leastNormalMagnitude)
      #expect(Format.extended.rounded([0.1]) == [0.1])
    #endif
  }

  @Test func adaptiveRunsFromSinglePrecisionUp() throws {
    #expect(!Format.half.supportsAdaptive && Format.single.supportsAdaptive)
    let f = try Expression(parsing: "sin(x)")
    let a = Format.double.adaptiveDerivative(of: f, variable: "x", at: 0.5)
    #expect(Swift.abs(a.value - Double.cos(0.5)) <= 1e-13)
    #expect(Format.half.value(of: f, variable: "x", at: 0.5) == Double(Float16.sin(Float16(0.5))))
  }

  @Test func correctDigitsAreClampedToTheFormat() {
    let double = Format.double
    #expect(double.correctDigits(estimate: 1, exact: 1, error: 0) == double.digitsCap)
    #expect(Swift.abs(double.correctDigits(estimate: 2.002, exact: 2, error: 2e-3)! - 3) <= 1e-12)
    #expect(Swift.abs(double.correctDigits(estimate: 1e-5, exact: 0, error: 1e-5)! - 5) <= 1e-12)
    #expect(double.correctDigits(estimate: 1e3, exact: 1, error: 999) == 0)
    #expect(double.correctDigits(estimate: .nan, exact: 1, error: .nan) == 0)
    #expect(double.correctDigits(estimate: 1, exact: .infinity, error: 1) == nil)
    #expect(Swift.abs(Format.single.digitsCap - 7.22) <= 0.01)
  }

  @Test func stepChoiceFollowsThePrediction() throws {
    let stencil = try Scheme.central.stencil(derivative: 1)
    // exp at 1: the prediction balances h^2 against round-off.
    let e = Double.exp(1.0)
    let predicted = Taylor.predict(
      stencil: stencil, derivatives: Array(repeating: e, count: 16), identicallyZeroFrom: nil,
      epsilon: Double.ulpOfOne)
    let chosen = StepChoice(
      scheme: .central, prediction: predicted, at: 1, precision: Format.double)
    #expect(chosen.rule == .predictedBest && chosen.step == predicted.bestStep)
    // x^2: central is exact, the step is large.
    let exact = Taylor.predict(
      stencil: stencil, derivatives: [1, 2, 2] + Array(repeating: 0, count: 13),
      identicallyZeroFrom: 3, epsilon: Double.ulpOfOne)
    let large = StepChoice(scheme: .central, prediction: exact, at: 4, precision: Format.double)
    #expect(large.rule == .large && large.step == 0.5)
    let tiny = StepChoice(scheme: .complexStep, prediction: exact, at: 0, precision: Format.half)
    #expect(tiny.rule == .tiny)
    #expect(tiny.step == Double(Float16.leastNormalMagnitude).squareRoot())
  }

  @Test func disagreementFindsTheFirstProbeOff() throws {
    let f = try Expression(parsing: "x^3")
    let symbolic = f.derivative(withRespectTo: "x")
    #expect(
      symbolic.disagreement(with: try Expression(parsing: "3*x^2"), variable: "x", at: [1, 2])
        == nil)
    // Right at x = 1 only: caught at 1 + 1/8.
    let wrong = try Expression(parsing: "3*x")
    let found = try #require(symbolic.disagreement(with: wrong, variable: "x", at: [1]))
    #expect(found.argument == 1.125 && found.value == 3 * 1.125 * 1.125 && found.other == 3.375)
    // Both NaN at -1 and its probes: skipped.
    let root = try Expression(parsing: "sqrt(x)")
    #expect(root.disagreement(with: try Expression(parsing: "x"), variable: "x", at: [-1]) == nil)
  }
}
