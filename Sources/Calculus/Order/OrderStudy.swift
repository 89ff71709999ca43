/// What a refinement study measures at each level: the error against a known solution, or a
/// value whose exact solution is unknown.
public enum OrderStudyOutput: String, Sendable, Hashable, Codable, CaseIterable {
  /// Each level's error (positive; its order is the slope of error against h).
  case error
  /// Each level's value; the order comes from successive differences |φ_i − φ_{i+1}|.
  case value
}

/// How a study's fit came out.
public enum OrderStudyStatus: String, Sendable, Hashable, Codable {
  /// At least three points lie in the asymptotic range and were fitted.
  case fitted
  /// Fewer than three asymptotic points, and the finest levels are still before the range.
  case preAsymptotic = "pre-asymptotic"
  /// Fewer than three asymptotic points, and the finest levels are at the round-off floor.
  case roundOffFloor = "round-off-floor"
  /// Too few levels, or nothing the data can be split into.
  case noFit = "no-fit"
}

/// The observed convergence order of a solver from a refinement study: levels coarse to fine,
/// each with its step h and its error (or value), the observed orders between levels, each
/// level's regime (`Regimes`), a log-log fit over the asymptotic range only with a
/// 95% interval (`LogLogFit`), and for values Richardson extrapolation and the GCI of the finest
/// grid from the three finest asymptotic levels (`GridConvergenceIndex`).
///
/// For `output: .value` the fitted sequence is the successive differences d_i = |φ_i − φ_{i+1}|
/// at h_i: for a constant refinement ratio r, d_i = C h_i^p (1 − r^{−p}) has slope p; with
/// ratios that vary, the fitted slope is biased by how (1 − (h_{i+1}/h_i)^p) varies, while the
/// GCI's order handles any ratios.
///
/// Error Bounds: those of `LogLogFit` for the slope and its interval, of `Regimes` for
/// the split, of `GridConvergenceIndex` for the extrapolation.
///
/// Edge Cases: fewer than three fitted points (three levels for errors, four for values) is not
/// fitted: `status` says whether the study is pre-asymptotic, at the floor or too short, and
/// `verdict` is not checked (`OrderCheck.judge`). A level whose error is zero or negative has no observed order and
/// ends up outside the asymptotic range.
public struct OrderStudy: Sendable, Hashable, Codable {
  public var output: OrderStudyOutput
  /// Each level's step, coarse to fine (decreasing).
  public var steps: [Double]
  /// Each level's error or value.
  public var measured: [Double]
  /// Each level's observed order: for errors, between level i − 1 and i (nil at the first);
  /// for values, from the differences of levels i − 2, i − 1 and i (nil at the first two).
  public var observedOrders: [Double?]
  /// The log-log slopes between successive fitted points (NaN where a point is unusable),
  /// as `Regimes` computed them.
  public var localSlopes: [Double]
  /// Each level's regime.
  public var regimes: [Regime]
  /// The points fitted: the levels' errors, or the successive differences at the coarser step.
  public var fittedSteps: [Double]
  public var fittedValues: [Double]
  /// Which of `fittedSteps` are in the asymptotic range (0-based).
  public var fittedPoints: [Int]
  /// The fit over the asymptotic range, when it holds at least three points.
  public var fit: LogLogFit?
  public var status: OrderStudyStatus
  /// Richardson extrapolation and GCI from the three finest asymptotic levels (values only).
  public var gci: GridConvergenceIndex?

  /// The levels (0-based) in the asymptotic range.
  public var asymptoticLevels: [Int] { regimes.indices.filter { regimes[$0] == .asymptotic } }

  /// Analyses `measured` at `steps` (decreasing).
  public init(steps: [Double], measured: [Double], output: OrderStudyOutput) {
    precondition(steps.count == measured.count, "steps and measured must have the same count")
    self.output = output
    self.steps = steps
    self.measured = measured
    switch output {
    case .error:
      fittedSteps = steps
      fittedValues = measured
    case .value:
      let n = Swift.max(0, steps.count - 1)
      fittedSteps = Array(steps.prefix(n))
      fittedValues = (0..<n).map { Swift.abs(measured[$0] - measured[$0 + 1]) }
    }
    let split = Regimes(steps: fittedSteps, errors: fittedValues)
    let orders = split.localSlopes
    localSlopes = orders
    let lead = output == .error ? 1 : 2
    observedOrders = steps.indices.map { i in
      i >= lead && i - lead < orders.count && orders[i - lead].isFinite ? orders[i - lead] : nil
    }
    let pointRegimes = split.regimes
    fittedPoints = pointRegimes.indices.filter { pointRegimes[$0] == .asymptotic }
    regimes = Self.levelRegimes(pointRegimes, output: output, levels: steps.count)
    fit = nil
    gci = nil
    status = .noFit
    if fittedPoints.count >= 3 { fit = split.fit }
    status = Self.status(fit: fit, regimes: pointRegimes, orders: orders)
    let levels = asymptoticLevels
    if output == .value, status == .fitted, levels.count >= 3 {
      let (a, b, c) = (levels[levels.count - 1], levels[levels.count - 2], levels[levels.count - 3])
      gci = GridConvergenceIndex(
        fine: measured[a], medium: measured[b], coarse: measured[c],
        steps: (steps[a], steps[b], steps[c]))
    }
  }

