import Calculus
import Foundation
import Plotting

extension Expression.Notation {
  /// Figure titles (Plotting's markup): `x^{2}`, `x_{0}`, `2·x`, `a + b`, `a − b`.
  static let figure = Expression.Notation(
    plus: " + ", minus: " − ", times: "·", bracedExponents: true, subscriptedIndices: true)
}

/// An expression for a figure, in the one notation every figure uses, a textbook's:
/// `2x^{2} + 4e^{x} + 15`, `x_{0}^{2} + x_{1}^{2}`, `e^{x}·sin(10x)` (Plotting's markup raises the
/// braces and lowers the subscripts), printed from the tree with the fewest parentheses.
///
/// Edge Cases:
/// - A number before a letter, and two one-letter names, are written side by side (`2x`,
///   `4xy`, `w_{1}x_{1}`); any other product keeps its `·` (`e^{x}·sin(x)`, `alpha·x`).
/// - `exp(u)` is `e^{u}` when every `exp` of the expression can be raised: no argument holds a
///   power, a quotient or another `exp` (a raised exponent inside a raised exponent is too
///   small to read); otherwise every one stays `exp(u)`, so one expression never mixes both:
///   `e^{x}·sin(10x)`, but `exp(4x^{2})` and `exp(sin(exp(x)))`.
func mathText(_ f: Expression) -> String {
  let raised = !anywhere(in: f) {
    guard case .function(.exp, let u) = $0 else { return false }
    return anywhere(in: u) {
      if case .power = $0 { return true }
      if case .function(.exp, _) = $0 { return true }
      return false
    }
  }
  return textbook(f.text(in: .figure), raisingExp: raised)
}

/// The expression `text` for a figure (`mathText(_: Expression)`). Text that does not parse,
/// such as an expression clipped to fit a title or a program's name (`my_model.py:f`), is
/// shown as it is: its `_` and `^` are not read as markup.
func mathText(_ text: String) -> String {
  guard let f = try? Expression(parsing: text) else { return Markup.literal(text) }
  return mathText(f)
}

/// Whether `predicate` holds for `f` or any of its subexpressions.
private func anywhere(in f: Expression, _ predicate: (Expression) -> Bool) -> Bool {
  if predicate(f) { return true }
  switch f {
  case .number, .constant, .variable: return false
  case .sum(let parts), .product(let parts): return parts.contains { anywhere(in: $0, predicate) }
  case .power(let base, let exponent):
    return anywhere(in: base, predicate) || anywhere(in: exponent, predicate)
  case .function(_, let argument): return anywhere(in: argument, predicate)
  }
}

/// Plain text of the notes' notation (`f^(4)(x)`, `h^12`, `c_5`) with its scripts in Unicode
/// script characters: `f⁽⁴⁾(x)`, `h¹²`, `c₅`. A note or a label then keeps the height of plain
/// text (a raised script would need a taller line) and reads as the headings do.
///
/// Edge Cases: only digits (and the parentheses of `^(4)`) are scripted; `x^y` stays as it is.
func scriptedText(_ text: String) -> String {
  var out = ""
  var rest = Substring(text)
  while let c = rest.first {
    rest = rest.dropFirst()
    guard c == "^" || c == "_" else {
      out.append(c)
      continue
    }
    let raised = c == "^"
    if c == "^", rest.first == "(", let close = rest.firstIndex(of: ")"),
      case let inner = rest[rest.index(after: rest.startIndex)..<close],
      !inner.isEmpty, inner.allSatisfy(\.isWholeNumber)
    {
      out += "⁽" + Expression.Notation.scriptDigits(inner, raised: true) + "⁾"
      rest = rest[rest.index(after: close)...]
      continue
    }
    let digits = rest.prefix { $0.isWholeNumber }
    guard !digits.isEmpty else {
      out.append(c)
      continue
    }
    out += Expression.Notation.scriptDigits(digits, raised: raised)
    rest = rest.dropFirst(digits.count)
  }
  return out
}

/// `x0` as `x_{0}` for figure text.
func subscripted(_ name: String) -> String { Expression.Notation.figure.name(name) }

/// The figure notation's text with the textbook's products and exponentials (see `mathText`).
private func textbook(_ text: String, raisingExp: Bool) -> String {
  guard raisingExp else { return juxtaposed(text) }
  var out = ""
  var rest = Substring(text)
  while let open = rest.range(of: "exp(") {
    let before = rest[..<open.lowerBound]
    var depth = 1
    var end = open.upperBound
    while end < rest.endIndex, depth > 0 {
      if rest[end] == "(" { depth += 1 } else if rest[end] == ")" { depth -= 1 }
      if depth > 0 { end = rest.index(after: end) }
    }
    // A name that ends in "exp" (no such function) or unbalanced text: leave as it is.
    let named = before.last.map { $0.isLetter || $0 == "_" } ?? false
    guard end < rest.endIndex, !named else {
      out += rest[..<open.upperBound]
      rest = rest[open.upperBound...]
      continue
    }
    let argument = rest[open.upperBound..<end]
    out += before
    out += "e^{" + argument + "}"
    rest = rest[rest.index(after: end)...]
  }
  return juxtaposed(out + rest)
}

/// `2·x` as `2x` and `x·y` as `xy` (see `mathText`).
private func juxtaposed(_ text: String) -> String {
  let atom = "(?:[A-Za-z](?:_\\{[0-9]+\\})?)"
  let patterns = [
    // A number before a letter or a bracket: 2·x, 4·e^{x}, 10·(x + 1), not 1e-05·x.
    ("(?<![A-Za-z_.0-9])(?<!e-)([0-9]+(?:\\.[0-9]+)?)·(?=[A-Za-z(])", "$1"),
    // Two one-letter names (subscripted or not), not part of a longer name or a function.
    ("(?<![A-Za-z_])(\(atom))·(?=\(atom)(?![A-Za-z(]))", "$1"),
  ]
  var text = text
  for (pattern, template) in patterns {
    // Applied until nothing changes: x·y·z needs two passes.
    for _ in 0..<4 {
      let next = text.replacingOccurrences(
        of: pattern, with: template, options: .regularExpression)
      if next == text { break }
      text = next
    }
  }
  return text
}
