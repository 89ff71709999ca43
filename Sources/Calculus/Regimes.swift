import RealModule

/// Where a point of an (h, error) sequence lies: before the error follows its asymptotic
/// power law, on it, or past it where the error stops falling (round-off, a solver's
/// tolerance).
public enum Regime: String, Sendable, Hashable, CaseIterable {
  case preAsymptotic = "pre-asymptotic"
  case asymptotic
  case floor
}

/// The regimes of an (h, error) sequence found from the data alone, with the fit over the
/// asymptotic points: what a solver's convergence order needs, with no step grid and no
/// round-off model.
public struct Regimes: Sendable, Hashable {
  /// One regime per input point, in the input's order.
  public var regimes: [Regime]
  /// The local slopes (observed orders) between successive usable points, coarse to fine:
  /// `log(e_k / e_(k+1)) / log(h_k / h_(k+1))`.
  public var localSlopes: [Double]
  /// The input indices of the asymptotic points, coarse to fine.
  public var asymptotic: [Int]
  /// The least-squares fit over the asymptotic points (nil with fewer than 2).
  public var fit: LogLogFit?

  /// Local slopes settle when each is within this fraction of their median.
  public static let settling = 0.1
  /// The smallest median slope that counts as convergence (the error must shrink with h).
  public static let minimumOrder = 0.5

  /// Classifies points of a convergence study.
  ///
  /// The points are taken coarse to fine (by decreasing h, whatever the input order). Among
  /// the usable ones (h and error finite and positive), the local slope between successive
  /// points is the observed order. The asymptotic range is the longest run of successive
  /// local slopes that settle: every slope of the run within `settling` (10%) of the run's
  /// median, and the median at least `minimumOrder` (0.5); among equally long runs, the one
  /// whose slopes lie closest to their median. Coarser points are pre-asymptotic; finer
  /// points are the floor, where the error falls more slowly than the settled order, stops
  /// falling or rises.
  ///
  /// Edge Cases:
  /// - No run settles (fewer than 2 usable points, or slopes that never agree): no point is
  ///   asymptotic; the points finer than the smallest error are the floor (the error rises
  ///   there), the rest pre-asymptotic.
  /// - A point whose error is not finite and positive (a failed level, an error that rounds
  ///   to 0) is pre-asymptotic when it is coarser than the first asymptotic point (or than
  ///   the smallest error, without a run) and floor otherwise.
  /// - One settled slope makes two asymptotic points: a verdict needs three
  ///   (`OrderCheck.judge`).
  ///
  /// Complexity: O(n³ log n) in the worst case for n points (every run's median), n a few
  /// dozen at most.
  public init(steps: [Double], errors: [Double]) {
    precondition(steps.count == errors.count, "one error per step")
    let order = steps.indices.sorted { steps[$0] > steps[$1] }
    let usable = order.filter {
      steps[$0] > 0 && steps[$0].isFinite && errors[$0] > 0 && errors[$0].isFinite
    }
    localSlopes = zip(usable, usable.dropFirst()).map { a, b in
      Double.log(errors[a] / errors[b]) / Double.log(steps[a] / steps[b])
    }
    let run = Self.settledRun(localSlopes)
    let asymptotic = run.map { Array(usable[$0.lowerBound...($0.upperBound + 1)]) } ?? []
    self.asymptotic = asymptotic
    // The boundary in decreasing h: coarser is pre-asymptotic, finer is floor.
    let firstStep: Double
    let lastStep: Double
    if let first = asymptotic.first, let last = asymptotic.last {
      (firstStep, lastStep) = (steps[first], steps[last])
    } else if let best = usable.min(by: { errors[$0] < errors[$1] }) {
      (firstStep, lastStep) = (steps[best], steps[best])
    } else {
      (firstStep, lastStep) = (-.infinity, -.infinity)
    }
    let asymptoticSet = Set(asymptotic)
    regimes = steps.indices.map { i in
      if asymptoticSet.contains(i) { return .asymptotic }
      if steps[i] < lastStep { return .floor }
      if steps[i] > firstStep { return .preAsymptotic }
      return usable.contains(i) && asymptotic.isEmpty ? .preAsymptotic : .floor
    }
    fit = LogLogFit(steps: asymptotic.map { steps[$0] }, errors: asymptotic.map { errors[$0] })
  }

  /// The longest run of slopes (as slope indices) that settle, or nil.
  static func settledRun(_ slopes: [Double]) -> ClosedRange<Int>? {
    var best: (run: ClosedRange<Int>, spread: Double)?
    for length in stride(from: slopes.count, through: 1, by: -1) where best == nil {
      for start in 0...(slopes.count - length) {
        let run = start...(start + length - 1)
        let sorted = slopes[run].sorted()
        let median =
          sorted.count % 2 == 1
          ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        guard median >= minimumOrder else { continue }
        let spread = slopes[run].map { Swift.abs($0 - median) }.max() ?? 0
        guard spread <= settling * median, spread < best?.spread ?? .infinity else { continue }
        best = (run, spread)
      }
    }
    return best?.run
  }
}
