extension Expression {
  /// An equal expression in a canonical, readable form.
  ///
  /// Nested sums and products are flattened; numbers are folded; `0` and `1` identities are
  /// applied (`x + 0`, `1*x`, `0*x`, `x^1`, `x^0`, `1^x`); like terms are collected
  /// (`x + x` is `2*x`, `x*x` is `x^2`, `x/x` is 1); a numeric coefficient is distributed
  /// over a sum (`2*(x + 1)` is `2*x + 2`); an integer power of a product is expanded
  /// (`(2*x)^2` is `4*x^2`), `(a^m)^n` is `a^(m*n)` for integer n, `sqrt(u)^(2k)` is `u^k`
  /// and `exp(u)^n` is `exp(n*u)`. Products are ordered numbers first, then constants,
  /// variables, functions; sums by descending degree, numbers last, except that a positive
  /// term goes first when the first would be negative (`1 - x^2`).
  ///
  /// Error Bounds:
  /// Sums and products of numbers are folded in `Double` arithmetic (exact for integers below
  /// 2^53); a quotient, an integer power or a function of a number is folded only when the
  /// `Double` result is exact (`6/3` is 2, `1/3` stays `1/3`, `sin(0)` is 0, `exp(1)` stays).
  ///
  /// Edge Cases:
  /// As in every computer algebra system, `x/x` simplifies to 1 and `0*log(x)` to 0, although
  /// the original is undefined at `x = 0` (resp. `x <= 0`): use `domainViolation(at:)` on the
  /// original expression to find such points.
  public func simplified() -> Expression {
    var current = self
    for _ in 0..<8 {
      let next = current.simplifiedOnce()
      if next == current { return next }
      current = next
    }
    return current
  }

  /// Whether the expression simplifies to the constant 0.
  public var isIdenticallyZero: Bool { simplified() == .number(0) }

  private func simplifiedOnce() -> Expression {
    switch self {
    case .number, .constant, .variable: return self
    case .sum(let terms): return Self.makeSum(terms.map { $0.simplifiedOnce() })
    case .product(let factors): return Self.makeProduct(factors.map { $0.simplifiedOnce() })
    case .power(let base, let exponent):
      return Self.makePower(base.simplifiedOnce(), exponent.simplifiedOnce())
    case .function(let f, let argument): return Self.makeFunction(f, argument.simplifiedOnce())
    }
  }

  // MARK: Sums

  /// The numeric coefficient and the rest of a term: `-2*x*y` is (-2, `x*y`).
  private var coefficientAndRest: (Double, Expression) {
    guard case .product(let factors) = self, let c = factors.first?.numberValue else {
      return (1, self)
    }
    let rest = Array(factors.dropFirst())
    return (c, rest.count == 1 ? rest[0] : .product(rest))
  }

  /// `c * rest` without further simplification (rest is already canonical).
  private static func scaled(_ rest: Expression, by c: Double) -> Expression {
    if c == 1 { return rest }
    if case .product(let factors) = rest { return .product([.number(c)] + factors) }
    return .product([.number(c), rest])
  }

  /// The canonical sum of simplified terms.
  static func makeSum(_ terms: [Expression]) -> Expression {
    var constant = 0.0
    var order: [Expression] = []
    var coefficients: [Expression: Double] = [:]
    func add(_ term: Expression) {
      switch term {
      case .sum(let inner): inner.forEach(add)
      case .number(let value): constant += value
      default:
        let (c, rest) = term.coefficientAndRest
        if coefficients[rest] == nil { order.append(rest) }
        coefficients[rest, default: 0] += c
      }
    }
    terms.forEach(add)
    var result = order.compactMap { rest -> Expression? in
      let c = coefficients[rest]!
      return c == 0 ? nil : scaled(rest, by: c)
    }
    result.sort { termPrecedes($0.coefficientAndRest.1, $1.coefficientAndRest.1) }
    if constant != 0 || result.isEmpty { result.append(.number(constant)) }
    // `1 - x^2` reads better than `-x^2 + 1`: a positive term goes first when there is one.
    if result[0].hasNegativeSign, let i = result.firstIndex(where: { !$0.hasNegativeSign }) {
      result.insert(result.remove(at: i), at: 0)
    }
    return result.count == 1 ? result[0] : .sum(result)
  }

  /// The exponents of the variables of a monomial factor list, and the rest of the factors.
  private static func monomial(_ rest: Expression) -> (degree: Double, [String: Double], String) {
    let factors: [Expression]
    if case .product(let inner) = rest { factors = inner } else { factors = [rest] }
    var exponents: [String: Double] = [:]
    var others: [String] = []
    for factor in factors {
      switch factor {
      case .variable(let name): exponents[name, default: 0] += 1
      case .power(.variable(let name), .number(let n)): exponents[name, default: 0] += n
      default: others.append(factor.printedText)
      }
    }
    return (exponents.values.reduce(0, +), exponents, others.joined(separator: "*"))
  }

  /// The order of terms in a sum: higher total degree first, then lexicographically by the
  /// exponents of the variables in alphabetical order (`x^2 + x*y + y^2`), then by the
  /// printed form of the non-polynomial factors.
  private static func termPrecedes(_ a: Expression, _ b: Expression) -> Bool {
    let (degreeA, exponentsA, othersA) = monomial(a)
    let (degreeB, exponentsB, othersB) = monomial(b)
    if degreeA != degreeB { return degreeA > degreeB }
    for name in Set(exponentsA.keys).union(exponentsB.keys).sorted() {
      let (ea, eb) = (exponentsA[name] ?? 0, exponentsB[name] ?? 0)
      if ea != eb { return ea > eb }
    }
    if othersA != othersB { return othersA < othersB }
    return a.printedText < b.printedText
  }

