import ComplexModule
import RealModule

extension Expression {
  /// The value at the point `values` (every variable of the expression must have a value).
  ///
  /// Evaluated in `T` with swift-numerics' functions (`T.exp`, `T.log`, ...), as written:
  /// the expression is not simplified first. Literals are the `Double` values of the text,
  /// rounded to `T`.
  ///
  /// Edge Cases:
  /// NaN outside the domain of a function: `log` and `sqrt` of a negative number, `asin` and
  /// `acos` outside [-1, 1], `a^b` with `a < 0` and `b` not an integer. Division by zero
  /// follows IEEE 754 (±infinity, or NaN for 0/0); `domainViolation(at:)` reports all of
  /// these by name. `x^0` is 1 for every x.
  ///
  /// Complexity: builds the closure tree of `compiled(variables:)` and calls it once; for
  /// many points, compile once instead.
  public func evaluate<T: Real>(_ values: [String: T]) -> T {
    let names = Array(values.keys)
    let f: @Sendable ([T]) -> T = compiled(variables: names)
    return f(names.map { values[$0]! })
  }

  /// The value at a complex point (every variable of the expression must have a value).
  ///
  /// The analytic functions use `Complex`'s elementary functions (principal branches).
  ///
  /// Edge Cases:
  /// The non-analytic functions have no complex extension; they take their value from the
  /// real part of the argument z: `abs(z)` is `z` when `Re z >= 0` and `-z` otherwise,
  /// `relu(z)` is `z` when `Re z > 0` and 0 otherwise (each is analytic on either side of
  /// `Re z = 0` and agrees with the real function on the real axis), `sign(z)` and `step(z)`
  /// are the real constants `sign(Re z)` and `step(Re z)`. A caller that needs an analytic
  /// function (complex step) checks `isAnalytic`.
  public func evaluate<T: Real>(_ values: [String: Complex<T>]) -> Complex<T> {
    let names = Array(values.keys)
    let f: @Sendable ([Complex<T>]) -> Complex<T> = compiledComplex(variables: names)
    return f(names.map { values[$0]! })
  }

  /// A function of the values of `variables`, in that order, that evaluates the expression
  /// as `evaluate(_:)` does.
  ///
  /// The tree of closures is built once; a call does no dictionary look-up and no
  /// allocation. A quotient `a/b` is evaluated as a division (not a multiplication by
  /// `1/b`), `u^2` as `u*u`, `u^n` for other integer literals n with `T.pow(u, n)`; sums and
  /// products are evaluated left to right in the order of their operands.
  ///
  /// - Precondition: every variable of the expression is in `variables`; the array passed
  ///   to the function has `variables.count` elements.
  ///
  /// Complexity: one call costs O(n) in the size of the expression.
  @inlinable
  public func compiled<T: Real>(variables: [String]) -> @Sendable ([T]) -> T {
    compile(RealKernel<T>.self, variables: variables)
  }

  /// The complex counterpart of `compiled(variables:)`, evaluating as
  /// `evaluate(_: [String: Complex<T>])` does.
  @inlinable
  public func compiledComplex<T: Real>(
    variables: [String]
  ) -> @Sendable ([Complex<T>]) -> Complex<T> {
    compile(ComplexKernel<T>.self, variables: variables)
  }

  @inlinable
  func compile<K: EvaluationKernel>(
    _ kernel: K.Type, variables: [String]
  ) -> @Sendable ([K.Scalar]) -> K.Scalar {
    let missing = self.variables.subtracting(variables)
    precondition(missing.isEmpty, "no value for the variables \(missing.sorted()) of \(self)")
    var index: [String: Int] = [:]
    for (i, name) in variables.enumerated() where index[name] == nil { index[name] = i }
    // The tree is immutable once built and captures only values: sharing it is safe.
    return unsafeBitCast(
      compileNode(kernel, index), to: (@Sendable ([K.Scalar]) -> K.Scalar).self)
  }

  /// The value of a number or a named constant in `K.Scalar`.
  @inlinable
  func constantValue<K: EvaluationKernel>(_ kernel: K.Type) -> K.Scalar? {
    switch self {
    case .number(let value): return K.literal(value)
    case .constant(.pi): return K.pi
    case .constant(.e): return K.Scalar.exp(K.literal(1))
    default: return nil
    }
  }

  // Closures are built in specialized code and kept in local variables only (never in
  // arrays or generic stored properties), so that calls need no reabstraction thunks.
  @inlinable
  func compileNode<K: EvaluationKernel>(
    _ kernel: K.Type, _ index: [String: Int]
  ) -> ([K.Scalar]) -> K.Scalar {
    if let c = constantValue(kernel) { return { _ in c } }
    switch self {
    case .number, .constant: preconditionFailure("handled by constantValue")
    case .variable(let name):
      let i = index[name]!
      return { $0[i] }
    case .sum(let terms): return Self.compileSum(terms, kernel, index)
    case .product(let factors): return Self.compileQuotient(factors, kernel, index)
    case .power(let base, let exponent):
      return Self.compilePower(base, exponent, kernel, index)
    case .function(let f, let argument):
      return Self.compileFunction(f, argument.compileNode(kernel, index), kernel)
    }
  }

