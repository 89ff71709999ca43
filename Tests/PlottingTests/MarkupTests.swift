import Testing

@testable import Plotting

@Suite("Markup")
struct MarkupTests {
  @Test(arguments: [
    ("O(h^{2})", "O(h#u2#d)", "O(h2)"),
    ("x_{0}", "x#d0#u", "x0"),
    ("h^2 + x_k", "h#u2#d + x#dk#u", "h2 + xk"),
    ("10^{−8}", "10#u−8#d", "10−8"),
    ("e^{x_{1}}", "e#ux#d1", "ex1"),  // PLplot levels are absolute: back to the baseline
    ("η × ∂f/∂x ≈ ∇", "η × ∂f/∂x ≈ ∇", "η × ∂f/∂x ≈ ∇"),
    ("a#b", "a##b", "a#b"),
    ("trailing ^", "trailing ^", "trailing ^"),
  ])
  func convertsToPLplotAndPlainText(_ markup: String, _ plplot: String, _ plain: String) {
    #expect(Markup.plplot(markup) == plplot)
    #expect(Markup.plain(markup) == plain)
  }

  @Test func runsCarryTheScriptLevel() {
    #expect(
      Markup.runs("O(h^{2})") == [
        Markup.Run(text: "O(h", level: 0), Markup.Run(text: "2", level: 1),
        Markup.Run(text: ")", level: 0),
      ])
  }
}
