import RealModule

extension FiniteDifference {
  /// The finite-difference estimate of the partial derivative `∂f/∂x_i` at `x`.
  ///
  /// Only coordinate `i` moves, by the representable step `(x[i] + h) - x[i]`; every other
  /// coordinate is passed bit-for-bit unchanged.
  ///
  /// Error Bounds: as `derivative(of:at:step:scheme:)` for the function of `x_i` alone.
  ///
  /// Complexity: `scheme.stencil.count` evaluations of `f`.
  ///
  /// - Precondition: `0 <= i < x.count` and `scheme` is a stencil.
  public static func partial<T: Real & BinaryFloatingPoint>(
    of f: ([T]) -> T, at x: [T], variable i: Int, step h: T, scheme: Scheme
  ) -> T {
    precondition(x.indices.contains(i), "variable \(i) out of range 0..<\(x.count)")
    var point = x
    return NumericalGradient.Stencil<T>(scheme).derivative(at: i, in: &point, step: h, f)
  }

  /// The gradient `[∂f/∂x_0, ..., ∂f/∂x_(n-1)]` at `x`, one `partial` per variable.
  ///
  /// Complexity: `x.count * scheme.stencil.count` evaluations of `f`.
  public static func gradient<T: Real & BinaryFloatingPoint>(
    of f: ([T]) -> T, at x: [T], step h: T, scheme: Scheme
  ) -> [T] {
    x.indices.map { partial(of: f, at: x, variable: $0, step: h, scheme: scheme) }
  }

  /// The Jacobian of the components `f` at `x`: row `r` is the gradient of `f[r]`.
  ///
  /// Complexity: `f.count * x.count * scheme.stencil.count` evaluations.
  public static func jacobian<T: Real & BinaryFloatingPoint>(
    of f: [([T]) -> T], at x: [T], step h: T, scheme: Scheme
  ) -> [[T]] {
    f.map { gradient(of: $0, at: x, step: h, scheme: scheme) }
  }

  /// The central second difference for `∂²f/∂x_i∂x_j` at `x`.
  ///
  /// - `i == j`: `(f(x + h e_i) - 2 f(x) + f(x - h e_i)) / h²`;
  /// - `i != j`: `(f(++) - f(+-) - f(-+) + f(--)) / (4 h_i h_j)` with `±h` along `e_i`, `e_j`.
  ///
  /// Each coordinate uses its own representable step `(x[k] + h) - x[k]`.
  ///
  /// Error Bounds:
  /// - Truncation: `O(h²)` (`f''''(x) h² / 12` on the diagonal).
  /// - Round-off: about `4 eps |f(x)| / h²` on the diagonal, `eps |f(x)| / h²` off it: the
  ///   best step is near `eps^(1/4)`, around `1e-4` in `Double`.
  ///
  /// Complexity: 3 evaluations of `f` on the diagonal, 4 off it.
  public static func secondPartial<T: Real & BinaryFloatingPoint>(
    of f: ([T]) -> T, at x: [T], variables i: Int, _ j: Int, step h: T
  ) -> T {
    secondPartial(of: f, at: x, variables: i, j, step: h, centre: nil)
  }

  /// `secondPartial` with `f(x)` already known (the Hessian shares it across the diagonal).
  static func secondPartial<T: Real & BinaryFloatingPoint>(
    of f: ([T]) -> T, at x: [T], variables i: Int, _ j: Int, step h: T, centre: T?
  ) -> T {
    precondition(x.indices.contains(i) && x.indices.contains(j), "variable out of range")
    let hi = representableStep(h, at: x[i])
    var point = x
    func value(_ di: T, _ dj: T) -> T {
      point[i] = x[i] + di
      if i != j { point[j] = x[j] + dj }
      return f(point)
    }
    if i == j {
      return (value(hi, 0) - 2 * (centre ?? f(x)) + value(-hi, 0)) / (hi * hi)
    }
    let hj = representableStep(h, at: x[j])
    let sum = value(hi, hj) - value(hi, -hj) - value(-hi, hj) + value(-hi, -hj)
    return sum / (4 * hi * hj)
  }

  /// The Hessian matrix of second partials at `x`, symmetric by construction (each
  /// off-diagonal entry is computed once and mirrored).
  ///
  /// Error Bounds: as `secondPartial(of:at:variables:_:step:)`, entry by entry.
  ///
  /// Complexity: `1 + 2n + 4 n(n-1)/2` evaluations of `f` for `n = x.count` variables (the
  /// centre value is shared by the diagonal).
  public static func hessian<T: Real & BinaryFloatingPoint>(
    of f: ([T]) -> T, at x: [T], step h: T
  ) -> [[T]] {
    let n = x.count
    let centre = f(x)
    var result = [[T]](repeating: [T](repeating: 0, count: n), count: n)
    for i in 0..<n {
      result[i][i] = secondPartial(of: f, at: x, variables: i, i, step: h, centre: centre)
      for j in (i + 1)..<n {
        let mixed = secondPartial(of: f, at: x, variables: i, j, step: h, centre: nil)
        result[i][j] = mixed
        result[j][i] = mixed
      }
    }
    return result
  }
}
