import RealModule

/// What the Taylor expansion predicts for a scheme's error at one point.
public struct TaylorPrediction: Sendable, Hashable {
  /// The predicted order p of error ≈ C h^p; nil when the truncation error is zero.
  public var order: Int?
  /// `|c_k f^(k)(x)|` of the leading non-vanishing term (0 when exact).
  public var constant: Double
  /// k of the leading non-vanishing term `c_k f^(k)(x) h^(k-1)`.
  public var leadingDerivative: Int?
  /// Whether no truncation term survives: the errors are round-off only.
  public var isExact: Bool
  /// Why the prediction is what it is (the caller words it): the leading term with its
  /// coefficient, the terms that vanish at the point, or the derivative that is identically 0.
  public var reason: TaylorReason
  /// The step that balances truncation against round-off (see `Taylor.predict`).
  public var bestStep: Double?
  /// The predicted error at `bestStep`.
  public var bestError: Double?

  public init(
    order: Int?, constant: Double, leadingDerivative: Int?, isExact: Bool, reason: TaylorReason,
    bestStep: Double? = nil, bestError: Double? = nil
  ) {
    self.order = order
    self.constant = constant
    self.leadingDerivative = leadingDerivative
    self.isExact = isExact
    self.reason = reason
    self.bestStep = bestStep
    self.bestError = bestError
  }

  /// The leading truncation term `C h^p` at step h; 0 without an order (exact).
  ///
  /// Error Bounds: the leading term alone: the next term is smaller by a factor of order h
  /// for the steps near `bestStep`, not for large steps.
  public func truncationError(atStep h: Double) -> Double {
    order.map { constant * Double.pow(h, Double($0)) } ?? 0
  }
}

/// Why a Taylor prediction is what it is, as numbers: the report words it.
///
/// Derivatives are named by their order k (`f^(k)(x)`); `q` is the order of the derivative
/// being estimated, so a term of `f^(k)` contributes `h^(k - q)`.
public enum TaylorReason: Sendable, Hashable {
  /// Every truncation term belongs to a derivative that is identically zero from
  /// `f^(from)` on (central on a quadratic: `f''' ≡ 0`): no truncation error.
  case identicallyZero(from: Int)
  /// The terms of the derivatives `vanishing` are zero at the point, and so is every later
  /// one: up to `identicallyZeroFrom` (where the derivatives become the zero function) or, when
  /// that is nil, up to `checkedUpTo`, the highest derivative computed. No truncation error;
  /// the errors are round-off only.
  case vanishAtPoint(_ vanishing: [Int], identicallyZeroFrom: Int?, checkedUpTo: Int)
  /// The leading term `error ≈ constant h^order`, `constant = |coefficient f^(k)(x)|`, after
  /// the terms of `skipped` (derivatives that vanish at the point).
  case leadingTerm(LeadingTerm)
  /// No analysis of higher derivatives: the scheme's nominal order (a prediction a caller
  /// makes for a function whose higher derivatives it cannot compute, such as a network's
  /// loss).
  case nominalOrder

  /// The leading truncation term of a prediction, and the terms skipped before it.
  public struct LeadingTerm: Sendable, Hashable {
    /// k of `c_k f^(k)(x) h^(k - q)`.
    public var derivative: Int
    /// q, the order of the derivative estimated.
    public var estimated: Int
    /// `c_k`.
    public var coefficient: Double
    /// `f^(k)(x)`.
    public var value: Double
    /// The orders k before this one whose terms vanish at the point.
    public var skipped: [Int]

    public init(
      derivative: Int, estimated: Int, coefficient: Double, value: Double, skipped: [Int]
    ) {
      self.derivative = derivative
      self.estimated = estimated
      self.coefficient = coefficient
      self.value = value
      self.skipped = skipped
    }

    /// `k - q`: the power of h.
    public var order: Int { derivative - estimated }
    /// `|c_k f^(k)(x)|`.
    public var constant: Double { Swift.abs(coefficient * value) }
  }
}

/// Truncation and round-off predictions from the Taylor expansion
/// `estimate - f'(x) = sum_{k >= 2} c_k f^(k)(x) h^(k-1)` (`c_k` from
/// `Scheme.truncationCoefficient`).
public enum Taylor {
  /// `f^(k)(x)` counts as zero at the point when `|f^(k)(x)| <= vanishingTolerance * scale`,
  /// with `scale` what the derivatives around k make of its size (`vanishingScale`).
  public static let vanishingTolerance = 1e-12

