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
  /// `1/b`), `u^2` as `u*u`, `u^n` for other integer literals n with `T.pow(u, n)`.
  ///
  /// - Precondition: every variable of the expression is in `variables`; the array passed
  ///   to the function has `variables.count` elements.
  ///
  /// Complexity: one call costs O(n) in the size of the expression.
  @inlinable
  public func compiled<T: Real>(variables: [String]) -> @Sendable ([T]) -> T {
    compile(with: .real(), variables: variables)
  }

  /// The complex counterpart of `compiled(variables:)`, evaluating as
  /// `evaluate(_: [String: Complex<T>])` does.
  @inlinable
  public func compiledComplex<T: Real>(
    variables: [String]
  ) -> @Sendable ([Complex<T>]) -> Complex<T> {
    compile(with: .complex(), variables: variables)
  }

  @inlinable
  func compile<N>(
    with kernel: ScalarKernel<N>, variables: [String]
  ) -> @Sendable ([N]) -> N {
    let missing = self.variables.subtracting(variables)
    precondition(missing.isEmpty, "no value for the variables \(missing.sorted()) of \(self)")
    var index: [String: Int] = [:]
    for (i, name) in variables.enumerated() where index[name] == nil { index[name] = i }
    // The tree is immutable once built and captures only values: sharing it is safe.
    return unsafeBitCast(compileNode(kernel, index), to: (@Sendable ([N]) -> N).self)
  }

  @inlinable
  func compileNode<N>(_ kernel: ScalarKernel<N>, _ index: [String: Int]) -> ([N]) -> N {
    switch self {
    case .number(let value):
      let c = kernel.literal(value)
      return { _ in c }
    case .constant(let constant):
      let c = constant == .pi ? kernel.pi : N.exp(kernel.literal(1))
      return { _ in c }
    case .variable(let name):
      let i = index[name]!
      return { $0[i] }
    case .sum(let terms):
      let parts = terms.map { $0.compileNode(kernel, index) }
      return Self.fold(parts, +)
    case .product(let factors):
      var numerator: [Expression] = []
      var denominator: [Expression] = []
      for factor in factors {
        if case .power(let base, .number(let e)) = factor, e < 0 {
          denominator.append(e == -1 ? base : .power(base, .number(-e)))
        } else {
          numerator.append(factor)
        }
      }
      let compiledNumerator = numerator.map { $0.compileNode(kernel, index) }
      let compiledDenominator = denominator.map { $0.compileNode(kernel, index) }
      if compiledDenominator.isEmpty { return Self.fold(compiledNumerator, *) }
      let bottom = Self.fold(compiledDenominator, *)
      if compiledNumerator.isEmpty { return { 1 / bottom($0) } }
      let top = Self.fold(compiledNumerator, *)
      return { top($0) / bottom($0) }
    case .power(let base, let exponent):
      let b = base.compileNode(kernel, index)
      if let e = exponent.numberValue, let n = Self.smallInteger(e) {
        switch n {
        case 1: return b
        case 2: return { let v = b($0); return v * v }
        case -1: return { 1 / b($0) }
        default:
          let powInt = kernel.powInt
          return { powInt(b($0), n) }
        }
      }
      if exponent == .number(0.5) { return { N.sqrt(b($0)) } }
      let e = exponent.compileNode(kernel, index)
      let pow = kernel.pow
      return { pow(b($0), e($0)) }
    case .function(let f, let argument):
      let a = argument.compileNode(kernel, index)
      let g = kernel.function(f)
      return { g(a($0)) }
    }
  }

  /// The left fold of `parts` with `operation` (at least one part).
  @inlinable
  static func fold<N>(
    _ parts: [([N]) -> N], _ operation: @escaping (N, N) -> N
  ) -> ([N]) -> N {
    switch parts.count {
    case 0: preconditionFailure("a sum or product has at least one operand")
    case 1: return parts[0]
    case 2:
      let (a, b) = (parts[0], parts[1])
      return { operation(a($0), b($0)) }
    case 3:
      let (a, b, c) = (parts[0], parts[1], parts[2])
      return { operation(operation(a($0), b($0)), c($0)) }
    default:
      let first = parts[0]
      let rest = Array(parts.dropFirst())
      return { x in rest.reduce(first(x)) { operation($0, $1(x)) } }
    }
  }
}

/// A value that is only ever read, declared sendable: the numeric types of swift-numerics are
/// plain values, but `Real` does not refine `Sendable`.
@usableFromInline
struct Unchecked<Value>: @unchecked Sendable {
  @usableFromInline let value: Value
  @inlinable init(_ value: Value) { self.value = value }
}

/// What evaluation needs beyond `ElementaryFunctions & AlgebraicField`: literals, the
/// constant pi, powers with their domain, and the non-analytic functions.
@usableFromInline
struct ScalarKernel<N: ElementaryFunctions & AlgebraicField> {
  @usableFromInline let literal: (Double) -> N
  @usableFromInline let pi: N
  @usableFromInline let powInt: (N, Int) -> N
  @usableFromInline let pow: (N, N) -> N
  @usableFromInline let atan: (N) -> N
  @usableFromInline let abs: (N) -> N
  @usableFromInline let relu: (N) -> N
  @usableFromInline let sign: (N) -> N
  @usableFromInline let step: (N) -> N

