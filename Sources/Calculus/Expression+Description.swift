extension Expression: CustomStringConvertible {
  /// The expression in the syntax of `init(parsing:)`, with the fewest parentheses: `^` for
  /// powers, `a - b` for a term with a negative coefficient, `a/b` for factors with negative
  /// exponents, and numbers in their shortest round-trip form (`2`, `0.5`, `1e-05`).
  ///
  /// Parsing the description gives an expression with the same value at every point, up to
  /// the rounding of reassociated operations, and one that prints the same: the description
  /// is a normal form, `Expression(parsing: e.description).description == e.description`.
  ///
  /// The printer may spell a tree the parser does not build; the description is the printed
  /// form of the tree its own text parses to, taken until it no longer changes (at most 8
  /// rounds), so printing what was parsed from a description gives that description back in
  /// one step. (Factors 1 are left out when printed: `1/1/1/1/1/1/1/1/1/1/x`, a product of
  /// nine `1^-1` factors, prints `1/x` at once; written out, it took a round per factor and
  /// ran out of rounds, found by fuzz-expression.)
  ///
  /// Edge Cases: a printed form the parser refuses (nested past its limits, as a derivative
  /// can be) is the description as printed.
  ///
  /// Complexity: a few rounds of printing and parsing, each linear in the printed length.
  public var description: String {
    var text = printed(.plain).text
    for _ in 0..<8 {
      guard let reparsed = try? Expression(parsing: text) else { return text }
      let next = reparsed.printed(.plain).text
      if next == text { return text }
      text = next
    }
    return text
  }

  /// The printed form of this very tree (not normalized through the parser): a cheap key for
  /// ordering and grouping terms.
  var printedText: String { printed(.plain).text }

  /// The expression spelled in `notation`, with the fewest parentheses, this very tree as it
  /// is (`description` is `text(in: .plain)` taken to its fixed point through the parser).
  public func text(in notation: Notation) -> String { printed(notation).text }

  /// How `text(in:)` spells operators and names.
  public struct Notation: Sendable {
    /// Between terms: `" + "` and `" - "` in `plain`.
    public var plus: String
    public var minus: String
    /// Between factors: `"*"` in `plain`.
    public var times: String
    /// Exponents in braces, `x^{2·y}`, which need no parentheses of their own (`plain` writes
    /// `x^(2*y)`).
    public var bracedExponents: Bool
    /// Trailing digits of a name as a subscripted index: `x_{12}` for `x12`.
    public var subscriptedIndices: Bool
    /// Whole non-negative exponents as Unicode superscript digits, `x²`, `h¹²` (for text that
    /// has no markup, such as a diagram's labels); other exponents keep `^`.
    public var scriptedExponents: Bool

    public init(
      plus: String = " + ", minus: String = " - ", times: String = "*",
      bracedExponents: Bool = false, subscriptedIndices: Bool = false,
      scriptedExponents: Bool = false
    ) {
      self.plus = plus
      self.minus = minus
      self.times = times
      self.bracedExponents = bracedExponents
      self.subscriptedIndices = subscriptedIndices
      self.scriptedExponents = scriptedExponents
    }

    /// The decimal digits of `digits` as Unicode script digits, raised (`12` as `¹²`) or
    /// lowered (`₁₂`); other characters are left out.
    public static func scriptDigits(_ digits: some StringProtocol, raised: Bool) -> String {
      let table = Array(raised ? "⁰¹²³⁴⁵⁶⁷⁸⁹" : "₀₁₂₃₄₅₆₇₈₉")
      return String(digits.compactMap { $0.wholeNumberValue.map { table[$0] } })
    }

    /// The syntax of `init(parsing:)`: `description`.
    public static let plain = Notation()

    /// A name as this notation writes it: with `subscriptedIndices`, trailing digits after a
    /// prefix become a subscript (`x12` is `x_{12}`, `w1` is `w_{1}`); other names as they are.
    public func name(_ name: String) -> String {
      let digits = name.reversed().prefix { $0.isNumber }
      guard subscriptedIndices, !digits.isEmpty, digits.count < name.count else { return name }
      return String(name.dropLast(digits.count)) + "_{" + String(digits.reversed()) + "}"
    }
  }

  /// How tightly a printed form binds: what an operand needs so as not to be parenthesized.
  private enum Precedence: Int, Comparable {
    case sum = 1
    /// Products, quotients and a leading minus sign.
    case product
    case power
    case atom

    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
  }

  private func printed(_ n: Notation) -> (text: String, precedence: Precedence) {
    switch self {
    case .number(let value):
      return (Self.format(value), value < 0 ? .product : .atom)
    case .constant(let constant): return (constant.rawValue, .atom)
    case .variable(let name): return (n.name(name), .atom)
    case .function(let f, let argument): return ("\(f.rawValue)(\(argument.text(in: n)))", .atom)
    case .sum(let terms):
      var text = terms[0].operand(atLeast: .sum, n)
      for term in terms.dropFirst() {
        if term.hasNegativeSign {
          text += n.minus + term.negated.operand(atLeast: .product, n)
        } else {
          text += n.plus + term.operand(atLeast: .product, n)
        }
      }
      return (text, .sum)
    case .product(let factors): return Self.printQuotient(factors, n)
    case .power(let base, let exponent):
      if exponent.hasNegativeSign { return Self.printQuotient([self], n) }
      if n.scriptedExponents, case .number(let k) = exponent, k >= 0, k < 1e6, k == k.rounded() {
        return (
          base.operand(atLeast: .atom, n) + Notation.scriptDigits(String(Int(k)), raised: true),
          .power
        )
      }
      let raised =
        n.bracedExponents
        ? "{" + exponent.text(in: n) + "}" : exponent.operand(atLeast: .power, n)
      return (base.operand(atLeast: .atom, n) + "^" + raised, .power)
    }
  }

  /// The printed form, parenthesized unless it binds at least as tightly as `precedence`.
  private func operand(atLeast precedence: Precedence, _ n: Notation) -> String {
    let (text, own) = printed(n)
    return own < precedence ? "(\(text))" : text
  }

  /// Prints a product as `[-]c*numerator/denominator`, the denominator collecting the factors
  /// with a negative exponent.
  private static func printQuotient(_ factors: [Expression], _ n: Notation) -> (
    String, Precedence
  ) {
    var factors = factors
    var negative = false
    var coefficient: String?
    if let c = factors.first?.numberValue {
      factors.removeFirst()
      negative = c < 0
      if Swift.abs(c) != 1 || factors.isEmpty { coefficient = format(Swift.abs(c)) }
    }
    var numerator: [Expression] = []
    var denominator: [Expression] = []
    // A factor 1, above or below, is left out: `x*1` and `y/(1*x)` print `x` and `y/x`
    // (multiplying by 1 is exact), so the printed form is already the parser's normal form.
    for factor in factors where factor != .number(1) {
      if case .power(let base, let exponent) = factor, exponent.hasNegativeSign {
        let positive = exponent.negated
        guard base != .number(1) else { continue }
        denominator.append(positive == .number(1) ? base : .power(base, positive))
      } else {
        numerator.append(factor)
      }
    }
    var parts = coefficient.map { [$0] } ?? []
    for factor in numerator {
      // A leading factor may itself be a product; after a sign or `*` it must bind tighter.
      parts.append(factor.operand(atLeast: parts.isEmpty && !negative ? .product : .power, n))
    }
    var text = parts.isEmpty ? "1" : parts.joined(separator: n.times)
    if !denominator.isEmpty {
      let below =
        denominator.count == 1
        ? denominator[0].operand(atLeast: .power, n)
        : "("
          + denominator.map { $0.operand(atLeast: .power, n) }.joined(separator: n.times) + ")"
      text += "/" + below
    }
    return (negative ? "-" + text : text, .product)
  }

  /// A number in the shortest form that parses back to the same `Double`: integers without a
  /// fraction (`2`, not `2.0`), others as Swift prints them (`0.001`, `1e-05`, `1.5e+20`).
  public static func format(_ value: Double) -> String {
    if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