  /// The order, constant and best step that the Taylor expansion predicts for `scheme` at a
  /// point.
  ///
  /// - Parameters:
  ///   - derivatives: `derivatives[k] = f^(k)(x)` for `k = 0...K`, `K >= 2` (pass `K >= 9`,
  ///     computed in higher precision than the scheme's, so that a vanishing term can be
  ///     skipped to the next).
  ///   - identicallyZero: `identicallyZero[k]` says the k-th derivative is the zero function
  ///     (a polynomial of degree below k); every higher one then is too.
  ///   - epsilon: the unit round-off of the working precision (`T.ulpOfOne`).
  ///
  /// The leading term is the first `k >= 2` with `c_k != 0` whose `f^(k)(x)` does not vanish
  /// (see `vanishingTolerance`: `sin` at the `Double` nearest `pi/2` has `f'''(x) ≈ 6e-17`,
  /// which counts as zero). It predicts `order = k - 1` and `constant = |c_k f^(k)(x)|`.
  ///
  /// The prediction is exact (no truncation error) when every term with `c_k != 0` belongs to
  /// an identically zero derivative (central on a quadratic: `f''' ≡ 0`, and the `f''` term
  /// cancels), or when every such term up to `K` vanishes at the point (central on `sin` at
  /// `pi/2`: all odd derivatives vanish there, and indeed `(sin(x+h) - sin(x-h)) / 2h`
  /// equals `cos(x) sin(h) / h`, which is 0 when `cos(x)` is).
  ///
  /// The best step balances `constant * h^p` against the round-off `R / h`, where
  /// `R = epsilon * |f(x)| * sum|w_i|`: `h* = (R / (p * constant))^(1 / (p + 1))`, and
  /// `bestError` is the sum of both at `h*`. For the complex step, which has no `1/h`
  /// round-off, `h*` is the step below which truncation falls under `epsilon * |f'(x)|`, and
  /// `bestError = 2 * epsilon * |f'(x)|`.
  ///
  /// Edge Cases: `bestStep` is nil when the prediction is exact or there is no round-off
  /// scale (`f(x) = 0` for a stencil, `f'(x) = 0` for the complex step).
  public static func predict(
    scheme: Scheme, derivatives: [Double], identicallyZero: [Bool], epsilon: Double
  ) -> TaylorPrediction {
    precondition(derivatives.count == identicallyZero.count, "one flag per derivative")
    precondition(derivatives.count >= 3, "pass derivatives up to at least f''")
    let zeroFrom = (2..<derivatives.count).first { identicallyZero[$0] }
    if scheme.isStencil, let stencil = try? scheme.stencil(derivative: 1) {
      return predict(
        stencil: stencil, derivatives: derivatives, identicallyZeroFrom: zeroFrom,
        epsilon: epsilon)
    }
    var prediction = leadingTerm(
      derivative: 1, coefficient: scheme.truncationCoefficient, derivatives: derivatives,
      identicallyZeroFrom: zeroFrom)
    if let order = prediction.order {
      let floor = epsilon * Swift.abs(derivatives[1])
      if floor > 0 {
        prediction.bestStep = Double.pow(floor / prediction.constant, 1 / Double(order))
        prediction.bestError = 2 * floor
      }
    }
    return prediction
  }

  /// The order, constant and best step that the Taylor expansion predicts for `stencil`
  /// (derivative q) at a point: `predict(scheme:...)` for any q.
  ///
  /// - Parameters:
  ///   - derivatives: `derivatives[k] = f^(k)(x)` for `k = 0...K`, `K > q` (pass `K >= q + 8`,
  ///     from `Expression.derivatives(withRespectTo:at:upTo:)` in `Float80`).
  ///   - identicallyZeroFrom: the first k whose derivative is the zero function (a
  ///     polynomial of degree below k), or nil.
  ///   - roundoffWeightSum: `sum |w_i|` of the evaluations as made (the stencil's when nil).
  ///
  /// The leading term is the first `k > q` with `c_k != 0` whose `f^(k)(x)` does not vanish;
  /// `order = k - q`, `constant = |c_k f^(k)(x)|`. The best step balances `C h^p` against
  /// `R / h^q`, `R = epsilon |f(x)| sum|w_i|`: `h* = (q R / (p C))^(1/(p+q))`, and
  /// `bestError = C h*^p + R / h*^q`.
  ///
  /// Edge Cases: exact (order nil) when every surviving term is identically zero or
  /// vanishes at the point up to K; `bestStep` nil when exact or `f(x) = 0`.
  public static func predict(
    stencil: Stencil, derivatives: [Double], identicallyZeroFrom: Int?, epsilon: Double,
    roundoffWeightSum: Double? = nil
  ) -> TaylorPrediction {
    let q = stencil.derivative
    precondition(derivatives.count > q + 1, "pass derivatives beyond f^(q)")
    var prediction = leadingTerm(
      derivative: q, coefficient: stencil.scaledTruncationCoefficient, derivatives: derivatives,
      identicallyZeroFrom: identicallyZeroFrom)
    guard let order = prediction.order else { return prediction }
    if stencil.offsetScale != 1 { prediction.rescale(stencil.offsetScale) }
    let (p, qd) = (Double(order), Double(q))
    let r = epsilon * Swift.abs(derivatives[0]) * (roundoffWeightSum ?? stencil.weightSum)
    if r > 0, prediction.constant > 0, prediction.constant.isFinite {
      let h = Double.pow(qd * r / (p * prediction.constant), 1 / (p + qd))
      prediction.bestStep = h
      prediction.bestError = prediction.constant * Double.pow(h, p) + r / Double.pow(h, qd)
    }
    return prediction
  }

