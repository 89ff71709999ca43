import Calculus

/// Expressions printed as JavaScript for the lab page, evaluated the way the tool evaluates
/// them (`BatchEvaluator`): sums and products left to right, a product's factors with negative
/// literal exponents gathered into one divisor, `u^2` as `u*u`, other small integer powers
/// through `pow(u, n)`, and every operation's result rounded to the working precision.
///
/// The printed text is the body of `function (x, k)`: `x` is the variable and `k` the page's
/// kernel for one precision, whose members each round their result (`k.a` add, `k.m` multiply,
/// `k.d` divide, `k.s` square, `k.p` integer power, `k.w` real power, `k.c` a literal, `k.PI`,
/// `k.E`, and the functions by their names).
enum JavaScript {
  /// `expression` as a JavaScript expression in `x` (the case's variable) and `k`.
  ///
  /// Edge Cases: a literal prints as the shortest text that reads back as the same double;
  /// the variable's name in the file does not matter (it is always `x` on the page).
  static func body(_ expression: Expression, variable: String) -> String {
    Printer(variable: variable).print(expression)
  }

  private struct Printer {
    var variable: String

    func print(_ e: Expression) -> String {
      switch e {
      case .number(let value): return "k.c(\(literal(value)))"
      case .constant(.pi): return "k.PI"
      case .constant(.e): return "k.E"
      case .variable(let name): return name == variable ? "x" : "NaN"
      case .sum(let terms):
        return terms.dropFirst().reduce(print(terms[0])) { "k.a(\($0),\(print($1)))" }
      case .product(let factors): return product(factors)
      case .power(let base, let exponent): return power(base, exponent)
      case .function(let f, let argument): return "k.\(f.rawValue)(\(print(argument)))"
      }
    }

    func product(_ factors: [Expression]) -> String {
      let (numerator, denominator) = Expression.fraction(factors)
      guard !denominator.isEmpty else { return chain(numerator) }
      let top = numerator.isEmpty ? "k.c(1)" : chain(numerator)
      return "k.d(\(top),\(chain(denominator)))"
    }

    func chain(_ factors: [Expression]) -> String {
      factors.dropFirst().reduce(print(factors[0])) { "k.m(\($0),\(print($1)))" }
    }

    func power(_ base: Expression, _ exponent: Expression) -> String {
      let b = print(base)
      if case .number(let e) = exponent, e == e.rounded(), Swift.abs(e) <= 2_147_483_648 {
        switch Int(e) {
        case 1: return b
        case 2: return "k.s(\(b))"
        case -1: return "k.d(k.c(1),\(b))"
        default: return "k.p(\(b),\(Int(e)))"
        }
      }
      return "k.w(\(b),\(print(exponent)))"
    }
  }

  /// The shortest decimal text of `value` that JavaScript reads back as the same double.
  static func literal(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
    return "\(value)"
  }
}
