import RealModule

extension Expression {
  /// The Taylor coefficients `a_k = g^(k)(0) / k!`, `k = 0...order`, of
  /// `g(t) = f(point + t * direction)`: truncated Taylor-series arithmetic over the tree.
  ///
  /// Every variable of the expression needs a value in `point`; a variable missing from
  /// `direction` does not move. Each node's series follows from its operands' by the usual
  /// recurrences (Cauchy products, `exp`, `log`, `sin`/`cos`, powers by `u p' = r u' p`,
  /// `tan' = 1 + tan^2`, `atan' = u'/(1 + u^2)`...), in `T` throughout. The derivatives are
  /// `k! * a_k`; see `derivatives(withRespectTo:at:upTo:)`.
  ///
  /// Error Bounds:
  /// Each recurrence is a short sum of products, so the coefficients carry a few ulps of `T`
  /// relative to the sizes of the terms summed; against the symbolic derivatives evaluated in
  /// `Float80`, coefficients computed in `Float80` agree to about `1e-16` relative (tested).
  ///
  /// Edge Cases:
  /// - Outside a function's domain the coefficients are NaN, as evaluation is.
  /// - `u^r` with `u = 0`: a non-negative integer `r` is expanded by products (exact); any
  ///   other `r` gives NaN or infinite higher coefficients (the derivatives do not exist).
  /// - `abs`, `relu`, `sign`, `step` take the one-sided conventions of
  ///   `derivative(withRespectTo:)`: `abs(u)` is `sign(u0) * u`, `relu(u)` is `u` when
  ///   `u0 > 0` and 0 otherwise; `sign` and `step` are constant series.
  ///
  /// Complexity: O(n K^2) for n nodes and `K = order`: linear in the expression's size,
  /// quadratic in the order.
  public func taylorCoefficients<T: Real>(
    at point: [String: T], direction: [String: T], order: Int
  ) -> [T] {
    precondition(order >= 0, "the order of a Taylor expansion is non-negative")
    let missing = variables.subtracting(point.keys)
    precondition(missing.isEmpty, "no value for the variables \(missing.sorted()) of \(self)")
    return TaylorSeries<T>(count: order + 1, point: point, direction: direction).series(self)
  }

  /// `[f, f', ..., f^(order)]` with respect to `variable` at `point`, by Taylor-mode
  /// arithmetic (see `taylorCoefficients(at:direction:order:)`): no symbolic differentiation.
  ///
  /// Error Bounds: as `taylorCoefficients`, times `k!` (exact scaling for `k <= 18` in
  /// `Double` and `Float80`).
  ///
  /// Complexity: O(n K^2) for n nodes and `K = order`.
  public func derivatives<T: Real>(
    withRespectTo variable: String, at point: [String: T], upTo order: Int
  ) -> [T] {
    let coefficients = taylorCoefficients(at: point, direction: [variable: 1], order: order)
    var factorial: T = 1
    return coefficients.enumerated().map { k, a in
      if k > 0 { factorial *= T(k) }
      return a * factorial
    }
  }

  /// The total degree of the expression as a polynomial in `variables`, or nil when it is not
  /// one; subexpressions free of `variables` count as constants (degree 0).
  ///
  /// A sum has the largest degree of its terms, a product the sum, `u^n` with a non-negative
  /// integer literal `n` is `n` times `u`'s; a function of, or a power with, an argument that
  /// depends on `variables` (other than those powers) is not a polynomial.
  ///
  /// Edge Cases: the degree is that of the tree as written, an upper bound of the true degree
  /// (`x^2 - x^2` has degree 2 here): a caller deciding "identically zero" from it is never
  /// wrong, only sometimes silent.
  ///
  /// Complexity: O(n) in the size of the expression.
  public func polynomialDegree(in variables: Set<String>) -> Int? {
    switch self {
    case .number, .constant: return 0
    case .variable(let name): return variables.contains(name) ? 1 : 0
    case .sum(let terms):
      return terms.reduce(0 as Int?) { d, t in
        d.flatMap { d in t.polynomialDegree(in: variables).map { max(d, $0) } }
      }
    case .product(let factors):
      return factors.reduce(0 as Int?) { d, t in
        d.flatMap { d in t.polynomialDegree(in: variables).map { min(d + $0, 1 << 20) } }
      }
    case .power(let base, let exponent):
      guard exponent.polynomialDegree(in: variables) == 0 else { return nil }
      guard let b = base.polynomialDegree(in: variables) else { return nil }
      if b == 0 { return exponent.isConstant(in: variables) ? 0 : nil }
      guard let e = exponent.numberValue, e >= 0, e == e.rounded(), e <= 0x1p16 else { return nil }
      return min(b * Int(e), 1 << 20)
    case .function(_, let argument):
      return argument.isConstant(in: variables) ? 0 : nil
    }
  }

