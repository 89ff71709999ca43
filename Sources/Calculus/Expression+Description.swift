extension Expression: CustomStringConvertible {
  /// The expression in the syntax of `init(parsing:)`, with the fewest parentheses: `^` for
  /// powers, `a - b` for a term with a negative coefficient, `a/b` for factors with negative
  /// exponents, and numbers in their shortest round-trip form (`2`, `0.5`, `1e-05`).
  ///
  /// Parsing the description gives an expression with the same value at every point, up to
  /// the rounding of reassociated operations, and one that prints the same: the description
  /// is a normal form, `Expression(parsing: e.description).description == e.description`.
  ///
  /// The printer may spell a tree the parser does not build (`1/1/1/1/1/x` parses to a product
  /// of `1^-1` factors, printed `1/(1*1*1*1*x)`, whose parse prints `1/x`); the description is
  /// the printed form of the tree its own text parses to, taken until it no longer changes,
  /// so printing what was parsed from a description gives that description back in one step.
  ///
  /// Edge Cases: a printed form the parser refuses (nested past its limits, as a derivative
  /// can be) is the description as printed.
  ///
  /// Complexity: a few rounds of printing and parsing, each linear in the printed length.
  public var description: String {
    var text = printed.text
    for _ in 0..<8 {
      guard let reparsed = try? Expression(parsing: text) else { return text }
      let next = reparsed.printed.text
      if next == text { return text }
      text = next
    }
    return text
  }

  /// The printed form of this very tree (not normalized through the parser): a cheap key for
  /// ordering and grouping terms.
  var printedText: String { printed.text }

  /// How tightly a printed form binds: what an operand needs so as not to be parenthesized.
  private enum Precedence: Int, Comparable {
    case sum = 1
    /// Products, quotients and a leading minus sign.
    case product
    case power
    case atom

    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
  }

  private var printed: (text: String, precedence: Precedence) {
    switch self {
    case .number(let value):
      return (Self.format(value), value < 0 ? .product : .atom)
    case .constant(let constant): return (constant.rawValue, .atom)
    case .variable(let name): return (name, .atom)
    case .function(let f, let argument): return ("\(f.rawValue)(\(argument.printed.text))", .atom)
    case .sum(let terms):
      var text = terms[0].operand(atLeast: .sum)
      for term in terms.dropFirst() {
        if term.hasNegativeSign {
          text += " - " + term.negated.operand(atLeast: .product)
        } else {
          text += " + " + term.operand(atLeast: .product)
        }
      }
      return (text, .sum)
    case .product(let factors): return Self.printQuotient(factors)
    case .power(let base, let exponent):
      if exponent.hasNegativeSign { return Self.printQuotient([self]) }
      return (base.operand(atLeast: .atom) + "^" + exponent.operand(atLeast: .power), .power)
    }
  }

  /// The printed form, parenthesized unless it binds at least as tightly as `precedence`.
  private func operand(atLeast precedence: Precedence) -> String {
    let (text, own) = printed
    return own < precedence ? "(\(text))" : text
  }

  /// Prints a product as `[-]c*numerator/denominator`, the denominator collecting the factors
  /// with a negative exponent.
  private static func printQuotient(_ factors: [Expression]) -> (String, Precedence) {
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
    for factor in factors {
      if case .power(let base, let exponent) = factor, exponent.hasNegativeSign {
        let positive = exponent.negated
        denominator.append(positive == .number(1) ? base : .power(base, positive))
      } else {
        numerator.append(factor)
      }
    }
    var parts = coefficient.map { [$0] } ?? []
    for factor in numerator {
      // A leading factor may itself be a product; after a sign or `*` it must bind tighter.
      parts.append(factor.operand(atLeast: parts.isEmpty && !negative ? .product : .power))
    }
    var text = parts.isEmpty ? "1" : parts.joined(separator: "*")
    if !denominator.isEmpty {
      let below =
        denominator.count == 1
        ? denominator[0].operand(atLeast: .power)
        : "(" + denominator.map { $0.operand(atLeast: .power) }.joined(separator: "*") + ")"
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
