import RealModule

/// One variable's adjoint beside two independent values of the same partial derivative: the
/// symbolic partial (evaluated in `ReferenceReal`) and a central difference.
public struct AdjointCheck<T: Real> {
  public var variable: String
  /// The adjoint from the reverse sweep.
  public var adjoint: T
  /// `expression.derivative(withRespectTo: variable)` evaluated in `ReferenceReal`, rounded to `T`.
  public var symbolic: T
  /// The central difference at the representable step `step`.
  public var central: T
  public var step: T
  /// |adjoint − symbolic| / |symbolic| (the absolute difference where the partial is 0).
  public var symbolicError: T
  /// |adjoint − central| / |symbolic| (absolute where the partial is 0).
  public var centralError: T
}

extension AdjointCheck: Sendable where T: Sendable {}

extension ComputationalGraph where T: BinaryFloatingPoint {
  /// Checks every adjoint of `gradient` (variables sorted by name) against the symbolic
  /// partial of `expression` and a central difference of its values around `point`.
  ///
  /// `expression` and `point` must be the ones the graph was built from.
  ///
  /// Error Bounds: the symbolic error is a few ulps of `T` times the expression's condition
  /// (1e-15 relative in `Double` on well-conditioned expressions); the central difference's
  /// error is about `|f'''| h^2 / 6 + eps |f| / h`, near `eps^(2/3)` (1e-11 relative in
  /// `Double`) at the default step `cbrt(eps) * max(1, |x|)`.
  ///
  /// Edge Cases: at a kink of `abs` or `relu` the central difference is the average of the two
  /// one-sided slopes while the adjoint follows the convention `relu'(0) = 0`: they differ.
  ///
  /// Complexity: one symbolic differentiation and two evaluations per variable.
  public func checks(of expression: Expression, at point: [String: T], step: T? = nil)
    -> [AdjointCheck<T>]
  {
    let names = point.keys.sorted()
    let f: @Sendable ([T]) -> T = expression.compiled(variables: names)
    let wide = point.mapValues { ReferenceReal($0) }
    let x = names.map { point[$0]! }
    let cubeRootEpsilon = T(ReferenceReal.pow(ReferenceReal(T.ulpOfOne), ReferenceReal(1) / 3))
    return names.enumerated().map { i, name in
      let exact = T(expression.derivative(withRespectTo: name).evaluate(wide))
      let h = step ?? cubeRootEpsilon * Swift.max(1, Swift.abs(x[i]))
      let central = FiniteDifference.partial(of: f, at: x, variable: i, step: h, scheme: .central)
      let adjoint = gradient[name]!
      func error(_ estimate: T) -> T {
        exact == 0 ? Swift.abs(estimate) : Swift.abs(estimate - exact) / Swift.abs(exact)
      }
      return AdjointCheck(
        variable: name, adjoint: adjoint, symbolic: exact, central: central,
        step: FiniteDifference.representableStep(h, at: x[i]), symbolicError: error(adjoint),
        centralError: error(central))
    }
  }
}
