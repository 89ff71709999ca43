import Foundation
import RealModule
import Testing
import Yams

@testable import Calculus

/// One function/point pair of Experiments/accuracy-methods.yaml.
struct AccuracyCase: Sendable, CustomTestStringConvertible {
  var text: String
  var x: Double

  var testDescription: String { "\(text) at \(x)" }

  /// The cases of the shipped accuracy experiment, read from the file the Harness and
  /// `make compare` read.
  static let shipped: [AccuracyCase] = {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Experiments/accuracy-methods.yaml")
    guard let text = try? String(contentsOf: url, encoding: .utf8),
      let spec = try? Yams.load(yaml: text) as? [String: Any],
      let cases = spec["cases"] as? [[String: Any]]
    else { return [] }
    return cases.flatMap { item -> [AccuracyCase] in
      let points = item["at"] as? [Any] ?? [item["at"] as Any]
      return points.map { AccuracyCase(text: item["f"] as? String ?? "", x: number($0)) }
    }
  }()

  /// A point of the file: a YAML number or a constant expression.
  private static func number(_ value: Any) -> Double {
    if let n = value as? Double { return n }
    if let n = value as? Int { return Double(n) }
    let text = value as? String ?? "nan"
    return (try? Expression(parsing: text).evaluate([String: Double]())) ?? .nan
  }
}

@Suite("Adaptive derivative")
struct AdaptiveDerivativeTests {
  /// Runs the adaptive derivative of an expression in `T`; returns the result and the exact
  /// derivative (the symbolic one evaluated in Float80).
  static func run<T: Real & BinaryFloatingPoint>(
    _ text: String, at x: T, initialStep: T? = nil, cap: Int = 64
  ) throws -> (AdaptiveDerivative.Estimate<T>, Float80) {
    let e = try Expression(parsing: text)
    let f: @Sendable ([T]) -> T = e.compiled(variables: ["x"])
    let df: @Sendable ([Float80]) -> Float80 =
      e.derivative(withRespectTo: "x").compiled(variables: ["x"])
    let result = AdaptiveDerivative.derivative(
      of: { f([$0]) }, at: x, initialStep: initialStep, maximumEvaluations: cap)
    return (result, df([Float80(x)]))
  }

  @Test("The shipped case set has at least 30 pairs")
  func caseSetSize() {
    #expect(AccuracyCase.shipped.count >= 30)
    #expect(AccuracyCase.shipped.allSatisfy { $0.x.isFinite && !$0.text.isEmpty })
  }

  @Test(
    "The error estimate covers the true error, with at least 10 digits",
    arguments: AccuracyCase.shipped)
  func coversTrueError(_ item: AccuracyCase) throws {
    let (result, exact) = try Self.run(item.text, at: item.x)
    let error = abs(Float80(result.value) - exact)
    #expect(result.status == .converged)
    #expect(Float80(result.errorEstimate) >= error)
    // Relative error, absolute where f'(x) = 0.
    #expect(error <= 1e-10 * max(abs(exact), exact == 0 ? 1 : 0))
    #expect(result.evaluations <= AdaptiveDerivative.defaultMaximumEvaluations)
  }

  static let polynomials: [(String, [Double])] = [
    ("3*x^2 - 2*x + 5", [2, -0.75, 0]), ("x^2 + 2*x + 1", [-1, 2]),
    ("x^3 - 3*x", [0, 1, 1.5]), ("4*x - 7", [0.5, 10]),
  ]

  /// Exact up to the round-off floor `eps * |f(x)| / h`: the first extrapolation column is
  /// exact on cubics.
  func polynomialsAreExact<T: Real & BinaryFloatingPoint>(_: T.Type) throws {
    for (text, points) in Self.polynomials {
      for x in points {
        let (result, exact) = try Self.run(text, at: T(x))
        let fx = try Expression(parsing: text).evaluate(["x": Float80(x)])
        let eps = Float80(T.ulpOfOne)
        let tolerance = 4 * eps * (abs(fx) / Float80(result.step) + abs(exact)) + eps
        #expect(abs(Float80(result.value) - exact) <= tolerance, "\(text) at \(x)")
        #expect(result.status == .converged)
        #expect(result.evaluations <= 9, "\(text) at \(x): \(result.evaluations)")
      }
    }
  }

  @Test("Polynomials of degree up to 3 are exact in Float, Double and Float80")
  func polynomialsExact() throws {
    try polynomialsAreExact(Float.self)
    try polynomialsAreExact(Double.self)
    try polynomialsAreExact(Float80.self)
  }

  @Test("Smooth functions reach their precision's digits", arguments: ["exp(x)", "sin(x)"])
  func precisions(_ text: String) throws {
    let (single, exactSingle) = try Self.run(text, at: Float(0.7))
    #expect(abs(Float80(single.value) - exactSingle) <= 1e-5 * abs(exactSingle))
    let (extended, exactExtended) = try Self.run(text, at: Float80(0.7))
    #expect(abs(extended.value - exactExtended) <= 1e-16 * abs(exactExtended))
    #expect(extended.errorEstimate >= abs(extended.value - exactExtended))
  }