  @inlinable
  init(
    literal: @escaping (Double) -> N, pi: N,
    powInt: @escaping (N, Int) -> N, pow: @escaping (N, N) -> N, atan: @escaping (N) -> N,
    abs: @escaping (N) -> N, relu: @escaping (N) -> N,
    sign: @escaping (N) -> N, step: @escaping (N) -> N
  ) {
    (self.literal, self.pi, self.powInt, self.pow, self.atan) = (literal, pi, powInt, pow, atan)
    (self.abs, self.relu, self.sign, self.step) = (abs, relu, sign, step)
  }

  /// The function `f` on `N`.
  @inlinable
  func function(_ f: Expression.Function) -> (N) -> N {
    switch f {
    case .exp: return { N.exp($0) }
    case .log: return { N.log($0) }
    case .sqrt: return { N.sqrt($0) }
    case .sin: return { N.sin($0) }
    case .cos: return { N.cos($0) }
    case .tan: return { N.tan($0) }
    case .tanh: return { N.tanh($0) }
    case .sinh: return { N.sinh($0) }
    case .cosh: return { N.cosh($0) }
    case .asin: return { N.asin($0) }
    case .acos: return { N.acos($0) }
    case .atan: return atan
    case .sigmoid: return { 1 / (1 + N.exp(-$0)) }
    case .abs: return abs
    case .relu: return relu
    case .sign: return sign
    case .step: return step
    }
  }
}

extension ScalarKernel where N: Real {
  /// `value` rounded to `N` (exact when `N` has at least `Double`'s precision and range).
  @inlinable
  static func realLiteral(_ value: Double) -> N {
    if let type = N.self as? any BinaryFloatingPoint.Type {
      return type.init(value) as! N
    }
    // A `Real` that is not binary floating point: rebuild from the 53-bit significand in two
    // halves (each exact in any type with 27 bits of precision).
    guard value.isFinite, value != 0 else {
      return value.isNaN ? .nan : value == 0 ? 0 : value > 0 ? .infinity : -.infinity
    }
    let bits = Int64(value.significand * 0x1p52)
    let high = N(Int(bits >> 26))
    let low = N(Int(bits & 0x3ff_ffff))
    let significand = high + low / N(1 << 26)
    return N(sign: value.sign, exponent: N.Exponent(value.exponent - 26), significand: significand)
  }

  /// The kernel of a real type: `a^b` with `a < 0` is defined for integer `b` (with its sign)
  /// and NaN otherwise; `a^0` is 1.
  @inlinable
  static func real() -> ScalarKernel {
    ScalarKernel(
      literal: { realLiteral($0) }, pi: N.pi,
      powInt: { N.pow($0, $1) },
      pow: { a, b in
        if b == 0 { return 1 }
        if a < 0, b == b.rounded() {
          let magnitude = N.pow(-a, b)
          let half = b / 2
          return half == half.rounded() ? magnitude : -magnitude
        }
        return N.pow(a, b)
      },
      atan: { N.atan($0) },
      abs: { Swift.abs($0) },
      relu: { $0 > 0 || $0.isNaN ? $0 : 0 },
      sign: { $0 > 0 ? 1 : $0 < 0 ? -1 : $0 },
      step: { $0 > 0 ? 1 : $0.isNaN ? $0 : 0 })
  }
}

extension ScalarKernel {
  /// The kernel of `Complex<T>`: see `Expression.evaluate(_: [String: Complex<T>])`.
  @inlinable
  static func complex<T: Real>() -> ScalarKernel<Complex<T>> where N == Complex<T> {
    let real = ScalarKernel<T>.real()
    return ScalarKernel(
      literal: { Complex(ScalarKernel<T>.realLiteral($0)) }, pi: Complex(T.pi),
      powInt: { z, n in
        // Binary powering keeps the tiny imaginary part of a complex step accurate.
        guard Swift.abs(n) <= 64 else { return Complex.pow(z, n) }
        var (result, square, k) = (Complex<T>(1), z, Swift.abs(n))
        while k > 0 {
          if k & 1 == 1 { result = result * square }
          square = square * square
          k >>= 1
        }
        return n < 0 ? 1 / result : result
      },
      pow: { a, b in b == .zero ? 1 : Complex.pow(a, b) },
      atan: { z in
        // Complex.atan computes the imaginary part as a difference of logarithms, which loses
        // a tiny imaginary part (a complex step) entirely. With z = x + iy,
        // Im atan(z) = log1p(4y / (x^2 + (1 - y)^2)) / 4 keeps it to full relative accuracy.
        let (x, y) = (z.real, z.imaginary)
        let imaginary = T.log(onePlus: 4 * y / (x * x + (1 - y) * (1 - y))) / 4
        return Complex(Complex.atan(z).real, imaginary)
      },
      abs: { $0.real < 0 ? -$0 : $0 },
      relu: { $0.real > 0 ? $0 : .zero },
      sign: { Complex(real.sign($0.real)) },
      step: { Complex(real.step($0.real)) })
  }
}