  /// The regime of each level from the regimes of the fitted points: for values, a difference
  /// d_i joins levels i and i + 1.
  static func levelRegimes(
    _ points: [Regime], output: OrderStudyOutput, levels: Int
  ) -> [Regime] {
    guard output == .value else { return points }
    guard let first = points.firstIndex(of: .asymptotic),
      let last = points.lastIndex(of: .asymptotic)
    else {
      return (0..<levels).map { $0 < points.count ? points[$0] : (points.last ?? .preAsymptotic) }
    }
    return (0..<levels).map {
      $0 < first ? .preAsymptotic : ($0 <= last + 1 ? .asymptotic : .floor)
    }
  }

  /// `fitted` with a fit; else `no-fit` for a study too short or whose error never falls at an
  /// order of 0.5 or more (an inconsistent solver: no floor, no range); else what the finest
  /// points are.
  static func status(fit: LogLogFit?, regimes: [Regime], orders: [Double])
    -> OrderStudyStatus
  {
    if fit != nil { return .fitted }
    if regimes.count < 3 || !orders.contains(where: { $0 >= 0.5 }) { return .noFit }
    if regimes.last == .floor { return .roundOffFloor }
    if regimes.contains(.preAsymptotic) { return .preAsymptotic }
    return .noFit
  }

  /// The fitted order, when there is a fit.
  public var order: Double? { fit?.slope }

  /// Judges the fitted order against `expected` within `tolerance` by `OrderCheck.judge`
  /// (the one rule for an order and its expectation), with the study's status when nothing
  /// was fitted.
  public func verdict(expected: Double, tolerance: Double) -> OrderStudyVerdict {
    guard let fit else { return .notChecked(status) }
    let difference = Swift.abs(fit.slope - expected)
    switch OrderCheck.judge(
      order: fit.slope, points: fit.pointCount, expected: expected, tolerance: tolerance)
    {
    case .passed: return .passed(order: fit.slope, difference: difference)
    case .failed: return .failed(order: fit.slope, difference: difference)
    case .notChecked: return .notChecked(status)
    }
  }
}

/// Whether a study's fitted order meets the expected one.
public enum OrderStudyVerdict: Sendable, Hashable {
  /// |fitted − expected| ≤ tolerance.
  case passed(order: Double, difference: Double)
  /// |fitted − expected| > tolerance.
  case failed(order: Double, difference: Double)
  /// No fit (fewer than three asymptotic points): never passed.
  case notChecked(OrderStudyStatus)

  public var passed: Bool? {
    switch self {
    case .passed: return true
    case .failed: return false
    case .notChecked: return nil
    }
  }
}

extension OrderStudy {
  /// Runs `solve` at every level of `levels` (coarse to fine; h = 1/n unless `step` says
  /// otherwise) and studies what it returns: the Swift API of `kind: order`, for a package's
  /// own tests.
  ///
  ///     let study = try OrderStudy.run(levels: [8, 16, 32, 64, 128]) { n in
  ///       abs(trapezoid(sin, 0, .pi, n) - 2)
  ///     }
  ///     #expect(study.verdict(expected: 2, tolerance: 0.1).passed == true)
  public static func run(
    levels: [Int], step: (Int) -> Double = { 1 / Double($0) }, output: OrderStudyOutput = .error,
    _ solve: (Int) throws -> Double
  ) rethrows -> OrderStudy {
    let values = try levels.map(solve)
    return OrderStudy(steps: levels.map(step), measured: values, output: output)
  }
}

extension OrderStudy {
  /// The regime of each fitted point (the levels' for errors; for values, difference i is in
  /// the regime its coarser level i has, and asymptotic when both its levels are).
  public var fittedRegimes: [Regime] {
    fittedSteps.indices.map { i in
      output == .error || regimes[i] != .asymptotic
        ? regimes[i] : (regimes[i + 1] == .asymptotic ? .asymptotic : .floor)
    }
  }
}
