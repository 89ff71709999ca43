import RealModule

/// Where a point of an (h, error) sequence lies: before the error follows its asymptotic
/// power law (the leading error term does not dominate yet), on it, or past it where the
/// error stops falling (round-off, a solver's tolerance, a quadrature floor).
public enum Regime: String, Sendable, Hashable, Codable, CaseIterable {
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
  /// The local slopes (observed orders) between successive points, coarse to fine:
  /// `log(e_k / e_(k+1)) / log(h_k / h_(k+1))`, NaN where either point is unusable (h or error
  /// not finite and positive) or the steps are equal.
  public var localSlopes: [Double]
  /// The input indices of the asymptotic points, coarse to fine.
  public var asymptotic: [Int]
  /// The least-squares fit over the asymptotic points (nil with fewer than 2).
  public var fit: LogLogFit?

  /// The smallest median slope that counts as convergence (the error must shrink with h).
  public static let minimumOrder = 0.5

  /// The allowed spread (largest minus smallest) of the local slopes of one asymptotic run:
  /// `0.1 · max(1, median) + 0.1` (0.3 at order 2, 0.5 at order 4).
  public static func spread(median: Double) -> Double { 0.1 * Swift.max(1, median) + 0.1 }

  /// Classifies points of a convergence study.
  ///
  /// The points are taken coarse to fine (by decreasing h, whatever the input order); the
  /// local slope between successive points is the observed order. The asymptotic range is the
  /// longest run of successive local slopes that agree (largest minus smallest at most
  /// `spread(median:)`) with a median of at least `minimumOrder` (0.5): the points those
  /// slopes join. A run needs two slopes (one slope confirms nothing), unless there is only
  /// one. On a tie the finer run wins (refinement only brings a study closer to its range).
  /// Coarser points are pre-asymptotic; finer points are the floor.
  ///
  /// Error Bounds: a point is asymptotic when its slopes agree with their neighbours' within
  /// the spread; slopes drifting by less than the spread per level (a very slow
  /// pre-asymptotic approach) can join the run: the fit's interval then shows the drift.
  ///
  /// Edge Cases:
  /// - No run (fewer than two points, or slopes that never agree): no point is asymptotic;
  ///   the trailing points from which the error no longer falls at `minimumOrder` or more
  ///   (below the error of the point before them) are the floor, the rest pre-asymptotic.
  /// - An unusable point (a failed level, an error that rounds to 0) has no slope and breaks
  ///   every run through it; it is pre-asymptotic before the run and floor after it.
  /// - One slope makes two asymptotic points: a verdict needs three (`OrderCheck.judge`).
  ///
  /// Complexity: O(n³ log n) in the worst case for n points (every window's median), n a
  /// few dozen at most.
  public init(steps: [Double], errors: [Double]) {
    precondition(steps.count == errors.count, "one error per step")
    let order = steps.indices.sorted { steps[$0] > steps[$1] }
    let h = order.map { steps[$0] }
    let e = order.map { errors[$0] }
    localSlopes = zip(order, order.dropFirst()).map { a, b in
      let (e0, e1, h0, h1) = (errors[a], errors[b], steps[a], steps[b])
      guard e0 > 0, e1 > 0, e0.isFinite, e1.isFinite, h0 > 0, h1 > 0, h0.isFinite, h0 != h1
      else { return .nan }
      return Double.log(e0 / e1) / Double.log(h0 / h1)
    }
    // The regime of each sorted position.
    let sorted: [Regime]
    if let run = Self.longestRun(localSlopes) {
      // Slopes run.lowerBound...run.upperBound join points lowerBound...upperBound + 1.
      sorted = h.indices.map { i in
        i < run.lowerBound ? .preAsymptotic : (i <= run.upperBound + 1 ? .asymptotic : .floor)
      }
    } else {
      let floor = Self.floorStart(steps: h, errors: e)
      sorted = h.indices.map { i in floor.map { i >= $0 } == true ? .floor : .preAsymptotic }
    }
    var regimes = [Regime](repeating: .preAsymptotic, count: steps.count)
    for (position, index) in order.enumerated() { regimes[index] = sorted[position] }
    self.regimes = regimes
    asymptotic = order.filter { regimes[$0] == .asymptotic }
    fit = LogLogFit(steps: asymptotic.map { steps[$0] }, errors: asymptotic.map { errors[$0] })
  }

  /// Where the error stops falling (steps decreasing): the first point i ≥ 1 from which no
  /// later point is below point i − 1's error by an order of `minimumOrder` or more; nil when
  /// there is none.
  static func floorStart(steps: [Double], errors: [Double]) -> Int? {
    guard errors.count >= 2 else { return nil }
    for i in 1..<errors.count {
      let (e0, h0) = (errors[i - 1], steps[i - 1])
      let falls = (i..<errors.count).contains { j in
        let order = Double.log(e0 / errors[j]) / Double.log(h0 / steps[j])
        return e0 > 0 && errors[j] > 0 && order >= minimumOrder
      }
      if !falls { return i }
    }
    return nil
  }

  /// The slope indices of the longest run of agreeing finite slopes (finest on a tie), at
  /// least two slopes long unless there is only one; nil when none.
  static func longestRun(_ slopes: [Double]) -> ClosedRange<Int>? {
    let shortest = Swift.min(2, slopes.count)
    var best: ClosedRange<Int>?
    for start in slopes.indices where slopes[start].isFinite {
      var end = start
      while end + 1 < slopes.count, slopes[end + 1].isFinite {
        let window = slopes[start...end + 1]
        guard let low = window.min(), let high = window.max(),
          high - low <= spread(median: median(window))
        else { break }
        end += 1
      }
      guard end - start + 1 >= shortest, median(slopes[start...end]) >= minimumOrder else {
        continue
      }
      if let b = best, end - start < b.count - 1 { continue }
      best = start...end
    }
    return best
  }

  static func median(_ values: ArraySlice<Double>) -> Double {
    let sorted = values.sorted()
    let m = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
  }
}
