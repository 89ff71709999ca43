/// Why an expression is undefined at a point, as the subexpressions and values involved (the
/// caller words it).
public enum DomainViolation: Sendable, Hashable {
  /// The point gives no value for this variable.
  case missingVariable(String)
  /// `function(argument)` outside the function's domain: `log` needs argument > 0, `sqrt`
  /// needs argument >= 0, `asin` and `acos` need -1 <= argument <= 1; `value` is the argument's.
  case outsideDomain(function: Expression.Function, argument: Expression, value: Double)
  /// A negative power of a zero base (`1/x` at x = 0): `power` is the power as written.
  case divisionByZero(power: Expression, base: Expression)
  /// A negative base under a non-integer exponent (`x^0.5` at x = -4).
  case negativeBase(
    power: Expression, base: Expression, baseValue: Double, exponent: Expression,
    exponentValue: Double)
}

/// Why an expression is not differentiable at a point where it may be defined (the caller
/// words it).
public enum NonDifferentiability: Sendable, Hashable {
  /// The point gives no value for this variable.
  case missingVariable(String)
  /// `function` (the subexpression, as `abs(x - 1)`) is not differentiable where its
  /// `argument` has `value`: a kink (abs, relu, sign, step) or an infinite slope (sqrt and log
  /// at 0, asin and acos at ±1).
  case function(Expression, argument: Expression, value: Double)
  /// `power` (a constant non-integer exponent below 1) at a zero `base`.
  case powerAtZero(power: Expression, base: Expression)
}

extension Expression {
  /// Why the expression is undefined at `point`, or nil when it is defined there.
  ///
  /// Checks, innermost first, every function and power of the expression as written:
  /// `log(u)` needs u > 0, `sqrt(u)` needs u >= 0, `asin(u)` and `acos(u)` need -1 <= u <= 1,
  /// a quotient or a negative power needs a non-zero base, and `a^b` with `a < 0` needs an
  /// integer `b`. The result names the subexpression and its value:
  /// `.outsideDomain(function: .log, argument: x, value: -1)`.
  ///
  /// Edge Cases:
  /// A variable without a value is reported as `.missingVariable("y")`.
  public func domainViolation(at point: [String: Double]) -> DomainViolation? {
    if let missing = variables.subtracting(point.keys).sorted().first {
      return .missingVariable(missing)
    }
    return firstProblem(at: point) { $0.ownDomainViolation(at: point) }
  }

  /// Why the expression is not differentiable at `point` although it may be defined there,
  /// or nil.
  ///
  /// Reports, innermost first: `abs`, `relu`, `sign` or `step` of an argument that is zero
  /// (within 1e-12 relative to the largest magnitude among the argument's variables and 1),
  /// `sqrt` and `log` at 0, `asin` and `acos` at ±1 (infinite slope), and `a^b` at `a = 0`
  /// with a constant non-integer `b < 1`. For example `abs(x)` at `x = 0`.
  ///
  /// Edge Cases:
  /// A variable without a value is reported as `.missingVariable("y")`.
  public func nonDifferentiability(at point: [String: Double]) -> NonDifferentiability? {
    if let missing = variables.subtracting(point.keys).sorted().first {
      return .missingVariable(missing)
    }
    return firstProblem(at: point) { $0.ownNonDifferentiability(at: point) }
  }

  /// The first non-nil `check` in post-order (arguments before the functions of them).
  private func firstProblem<Problem>(
    at point: [String: Double], _ check: (Expression) -> Problem?
  ) -> Problem? {
    for child in children {
      if let problem = child.firstProblem(at: point, check) { return problem }
    }
    return check(self)
  }

  private func ownDomainViolation(at point: [String: Double]) -> DomainViolation? {
    switch self {
    case .function(let f, let u):
      let x = u.evaluate(point)
      let outside: Bool
      switch f {
      case .log: outside = !(x > 0)
      case .sqrt: outside = !(x >= 0)
      case .asin, .acos: outside = !(-1...1).contains(x)
      default: outside = false
      }
      return outside ? .outsideDomain(function: f, argument: u, value: x) : nil
    case .power(let base, let exponent):
      let (b, e) = (base.evaluate(point), exponent.evaluate(point))
      if b == 0, e < 0 { return .divisionByZero(power: self, base: base) }
      if b < 0, e != e.rounded() {
        return .negativeBase(
          power: self, base: base, baseValue: b, exponent: exponent, exponentValue: e)
      }
      return nil
    default: return nil
    }
  }

  private func ownNonDifferentiability(at point: [String: Double]) -> NonDifferentiability? {
    switch self {
    case .function(let f, let u):
      let x = u.evaluate(point)
      let scale = u.variables.reduce(1.0) { Swift.max($0, Swift.abs(point[$1]!)) }
      let nearZero = Swift.abs(x) <= 1e-12 * scale
      let problem = NonDifferentiability.function(self, argument: u, value: x)
      switch f {
      case .abs, .relu, .sign, .step: return nearZero ? problem : nil
      case .sqrt, .log: return x == 0 ? problem : nil
      case .asin, .acos: return Swift.abs(x) == 1 ? problem : nil
      default: return nil
      }
    case .power(let base, let exponent) where exponent.variables.isEmpty:
      let e = exponent.evaluate([String: Double]())
      guard e < 1, e != e.rounded(), base.evaluate(point) == 0 else { return nil }
      return .powerAtZero(power: self, base: base)
    default: return nil
    }
  }
}
