import Calculus
import Testing

@testable import Harness

@Suite struct TeXTests {
  @Test(arguments: [
    ("2*x^2 + 4*exp(x) + 15", "2 {x}^{2} + 4 e^{x} + 15"),
    ("x^2 + 2*x + 1", "{x}^{2} + 2 x + 1"),
    ("1/(1 + x)", "\\frac{1}{1 + x}"),
    ("x0^2 - 3*x1", "{x_{0}}^{2} - 3 x_{1}"),
    ("sqrt(x)*sin(x)", "\\sqrt{x} \\sin\\left(x\\right)"),
  ])
  func formulas(_ text: String, _ tex: String) {
    #expect(TeX.of(text: text) == tex)
  }

  @Test func textThatIsNotAFormula() {
    #expect(TeX.of(text: "x^2 + …") == nil)
  }
}
