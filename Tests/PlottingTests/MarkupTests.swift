import Foundation
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
    // A superscript right after a subscript sits on the base, not after the subscript.
    ("x_{0}^{2} + x_{1}^{2}", "x₀² + x₁²", "x₀² + x₁²"),
    ("f^{2}_{k}", "f²ₖ", "f²ₖ"),
    ("x_{a}^{2}", "x#da#u#u2#d", "xa2"),  // no Unicode subscript a: PLplot escapes
  ])
  func convertsToPLplotAndPlainText(_ markup: String, _ plplot: String, _ plain: String) {
    #expect(Markup.plplot(markup) == plplot)
    #expect(Markup.plain(markup) == plain)
  }

  /// A heading writes e^{x} as the titles do, eˣ, not as PLplot's raised x beside a title's
  /// Unicode one.
  @Test func headingsRaiseXAndYInUnicode() {
    #expect(Markup.flattened("f(x) = 2x^{2} + 4e^{x} + 15") == "f(x) = 2x² + 4eˣ + 15")
    #expect(Markup.flattened("e^{-y}") == "e⁻ʸ")
    #expect(Markup.flattened("e^{z}") == "e^{z}")
  }

  /// A sign is a minus sign, as on the axes; a hyphen, a range, an exponent or a subtraction
  /// stays.
  @Test(arguments: [
    ("(-1, 9)", "(−1, 9)"), ("y = -1", "y = −1"), ("x=-0.5", "x=−0.5"), ("-2", "−2"),
    ("slope ∂f/∂x = -2", "slope ∂f/∂x = −2"), ("x^{-1}", "x−1"), ("h = 1e-4", "h = 1e-4"),
    ("levels 1-6", "levels 1-6"), ("784-50-10", "784-50-10"), ("x - 1", "x - 1"),
    ("order-c", "order-c"), ("exp(-x)", "exp(−x)"), ("x^{-y}", "x−y"),
  ])
  func signsAreMinusSigns(_ markup: String, _ plain: String) {
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

@Suite("Long text")
struct LongTextTests {
  /// PLplot decodes text into fixed buffers: more than `maximumCharacters` is cut, with "…".
  @Test(arguments: [10, 159, 160, 161, 10_000])
  func textIsCutToWhatPLplotHolds(_ length: Int) {
    let markup = String(repeating: "x^{2}+", count: length / 2 + 1)
    let kept = Markup.truncated(Markup.runs(markup))
    let drawn = kept.map(\.text).joined()
    let total = kept.reduce(0) { $0 + $1.text.count }
    #expect(total <= Markup.maximumCharacters)
    let full = Markup.runs(markup).reduce(0) { $0 + $1.text.count }
    #expect(drawn.hasSuffix("…") == (full > Markup.maximumCharacters))
    #expect(Markup.plplot(markup).count < 3 * Markup.maximumCharacters)
  }

  /// A 10,000-character title and legend label render (they crashed libplplot before).
  @Test func aTenThousandCharacterTitleRenders() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "long-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let long = (0..<600).map { "0.5*sin(\($0)*x)" }.joined(separator: " + ")
    let panel = Panel(
      title: long, xAxis: Axis("x"), yAxis: Axis("y"),
      series: [Series(long, x: [1, 2, 3], y: [1, 4, 9])])
    let report = try Renderer.render(
      Figure(title: long, panels: [panel]), to: directory.appendingPathComponent("t"),
      formats: [.png, .svg])
    #expect(report.files.count == 2)
  }

  /// A backslash makes the next character literal, and `literal` escapes text so that a
  /// program's file name keeps its underscores through layout, flattening and PLplot.
  @Test func literalTextKeepsItsUnderscoresAndCarets() {
    let name = "my_model.py:f^2 {a}"
    #expect(Markup.runs(Markup.literal(name)) == [Markup.Run(text: name, level: 0)])
    #expect(Markup.plain(Markup.literal(name)) == name)
    #expect(
      Markup.runs(Markup.flattened(Markup.literal(name))) == [Markup.Run(text: name, level: 0)])
    #expect(Markup.plplot(Markup.literal("a_b#c")) == "a_b##c")
    #expect(
      Markup.runs("x_{0} \\_ y") == [
        Markup.Run(text: "x", level: 0), Markup.Run(text: "0", level: -1),
        Markup.Run(text: " _ y", level: 0),
      ])
  }
}
