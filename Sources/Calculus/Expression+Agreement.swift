extension Expression {
  /// Where two expressions for the same function of `variable` disagree (a user's `df`
  /// against the symbolic derivative): the first argument, in the order probed, where
  /// `|self - other| > relativeTolerance * max(1, |self|)` in Double.
  ///
  /// Each point is probed with two nearby arguments, `x + 1/8` and `x - 1/16` (exact binary
  /// offsets), so an expression that agrees only at the point itself is caught.
  ///
  /// Error Bounds: the default tolerance, 1e-9, is far above the rounding of two different
  /// but equivalent formulas (a few ulps times the condition of each) for functions of
  /// moderate size and condition; equivalent formulas that cancel badly can exceed it.
  ///
  /// Edge Cases: an argument where either value is not finite (outside a domain, a pole) is
  /// skipped; nil when every probe agrees or was skipped.
  ///
  /// Complexity: 3 evaluations of each expression per point.
  public func disagreement(
    with other: Expression, variable: String, at points: [Double],
    relativeTolerance: Double = 1e-9
  ) -> (argument: Double, value: Double, other: Double)? {
    for point in points {
      for probe in [point, point + 0.125, point - 0.0625] {
        let env = [variable: probe]
        let want: Double = evaluate(env)
        let got: Double = other.evaluate(env)
        guard want.isFinite, got.isFinite else { continue }
        if Swift.abs(want - got) > relativeTolerance * Swift.max(1, Swift.abs(want)) {
          return (probe, want, got)
        }
      }
    }
    return nil
  }
}
