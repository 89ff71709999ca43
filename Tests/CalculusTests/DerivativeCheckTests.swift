import Foundation
import Testing

@testable import Calculus

@Suite struct DerivativeCheckTests {
  @Test(arguments: [Scheme.forward, .backward, .central, .central4])
  func correctDerivativeAgreesAtTheSchemesOrder(_ scheme: Scheme) throws {
    let verdict = try DerivativeCheck.check(
      { x in exp(x) * sin(x) }, derivative: { x in exp(x) * (sin(x) + cos(x)) }, at: 0.7,
      scheme: scheme)
    #expect(verdict.status == .agrees)
    let order = try #require(verdict.fittedOrder)
    #expect(abs(order - Double(scheme.order)) < 0.15)
  }

  @Test(arguments: [1e-3, 1e-6, 1e-8])
  func aWrongDerivativeLevelsOffAtItsError(_ bug: Double) throws {
    let verdict = try DerivativeCheck.check(
      { x in exp(x) * sin(x) }, derivative: { x in exp(x) * (sin(x) + cos(x)) + bug }, at: 0.7)
    #expect(verdict.status == .plateau)
    let level = try #require(verdict.plateau)
    #expect(level > bug / 2 && level < bug * 2)
  }

  @Test func aFactorOfTwoIsAPlateau() throws {
    let verdict = try DerivativeCheck.check(
      { x in x * x * x }, derivative: { x in 6 * x * x }, at: 1.5)
    #expect(verdict.status == .plateau)
    #expect(abs((verdict.plateau ?? 0) - 6.75) < 0.01)
  }

  @Test func anExactStencilAgreesWithoutAnOrder() throws {
    let verdict = try DerivativeCheck.check(
      { x in 3 * x * x }, derivative: { x in 6 * x }, at: 0.25)
    #expect(verdict.status == .agrees)
  }

  @Test func aNonFiniteDerivativeIsNotChecked() throws {
    let verdict = try DerivativeCheck.check({ x in x }, derivative: { _ in .nan }, at: 1)
    #expect(verdict.status == .notChecked)
    #expect(!verdict.passed)
  }

  @Test func singlePrecisionRoundOffIsNoPlateau() throws {
    // f computed in Float: round-off ~ 6e-8 / h; declared single, the correct derivative agrees.
    let verdict = try DerivativeCheck.check(
      { x in Double(Float(exp(Float(x)))) }, derivative: { x in exp(x) }, at: 0.3,
      epsilon: Double(Float.ulpOfOne))
    #expect(verdict.status == .agrees)
  }

  @Test func theGradientNamesTheWrongEntryOnly() throws {
    let f: ([Double]) -> Double = { v in v[0] * v[0] * v[1] + sin(v[2]) }
    let wrong: ([Double]) -> [Double] = { v in [2 * v[0] * v[1], v[0] * v[0] * 1.001, cos(v[2])] }
    let verdict = try DerivativeCheck.checkGradient(f, gradient: wrong, at: [0.5, -1.25, 2])
    #expect(verdict.differing == [1])
    #expect(!verdict.passed)
    let right: ([Double]) -> [Double] = { v in [2 * v[0] * v[1], v[0] * v[0], cos(v[2])] }
    #expect(try DerivativeCheck.checkGradient(f, gradient: right, at: [0.5, -1.25, 2]).passed)
  }

  @Test func judgementOnSyntheticCurves() {
    let steps = (0..<40).map { pow(10, -0.25 * Double($0) - 1) }
    let floors = steps.map { 1e-16 / $0 }
    let correct = steps.map { $0 * $0 + 1e-16 / $0 }
    let v = DerivativeAgreement.judge(
      steps: steps, errors: correct, floors: floors, expectedOrder: 2, tolerance: 0.15)
    #expect(v.status == .agrees)
    let wrong = steps.map { $0 * $0 + 1e-16 / $0 + 1e-7 }
    let w = DerivativeAgreement.judge(
      steps: steps, errors: wrong, floors: floors, expectedOrder: 2, tolerance: 0.15)
    #expect(w.status == .plateau)
    let firstOrder = DerivativeAgreement.judge(
      steps: steps, errors: steps.map { $0 + 1e-16 / $0 }, floors: floors, expectedOrder: 2,
      tolerance: 0.15)
    #expect(firstOrder.status == .wrongOrder)
  }
}

@Suite struct DerivativeKinkTests {
  @Test func aKinkNearThePointIsNoPlateau() throws {
    // relu(x - 0.301) + sin x at 0.3: steps above 1e-3 cross the kink and level off at about
    // 1/2; below it the differences converge to cos x.
    let verdict = try DerivativeCheck.check(
      { x in max(0, x - 0.301) + sin(x) }, derivative: { x in cos(x) }, at: 0.3)
    #expect(verdict.status != .plateau)
  }
}
