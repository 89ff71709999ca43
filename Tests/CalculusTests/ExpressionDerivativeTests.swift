import Testing

@testable import Calculus

@Suite("Expression derivatives")
struct ExpressionDerivativeTests {
  @Test(
    "printed derivatives",
    arguments: [
      ("2*x^2 + 4*exp(x) + 15", "x", "4*x + 4*exp(x)"),
      ("exp(4*x^2)", "x", "8*x*exp(4*x^2)"),
      ("x^2 + 2*x + 1", "x", "2*x + 2"),
      ("2*x^2 + 4*x*y + y^2 + 15", "x", "4*x + 4*y"),
      ("2*x^2 + 4*x*y + y^2 + 15", "y", "4*x + 2*y"),
      ("x^2 + 2*y^2", "x", "2*x"),
      ("x^2 + 2*y^2", "y", "4*y"),
      ("x0^2 + x1^2", "x1", "2*x1"),
      ("sin(x)", "x", "cos(x)"),
      ("cos(x)", "x", "-sin(x)"),
      ("log(x)", "x", "1/x"),
      ("1/x", "x", "-1/x^2"),
      ("x^3 - x", "x", "3*x^2 - 1"),
      ("x*exp(x)", "x", "x*exp(x) + exp(x)"),
      ("exp(-x)", "x", "-exp(-x)"),
      ("2^x", "x", "2^x*log(2)"),
      ("e^x", "x", "e^x"),
      ("abs(x)", "x", "sign(x)"),
      ("relu(2*x)", "x", "2*step(2*x)"),
      ("(x + 1)^2", "x", "2*x + 2"),
      ("x/2", "x", "0.5"),
      ("x/3", "x", "1/3"),
      ("sqrt(x)", "x", "0.5/sqrt(x)"),
    ])
  func printed(_ f: String, _ variable: String, _ expected: String) throws {
    let d = try Expression(parsing: f).derivative(withRespectTo: variable)
    #expect(d.description == expected)
  }

  /// Each function of the language, composed with an inner function, at points of its domain
  /// away from kinks.
  static let functions: [(String, [Double])] = [
    ("exp(2*x)", [-1, 0.3, 1.7]),
    ("log(x^2 + 1)", [-2, 0.4, 3]),
    ("sqrt(1 + x^2)", [-1.5, 0.2, 2]),
    ("sin(3*x)", [-0.7, 0.4, 2.2]),
    ("cos(x^2)", [-1.2, 0.5, 1.3]),
    ("tan(x)", [-1.1, 0.3, 1.4]),
    ("tanh(2*x)", [-0.8, 0.1, 1.2]),
    ("sinh(x)", [-2, 0.5, 3]),
    ("cosh(x/2)", [-2, 0.5, 3]),
    ("asin(x/2)", [-1.5, 0.3, 1.2]),
    ("acos(x/3)", [-2, 0.3, 2.5]),
    ("atan(x^2)", [-1.5, 0.3, 2]),
    ("abs(x - 1)*x", [-1, 0.5, 2]),
    ("sigmoid(2*x)", [-2, 0.3, 1.5]),
    ("relu(x - 1)*x + relu(x)", [-1, 0.5, 2]),
    ("sign(x - 1)*x^2", [-1, 0.5, 2]),
    ("step(x - 1)*x^2", [-1, 0.5, 2]),
    ("pow(x, 3)", [-1.3, 0.5, 2]),
    ("x^-2", [-1.3, 0.5, 2]),
    ("x^x", [0.3, 1, 2.5]),
    ("2^x + x^pi", [0.3, 1, 2.5]),
    ("pow(x^2 + 1, sin(x))", [-1, 0.3, 2]),
    ("x/(1 + x^2) - 3/x", [-1, 0.3, 2]),
    ("e^(x/2) * log(x)", [0.4, 1.5, 3]),
  ]

  @Test("symbolic derivative matches a central difference", arguments: functions)
  func matchesCentralDifference(_ text: String, _ points: [Double]) throws {
    let f = try Expression(parsing: text)
    let df = f.derivative(withRespectTo: "x")
    for x in points {
      let h = 1e-5 * max(1, abs(x))
      let estimate = (f.evaluate(["x": x + h]) - f.evaluate(["x": x - h])) / (2 * h)
      let exact = df.evaluate(["x": x])
      let error = abs(estimate - exact) / max(abs(exact), 1e-3)
      #expect(error < 1e-7, "d/dx \(text) = \(df) at x = \(x): \(exact) vs \(estimate)")
    }
  }