  /// Whether the `order`-th derivative with respect to `variable` is the zero function, from
  /// `polynomialDegree(in:)`: true when the expression is a polynomial of degree below
  /// `order` in `variable`. No symbolic differentiation.
  ///
  /// Complexity: O(n) in the size of the expression.
  public func derivativeVanishesIdentically(withRespectTo variable: String, order: Int) -> Bool {
    polynomialDegree(in: [variable]).map { $0 < order } ?? false
  }

  /// Whether the expression is free of every one of `variables`.
  func isConstant(in variables: Set<String>) -> Bool {
    !contains {
      if case .variable(let name) = $0 { return variables.contains(name) }
      return false
    }
  }
}

/// Truncated Taylor series with `count` coefficients, and the recurrences of each operation.
struct TaylorSeries<T: Real> {
  let count: Int
  let point: [String: T]
  let direction: [String: T]

  func constant(_ c: T) -> [T] {
    var s = [T](repeating: 0, count: count)
    s[0] = c
    return s
  }

  func series(_ e: Expression) -> [T] {
    switch e {
    case .number(let value): return constant(RealKernel<T>.literal(value))
    case .constant(.pi): return constant(T.pi)
    case .constant(.e): return constant(T.exp(1))
    case .variable(let name):
      var s = constant(point[name]!)
      if count > 1 { s[1] = direction[name] ?? 0 }
      return s
    case .sum(let terms):
      var s = series(terms[0])
      for term in terms.dropFirst() {
        let t = series(term)
        for k in 0..<count { s[k] += t[k] }
      }
      return s
    case .product(let factors):
      var s = series(factors[0])
      for factor in factors.dropFirst() {
        if case .power(let base, .number(-1)) = factor {
          s = quotient(s, series(base))
        } else {
          s = product(s, series(factor))
        }
      }
      return s
    case .power(let base, let exponent):
      let b = series(base)
      let x = series(exponent)
      if x.dropFirst().allSatisfy({ $0 == 0 }) { return power(b, x[0]) }
      return exp(product(x, log(b)))
    case .function(let f, let argument):
      return function(f, series(argument))
    }
  }

  func function(_ f: Expression.Function, _ u: [T]) -> [T] {
    switch f {
    case .exp: return exp(u)
    case .log: return log(u)
    case .sqrt: return power(u, T(1) / 2)
    case .sin: return sinCos(u, hyperbolic: false).sin
    case .cos: return sinCos(u, hyperbolic: false).cos
    case .sinh: return sinCos(u, hyperbolic: true).sin
    case .cosh: return sinCos(u, hyperbolic: true).cos
    case .tan: return riccati(u, value: T.tan(u[0]), sign: 1)
    case .tanh: return riccati(u, value: T.tanh(u[0]), sign: -1)
    case .sigmoid: return logistic(u)
    case .atan:
      return integral(
        quotient(derivative(u), truncated(sum(constant(1), product(u, u)))), T.atan(u[0]))
    case .asin, .acos:
      let root = power(sum(constant(1), scaled(product(u, u), -1)), -T(1) / 2)
      let slope = product(derivative(u), root)
      return f == .asin
        ? integral(slope, T.asin(u[0])) : integral(scaled(slope, -1), T.acos(u[0]))
    case .abs: return u[0] < 0 ? scaled(u, -1) : u[0] > 0 ? u : u[0] == 0 ? constant(0) : u
    case .relu: return u[0] > 0 || u[0].isNaN ? u : constant(0)
    case .sign: return constant(RealKernel<T>.sign(u[0]))
    case .step: return constant(RealKernel<T>.step(u[0]))
    }
  }

  func sum(_ a: [T], _ b: [T]) -> [T] { zip(a, b).map { $0 + $1 } }
  func scaled(_ a: [T], _ c: T) -> [T] { a.map { $0 * c } }
  /// `count - 1` coefficients of `u'` (as a series in t).
  func derivative(_ u: [T]) -> [T] { (1..<count).map { T($0) * u[$0] } }
  /// The first `count - 1` coefficients (to match `derivative`).
  func truncated(_ u: [T]) -> [T] { Array(u.prefix(count - 1)) }
  /// `∫ s dt` with value `c` at 0, `count` coefficients.
  func integral(_ s: [T], _ c: T) -> [T] { [c] + s.enumerated().map { $1 / T($0 + 1) } }

