import Calculus

extension Expression.Notation {
  /// Figure titles (Plotting's markup): `x^{2}`, `x_{0}`, `2·x`, `a + b`, `a-b`.
  static let figure = Expression.Notation(
    plus: " + ", minus: "-", times: "·", bracedExponents: true, subscriptedIndices: true)
}

/// An expression for a figure title: `x_{0}^{2} + 2·x_{1}` (Plotting's markup raises the
/// braces and lowers the subscripts), printed from the tree with the fewest parentheses.
func mathText(_ f: Expression) -> String { f.text(in: .figure) }

/// The expression `text` for a figure title (`mathText(_: Expression)`). Text that does not
/// parse, such as an expression clipped to fit a title, is shown as it is.
func mathText(_ text: String) -> String {
  guard let f = try? Expression(parsing: text) else { return text }
  return mathText(f)
}

/// `x0` as `x_{0}` for figure text.
func subscripted(_ name: String) -> String { Expression.Notation.figure.name(name) }
