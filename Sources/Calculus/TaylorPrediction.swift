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
  /// Why, in words: `f'''(x) = 0 at this point: the h^2 term vanishes, next term is h^4`.
  public var explanation: String
  /// The step that balances truncation against round-off (see `Taylor.predict`).
  public var bestStep: Double?
  /// The predicted error at `bestStep`.
  public var bestError: Double?

  public init(
    order: Int?, constant: Double, leadingDerivative: Int?, isExact: Bool, explanation: String,
    bestStep: Double? = nil, bestError: Double? = nil
  ) {
    self.order = order
    self.constant = constant
    self.leadingDerivative = leadingDerivative
    self.isExact = isExact
    self.explanation = explanation
    self.bestStep = bestStep
    self.bestError = bestError
  }
}

/// Truncation and round-off predictions from the Taylor expansion
/// `estimate - f'(x) = sum_{k >= 2} c_k f^(k)(x) h^(k-1)` (`c_k` from
/// `Scheme.truncationCoefficient`).
public enum Taylor {
  /// `f^(k)(x)` counts as zero at the point when `|f^(k)(x)| <= vanishingTolerance * scale`,
  /// with `scale` the largest of `|f'(x)|`, `|f^(k-1)(x)|` and `|f^(k+1)(x)|`.
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
    let top = derivatives.count - 1
    precondition(top >= 2, "pass derivatives up to at least f''")
    let firstZero = (2...top).first { identicallyZero[$0] } ?? top + 1
    let candidates = (2..<firstZero).filter { scheme.truncationCoefficient($0) != 0 }
    guard !candidates.isEmpty else {
      return TaylorPrediction(
        order: nil, constant: 0, leadingDerivative: nil, isExact: true,
        explanation: "\(derivativeName(firstZero)) ≡ 0: no truncation error")
    }
    func vanishes(_ k: Int) -> Bool {
      var scale = Swift.max(Swift.abs(derivatives[1]), Swift.abs(derivatives[k - 1]))
      if k < top { scale = Swift.max(scale, Swift.abs(derivatives[k + 1])) }
      return Swift.abs(derivatives[k]) <= vanishingTolerance * scale
    }
    let skipped = Array(candidates.prefix { vanishes($0) })
    let names = list(skipped.map(derivativeName))
    let one = skipped.count == 1
    guard let k = candidates.first(where: { !vanishes($0) }) else {
      let reach =
        firstZero <= top ? "and \(derivativeName(firstZero)) ≡ 0" : "(checked up to f^(\(top)))"
      return TaylorPrediction(
        order: nil, constant: 0, leadingDerivative: nil, isExact: true,
        explanation: "\(names) \(one ? "vanishes" : "vanish") at this point \(reach): "
          + "no truncation error, the errors are round-off only")
    }
    let order = k - 1
    let coefficient = scheme.truncationCoefficient(k)
    let constant = Swift.abs(coefficient * derivatives[k])
    let term =
      "error ≈ \(constant.formatted3) h^\(order) (c_\(k) = \(fraction(coefficient)), "
      + "\(derivativeName(k)) = \(derivatives[k].formatted3))"
    var explanation = term
    if !skipped.isEmpty {
      explanation =
        "\(names) \(one ? "= 0" : "vanish") at this point: the "
        + list(skipped.map { "h^\($0 - 1)" }) + (one ? " term vanishes" : " terms vanish")
        + ", next term is h^\(order); " + term
    }
    var prediction = TaylorPrediction(
      order: order, constant: constant, leadingDerivative: k, isExact: false,
      explanation: explanation)
    let p = Double(order)
    if scheme.isStencil {
      let weights = scheme.stencil.reduce(0) { $0 + Swift.abs($1.weight) }
      let r = epsilon * Swift.abs(derivatives[0]) * weights
      if r > 0 {
        let h = Double.pow(r / (p * constant), 1 / (p + 1))
        prediction.bestStep = h
        prediction.bestError = constant * Double.pow(h, p) + r / h
      }
    } else {
      let floor = epsilon * Swift.abs(derivatives[1])
      if floor > 0 {
        prediction.bestStep = Double.pow(floor / constant, 1 / p)
        prediction.bestError = 2 * floor
      }
    }
    return prediction
  }

  /// The round-off level of a scheme's estimate at step h, below which errors are noise.
  ///
  /// For a stencil, each `f(x + o_i h) ≈ f(x) + o_i h f'(x)` carries a relative error
  /// `epsilon`, amplified by `|w_i| / h`, and the result itself is rounded:
  /// `epsilon * (sum|w_i| (|f(x)| + |o_i| h |f'(x)|) / h + |f'(x)|)`, which is
  /// `epsilon * |f(x)| * sum|w_i| / h` wherever cancellation dominates. The complex step has no
  /// cancellation: its floor is `epsilon * |f'(x)|`, independent of h.
  ///
  /// - Parameters:
  ///   - value: `f(x)`.
  ///   - derivative: `f'(x)`.
  ///   - epsilon: the unit round-off of the working precision.
  public static func roundoffFloor(
    scheme: Scheme, value: Double, derivative: Double, epsilon: Double, step h: Double
  ) -> Double {
    let f = Swift.abs(value)
    let df = Swift.abs(derivative)
    guard scheme.isStencil else { return epsilon * df }
    let amplified = scheme.stencil.reduce(0.0) { sum, point in
      sum + Swift.abs(point.weight) * (f + Swift.abs(point.offset) * h * df)
    }
    return epsilon * (amplified / h + df)
  }

  /// `f''`, `f'''`, `f^(4)`...
  static func derivativeName(_ k: Int) -> String {
    k <= 3 ? "f" + String(repeating: "'", count: k) + "(x)" : "f^(\(k))(x)"
  }

  /// `a`, `a and b`, `a, b and c`.
  static func list(_ items: [String]) -> String {
    items.count <= 1
      ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
  }

  /// `1/6`, `-1/30`: a truncation coefficient as the reciprocal of an integer where it is one.
  static func fraction(_ c: Double) -> String {
    let reciprocal = 1 / c
    if Swift.abs(reciprocal - reciprocal.rounded()) < 1e-9 * Swift.abs(reciprocal) {
      return (c < 0 ? "-" : "") + "1/\(Int(Swift.abs(reciprocal).rounded()))"
    }
    return c.formatted3
  }
}
