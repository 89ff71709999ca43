extension Expression {
  /// The partial derivative with respect to `variable`, simplified.
  ///
  /// Every function of the language has its rule, combined by the chain rule; `a^b` with `b`
  /// free of the variable is `b*a^(b-1)*a'`, with `a` free of it `a^b*log(a)*b'`, and in
  /// general `a^b*(b'*log(a) + b*a'/a)`.
  ///
  /// Edge Cases:
  /// `abs(u)' = sign(u)*u'` and `relu(u)' = step(u)*u'`; `sign` and `step` have derivative 0
  /// (their derivative at 0 is not a function). Where the original is not differentiable
  /// (see `nonDifferentiability(at:)`) the derivative's value is the one-sided convention
  /// of these rules (`abs'(0) = 0`, `relu'(0) = 0`).
  ///
  /// Complexity: proportional to the size of the expression times the depth, plus the
  /// simplification.
  public func derivative(withRespectTo variable: String) -> Expression {
    derivative(withRespectTo: variable, order: 1)
  }

  /// The `order`-th partial derivative with respect to `variable`, simplified after each
  /// differentiation; order 0 is the simplified expression itself.
  public func derivative(withRespectTo variable: String, order: Int) -> Expression {
    precondition(order >= 0, "the order of a derivative is non-negative")
    var result = simplified()
    for _ in 0..<order { result = result.rawDerivative(variable).simplified() }
    return result
  }

  /// The derivative by the rules, not simplified.
  func rawDerivative(_ v: String) -> Expression {
    guard depends(on: v) else { return .number(0) }
    switch self {
    case .number, .constant: return .number(0)
    case .variable: return .number(1)
    case .sum(let terms): return .sum(terms.map { $0.rawDerivative(v) })
    case .product(let factors):
      let terms = factors.indices.filter { factors[$0].depends(on: v) }.map { i in
        var term = factors
        term[i] = factors[i].rawDerivative(v)
        return Expression.product(term)
      }
      return .sum(terms)
    case .power(let a, let b):
      let (da, db) = (a.rawDerivative(v), b.rawDerivative(v))
      if !b.depends(on: v) { return .product([b, .power(a, .sum([b, .number(-1)])), da]) }
      let logA = Expression.function(.log, a)
      if !a.depends(on: v) { return .product([self, logA, db]) }
      let inner = Expression.sum([
        .product([db, logA]), .product([b, da, .power(a, .number(-1))]),
      ])
      return .product([self, inner])
    case .function(let f, let u):
      return .product([f.derivative(at: u), u.rawDerivative(v)])
    }
  }
}

extension Expression.Function {
  /// f'(u), the derivative of the function at the argument `u` (to be multiplied by u').
  func derivative(at u: Expression) -> Expression {
    let one = Expression.number(1)
    let minusOne = Expression.number(-1)
    let uSquared = Expression.power(u, .number(2))
    switch self {
    case .exp: return .function(.exp, u)
    case .log: return .power(u, minusOne)
    case .sqrt: return .power(.product([.number(2), .function(.sqrt, u)]), minusOne)
    case .sin: return .function(.cos, u)
    case .cos: return .product([minusOne, .function(.sin, u)])
    case .tan: return .power(.function(.cos, u), .number(-2))
    case .sinh: return .function(.cosh, u)
    case .cosh: return .function(.sinh, u)
    case .tanh: return .sum([one, .product([minusOne, .power(.function(.tanh, u), .number(2))])])
    case .asin, .acos:
      let root = Expression.power(
        .function(.sqrt, .sum([one, .product([minusOne, uSquared])])), minusOne)
      return self == .asin ? root : .product([minusOne, root])
    case .atan: return .power(.sum([one, uSquared]), minusOne)
    case .abs: return .function(.sign, u)
    case .sigmoid:
      let s = Expression.function(.sigmoid, u)
      return .product([s, .sum([one, .product([minusOne, s])])])
    case .relu: return .function(.step, u)
    case .sign, .step: return .number(0)
    }
  }
}
