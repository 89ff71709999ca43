import RealModule
import Testing

@testable import Calculus

@Suite struct TaylorSeriesTests {
  /// The catalogue's functions as expressions.
  static func expression(_ function: Smooth) throws -> Expression {
    try Expression(parsing: function.testDescription)
  }

  /// Relative difference, against the largest derivative magnitude up to that order when the
  /// value itself is near zero (sin's even derivatives at a point near pi, say).
  static func gap(_ a: Double, _ b: Double, scale: Double) -> Double {
    Swift.abs(a - b) / Swift.max(Swift.abs(b), 1e-3 * scale)
  }

  @Test(arguments: Smooth.allCases)
  func taylorDerivativesMatchTheSymbolicOnes(_ function: Smooth) throws {
    let f = try Self.expression(function)
    var symbolic = [f]
    for _ in 0..<6 { symbolic.append(symbolic.last!.derivative(withRespectTo: "x")) }
    for x in function.points {
      let env: [String: Float80] = ["x": Float80(x)]
      let taylor = f.derivatives(withRespectTo: "x", at: env, upTo: 6).map(Double.init)
      let exact = symbolic.map { Double($0.evaluate(env) as Float80) }
      let scale = exact.map { Swift.abs($0) }.max()!
      for k in 0...6 {
        #expect(Self.gap(taylor[k], exact[k], scale: scale) <= 1e-15, "f^(\(k)) at \(x)")
      }
    }
  }

  @Test(arguments: Smooth.allCases)
  func taylorDerivativesMatchClosedFormsToOrderTwelve(_ function: Smooth) throws {
    let f = try Self.expression(function)
    for x in function.points {
      let taylor = f.derivatives(withRespectTo: "x", at: ["x": Float80(x)], upTo: 12)
        .map(Double.init)
      let exact = function.derivatives(at: Float80(x), count: 13)
      let scale = exact.map { Swift.abs($0) }.max()!
      for k in 0...12 {
        #expect(Self.gap(taylor[k], exact[k], scale: scale) <= 1e-15, "f^(\(k)) at \(x)")
      }
    }
  }

  @Test(arguments: [
    "tan(x)", "tanh(x)", "atan(x)", "asin(x)", "acos(x)", "sigmoid(x)", "sqrt(1+x)", "x^x",
    "cosh(x)*sinh(x)", "2^x", "(1+x)^3.5", "log(2+cos(x))/x",
  ])
  func everyFunctionMatchesTheSymbolicDerivatives(_ text: String) throws {
    let f = try Expression(parsing: text)
    var symbolic = [f]
    for _ in 0..<5 { symbolic.append(symbolic.last!.derivative(withRespectTo: "x")) }
    let env: [String: Float80] = ["x": 0.375]
    let taylor = f.derivatives(withRespectTo: "x", at: env, upTo: 5).map(Double.init)
    let exact = symbolic.map { Double($0.evaluate(env) as Float80) }
    let scale = exact.map { Swift.abs($0) }.max()!
    for k in 0...5 {
      #expect(Self.gap(taylor[k], exact[k], scale: scale) <= 1e-15, "\(text): f^(\(k))")
    }
  }

  @Test func directionalSeriesGivesMixedPartials() throws {
    let f = try Expression(parsing: "x^2*y^3 + sin(x*y)")
    let env: [String: Float80] = ["x": 0.5, "y": -1.25]
    // (D_u^2 - D_v^2)/4 along u = e_x + e_y, v = e_x - e_y is f_xy.
    let u = f.taylorCoefficients(at: env, direction: ["x": 1, "y": 1], order: 2)
    let v = f.taylorCoefficients(at: env, direction: ["x": 1, "y": -1], order: 2)
    let mixed = Double((u[2] - v[2]) * 2 / 4)
    let symbolic = f.derivative(withRespectTo: "x").derivative(withRespectTo: "y")
    let exact = Double(symbolic.evaluate(env) as Float80)
    #expect(Swift.abs(mixed - exact) <= 1e-15 * Swift.abs(exact))
  }

  @Test func nestedCompositionMatchesTheSymbolicDerivatives() throws {
    let f = try Expression(parsing: "exp(sin(exp(sin(x))))")
    var symbolic = [f]
    for _ in 0..<4 { symbolic.append(symbolic.last!.derivative(withRespectTo: "x")) }
    let env: [String: Float80] = ["x": 0.7]
    let taylor = f.derivatives(withRespectTo: "x", at: env, upTo: 4).map(Double.init)
    for k in 0...4 {
      let exact = Double(symbolic[k].evaluate(env) as Float80)
      #expect(Swift.abs(taylor[k] - exact) <= 1e-15 * Swift.abs(exact), "f^(\(k))")
    }
  }

  @Test(arguments: [
    ("x^3 - 2*x + 1", 3), ("(x+1)^2*(x-1)", 3), ("5", 0), ("y*x^4/3", 4), ("exp(y)*x", 1),
    ("x^2 - x^2", 2),
  ])
  func polynomialDegreeBoundsTheVanishingDerivatives(_ text: String, _ degree: Int) throws {
    let f = try Expression(parsing: text)
    #expect(f.polynomialDegree(in: ["x"]) == degree)
    #expect(f.derivativeVanishesIdentically(withRespectTo: "x", order: degree + 1))
    #expect(!f.derivativeVanishesIdentically(withRespectTo: "x", order: degree) || degree == 0)
  }

  @Test(arguments: ["exp(x)", "x^2.5", "sin(x)^2", "x^y", "1/x", "sqrt(x)"])
  func nonPolynomialsHaveNoDegree(_ text: String) throws {
    let f = try Expression(parsing: text)
    #expect(f.polynomialDegree(in: ["x"]) == nil)
    #expect(!f.derivativeVanishesIdentically(withRespectTo: "x", order: 12))
  }

  @Test func polynomialTaylorCoefficientsVanishExactlyPastTheDegree() throws {
    let f = try Expression(parsing: "x^3 - 2*x + 1")
    let d = f.derivatives(withRespectTo: "x", at: ["x": 1.5 as Double], upTo: 8)
    #expect(d[3] == 6)
    #expect(d[4...].allSatisfy { $0 == 0 })
  }

  /// Symbolic f' of a 600-term sum stays linear in size (no swell): printing it is cheap.
  @Test func firstDerivativeOfSixHundredTermsDoesNotSwell() throws {
    let terms = (1...600).map { k in "\(k % 7 + 1)*sin(\(k)*x)*exp(x/\(k))" }
    let f = try Expression(parsing: terms.joined(separator: " + "))
    let df = f.derivative(withRespectTo: "x")
    let size = Self.nodeCount(f)
    let derivativeSize = Self.nodeCount(df)
    #expect(derivativeSize <= 4 * size)
    #expect(df.description.count <= 5 * f.description.count)
  }

  static func nodeCount(_ e: Expression) -> Int {
    1 + e.children.reduce(0) { $0 + nodeCount($1) }
  }
}