  /// The left-to-right sum of `terms` (at least one), constants added without a call.
  @inlinable
  static func compileSum<K: EvaluationKernel>(
    _ terms: [Expression], _ kernel: K.Type, _ index: [String: Int]
  ) -> ([K.Scalar]) -> K.Scalar {
    var sum = terms[0].compileNode(kernel, index)
    for term in terms.dropFirst() {
      let a = sum
      if let c = term.constantValue(kernel) {
        sum = { a($0) + c }
      } else {
        let b = term.compileNode(kernel, index)
        sum = { a($0) + b($0) }
      }
    }
    return sum
  }

  /// A product as `numerator / denominator`, the denominator collecting the factors with a
  /// negative literal exponent (one division instead of a reciprocal per factor).
  @inlinable
  static func compileQuotient<K: EvaluationKernel>(
    _ factors: [Expression], _ kernel: K.Type, _ index: [String: Int]
  ) -> ([K.Scalar]) -> K.Scalar {
    let (numerator, denominator) = fraction(factors)
    if denominator.isEmpty { return compileProduct(numerator, kernel, index) }
    let bottom = compileProduct(denominator, kernel, index)
    if numerator.isEmpty { return { 1 / bottom($0) } }
    if numerator.count == 1, let c = numerator[0].constantValue(kernel) {
      return { c / bottom($0) }
    }
    let top = compileProduct(numerator, kernel, index)
    return { top($0) / bottom($0) }
  }

  /// `base ^ exponent`: small integer literal exponents by multiplication or `K.pow(_:Int)`.
  @inlinable
  static func compilePower<K: EvaluationKernel>(
    _ base: Expression, _ exponent: Expression, _ kernel: K.Type, _ index: [String: Int]
  ) -> ([K.Scalar]) -> K.Scalar {
    let b = base.compileNode(kernel, index)
    if let e = exponent.numberValue, let n = smallInteger(e) {
      switch n {
      case 1: return b
      case 2:
        return {
          let v = b($0)
          return v * v
        }
      case -1: return { 1 / b($0) }
      default: return { K.pow(b($0), n) }
      }
    }
    let e = exponent.compileNode(kernel, index)
    return { K.pow(b($0), e($0)) }
  }

  /// The function `f` applied to the compiled argument `a`.
  @inlinable
  static func compileFunction<K: EvaluationKernel>(
    _ f: Function, _ a: @escaping ([K.Scalar]) -> K.Scalar, _ kernel: K.Type
  ) -> ([K.Scalar]) -> K.Scalar {
    typealias N = K.Scalar
    switch f {
    case .exp: return { N.exp(a($0)) }
    case .log: return { N.log(a($0)) }
    case .sqrt: return { N.sqrt(a($0)) }
    case .sin: return { N.sin(a($0)) }
    case .cos: return { N.cos(a($0)) }
    case .tan: return { K.tan(a($0)) }
    case .tanh: return { K.tanh(a($0)) }
    case .sinh: return { N.sinh(a($0)) }
    case .cosh: return { N.cosh(a($0)) }
    case .asin: return { N.asin(a($0)) }
    case .acos: return { N.acos(a($0)) }
    case .atan: return { K.atan(a($0)) }
    case .sigmoid: return { 1 / (1 + N.exp(-a($0))) }
    case .abs: return { K.abs(a($0)) }
    case .relu: return { K.relu(a($0)) }
    case .sign: return { K.sign(a($0)) }
    case .step: return { K.step(a($0)) }
    }
  }

  /// The left-to-right product of `factors` (at least one), a leading constant folded into
  /// the first multiplication.
  @inlinable
  static func compileProduct<K: EvaluationKernel>(
    _ factors: [Expression], _ kernel: K.Type, _ index: [String: Int]
  ) -> ([K.Scalar]) -> K.Scalar {
    var product: ([K.Scalar]) -> K.Scalar
    var rest = factors.dropFirst()
    if factors.count > 1, let c = factors[0].constantValue(kernel) {
      let b = factors[1].compileNode(kernel, index)
      product = { c * b($0) }
      rest = rest.dropFirst()
    } else {
      product = factors[0].compileNode(kernel, index)
    }
    for factor in rest {
      let a = product
      let b = factor.compileNode(kernel, index)
      product = { a($0) * b($0) }
    }
    return product
  }
}

