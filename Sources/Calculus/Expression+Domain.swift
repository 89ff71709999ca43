extension Expression {
  /// Why the expression is undefined at `point`, or nil when it is defined there.
  ///
  /// Checks, innermost first, every function and power of the expression as written:
  /// `log(u)` needs u > 0, `sqrt(u)` needs u >= 0, `asin(u)` and `acos(u)` need -1 <= u <= 1,
  /// a quotient or a negative power needs a non-zero base, and `a^b` with `a < 0` needs an
  /// integer `b`. The message names the subexpression and its value:
  /// `log(x) needs x > 0, got x = -1`.
  ///
  /// Edge Cases:
  /// A variable without a value is reported as `no value for the variable 'y'`.
  public func domainViolation(at point: [String: Double]) -> String? {
    if let missing = variables.subtracting(point.keys).sorted().first {
      return "no value for the variable '\(missing)'"
    }
    return firstProblem(at: point) { $0.ownDomainViolation(at: point) }
  }

  /// Why the expression is not differentiable at `point` although it may be defined there,
  /// or nil.
  ///
  /// Reports, innermost first: `abs`, `relu`, `sign` or `step` of an argument that is zero
  /// (within 1e-12 relative to the largest magnitude among the argument's variables and 1),
  /// `sqrt` and `log` at 0, `asin` and `acos` at ±1 (infinite slope), and `a^b` at `a = 0`
  /// with a constant non-integer `b < 1`. For example `abs(x) is not differentiable at x = 0`.
  ///
  /// Edge Cases:
  /// A variable without a value is reported as `no value for the variable 'y'`.
  public func nonDifferentiability(at point: [String: Double]) -> String? {
    if let missing = variables.subtracting(point.keys).sorted().first {
      return "no value for the variable '\(missing)'"
    }
    return firstProblem(at: point) { $0.ownNonDifferentiability(at: point) }
  }

  /// The first non-nil `check` in post-order (arguments before the functions of them).
  private func firstProblem(
    at point: [String: Double], _ check: (Expression) -> String?
  ) -> String? {
    for child in children {
      if let problem = child.firstProblem(at: point, check) { return problem }
    }
    return check(self)
  }

  private func ownDomainViolation(at point: [String: Double]) -> String? {
    switch self {
    case .function(let f, let u):
      let x = u.evaluate(point)
      let got = "got \(u) = \(Self.format(x))"
      switch f {
      case .log where !(x > 0): return "log(\(u)) needs \(u) > 0, \(got)"
      case .sqrt where !(x >= 0): return "sqrt(\(u)) needs \(u) >= 0, \(got)"
      case .asin where !(-1...1).contains(x), .acos where !(-1...1).contains(x):
        return "\(f.rawValue)(\(u)) needs -1 <= \(u) <= 1, \(got)"
      default: return nil
      }
    case .power(let base, let exponent):
      let (b, e) = (base.evaluate(point), exponent.evaluate(point))
      if b == 0, e < 0 { return "division by zero in \(self): \(base) = 0" }
      if b < 0, e != e.rounded() {
        return
          "\(self) needs \(base) >= 0 or an integer exponent, got \(base) = \(Self.format(b)), "
          + "\(exponent) = \(Self.format(e))"
      }
      return nil
    default: return nil
    }
  }

  private func ownNonDifferentiability(at point: [String: Double]) -> String? {
    switch self {
    case .function(let f, let u):
      let x = u.evaluate(point)
      let scale = u.variables.reduce(1.0) { Swift.max($0, Swift.abs(point[$1]!)) }
      let nearZero = Swift.abs(x) <= 1e-12 * scale
      let message = "\(self) is not differentiable at \(u) = \(Self.format(x))"
      switch f {
      case .abs, .relu, .sign, .step: return nearZero ? message : nil
      case .sqrt, .log: return x == 0 ? message : nil
      case .asin, .acos: return Swift.abs(x) == 1 ? message : nil
      default: return nil
      }
    case .power(let base, let exponent) where exponent.variables.isEmpty:
      let e = exponent.evaluate([String: Double]())
      guard e < 1, e != e.rounded(), base.evaluate(point) == 0 else { return nil }
      return "\(self) is not differentiable at \(base) = 0"
    default: return nil
    }
  }
}
