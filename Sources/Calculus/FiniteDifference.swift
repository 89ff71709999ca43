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
  /// - If `h` is so small that `x + h == x`, then `h' = 0` and the result is NaN.
  /// - A NaN or infinite `f` value propagates into the result.
  ///
  /// Complexity: `scheme.stencil.count` evaluations of `f`.
  ///
  /// - Precondition: `scheme` is a stencil (use `complexStep(of:at:step:)` for `.complexStep`).
  public static func derivative<T: Real & BinaryFloatingPoint>(
    of f: (T) -> T, at x: T, step h: T, scheme: Scheme
  ) -> T {
    let stencil = IntegerStencil(scheme)
    return stencil.estimate(step: representableStep(h, at: x)) { offset in
      f(offset == 0 ? x : x + offset)
    }
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

/// A stencil with integer numerators over a common denominator, in precision `T`.
///
/// `Scheme.stencil` holds `Double` weights such as `8/12` that are not exact in binary; in
/// `Float80` the rounded weights would no longer sum to zero and the estimate would carry an
/// error of `1e-17 * |f| / h`. Every scheme's weights are small rationals, so they are rebuilt
/// exactly as integers `n_i` over `d`.
struct IntegerStencil: Sendable {
  /// Offsets in units of h (exact in every binary format: 0, +-1/2, +-1, +-2).
  let offsets: [Double]
  /// Integer numerators of the weights (exact in every binary format, Float16 included).
  let numerators: [Double]
  let denominator: Double

  private init(computing scheme: Scheme) {
    let stencil = scheme.stencil
    guard
      let d = (1...720).first(where: { d in
        stencil.allSatisfy { abs($0.weight * Double(d) - ($0.weight * Double(d)).rounded()) < 1e-9 }
      })
    else { preconditionFailure("weights of \(scheme.rawValue) are not small rationals") }
    offsets = stencil.map(\.offset)
    numerators = stencil.map { ($0.weight * Double(d)).rounded() }
    denominator = Double(d)
  }

  private static let forward = IntegerStencil(computing: .forward)
  private static let backward = IntegerStencil(computing: .backward)
  private static let central = IntegerStencil(computing: .central)
  private static let central4 = IntegerStencil(computing: .central4)
  private static let richardson = IntegerStencil(computing: .richardson)

  /// The stencil of `scheme`, computed once per process.
  ///
  /// Complexity: O(1), no allocation.
  init(_ scheme: Scheme) {
    switch scheme {
    case .forward: self = Self.forward
    case .backward: self = Self.backward
    case .central: self = Self.central
    case .central4: self = Self.central4
    case .richardson: self = Self.richardson
    case .complexStep: preconditionFailure("complex-step is not a stencil scheme")
    }
  }

  /// `sum(n_i * value(o_i * h)) / (d * h)`; `value` receives the offset `o_i * h` (0 for the
  /// centre point, so callers can pass the unperturbed argument exactly). The offsets and
  /// numerators convert to `T` exactly.
  func estimate<T: Real & BinaryFloatingPoint>(step h: T, _ value: (T) -> T) -> T {
    var sum: T = 0
    for i in offsets.indices {
      sum += T(numerators[i]) * value(T(offsets[i]) * h)
    }
    return sum / (T(denominator) * h)
  }
}