/// What evaluation needs beyond `ElementaryFunctions & AlgebraicField`: literals, the
/// constant pi, powers with their domain, and the non-analytic functions.
@usableFromInline
protocol EvaluationKernel {
  associatedtype Scalar: ElementaryFunctions & AlgebraicField
  static func literal(_ value: Double) -> Scalar
  static var pi: Scalar { get }
  static func pow(_ x: Scalar, _ n: Int) -> Scalar
  static func pow(_ x: Scalar, _ y: Scalar) -> Scalar
  static func atan(_ x: Scalar) -> Scalar
  static func tan(_ x: Scalar) -> Scalar
  static func tanh(_ x: Scalar) -> Scalar
  static func abs(_ x: Scalar) -> Scalar
  static func relu(_ x: Scalar) -> Scalar
  static func sign(_ x: Scalar) -> Scalar
  static func step(_ x: Scalar) -> Scalar
}

/// Evaluation in a real type: `a^b` with `a < 0` is defined for integer `b` (with its sign)
/// and NaN otherwise; `a^0` is 1.
@usableFromInline
enum RealKernel<T: Real>: EvaluationKernel {
  /// `value` rounded to `T` (exact when `T` has at least `Double`'s precision and range).
  @inlinable
  static func literal(_ value: Double) -> T {
    if let type = T.self as? any BinaryFloatingPoint.Type, let converted = type.init(value) as? T {
      return converted
    }
    // A `Real` that is not binary floating point: rebuild from the 53-bit significand in two
    // halves (each exact in any type with 27 bits of precision).
    guard value.isFinite, value != 0 else {
      return value.isNaN ? .nan : value == 0 ? 0 : value > 0 ? .infinity : -.infinity
    }
    let bits = Int64(value.significand * 0x1p52)
    let high = T(Int(bits >> 26))
    let low = T(Int(bits & 0x3ff_ffff))
    let significand = high + low / T(1 << 26)
    return T(sign: value.sign, exponent: T.Exponent(value.exponent - 26), significand: significand)
  }

  @inlinable static var pi: T { T.pi }
  @inlinable static func pow(_ x: T, _ n: Int) -> T { T.pow(x, n) }

  @inlinable
  static func pow(_ x: T, _ y: T) -> T {
    if y == 0 { return 1 }
    if x < 0, y == y.rounded() {
      let magnitude = T.pow(-x, y)
      let half = y / 2
      return half == half.rounded() ? magnitude : -magnitude
    }
    return T.pow(x, y)
  }

  @inlinable static func atan(_ x: T) -> T { T.atan(x) }
  @inlinable static func abs(_ x: T) -> T { Swift.abs(x) }
  @inlinable static func relu(_ x: T) -> T { x > 0 || x.isNaN ? x : 0 }
  @inlinable static func sign(_ x: T) -> T { x > 0 ? 1 : x < 0 ? -1 : x }
  @inlinable static func step(_ x: T) -> T { x > 0 ? 1 : x.isNaN ? x : 0 }
}

/// Evaluation in `Complex<T>`: see `Expression.evaluate(_: [String: Complex<T>])`.
@usableFromInline
enum ComplexKernel<T: Real>: EvaluationKernel {
  @inlinable static func literal(_ value: Double) -> Complex<T> {
    Complex(RealKernel<T>.literal(value))
  }

  @inlinable static var pi: Complex<T> { Complex(T.pi) }

  /// Binary powering: keeps the tiny imaginary part of a complex step accurate, where
  /// `Complex.pow` goes through `exp(n*log(z))`.
  @inlinable
  static func pow(_ z: Complex<T>, _ n: Int) -> Complex<T> {
    guard Swift.abs(n) <= 64 else { return Complex.pow(z, n) }
    var (result, square, k) = (Complex<T>(1), z, Swift.abs(n))
    while k > 0 {
      if k & 1 == 1 { result = result * square }
      square = square * square
      k >>= 1
    }
    return n < 0 ? 1 / result : result
  }

  @inlinable
  static func pow(_ z: Complex<T>, _ w: Complex<T>) -> Complex<T> {
    w == .zero ? 1 : Complex.pow(z, w)
  }

  /// `Complex.atan` computes the imaginary part as a difference of logarithms, which loses a
  /// tiny imaginary part (a complex step) entirely. With z = x + iy,
  /// `Im atan(z) = log1p(4y / (x^2 + (1 - y)^2)) / 4` keeps it to full relative accuracy.
  @inlinable
  static func atan(_ z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.real, z.imaginary)
    let imaginary = T.log(onePlus: 4 * y / (x * x + (1 - y) * (1 - y))) / 4
    return Complex(Complex.atan(z).real, imaginary)
  }

  @inlinable static func abs(_ z: Complex<T>) -> Complex<T> { z.real < 0 ? -z : z }
  @inlinable static func relu(_ z: Complex<T>) -> Complex<T> { z.real > 0 ? z : .zero }
  @inlinable static func sign(_ z: Complex<T>) -> Complex<T> {
    Complex(RealKernel<T>.sign(z.real))
  }
  @inlinable static func step(_ z: Complex<T>) -> Complex<T> {
    Complex(RealKernel<T>.step(z.real))
  }
}
