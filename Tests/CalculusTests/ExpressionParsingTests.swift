import Testing

@testable import Calculus

@Suite("Expression parsing")
struct ExpressionParsingTests {
  /// A mistake, where it must be reported, and a fragment its message must contain.
  struct Mistake: CustomTestStringConvertible, Sendable {
    var text: String
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { "\"\(text)\"" }
  }

  static let mistakes: [Mistake] = [
    Mistake(text: "x $ 2", line: 1, column: 3, message: "unexpected character '$'"),
    Mistake(text: "(x + 1", line: 1, column: 1, message: "'(' is never closed"),
    Mistake(text: "sin(x + (y)", line: 1, column: 4, message: "'(' is never closed"),
    Mistake(text: "x + 1)", line: 1, column: 6, message: "')' has no matching '('"),
    Mistake(text: "x +", line: 1, column: 4, message: "missing operand after '+'"),
    Mistake(text: "x * * y", line: 1, column: 5, message: "missing operand after '*', found '*'"),
    Mistake(text: "()", line: 1, column: 2, message: "missing operand after '('"),
    Mistake(text: "*x", line: 1, column: 1, message: "missing operand before '*'"),
    Mistake(
      text: "sinn(x)", line: 1, column: 1, message: "unknown function 'sinn' (did you mean 'sin'?)"),
    Mistake(
      text: "2*sqr(x)", line: 1, column: 3, message: "unknown function 'sqr' (did you mean 'sqrt'?)"
    ),
    Mistake(text: "x + Exp(x)", line: 1, column: 5, message: "(did you mean 'exp'?)"),
    Mistake(
      text: "foo(x)", line: 1, column: 1, message: "unknown function 'foo'; the functions are"),
    Mistake(text: "pi(2)", line: 1, column: 1, message: "'pi' is a constant, not a function"),
    Mistake(text: "1 + sin(x, y)", line: 1, column: 5, message: "'sin' takes 1 argument, got 2"),
    Mistake(text: "pow(x)", line: 1, column: 1, message: "'pow' takes 2 arguments, got 1"),
    Mistake(text: "exp()", line: 1, column: 1, message: "'exp' takes 1 argument, got 0"),
    Mistake(text: "sin x", line: 1, column: 1, message: "function 'sin' needs parentheses"),
    Mistake(text: "2x", line: 1, column: 2, message: "expected an operator before 'x'"),
    Mistake(text: "2e", line: 1, column: 2, message: "expected an operator before 'e'"),
    Mistake(text: "(x y)", line: 1, column: 4, message: "expected an operator before 'y'"),
    Mistake(text: "x, y", line: 1, column: 2, message: "unexpected ','"),
    Mistake(text: "1.5.2", line: 1, column: 4, message: "expected an operator before '.2'"),
    Mistake(text: "1e999", line: 1, column: 1, message: "number '1e999' is out of range"),
    Mistake(text: "", line: 1, column: 1, message: "empty expression"),
    Mistake(
      text: "x^2 +\n  3*y +\n    # 1", line: 3, column: 5, message: "unexpected character '#'"),
    Mistake(
      text: "x^2 +\n  exq(y)", line: 2, column: 3,
      message: "unknown function 'exq' (did you mean 'exp'?)"),
    Mistake(text: "x +\n", line: 2, column: 1, message: "missing operand after '+'"),
    // A binary operator needs its operand; there is no unary plus.
    Mistake(text: "2*x^ + 1", line: 1, column: 6, message: "missing operand after '^', found '+'"),
    Mistake(text: "x*+y", line: 1, column: 3, message: "missing operand after '*', found '+'"),
    Mistake(text: "+x", line: 1, column: 1, message: "unary '+' is not accepted; remove it"),
    Mistake(text: "sin(+x)", line: 1, column: 5, message: "unary '+' is not accepted"),
    Mistake(text: "x^-", line: 1, column: 4, message: "missing operand after '-'"),
    // Look-alikes of the language's operators and constants.
    Mistake(
      text: "x²", line: 1, column: 2,
      message: "superscript '²' is not accepted (did you mean '^2'?)"),
    Mistake(
      text: "3*x⁻¹⁰ + 1", line: 1, column: 4,
      message: "superscript '⁻¹⁰' is not accepted (did you mean '^-10'?)"),
    Mistake(
      text: "2×x", line: 1, column: 2,
      message: "'×' (U+00D7 MULTIPLICATION SIGN) is not accepted (did you mean '*'?)"),
    Mistake(
      text: "2·x", line: 1, column: 2,
      message: "(U+00B7 MIDDLE DOT) is not accepted (did you mean '*'?)"),
    Mistake(text: "2⋅x", line: 1, column: 2, message: "(did you mean '*'?)"),
    Mistake(
      text: "x ÷ 2", line: 1, column: 3,
      message: "'÷' (U+00F7 DIVISION SIGN) is not accepted (did you mean '/'?)"),
    Mistake(
      text: "x − 1", line: 1, column: 3,
      message: "'−' (U+2212 MINUS SIGN) is not accepted (did you mean '-'?)"),
    Mistake(
      text: "x – 1", line: 1, column: 3,
      message: "(U+2013 EN DASH) is not accepted (did you mean '-'?)"),
    Mistake(
      text: "x**2", line: 1, column: 2, message: "'**' is not an operator here (did you mean '^'?)"),
    Mistake(
      text: "2*π", line: 1, column: 3,
      message: "(U+03C0 GREEK SMALL LETTER PI) is not accepted (did you mean 'pi'?)"),
    Mistake(
      text: "x₁ + 1", line: 1, column: 2,
      message: "subscript '₁' is not accepted (did you mean 'x1'?)"),
    Mistake(text: "ｘ + 1", line: 1, column: 1, message: "(did you mean 'x'?)"),
    Mistake(text: "x ＋ 1", line: 1, column: 3, message: "(did you mean '+'?)"),
    Mistake(text: "𝑥^2", line: 1, column: 1, message: "(did you mean 'x'?)"),
    Mistake(text: "xˆ2", line: 1, column: 2, message: "(did you mean '^'?)"),
    Mistake(text: "√x", line: 1, column: 1, message: "(did you mean 'sqrt(...)'?)"),
    Mistake(text: "x\u{200B}+ 1", line: 1, column: 2, message: "delete this invisible character"),
    Mistake(text: "x + \u{7}", line: 1, column: 5, message: "unexpected character (U+0007"),
    Mistake(
      text: "x + 1٣", line: 1, column: 6,
      message: "unexpected character '٣' (U+0663 ARABIC-INDIC DIGIT THREE)"),
    Mistake(text: "é\u{301}", line: 1, column: 1, message: "unexpected character"),
  ]