  func product(_ a: [T], _ b: [T]) -> [T] {
    (0..<a.count).map { k in
      var s: T = 0
      for j in 0...k { s += a[j] * b[k - j] }
      return s
    }
  }

  func quotient(_ a: [T], _ b: [T]) -> [T] {
    var q = [T](repeating: 0, count: a.count)
    for k in 0..<a.count {
      var s = a[k]
      for j in stride(from: 1, through: k, by: 1) { s -= b[j] * q[k - j] }
      q[k] = s / b[0]
    }
    return q
  }

  func exp(_ u: [T]) -> [T] {
    var e = constant(T.exp(u[0]))
    for k in stride(from: 1, to: count, by: 1) {
      var s: T = 0
      for j in 1...k { s += T(j) * u[j] * e[k - j] }
      e[k] = s / T(k)
    }
    return e
  }

  func log(_ u: [T]) -> [T] {
    var l = constant(T.log(u[0]))
    for k in stride(from: 1, to: count, by: 1) {
      var s: T = 0
      for j in stride(from: 1, to: k, by: 1) { s += T(j) * l[j] * u[k - j] }
      l[k] = (u[k] - s / T(k)) / u[0]
    }
    return l
  }

  /// `(sin u, cos u)`, or `(sinh u, cosh u)` when `hyperbolic`.
  func sinCos(_ u: [T], hyperbolic: Bool) -> (sin: [T], cos: [T]) {
    var s = constant(hyperbolic ? T.sinh(u[0]) : T.sin(u[0]))
    var c = constant(hyperbolic ? T.cosh(u[0]) : T.cos(u[0]))
    for k in stride(from: 1, to: count, by: 1) {
      var (ds, dc): (T, T) = (0, 0)
      for j in 1...k {
        ds += T(j) * u[j] * c[k - j]
        dc += T(j) * u[j] * s[k - j]
      }
      s[k] = ds / T(k)
      c[k] = (hyperbolic ? dc : -dc) / T(k)
    }
    return (s, c)
  }

  /// `t` with `t' = (1 + sign * t^2) u'` and `t(0) = value`: `tan` (sign 1), `tanh` (-1).
  func riccati(_ u: [T], value: T, sign: T) -> [T] {
    var t = constant(value)
    var w = constant(1 + sign * value * value)
    for k in stride(from: 1, to: count, by: 1) {
      var s: T = 0
      for j in 1...k { s += T(j) * u[j] * w[k - j] }
      t[k] = s / T(k)
      var square: T = 0
      for i in 0...k { square += t[i] * t[k - i] }
      w[k] = sign * square
    }
    return t
  }

  /// `s = 1 / (1 + exp(-u))` by `s' = s (1 - s) u'`.
  func logistic(_ u: [T]) -> [T] {
    let s0 = 1 / (1 + T.exp(-u[0]))
    var s = constant(s0)
    var w = constant(s0 * (1 - s0))
    for k in stride(from: 1, to: count, by: 1) {
      var d: T = 0
      for j in 1...k { d += T(j) * u[j] * w[k - j] }
      s[k] = d / T(k)
      var square: T = 0
      for i in 0...k { square += s[i] * s[k - i] }
      w[k] = s[k] - square
    }
    return s
  }

  /// `u^r` for a constant `r`: by products for a small non-negative integer (exact where
  /// `u0 = 0`), otherwise by `u p' = r u' p`.
  func power(_ u: [T], _ r: T) -> [T] {
    if r == r.rounded(), r >= 0, r <= 64 {
      let exponent = (0...64).first { T($0) == r } ?? 0
      var (result, square, n) = (constant(1), u, exponent)
      while n > 0 {
        if n & 1 == 1 { result = product(result, square) }
        n >>= 1
        if n > 0 { square = product(square, square) }
      }
      return result
    }
    var p = constant(RealKernel<T>.pow(u[0], r))
    for k in stride(from: 1, to: count, by: 1) {
      var s: T = 0
      for j in 1...k { s += (r * T(j) - T(k - j)) * u[j] * p[k - j] }
      p[k] = s / (T(k) * u[0])
    }
    return p
  }
}
