import Testing

@testable import Calculus

@Suite("Expression domain")
struct ExpressionDomainTests {
  /// A violation's values, compactly: the subexpressions as printed and the numbers.
  static func summary(_ v: DomainViolation) -> String {
    switch v {
    case .missingVariable(let name): return "missing \(name)"
    case .outsideDomain(let f, let u, let x): return "\(f.rawValue) \(u) \(x)"
    case .divisionByZero(let power, let base): return "zero \(power) \(base)"
    case .negativeBase(let power, let base, let b, let exponent, let e):
      return "negative \(power) \(base) \(b) \(exponent) \(e)"
    }
  }

  static func summary(_ v: NonDifferentiability) -> String {
    switch v {
    case .missingVariable(let name): return "missing \(name)"
    case .function(let f, let u, let x): return "\(f) \(u) \(x)"
    case .powerAtZero(let power, let base): return "power \(power) \(base)"
    }
  }

  @Test(
    "domain violations",
    arguments: [
      ("log(x)", -1.0, "log x -1.0"),
      ("log(x)", 0.0, "log x 0.0"),
      ("sqrt(x)", -2.0, "sqrt x -2.0"),
      ("1 + sqrt(x - 3)", 1.0, "sqrt x - 3 -2.0"),
      ("asin(x)", 1.5, "asin x 1.5"),
      ("acos(2*x)", -0.75, "acos 2*x -1.5"),
      ("1/x", 0.0, "zero 1/x x"),
      ("y/(x - 2)", 2.0, "zero 1/(x - 2) x - 2"),
      ("x^-2", 0.0, "zero 1/x^2 x"),
      ("x^0.5", -4.0, "negative x^0.5 x -4.0 0.5 0.5"),
      ("log(sqrt(x))", -1.0, "sqrt x -1.0"),
    ])
  func domainViolation(_ text: String, _ x: Double, _ expected: String) throws {
    let f = try Expression(parsing: text)
    let violation = try #require(f.domainViolation(at: ["x": x, "y": 1]))
    #expect(Self.summary(violation) == expected)
  }

  @Test(
    "defined points",
    arguments: [
      ("log(x)", 0.5), ("sqrt(x)", 0.0), ("asin(x)", -1.0), ("1/x", 1e-300), ("x^3", -2.0),
      ("x^-2", -3.0), ("abs(x) + relu(x)", 0.0),
    ])
  func defined(_ text: String, _ x: Double) throws {
    #expect(try Expression(parsing: text).domainViolation(at: ["x": x]) == nil)
  }

  @Test(
    "points where the function is not differentiable",
    arguments: [
      ("abs(x)", 0.0, "abs(x) x 0.0"),
      ("relu(x)", 0.0, "relu(x) x 0.0"),
      ("2*relu(x - 1)", 1.0, "relu(x - 1) x - 1 0.0"),
      ("abs(x - 0.1)", 0.1.nextUp, "abs(x - 0.1) x - 0.1 1.3877787807814457e-17"),
      ("sign(x) * x", 0.0, "sign(x) x 0.0"),
      ("step(x)", 0.0, "step(x) x 0.0"),
      ("sqrt(x)", 0.0, "sqrt(x) x 0.0"),
      ("log(x)", 0.0, "log(x) x 0.0"),
      ("asin(x)", 1.0, "asin(x) x 1.0"),
      ("x^(1/3)", 0.0, "power x^(1/3) x"),
    ])
  func nonDifferentiable(_ text: String, _ x: Double, _ expected: String) throws {
    let problem = try #require(try Expression(parsing: text).nonDifferentiability(at: ["x": x]))
    #expect(Self.summary(problem) == expected)
  }

  @Test(
    "differentiable points",
    arguments: [
      ("abs(x)", 1e-6), ("relu(x)", -0.5), ("sqrt(x)", 1.0), ("x^2", 0.0), ("x^1.5", 0.0),
      ("abs(x - 1)", 1 + 1e-9),
    ])
  func differentiable(_ text: String, _ x: Double) throws {
    #expect(try Expression(parsing: text).nonDifferentiability(at: ["x": x]) == nil)
  }

  @Test func missingVariables() throws {
    let f = try Expression(parsing: "x + y")
    #expect(f.domainViolation(at: ["x": 1]) == .missingVariable("y"))
    #expect(f.nonDifferentiability(at: ["y": 1]) == .missingVariable("x"))
  }
}
