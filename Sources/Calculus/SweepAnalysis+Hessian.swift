import RealModule

extension SweepAnalysis {
  /// The exact second partial `∂²f/∂x_i∂x_j` at `point` and what the Taylor expansion
  /// predicts for `FiniteDifference.secondPartial`'s central second difference, by Taylor-mode
  /// arithmetic in `ReferenceReal` (`Float80` on x86_64; no symbolic differentiation).
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
    var env: [String: ReferenceReal] = [:]
    for (name, value) in zip(variables, point) { env[name] = ReferenceReal(value) }
    let order = 2 + taylorTerms
    let phi: [ReferenceReal]
    if i == j {
      phi = f.derivatives(withRespectTo: variables[i], at: env, upTo: order)
    } else {
      let u = f.taylorCoefficients(
        at: env, direction: [variables[i]: 1, variables[j]: 1], order: order)
      let v = f.taylorCoefficients(
        at: env, direction: [variables[i]: 1, variables[j]: -1], order: order)
      var factorial: ReferenceReal = 1
      phi = (0...order).map { k in
        if k > 0 { factorial *= ReferenceReal(k) }
        return (u[k] - v[k]) / 4 * factorial
      }
    }
    let degree = f.polynomialDegree(in: [variables[i], variables[j]])
    guard let stencil = try? Scheme.central.stencil(derivative: 2) else {
      preconditionFailure("the central q = 2 stencil always exists")
    }
    var d = phi.map { Double($0) }
    d[0] = Double(f.evaluate(env) as ReferenceReal)
    let prediction = Taylor.predict(
      stencil: stencil, derivatives: d, identicallyZeroFrom: degree.map { $0 + 1 },
      epsilon: epsilon, roundoffWeightSum: i == j ? 4 : 1)
    return (Double(phi[2]), d[0], prediction)
  }
}

extension SweepAnalysis {
  /// One Hessian entry's sweep: `FiniteDifference.secondPartial` in `Double` at each step,
  /// analysed against `secondPartialPrediction`'s exact value (see `analyse`).
  public struct SecondPartialSweep: Sendable {
    /// `∂²f/∂x_i∂x_j` at the point, rounded to Double.
    public var exact: Double
    public var prediction: TaylorPrediction
    /// The expected order (`auto`: the predicted one), nil when nothing is expected.
    public var expected: Double?
    /// The samples (each at the asked step: a mixed difference has a step per coordinate),
    /// the fit and the verdict.
    public var analysis: Analysis
  }

  /// The sweep of one second partial in `Double`.
  ///
  /// Error Bounds: the round-off floor is `S eps max(|f(x)|, least normal) / h²` with `S = 4`
  /// on the diagonal and 1 off it (see `secondPartialPrediction`); points within ten times
  /// of it take no part in the fit.
  ///
  /// Edge Cases: a non-finite estimate has a NaN error and is left out of the fit; a
  /// polynomial of total degree below 4 is exact (no slope fitted).
  ///
  /// Complexity: `secondPartialPrediction`, then 3 or 4 evaluations of f per step.
  public static func secondPartialSweep(
    of f: Expression, variables: [String], point: [Double], _ i: Int, _ j: Int,
    steps: [Double], expectation: Expectation?, tolerance: Double
  ) -> SecondPartialSweep {
    let epsilon = Double.ulpOfOne
    let (exact, value, prediction) = secondPartialPrediction(
      of: f, variables: variables, point: point, i, j, epsilon: epsilon)
    let g: @Sendable ([Double]) -> Double = f.compiled(variables: variables)
    let measured = steps.map { h in
      SweepMeasurement(
        step: h, effectiveStep: h,
        estimate: FiniteDifference.secondPartial(of: g, at: point, variables: i, j, step: h))
    }
    let scale =
      Double(i == j ? 4 : 1) * epsilon * Swift.max(Swift.abs(value), .leastNormalMagnitude)
    let expected = expectation?.order(predicted: prediction.order)
    let analysis = analyse(
      measured, exact: ReferenceReal(exact), roundoffFloor: { scale / ($0 * $0) },
      truncationIsExact: prediction.isExact, expected: expected, tolerance: tolerance)
    return SecondPartialSweep(
      exact: exact, prediction: prediction, expected: expected, analysis: analysis)
  }
}