  @Test("errors name the exact line and column", arguments: mistakes)
  func errorPosition(_ mistake: Mistake) throws {
    let error = #expect(throws: ExpressionError.self) { try Expression(parsing: mistake.text) }
    let e = try #require(error)
    #expect(e.line == mistake.line)
    #expect(e.column == mistake.column)
    #expect(e.message.contains(mistake.message), "\(e.message)")
    #expect(e.description == "\(e.line):\(e.column): \(e.message)")
  }

  @Test(
    "precedence and associativity",
    arguments: [
      ("-x^2", "-(x^2)"), ("2^-1", "2^(-1)"), ("2^3^2", "2^(3^2)"), ("-2^2", "-(2^2)"),
      ("a - b - c", "(a - b) - c"), ("a / b / c", "(a / b) / c"), ("a - -b", "a - (-b)"),
      ("2*x^2 + 4*exp(x) + 15", "(2*(x^2)) + (4*exp(x)) + 15"), ("pow(x, y)", "x^y"),
      ("a*-b", "a*(-b)"), ("e^x", "(e)^x"), ("--x", "x"), ("2^-x^2", "2^(-(x^2))"),
    ])
  func precedence(_ text: String, _ explicit: String) throws {
    let a = try Expression(parsing: text)
    let b = try Expression(parsing: explicit)
    let point: [String: Double] = ["x": 1.3, "y": 0.7, "a": 2.5, "b": -1.25, "c": 3.75]
    let (va, vb) = (a.evaluate(point), b.evaluate(point))
    #expect(abs(va - vb) <= 1e-15 * abs(vb), "\(text): \(va) vs \(explicit): \(vb)")
  }

  @Test(
    "numbers",
    arguments: [
      ("1e-3", 1e-3), (".5", 0.5), ("2", 2), ("5.", 5), ("1.5E+2", 150),
      ("0.25e1", 2.5),
    ])
  func numbers(_ text: String, _ value: Double) throws {
    #expect(try Expression(parsing: text).evaluate([String: Double]()) == value)
  }

  @Test func variablesAreAnyIdentifier() throws {
    let f = try Expression(parsing: "x0^2 + x1*y_2 - pi*e*z + sin(w)")
    #expect(f.variables == ["x0", "x1", "y_2", "z", "w"])
  }

  @Test func namesAreLettersDigitsAndUnderscores() throws {
    let f = try Expression(parsing: "가격^2 + 속도_1*θ - _a")
    #expect(f.variables == ["가격", "속도_1", "θ", "_a"])
    // Decomposed Hangul (conjoining jamo) are letters too.
    #expect(try Expression(parsing: "\u{1100}\u{1161} + 1").variables == ["\u{1100}\u{1161}"])
  }

  @Test func parsingKeepsTheTreeAsWritten() throws {
    #expect(try Expression(parsing: "x*2 + 0").description == "x*2 + 0")
    #expect(try Expression(parsing: "(x - 1)/(x + 1)").description == "(x - 1)/(x + 1)")
  }

  @Test func editDistance() {
    #expect(ExpressionParser.editDistance("sinn", "sin") == 1)
    #expect(ExpressionParser.editDistance("cso", "cos") == 1)
    #expect(ExpressionParser.editDistance("tanh", "atan") == 2)
    #expect(ExpressionParser.editDistance("", "exp") == 3)
  }
}
