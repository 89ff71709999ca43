import RealModule

extension SweepAnalysis {
  /// The exact second partial `∂²f/∂x_i∂x_j` at `point` and what the Taylor expansion
  /// predicts for `FiniteDifference.secondPartial`'s central second difference, by Taylor-mode
  /// arithmetic in `Float80` (no symbolic differentiation).
  ///
  /// On the diagonal the estimate is the q = 2 central stencil along `e_i`. Off it,
  /// `(f(++) - f(+-) - f(-+) + f(--)) / (4h²)` is the q = 2 central stencil applied to
  /// `φ(t) = (f(x + t u) - f(x + t v)) / 4` with `u = e_i + e_j`, `v = e_i - e_j`
  /// (`φ''(0) = f_ij`), so `φ^(k)(0)` from the two directional series gives every truncation
  /// term: the leading one `(f_iiij + f_ijjj) h²/6`, and the next when it vanishes.
  ///
  /// Error Bounds: round-off `epsilon |f(x)| S / h²` with `S = 4` on the diagonal and 1 off it
  /// (the four values carry weight 1/4 each).
  ///
  /// Edge Cases: exact (order nil) when f is a polynomial of total degree below 4 in `x_i`
  /// and `x_j`.
  ///
  /// Complexity: O(n K²) for n nodes and `K = 2 + taylorTerms`.
  public static func secondPartialPrediction(
    of f: Expression, variables: [String], point: [Double], _ i: Int, _ j: Int, epsilon: Double
  ) -> (exact: Double, value: Double, prediction: TaylorPrediction) {
    var env: [String: Float80] = [:]
    for (name, value) in zip(variables, point) { env[name] = Float80(value) }
    let order = 2 + taylorTerms
    let phi: [Float80]
    if i == j {
      phi = f.derivatives(withRespectTo: variables[i], at: env, upTo: order)
    } else {
      let u = f.taylorCoefficients(
        at: env, direction: [variables[i]: 1, variables[j]: 1], order: order)
      let v = f.taylorCoefficients(
        at: env, direction: [variables[i]: 1, variables[j]: -1], order: order)
      var factorial: Float80 = 1
      phi = (0...order).map { k in
        if k > 0 { factorial *= Float80(k) }
        return (u[k] - v[k]) / 4 * factorial
      }
    }
    let degree = f.polynomialDegree(in: [variables[i], variables[j]])
    guard let stencil = try? Scheme.central.stencil(derivative: 2) else {
      preconditionFailure("the central q = 2 stencil always exists")
    }
    var d = phi.map { Double($0) }
    d[0] = Double(f.evaluate(env) as Float80)
    let prediction = Taylor.predict(
      stencil: stencil, derivatives: d, identicallyZeroFrom: degree.map { $0 + 1 },
      epsilon: epsilon, roundoffWeightSum: i == j ? 4 : 1)
    return (Double(phi[2]), d[0], prediction)
  }
}