  @Test func partialDerivatives() throws {
    let f = try Expression(parsing: "x^2*y + sin(x*y) - z/y")
    let point: [String: Double] = ["x": 0.7, "y": -1.3, "z": 2.1]
    for variable in ["x", "y", "z"] {
      let d = f.derivative(withRespectTo: variable)
      let h = 1e-5
      var (up, down) = (point, point)
      up[variable]! += h
      down[variable]! -= h
      let estimate = (f.evaluate(up) - f.evaluate(down)) / (2 * h)
      let exact = d.evaluate(point)
      #expect(abs(estimate - exact) <= 1e-7 * abs(exact), "d/d\(variable) = \(d)")
    }
  }

  @Test(
    "higher-order derivatives",
    arguments: [
      ("sin(x)", 5, "cos(x)"),
      ("sin(x)", 4, "sin(x)"),
      ("cos(x)", 2, "-cos(x)"),
      ("exp(2*x)", 3, "8*exp(2*x)"),
      ("x^5", 5, "120"),
      ("x^5", 6, "0"),
      ("log(x)", 3, "2/x^3"),
      ("x^2 + 2*x + 1", 2, "2"),
      ("sqrt(x)", 2, "-0.25/(x*sqrt(x))"),
      ("x^3*y^2", 0, "x^3*y^2"),
    ])
  func higherOrder(_ f: String, _ order: Int, _ expected: String) throws {
    let d = try Expression(parsing: f).derivative(withRespectTo: "x", order: order)
    #expect(d.description == expected)
  }

  @Test func identicallyZero() throws {
    let quadratic = try Expression(parsing: "x^2 + 2*x + 1")
    #expect(quadratic.derivative(withRespectTo: "x", order: 3).isIdenticallyZero)
    #expect(!quadratic.derivative(withRespectTo: "x", order: 2).isIdenticallyZero)
    #expect(try Expression(parsing: "(x + 1) - (x + 1)").isIdenticallyZero)
    #expect(try Expression(parsing: "x*y - y*x").isIdenticallyZero)
    #expect(try Expression(parsing: "x/x - 1").isIdenticallyZero)
    #expect(try !Expression(parsing: "sin(pi)").isIdenticallyZero)
    #expect(try Expression(parsing: "x^2 + 2*y^2").derivative(withRespectTo: "z").isIdenticallyZero)
  }

  /// Higher derivatives of a composite function against iterated central differences of the
  /// previous symbolic derivative.
  @Test("higher derivatives of a composition", arguments: 1...5)
  func higherOrderComposition(_ order: Int) throws {
    let f = try Expression(parsing: "exp(4*x^2) + sigmoid(x)*tanh(x)")
    let previous = f.derivative(withRespectTo: "x", order: order - 1)
    let d = f.derivative(withRespectTo: "x", order: order)
    for x in [-0.4, 0.1, 0.35] {
      let h = 1e-5
      let estimate = (previous.evaluate(["x": x + h]) - previous.evaluate(["x": x - h])) / (2 * h)
      let exact = d.evaluate(["x": x])
      #expect(abs(estimate - exact) <= 1e-7 * max(abs(exact), 1), "order \(order) at \(x): \(d)")
    }
  }
}

@Suite struct ReadableDerivativeTests {
  @Test func theyMatchTheSymbolicDerivativesWithinTheLimit() throws {
    let f = try Expression(parsing: "exp(x)*sin(x^2) + tanh(x)")
    let readable = f.readableDerivatives(withRespectTo: "x", upTo: 3)
    for q in 0...3 { #expect(readable[q] == f.derivative(withRespectTo: "x", order: q)) }
  }

  @Test func nestedFunctionsStopAtTheNodeLimitInsteadOfRunningAway() throws {
    let nested = (0..<60).reduce("x") { text, _ in "sin(\(text))" }
    let f = try Expression(parsing: nested)
    let readable = f.readableDerivatives(withRespectTo: "x", upTo: 3)
    #expect(readable[1] != nil)
    #expect(readable[2] == nil && readable[3] == nil)
    #expect(f.nodeCount(limit: 1_000) == 61)
    #expect(readable[1]!.nodeCount(limit: 10) == 11)
  }
}
