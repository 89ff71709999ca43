import Foundation
import Testing

@testable import Harness

/// Figure titles print the expression from its tree in a textbook's notation (`2x^{2} +
/// 4e^{x}`, `x^{3} − 3x`); for every expression the shipped experiments use, the text is
/// frozen below, so a change of notation is a deliberate one.
@Suite struct MathTextTests {
  /// Expression text as written, and its figure text.
  static let frozen: [String: String] = [
    "(x^2 + y - 11)^2 + (x + y^2 - 7)^2": "(x^{2} + y − 11)^{2} + (x + y^{2} − 7)^{2}",
    "1/(1 + x)": "1/(1 + x)",
    "1/(1 + x^2)": "1/(1 + x^{2})",
    "1/x": "1/x",
    "2*x^2 + 4*exp(x) + 15": "2x^{2} + 4e^{x} + 15",
    "2*x^2 + 4*x*y + y^2 + 15": "2x^{2} + 4xy + y^{2} + 15",
    "3*x^2 - 2*x + 5": "3x^{2} − 2x + 5",
    "asin(x)": "asin(x)",
    "atan(1000*x)": "atan(1000x)",
    "cos(x)": "cos(x)",
    "exp(4*x^2)": "exp(4x^{2})",
    "exp(sin(exp(sin(exp(sin(x))))))": "exp(sin(exp(sin(exp(sin(x))))))",
    "exp(sin(x))": "e^{sin(x)}",
    "exp(x)": "e^{x}",
    "exp(x)*sin(10*x)": "e^{x}·sin(10x)",
    "exp(x)*sin(x)": "e^{x}·sin(x)",
    "exp(x*y)*sin(z) + log(1 + x^2 + z^2)": "e^{xy}·sin(z) + log(1 + x^{2} + z^{2})",
    "log(1 + x^2)": "log(1 + x^{2})",
    "log(1 - x)": "log(1 − x)",
    "log(x)": "log(x)",
    "sigmoid(w1*x1 + w2*x2 + w3*x3 + b)": "sigmoid(w_{1}x_{1} + w_{2}x_{2} + w_{3}x_{3} + b)",
    "sigmoid(x)": "sigmoid(x)",
    "sin(x)": "sin(x)",
    "sin(x) + x^3/6": "sin(x) + x^{3}/6",
    "sqrt(1 - x)": "sqrt(1 − x)",
    "sqrt(x)": "sqrt(x)",
    "tan(x)": "tan(x)",
    "tanh(x)": "tanh(x)",
    "x*exp(-x^2)": "x·exp(-x^{2})",
    "x0^2 + 10*x1^2": "x_{0}^{2} + 10x_{1}^{2}",
    "x0^2 + x1^2": "x_{0}^{2} + x_{1}^{2}",
    "x^1.5": "x^{1.5}",
    "x^10": "x^{10}",
    "x^2 + 2*x + 1": "x^{2} + 2x + 1",
    "x^2 + 2*y^2": "x^{2} + 2y^{2}",
    "x^3 - 3*x": "x^{3} − 3x",
    "x^3": "x^{3}",
    "x^2 + 2*y^2 + x*y": "x^{2} + 2y^{2} + xy",
    "-x^2 + pi*e": "-x^{2} + pi·e",
    "x^(2*y) + x12*y": "x^{2y} + x_{12}y",
    "sin(x)/(x*y)": "sin(x)/(xy)",
  ]

  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The expressions of every shipped experiment that figure titles show.
  static func shippedExpressions() throws -> [String] {
    let folder = packageRoot.appendingPathComponent("Experiments")
    let files = try #require(FileManager.default.enumerator(atPath: folder.path)).allObjects
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }
    var texts: Set<String> = []
    for file in files {
      let e = try Experiment.load(path: folder.appendingPathComponent(file).path)
      // A program's f is not an expression: its figures do not typeset it.
      if let s = e.spec(of: Convergence.self) {
        texts.formUnion(s.cases.filter { $0.program == nil }.map(\.text))
      }
      if let s = e.spec(of: Accuracy.self) {
        texts.formUnion(s.cases.filter { $0.program == nil }.map(\.text))
      }
      if let s = e.spec(of: Partials.self), s.program == nil { texts.insert(s.text) }
      if let s = e.spec(of: Descent.self), s.program.f == nil { texts.insert(s.text) }
    }
    return texts.sorted()
  }

  @Test func shippedExpressionsKeepTheirFigureText() throws {
    let texts = try Self.shippedExpressions()
    #expect(texts.count > 20)
    for text in texts {
      let expected = try #require(Self.frozen[text], "no frozen figure text for \"\(text)\"")
      #expect(mathText(text) == expected, "\(text)")
    }
  }

  @Test(arguments: frozen.sorted { $0.key < $1.key })
  func frozenTextsFromTheTree(text: String, expected: String) {
    #expect(mathText(text) == expected)
  }

  @Test func treeNotText() throws {
    // Nested powers brace each exponent; redundant parentheses disappear.
    #expect(mathText("2^3^2") == "2^{3^{2}}")
    // A program's name does not parse: drawn as it is, its underscore not a subscript.
    #expect(mathText("programs/my_wave.py:f") == "programs/my\\_wave.py:f")
    #expect(mathText("((x))*(y)") == "xy")
    // Names of several letters keep the sign; one expression never mixes exp(u) and e^{u}.
    #expect(mathText("alpha*x") == "alpha·x")
    #expect(mathText("exp(x) + exp(x^2)") == "exp(x) + exp(x^{2})")
    #expect(mathText("x*exp(-x^2)") == "x·exp(-x^{2})")
    #expect(mathText("alpha12 + x_1") == "alpha_{12} + x__{1}")
    // Text that is not an expression (a clipped title) is shown as it is.
    #expect(mathText("sin(x") == "sin(x")
    #expect(subscripted("x10") == "x_{10}")
    #expect(subscripted("10") == "10")
  }
}
