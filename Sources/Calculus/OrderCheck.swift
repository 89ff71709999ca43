/// A check of a fitted order against an expectation.
public enum OrderCheck: String, Sendable, Hashable {
  case passed
  case failed
  case notChecked = "not checked"

  /// Judges a fitted order: passed when within `tolerance` of `expected`, failed otherwise.
  ///
  /// Edge Cases:
  /// - No expectation, no fitted order, or fewer than 3 points behind the fit (the order of
  ///   two points is a single local slope, nothing to confirm it): not checked.
  /// - A NaN order, expectation or tolerance fails; so does an infinite order.
  public static func judge(
    order: Double?, points: Int, expected: Double?, tolerance: Double
  ) -> OrderCheck {
    guard let expected, let order, points >= 3 else { return .notChecked }
    return Swift.abs(order - expected) <= tolerance ? .passed : .failed
  }
}

/// Whether a fit met its expected order, with the numbers that decided it.
public struct OrderVerdict: Sendable, Hashable {
  /// What the fit found.
  public var fit: FitOutcome
  /// The expected order; nil when nothing is expected.
  public var expected: Double?
  /// The allowed `|fitted - expected|`.
  public var tolerance: Double

  public init(fit: FitOutcome, expected: Double?, tolerance: Double) {
    self.fit = fit
    self.expected = expected
    self.tolerance = tolerance
  }

  /// `|fitted - expected|`, when there is both a fit and an expectation.
  public var difference: Double? {
    guard let order = fit.fit?.order, let expected else { return nil }
    return Swift.abs(order - expected)
  }

  /// The check: a fitted order by `OrderCheck.judge` (passed within `tolerance` of
  /// `expected`); an exact outcome (no truncation error) passes an expectation; no fit
  /// fails one (a sweep over a step grid that shows no straight branch failed to converge).
  /// Without an expectation nothing is checked.
  public var check: OrderCheck {
    switch fit {
    case .fitted(let fit):
      return OrderCheck.judge(
        order: fit.order, points: fit.pointCount, expected: expected, tolerance: tolerance)
    case .exact: return expected == nil ? .notChecked : .passed
    case .noFit: return expected == nil ? .notChecked : .failed
    }
  }

  /// Whether the check did not fail (a fit without an expectation passes).
  public var passed: Bool { check != .failed }
}

/// Whether a fit meets its expected order (see `OrderVerdict.passed`).
///
/// Edge Cases: a NaN difference (a NaN expectation) fails.
public func judge(_ fit: FitOutcome, expected: Double?, tolerance: Double) -> OrderVerdict {
  OrderVerdict(fit: fit, expected: expected, tolerance: tolerance)
}
