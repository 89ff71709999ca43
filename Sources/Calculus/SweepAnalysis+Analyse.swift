import RealModule

/// One step of a sweep as evaluated, before it is compared with the exact value.
public struct SweepMeasurement: Sendable, Hashable {
  /// The step asked for.
  public var step: Double
  /// The step the arithmetic took (`(x + h) - x` in the working precision), or `step` where
  /// there is no single one (a mixed partial moves two coordinates).
  public var effectiveStep: Double
  public var estimate: Double
  /// Whether a stencil point at this step lies outside the function's domain.
  public var leavesDomain: Bool

  public init(step: Double, effectiveStep: Double, estimate: Double, leavesDomain: Bool = false) {
    self.step = step
    self.effectiveStep = effectiveStep
    self.estimate = estimate
    self.leavesDomain = leavesDomain
  }
}

extension SweepAnalysis {
  /// The sweep's samples, its fit and its verdict: what `analyse` returns.
  public struct Analysis: Sendable {
    public var samples: [SweepSample]
    public var fit: FitOutcome
    public var verdict: OrderVerdict
  }

  /// The one sweep pipeline after evaluation: errors against the exact value, the round-off
  /// floor at each step, the fit over the range `OrderFitting.fit` chooses above the floor,
  /// and the verdict. Every sweep of the project (convergence, accuracy, partials' Hessian,
  /// gradcheck's directional sweep) ends here.
  ///
  /// - Parameters:
  ///   - exact: the exact value, in `ReferenceReal`: a sample's error is
  ///     `|estimate - exact|` computed there and rounded to Double once.
  ///   - roundoffFloor: the round-off level at an effective step (the asked one where the
  ///     effective step is not positive).
  ///   - largestFitStep: the largest effective step the fit may use (where the predicted
  ///     leading truncation term still dominates the next one; `.infinity` when unknown).
  ///
  /// Error Bounds: the errors are exact to `ReferenceReal`'s rounding of `exact` (1e-19
  /// relative with Float80, a few ulps of Double on the fallback, see `ReferenceReal`).
  ///
  /// Edge Cases: a sample with a non-finite estimate has a NaN error; it, a sample that
  /// leaves the domain and one with a step that is not positive take no part in the fit and
  /// are never in its range.
  ///
  /// Complexity: that of `OrderFitting.fit`.
  public static func analyse(
    _ measured: [SweepMeasurement], exact: ReferenceReal, roundoffFloor: (Double) -> Double,
    truncationIsExact: Bool, expected: Double?, tolerance: Double,
    largestFitStep: Double = .infinity
  ) -> Analysis {
    var samples = measured.map { m in
      let error =
        m.estimate.isFinite ? Double(Swift.abs(ReferenceReal(m.estimate) - exact)) : .nan
      return SweepSample(
        step: m.step, effectiveStep: m.effectiveStep, estimate: m.estimate, error: error,
        roundoffFloor: roundoffFloor(m.effectiveStep > 0 ? m.effectiveStep : m.step),
        inFitRange: false, leavesDomain: m.leavesDomain)
    }
    let usable = samples.filter {
      $0.estimate.isFinite && $0.effectiveStep > 0 && !$0.leavesDomain
        && $0.effectiveStep <= largestFitStep
    }
    let fit = OrderFitting.fit(
      steps: usable.map(\.effectiveStep), errors: usable.map(\.error),
      roundoffFloor: roundoffFloor, truncationIsExact: truncationIsExact)
    if let result = fit.fit {
      for i in samples.indices where samples[i].estimate.isFinite && !samples[i].leavesDomain {
        samples[i].inFitRange = result.range.contains(samples[i].effectiveStep)
      }
    }
    return Analysis(
      samples: samples, fit: fit,
      verdict: OrderVerdict(fit: fit, expected: expected, tolerance: tolerance))
  }

  /// A sweep of a first-derivative scheme on a scalar function of `T`, with the exact value
  /// known (a directional derivative from backprop, say): the estimate at each step, then
  /// `analyse` with the scheme's round-off floor at `value = f(x)` and its nominal order.
  ///
  /// Error Bounds: as `FiniteDifference.derivative(of:at:step:scheme:)` and
  /// `Taylor.roundoffFloor(scheme:value:derivative:epsilon:step:)` in `T`'s precision.
  ///
  /// Edge Cases: a step that rounds to 0 in `T` (or to a spacing of 0 at x) gives a NaN
  /// estimate, left out of the fit.
  ///
  /// Complexity: `steps.count` times the scheme's stencil evaluations of `f`, then `analyse`.
  ///
  /// - Precondition: `scheme` is a stencil, and T is one of `Precision`'s formats.
  public static func run<T: Real & BinaryFloatingPoint>(
    _ f: (T) -> T, at x: T, exact: Double, value: Double, scheme: Scheme, steps: [Double],
    expected: Double?, tolerance: Double
  ) -> SweepOutcome {
    guard let precision = Precision.allCases.first(where: { $0.epsilon == Double(T.ulpOfOne) })
    else { preconditionFailure("\(T.self) is not one of Precision's formats") }
    let measured = steps.map { h in
      SweepMeasurement(
        step: h, effectiveStep: Double(FiniteDifference.representableStep(T(h), at: x)),
        estimate: Double(FiniteDifference.derivative(of: f, at: x, step: T(h), scheme: scheme)))
    }
    let analysis = analyse(
      measured, exact: ReferenceReal(exact),
      roundoffFloor: {
        Taylor.roundoffFloor(
          scheme: scheme, value: value, derivative: exact, epsilon: precision.epsilon, step: $0)
      }, truncationIsExact: false, expected: expected, tolerance: tolerance)
    let prediction = TaylorPrediction(
      order: scheme.order, constant: .nan, leadingDerivative: nil, isExact: false,
      reason: .nominalOrder, bestStep: nil, bestError: nil)
    return SweepOutcome(
      scheme: scheme, precision: precision, samples: analysis.samples, exact: exact,
      fit: analysis.fit, prediction: prediction, expectedOrder: expected,
      verdict: analysis.verdict)
  }
}

extension SweepOutcome {
  /// The sweep's points classified from the data alone (`Regimes`), one per sample: an
  /// alternative view of where the asymptotic range lies, beside the fit range that the
  /// round-off floor model chose.
  ///
  /// Edge Cases: samples that leave the domain or have a non-finite estimate count as
  /// unusable points (see `Regimes`).
  public var regimes: Regimes {
    Regimes(
      steps: samples.map(\.effectiveStep),
      errors: samples.map { $0.leavesDomain || !$0.estimate.isFinite ? .nan : $0.error })
  }
}
