import Calculus

/// Expressions printed as TeX for KaTeX on the page: `2*x^2 + 4*exp(x) + 15` as
/// `2 x^{2} + 4 e^{x} + 15`, quotients as fractions, `sqrt` as a root, `abs` as bars.
enum TeX {
  /// `expression` in TeX (the display of a formula; the file's text stays beside it).
  static func of(_ expression: Expression) -> String { print(expression, context: .top) }

  /// The text of a formula, typeset when it parses; nil when it does not.
  static func of(text: String) -> String? {
    guard let e = try? Expression(parsing: text) else { return nil }
    return of(e)
  }

  private enum Context { case top, factor, base }

  private static func print(_ e: Expression, context: Context) -> String {
    switch e {
    case .number(let v): return number(v, context: context)
    case .constant(.pi): return "\\pi"
    case .constant(.e): return "e"
    case .variable(let name): return variable(name)
    case .sum(let terms):
      var text = print(terms[0], context: .top)
      for term in terms.dropFirst() {
        if let positive = negated(term) {
          text += " - " + print(positive, context: .top)
        } else {
          text += " + " + print(term, context: .top)
        }
      }
      return context == .top ? text : "\\left(" + text + "\\right)"
    case .product(let factors): return product(factors, context: context)
    case .power(let base, let exponent):
      if case .number(let n) = exponent, n == 0.5 { return "\\sqrt{\(of(base))}" }
      return "{" + print(base, context: .base) + "}^{" + of(exponent) + "}"
    case .function(let f, let argument): return function(f, argument, context: context)
    }
  }

  /// The positive counterpart of a term with a leading minus, or nil.
  private static func negated(_ e: Expression) -> Expression? {
    switch e {
    case .number(let v) where v < 0: return .number(-v)
    case .product(let factors):
      guard case .number(let c)? = factors.first, c < 0 else { return nil }
      let rest = Array(factors.dropFirst())
      if c == -1 { return rest.count == 1 ? rest[0] : .product(rest) }
      return .product([.number(-c)] + rest)
    default: return nil
    }
  }

  private static func product(_ factors: [Expression], context: Context) -> String {
    let (top, bottom) = Expression.fraction(factors)
    let numerator = top.isEmpty ? "1" : juxtaposed(top)
    let text =
      bottom.isEmpty ? numerator : "\\frac{\(numerator)}{\(juxtaposed(bottom, inFraction: true))}"
    return context == .base ? "\\left(" + text + "\\right)" : text
  }

  /// Factors side by side (`2 x`), with `\cdot` between two numbers and `-` for a leading -1.
  private static func juxtaposed(_ factors: [Expression], inFraction: Bool = false) -> String {
    var parts: [String] = []
    var previousIsNumber = false
    for (i, factor) in factors.enumerated() {
      if i == 0, case .number(-1) = factor, factors.count > 1 {
        parts.append("-")
        continue
      }
      let isNumber: Bool
      if case .number = factor { isNumber = true } else { isNumber = false }
      if previousIsNumber && isNumber { parts.append("\\cdot") }
      parts.append(print(factor, context: factors.count > 1 ? .factor : .top))
      previousIsNumber = isNumber
    }
    return parts.joined(separator: " ")
  }

  private static func function(_ f: Expression.Function, _ a: Expression, context: Context)
    -> String
  {
    let inner = of(a)
    let text: String
    switch f {
    case .exp: return context == .base ? "\\left(e^{\(inner)}\\right)" : "e^{\(inner)}"
    case .sqrt: return "\\sqrt{\(inner)}"
    case .abs: return "\\left|\(inner)\\right|"
    case .sigmoid: text = "\\sigma"
    case .relu, .sign, .step: text = "\\operatorname{\(f.rawValue)}"
    case .asin, .acos, .atan: text = "\\operatorname{\(f.rawValue)}"
    default: text = "\\" + f.rawValue
    }
    return text + "\\left(" + inner + "\\right)"
  }

  private static func variable(_ name: String) -> String {
    // x0 -> x_{0}, f_xy stays as written in roman.
    if let i = name.firstIndex(where: \.isNumber), i != name.startIndex,
      name[i...].allSatisfy(\.isNumber)
    {
      return "\(name[..<i])_{\(name[i...])}"
    }
    return name.count == 1 ? name : "\\mathrm{\(name.replacingOccurrences(of: "_", with: "\\_"))}"
  }

  private static func number(_ v: Double, context: Context) -> String {
    var text = v == v.rounded() && Swift.abs(v) < 1e15 ? String(Int(v)) : "\(v)"
    if let e = text.firstIndex(of: "e") {
      let mantissa = text[..<e]
      let exponent = Int(text[text.index(after: e)...]) ?? 0
      text = (mantissa == "1.0" ? "" : "\(mantissa) \\times ") + "10^{\(exponent)}"
    }
    return v < 0 && context != .top ? "\\left(" + text + "\\right)" : text
  }
}
