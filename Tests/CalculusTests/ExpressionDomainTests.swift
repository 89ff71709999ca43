import Testing

@testable import Calculus

@Suite("Expression domain")
struct ExpressionDomainTests {
  @Test(
    "domain violations",
    arguments: [
      ("log(x)", -1.0, "log(x) needs x > 0, got x = -1"),
      ("log(x)", 0.0, "log(x) needs x > 0, got x = 0"),
      ("sqrt(x)", -2.0, "sqrt(x) needs x >= 0, got x = -2"),
      ("1 + sqrt(x - 3)", 1.0, "sqrt(x - 3) needs x - 3 >= 0, got x - 3 = -2"),
      ("asin(x)", 1.5, "asin(x) needs -1 <= x <= 1, got x = 1.5"),
      ("acos(2*x)", -0.75, "acos(2*x) needs -1 <= 2*x <= 1, got 2*x = -1.5"),
      ("1/x", 0.0, "division by zero in 1/x: x = 0"),
      ("y/(x - 2)", 2.0, "division by zero in 1/(x - 2): x - 2 = 0"),
      ("x^-2", 0.0, "division by zero in 1/x^2: x = 0"),
      ("x^0.5", -4.0, "x^0.5 needs x >= 0 or an integer exponent, got x = -4, 0.5 = 0.5"),
      ("log(sqrt(x))", -1.0, "sqrt(x) needs x >= 0, got x = -1"),
    ])
  func domainViolation(_ text: String, _ x: Double, _ message: String) throws {
    let f = try Expression(parsing: text)
    #expect(f.domainViolation(at: ["x": x, "y": 1]) == message)
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
      ("abs(x)", 0.0, "abs(x) is not differentiable at x = 0"),
      ("relu(x)", 0.0, "relu(x) is not differentiable at x = 0"),
      ("2*relu(x - 1)", 1.0, "relu(x - 1) is not differentiable at x - 1 = 0"),
      (
        "abs(x - 0.1)", 0.1.nextUp,
        "abs(x - 0.1) is not differentiable at x - 0.1 = 1.3877787807814457e-17"
      ),
      ("sign(x) * x", 0.0, "sign(x) is not differentiable at x = 0"),
      ("step(x)", 0.0, "step(x) is not differentiable at x = 0"),
      ("sqrt(x)", 0.0, "sqrt(x) is not differentiable at x = 0"),
      ("log(x)", 0.0, "log(x) is not differentiable at x = 0"),
      ("asin(x)", 1.0, "asin(x) is not differentiable at x = 1"),
      ("x^(1/3)", 0.0, "x^(1/3) is not differentiable at x = 0"),
    ])
  func nonDifferentiable(_ text: String, _ x: Double, _ message: String) throws {
    #expect(try Expression(parsing: text).nonDifferentiability(at: ["x": x]) == message)
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
    #expect(f.domainViolation(at: ["x": 1]) == "no value for the variable 'y'")
    #expect(f.nonDifferentiability(at: ["y": 1]) == "no value for the variable 'x'")
  }
}
