import RealModule

/// The one step a fixed scheme runs at when it is run once (`kind: accuracy`), and why.
public struct StepChoice: Sendable, Hashable {
  /// Why this step.
  public enum Rule: Sendable, Hashable {
    /// The complex step: tiny, `max(|x|, 1) eps²`, but not below the square root of the
    /// least normal number (the imaginary part must not underflow).
    case tiny
    /// The prediction's best step (`TaylorPrediction.bestStep`), where truncation and
    /// round-off balance.
    case predictedBest
    /// Every truncation term vanishes identically (central on a quadratic): `max(|x|, 1) / 8`,
    /// since only round-off remains and it shrinks as the step grows.
    case large
    /// No predicted step (f(x) = 0 gives no round-off scale, or the terms only vanish at the
    /// point): the textbook `eps^(1/root) max(|x|, 1)` with `root = p + 1`.
    case textbook(root: Int)
  }

  public var step: Double
  public var rule: Rule

  /// The step for `scheme` at x in `precision`, from the scheme's Taylor prediction there.
  ///
  /// Edge Cases: the step is finite and positive for every finite x; a predicted best step
  /// that is not finite and positive is not used.
  public init(scheme: Scheme, prediction: TaylorPrediction, at x: Double, precision: Precision) {
    let scale = Swift.max(Swift.abs(x), 1)
    let epsilon = precision.epsilon
    if !scheme.isStencil {
      step = Swift.max(scale * epsilon * epsilon, precision.leastNormalMagnitude.squareRoot())
      rule = .tiny
    } else if let h = prediction.bestStep, h.isFinite, h > 0 {
      (step, rule) = (h, .predictedBest)
    } else if prediction.isExact {
      (step, rule) = (scale / 8, .large)
    } else {
      let p = Double(prediction.order ?? scheme.order)
      step = scale * Double.pow(epsilon, 1 / (p + 1))
      rule = .textbook(root: Int(p) + 1)
    }
  }
}

extension Precision {
  /// The correct decimal digits of an estimate: `-log10` of its relative error (absolute
  /// where the exact value is 0), clamped to `0...digitsCap`.
  ///
  /// Error Bounds: exact up to the logarithm's rounding; an error of 0 gives the cap.
  ///
  /// Edge Cases: nil when the exact value is not finite (nothing to count against); 0 for an
  /// estimate or an error that is not finite.
  public func correctDigits(estimate: Double, exact: Double, error: Double) -> Double? {
    guard exact.isFinite else { return nil }
    guard estimate.isFinite, error.isFinite else { return 0 }
    let relative = exact == 0 ? error : error / Swift.abs(exact)
    return relative == 0 ? digitsCap : Swift.min(digitsCap, Swift.max(0, -Double.log10(relative)))
  }
}