  @Test("Only single precision and wider are supported")
  func supportedPrecisions() {
    #expect(AdaptiveDerivative.supports(Float.self))
    #expect(AdaptiveDerivative.supports(Double.self))
    #expect(AdaptiveDerivative.supports(Float80.self))
    #expect(!AdaptiveDerivative.supports(Float16.self))
  }
}

@Suite("Adaptive derivative: edges, caps and statuses")
struct AdaptiveDerivativeEdgeTests {
  @Test(
    "A central step that leaves the domain falls back to one side",
    arguments: [("sqrt(x)", 1e-4, 1e-3), ("1/x", 1e-3, 1e-3), ("log(x)", 0.01, 1.0)])
  func oneSidedFallback(_ text: String, _ x: Double, _ step: Double) throws {
    let (result, exact) = try AdaptiveDerivativeTests.run(text, at: x, initialStep: step)
    #expect(result.stencil == .forward)
    #expect(result.status == .converged)
    let error = abs(Float80(result.value) - exact)
    #expect(error <= 1e-8 * abs(exact))
    #expect(Float80(result.errorEstimate) >= error)
  }

  @Test(
    "Extreme points and magnitudes: the error estimate still covers",
    arguments: [
      ("sin(x)", 1e10), ("exp(x)", 700), ("exp(x)", -700), ("x^2", 1e-300),
      ("log(x)", 1e4), ("exp(-1/x^2)", 0.1), ("5 + 0*x", 3),
    ])
  func extremes(_ text: String, _ x: Double) throws {
    let (result, exact) = try AdaptiveDerivativeTests.run(text, at: x)
    let error = abs(Float80(result.value) - exact)
    #expect(result.status == .converged)
    #expect(Float80(result.errorEstimate) >= error)
    #expect(result.evaluations <= 32)
  }

  @Test("At a domain edge above the point the steps go backward")
  func backwardAtUpperEdge() throws {
    let (result, exact) = try AdaptiveDerivativeTests.run("sqrt(1 - x)", at: 0.9999)
    #expect(result.stencil == .backward)
    #expect(abs(Float80(result.value) - exact) <= 1e-10 * abs(exact))
  }

  @Test("The evaluation count is the number of calls and never exceeds the cap")
  func evaluationsBounded() {
    let functions: [(Double) -> Double] = [
      { abs($0) }, { Double.tan($0) }, { ($0 - 1).squareRoot() }, { $0 > 0 ? 1 : -1 },
    ]
    for (i, f) in functions.enumerated() {
      for cap in [3, 4, 7, 20, 64] {
        var calls = 0
        let counted: (Double) -> Double = {
          calls += 1
          return f($0)
        }
        let x = i == 1 ? 1.57 : 1e-9
        let result = AdaptiveDerivative.derivative(of: counted, at: x, maximumEvaluations: cap)
        #expect(result.evaluations == calls)
        #expect(calls <= cap, "function \(i), cap \(cap)")
      }
    }
  }

  @Test("A cap too small to converge is reported")
  func capReported() {
    let result = AdaptiveDerivative.derivative(
      of: { Double.tan($0) }, at: 1.57, maximumEvaluations: 7)
    #expect(result.status == .capReached)
    #expect(result.evaluations <= 7)
  }

  @Test("At a kink the error estimate spans the one-sided slopes", arguments: [0.0, 1.0])
  func kink(_ x: Double) {
    // |x - x0| has one-sided slopes -1 and 1 at x0.
    let result = AdaptiveDerivative.derivative(of: { abs($0 - x) }, at: x)
    #expect(abs(result.value) <= 1e-12)
    #expect(result.errorEstimate >= 1)
    #expect(result.evaluations <= AdaptiveDerivative.defaultMaximumEvaluations)
  }

  @Test("f not finite at the point: one evaluation, no value")
  func nonFiniteAtPoint() {
    let result = AdaptiveDerivative.derivative(of: { Double.log($0) }, at: 0)
    #expect(result.status == .nonFiniteAtPoint)
    #expect(result.evaluations == 1)
    #expect(result.value.isNaN)
  }

  @Test("f finite only at the point: no finite evaluations")
  func nonFiniteOnBothSides() throws {
    // sqrt(-x^2) is 0 at 0 and NaN at every other point.
    let (result, _) = try AdaptiveDerivativeTests.run("sqrt(-(x^2))", at: 0.0)
    #expect(result.status == .noFiniteEvaluations)
    #expect(result.value.isNaN)
    #expect(result.errorEstimate == .infinity)
    #expect(result.evaluations <= AdaptiveDerivative.defaultMaximumEvaluations)
  }
}