  /// What `|f^(k)(x)|` is compared with to say it vanishes: the largest geometric
  /// interpolation `(|f^(i)|^(j-k) |f^(j)|^(k-i))^(1/(j-i))` over `q <= i < k < j <= K` with
  /// both non-zero. Derivatives of different orders have different units (`f^(k)` scales as
  /// `L^-k` when x is stretched by L), so only such an interpolation is a fair size for
  /// `f^(k)`: `log(x)` at 1e4 has `f^(5) = 2.4e-19` against `f' = 1e-4`, which is no zero,
  /// and its neighbours `f^(4) = -6e-16` and `f^(6) = 1.2e-22` say so (2.7e-19).
  ///
  /// Edge Cases: with no non-zero derivative above k (the higher ones vanish too), the
  /// largest of `|f^(i)|`, `q <= i < k`, stands in; 0 when every one is 0.
  static func vanishingScale(_ k: Int, _ derivatives: [Double], from q: Int) -> Double {
    let below = (q..<k).map { Swift.abs(derivatives[$0]) }
    let above = ((k + 1)..<Swift.max(k + 1, derivatives.count)).map { Swift.abs(derivatives[$0]) }
    var scale = 0.0
    for (di, a) in below.enumerated() where a > 0 {
      for (dj, b) in above.enumerated() where b > 0 {
        let (left, right) = (Double(below.count - di), Double(dj + 1))
        let logScale = (right * Double.log(a) + left * Double.log(b)) / (left + right)
        scale = Swift.max(scale, Double.exp(logScale))
      }
    }
    return scale > 0 ? scale : below.max() ?? 0
  }

  /// The leading truncation term of `estimate - f^(q)(x) = sum_{k > q} c_k f^(k)(x) h^(k-q)`.
  static func leadingTerm(
    derivative q: Int, coefficient: (Int) -> Double, derivatives: [Double],
    identicallyZeroFrom: Int?
  ) -> TaylorPrediction {
    let top = derivatives.count - 1
    let firstZero = Swift.min(identicallyZeroFrom ?? top + 1, top + 1)
    let candidates = Array((q + 1)..<Swift.max(q + 1, firstZero)).filter { coefficient($0) != 0 }
    guard !candidates.isEmpty else {
      // No term the stencil keeps among the derivatives computed: exact only when the
      // derivatives past them are the zero function, else nothing is known.
      let known = firstZero <= top
      return TaylorPrediction(
        order: nil, constant: known ? 0 : .nan, leadingDerivative: nil, isExact: known,
        reason: known ? .identicallyZero(from: Swift.max(firstZero, q + 1)) : .nominalOrder)
    }
    func vanishes(_ k: Int) -> Bool {
      Swift.abs(derivatives[k]) <= vanishingTolerance * vanishingScale(k, derivatives, from: q)
    }
    let skipped = Array(candidates.prefix { vanishes($0) })
    guard let k = candidates.first(where: { !vanishes($0) }) else {
      return TaylorPrediction(
        order: nil, constant: 0, leadingDerivative: nil, isExact: true,
        reason: .vanishAtPoint(
          skipped, identicallyZeroFrom: firstZero <= top ? firstZero : nil, checkedUpTo: top))
    }
    let term = TaylorReason.LeadingTerm(
      derivative: k, estimated: q, coefficient: coefficient(k), value: derivatives[k],
      skipped: skipped)
    return TaylorPrediction(
      order: term.order, constant: term.constant, leadingDerivative: k, isExact: false,
      reason: .leadingTerm(term))
  }

