import ComplexModule
import RealModule

/// Finite-difference estimates of first derivatives, partial derivatives, gradients, Jacobians
/// and Hessians, in any floating-point precision.
///
/// Every stencil estimate uses the *representable step* `h' = (x + h) - x` instead of the
/// requested `h`: `x + h'` is then exactly the argument the function receives, so the division
/// by `h'` carries no representation error of the step (the classic trick; the seeds divide by
/// the literal `h`, which differs from the true spacing by up to half an ulp of `x`).
public enum FiniteDifference {
  /// The finite-difference estimate of `f'(x)` with the stencil `scheme` and step `h`, computed
  /// in precision `T`.
  ///
  /// The estimate is `sum(n_i * f(x + o_i * h')) / (d * h')` where `n_i / d` are the scheme's
  /// weights over their common denominator (`central` is `(f(x+h') - f(x-h')) / (2h')`,
  /// exactly the seeds' formula) and `h' = (x + h) - x` is the representable step.
  ///
  /// Error Bounds:
  /// - Truncation: `sum_k c_k f^(k)(x) h^(k-1)` with `c_k = scheme.truncationCoefficient(k)`,
  ///   that is `O(h^scheme.order)`.
  /// - Round-off: about `eps * |f(x)| * sum|w_i| / h` from the cancellation in the numerator.
  ///
  /// Edge Cases:
  /// - If `h` is so small that `x + h == x`, then `h' = 0` and the result is NaN; so is a
  ///   negative step (`stencilSum`'s rule).
  /// - A NaN or infinite `f` value propagates into the result.
  ///
  /// Complexity: `scheme.stencil.count` evaluations of `f`; the stencil is built once per
  /// process.
  ///
  /// - Precondition: `scheme` is a stencil (use `complexStep(of:at:step:)` for `.complexStep`).
  public static func derivative<T: Real & BinaryFloatingPoint>(
    of f: (T) -> T, at x: T, step h: T, scheme: Scheme
  ) -> T {
    derivative(of: f, at: x, step: h, stencil: scheme.firstDerivativeStencil)
  }

  /// The complex-step estimate `Im f(x + i h) / h` of `f'(x)`.
  ///
  /// `f` must be the analytic extension of a real function that is real on the real axis
  /// (`exp`, `sin`, polynomials, quotients of them...). There is no subtraction, hence no
  /// cancellation: `h` can be as small as `1e-100` with full accuracy.
  ///
  /// Error Bounds:
  /// - Truncation: `-f'''(x) h^2 / 6 + f^(5)(x) h^4 / 120 - ...`, that is `O(h^2)`.
  /// - Round-off: a few ulps of `f'(x)`, independent of `h`.
  ///
  /// Edge Cases:
  /// - For a function that is not analytic (`abs`, `max`) the result is meaningless.
  /// - `h == 0` gives NaN.
  ///
  /// Complexity: one complex evaluation of `f`.
  public static func complexStep<T: Real>(
    of f: (Complex<T>) -> Complex<T>, at x: T, step h: T
  ) -> T {
    f(Complex(x, h)).imaginary / h
  }

  /// The step `(x + h) - x`: the spacing between `x` and the floating-point number that
  /// `x + h` rounds to, exact in binary floating point.
  @inlinable
  public static func representableStep<T: BinaryFloatingPoint>(_ h: T, at x: T) -> T {
    (x + h) - x
  }
}

extension FiniteDifference {
  /// The stencil sum `sum_i n_i v_i / (d h'^q)`: the one place every stencil estimate of the
  /// project is summed (scalar derivatives, partials and numerical gradients, the batch sweep).
  ///
  /// `value(i)` is the function's value at stencil point i (`x + o_i h'`), called once per
  /// point in stencil order; the products are added left to right from 0, and the sum divided
  /// once by `d * h'^q` (`h'^q` as `h' * h' * ...`, q - 1 products).
  ///
  /// Error Bounds: the sum's own rounding is a few ulps of `sum |n_i v_i|`; with integer
  /// numerators and `d` exact in `T` (a `Stencil` with exact weights) nothing else is rounded
  /// before the division, so a constant function gives exactly 0. The estimate's round-off is
  /// then about `eps |f(x)| sum|w_i| / h'^q`, from the values' own rounding.
  ///
  /// Edge Cases:
  /// - `h' <= 0` or NaN (a step below the spacing at x, where `x + h == x`) gives NaN, and
  ///   `value` is not called: the step must be positive.
  /// - A NaN or infinite value propagates into the result; `h'^q` overflowing to infinity
  ///   gives 0 or NaN.
  ///
  /// Complexity: `numerators.count` calls of `value`.
  ///
  /// - Precondition: `q >= 1`.
  @inlinable
  public static func stencilSum<T: Real & BinaryFloatingPoint>(
    numerators: [T], denominator: T, spacing h: T, derivative q: Int, _ value: (Int) -> T
  ) -> T {
    guard h > 0 else { return .nan }
    var sum: T = 0
    for i in numerators.indices { sum += numerators[i] * value(i) }
    var power = h
    for _ in 1..<q { power *= h }
    return sum / (denominator * power)
  }
}

extension Scheme {
  /// `stencil(derivative: 1)`, built once per process (its weights are exact fractions).
  ///
  /// - Precondition: the scheme is a stencil (not `.complexStep`).
  var firstDerivativeStencil: Stencil {
    guard let stencil = Self.firstDerivativeStencils[self] else {
      preconditionFailure("complex-step is not a stencil scheme")
    }
    return stencil
  }

  private static let firstDerivativeStencils: [Scheme: Stencil] = Dictionary(
    uniqueKeysWithValues: allCases.compactMap { scheme in
      (try? scheme.stencil(derivative: 1)).map { (scheme, $0) }
    })
}