  // MARK: Products

  /// The canonical product of simplified factors.
  static func makeProduct(_ factors: [Expression]) -> Expression {
    var coefficient = 1.0
    var order: [Expression] = []
    var exponents: [Expression: [Expression]] = [:]
    func add(_ factor: Expression) {
      switch factor {
      case .product(let inner): inner.forEach(add)
      case .number(let value): coefficient *= value
      default:
        var (base, exponent) = (factor, Expression.number(1))
        if case .power(let b, let e) = factor { (base, exponent) = (b, e) }
        if exponents[base] == nil { order.append(base) }
        exponents[base, default: []].append(exponent)
      }
    }
    factors.forEach(add)
    var result: [Expression] = []
    var regroup = false
    for base in order {
      let parts = exponents[base]!
      let power = makePower(base, parts.count == 1 ? parts[0] : makeSum(parts))
      switch power {
      case .number(let value): coefficient *= value
      case .power(.number(let b), .number(-1)):
        // c / b folds into the coefficient when the quotient is exact.
        let q = coefficient / b
        if q.isFinite, (-coefficient).addingProduct(q, b) == 0 {
          coefficient = q
        } else {
          result.append(power)
        }
      case .product:
        regroup = true
        result.append(power)
      default: result.append(power)
      }
    }
    if regroup { return makeProduct([.number(coefficient)] + result) }
    if coefficient == 0 { return .number(0) }
    if result.isEmpty { return .number(coefficient) }
    result.sort(by: factorPrecedes)
    if coefficient != 1 {
      if result.count == 1, case .sum(let terms) = result[0] {
        return makeSum(terms.map { makeProduct([.number(coefficient), $0]) })
      }
      result.insert(.number(coefficient), at: 0)
    }
    return result.count == 1 ? result[0] : .product(result)
  }

  /// The rank of a factor's base in a product: numeric powers, constants, variables,
  /// functions, then everything else.
  private static func rank(_ factor: Expression) -> Int {
    var base = factor
    if case .power(let b, _) = factor { base = b }
    switch base {
    case .number: return 0
    case .constant: return 1
    case .variable: return 2
    case .function: return 3
    default: return 4
    }
  }

  private static func factorPrecedes(_ a: Expression, _ b: Expression) -> Bool {
    let (rankA, rankB) = (rank(a), rank(b))
    if rankA != rankB { return rankA < rankB }
    func parts(_ e: Expression) -> (String, String) {
      if case .power(let base, let exponent) = e {
        return (base.printedText, exponent.printedText)
      }
      return (e.printedText, "1")
    }
    let (pa, pb) = (parts(a), parts(b))
    return pa.0 != pb.0 ? pa.0 < pb.0 : pa.1 < pb.1
  }

  // MARK: Powers and functions

  /// `n` when `value` is an integer of magnitude at most 2^31.
  @usableFromInline
  static func smallInteger(_ value: Double) -> Int? {
    guard value == value.rounded(), Swift.abs(value) <= 2_147_483_648 else { return nil }
    return Int(value)
  }

  /// `b^n` when it is exactly representable as a `Double`.
  private static func exactPower(_ b: Double, _ n: Int) -> Double? {
    guard Swift.abs(n) <= 64 else { return nil }
    var result = 1.0
    for _ in 0..<Swift.abs(n) {
      let next = result * b
      guard next.isFinite, (-next).addingProduct(result, b) == 0 else { return nil }
      result = next
    }
    if n >= 0 { return result }
    let inverse = 1 / result
    guard inverse.isFinite, inverse != 0, (-1.0).addingProduct(inverse, result) == 0 else {
      return nil
    }
    return inverse
  }

  /// The canonical power of a simplified base and exponent.
  static func makePower(_ base: Expression, _ exponent: Expression) -> Expression {
    if exponent == .number(0) || base == .number(1) { return .number(1) }
    if exponent == .number(1) { return base }
    let n = exponent.numberValue.flatMap(smallInteger)
    switch base {
    case .number(let b):
      if b == 0, let e = exponent.numberValue, e > 0 { return .number(0) }
      if let n, let value = exactPower(b, n) { return .number(value) }
    case .power(let inner, let innerExponent) where n != nil:
      return makePower(inner, makeProduct([innerExponent, exponent]))
    case .product(let factors) where n != nil:
      return makeProduct(factors.map { makePower($0, exponent) })
    case .function(.sqrt, let argument) where n.map { $0 % 2 == 0 } ?? false:
      return makePower(argument, .number(Double(n! / 2)))
    case .function(.exp, let argument):
      return makeFunction(.exp, makeProduct([exponent, argument]))
    default: break
    }
    return .power(base, exponent)
  }

  /// The canonical function of a simplified argument: a function of a number folds when the
  /// result is an integer (`cos(0)` is 1) or the function is piecewise (`abs(-2)` is 2);
  /// `log(e)` is 1.
  static func makeFunction(_ f: Function, _ argument: Expression) -> Expression {
    if f == .log, argument == .constant(.e) { return .number(1) }
    if argument.numberValue != nil {
      let value = Expression.function(f, argument).evaluate([String: Double]())
      if value.isFinite, value == value.rounded() || !f.isAnalytic { return .number(value) }
    }
    return .function(f, argument)
  }
}