  /// The round-off level of a scheme's estimate at step h, below which errors are noise.
  ///
  /// For a stencil, each `f(x + o_i h) ≈ f(x) + o_i h f'(x)` carries a relative error
  /// `epsilon`, amplified by `|w_i| / h`, and the result itself is rounded:
  /// `epsilon * (sum|w_i| (|f(x)| + |o_i| h |f'(x)|) / h + |f'(x)|)`, which is
  /// `epsilon * |f(x)| * sum|w_i| / h` wherever cancellation dominates. The complex step has no
  /// cancellation: its floor is `epsilon * |f'(x)|` per operation of f (each rounds the
  /// imaginary part it carries once), independent of h.
  ///
  /// - Parameters:
  ///   - value: `f(x)`.
  ///   - derivative: `f'(x)`.
  ///   - epsilon: the unit round-off of the working precision.
  ///   - operations: the operations evaluating f takes (`Expression.nodeCount`), for the
  ///     complex step.
  public static func roundoffFloor(
    scheme: Scheme, value: Double, derivative: Double, epsilon: Double, step h: Double,
    operations: Int = 1
  ) -> Double {
    let f = Swift.abs(value)
    let df = Swift.abs(derivative)
    guard scheme.isStencil else { return epsilon * df * Double(Swift.max(1, operations)) }
    let amplified = scheme.stencil.reduce(0.0) { sum, point in
      sum + Swift.abs(point.weight) * (f + Swift.abs(point.offset) * h * df)
    }
    return epsilon * (amplified / h + df)
  }

  /// The round-off level of a q-th derivative stencil's estimate at step h:
  /// `epsilon * (sum|w_i| (|f(x)| + |o_i| h |f'(x)|) / h^q + |f^(q)(x)|)`, which is
  /// `epsilon |f(x)| sum|w_i| / h^q` wherever cancellation dominates.
  ///
  /// - Parameter derivatives: `[f(x), f'(x), ..., f^(q)(x)]` (at least).
  public static func roundoffFloor(
    stencil: Stencil, derivatives: [Double], epsilon: Double, step h: Double
  ) -> Double {
    let q = stencil.derivative
    let (f, df) = (Swift.abs(derivatives[0]), Swift.abs(derivatives[1]))
    var amplified = 0.0
    for (o, w) in zip(stencil.offsets, stencil.weights) {
      amplified += Swift.abs(w) * (f + Swift.abs(o) * h * df)
    }
    return epsilon * (amplified / Double.pow(h, q) + Swift.abs(derivatives[q]))
  }
}

extension TaylorPrediction {
  /// The prediction of a stencil whose offsets were scaled by `s` (`Stencil.offsetScale`),
  /// in units of the step h as given: each term `c f^(k) (s h)^p` is `c s^p f^(k) h^p`.
  mutating func rescale(_ s: Double) {
    guard let order, case .leadingTerm(var term) = reason else { return }
    let factor = Double.pow(s, order)
    constant *= factor
    term.coefficient *= factor
    reason = .leadingTerm(term)
  }
}

extension Taylor {
  /// The largest step at which the prediction's leading term still dominates the next one:
  /// where `|c_k' f^(k')(x)| h^(k'-k)` reaches a fifth of `|c_k f^(k)(x)|` for the next
  /// non-vanishing term k' (infinity when there is none, or no leading term). Above it the
  /// error is a blend of both terms, whose local slope lies between their orders (sigmoid's
  /// third derivative at 2.3 by four one-sided points fitted 1.67 for a predicted 1): an order
  /// fit there measures the blend, not the order.
  ///
  /// Error Bounds: below the step the local slope is within `(k'-k)/6` of the order.
  public static func leadingTermDominates(
    _ prediction: TaylorPrediction, derivatives: [Double], coefficient: (Int) -> Double
  ) -> Double {
    guard let k = prediction.leadingDerivative, prediction.constant > 0,
      prediction.constant.isFinite
    else { return .infinity }
    let q = k - (prediction.order ?? 0)
    for next in (k + 1)..<derivatives.count where coefficient(next) != 0 {
      let size = Swift.abs(coefficient(next) * derivatives[next])
      let scale = vanishingScale(next, derivatives, from: q)
      guard size.isFinite, size > vanishingTolerance * scale else { continue }
      return Double.pow(0.2 * prediction.constant / size, 1 / Double(next - k))
    }
    return .infinity
  }
}
