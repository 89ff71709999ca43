import RealModule

/// Where a refinement study's levels stand: before the asymptotic range (the leading error
/// term does not dominate yet), in it, or after it (the error no longer falls: round-off, an
/// iteration tolerance or a quadrature floor).
public enum ConvergenceRegime: String, Sendable, Hashable, Codable, CaseIterable {
  case preAsymptotic = "pre-asymptotic"
  case asymptotic
  case floor
}

/// Splits a sequence of errors (or successive differences) at decreasing steps into
/// pre-asymptotic, asymptotic and floor levels, from the data alone.
///
/// The observed order between points i and i + 1 is `log(e_i / e_{i+1}) / log(h_i / h_{i+1})`.
/// The asymptotic range is the longest run of consecutive observed orders that agree with each
/// other (largest minus smallest at most `spread(median)` = 0.1 · max(1, median) + 0.1) and whose
/// median is at least `minimumOrder` (0.5): the points those orders join. On a tie the finer run
/// wins (refinement only brings a study closer to its asymptotic range). Points before the run
/// are pre-asymptotic; points after it are the floor.
///
/// Error Bounds: a point is asymptotic when its observed orders agree with their neighbours'
/// within the spread; an order drifting by less than the spread per level (a very slow
/// pre-asymptotic approach) can join the run: the fitted interval then shows the drift.
///
/// Edge Cases: a zero, negative or non-finite error has no observed order and breaks every run
/// through it; with no run of two agreeing orders (fewer than three points, or no agreement)
/// every point is pre-asymptotic, except the trailing points from which the error no longer
/// falls at `minimumOrder` or more (`floorStart`), which are the floor.
public enum ConvergenceRegimes {
  /// The observed orders between successive points (count − 1 of them; nan where either error is
  /// not positive and finite, or the steps are equal).
  public static func observedOrders(steps: [Double], errors: [Double]) -> [Double] {
    precondition(steps.count == errors.count, "steps and errors must have the same count")
    guard steps.count >= 2 else { return [] }
    return (0..<steps.count - 1).map { i in
      let (e0, e1, h0, h1) = (errors[i], errors[i + 1], steps[i], steps[i + 1])
      guard e0 > 0, e1 > 0, e0.isFinite, e1.isFinite, h0 > 0, h1 > 0, h0 != h1 else {
        return .nan
      }
      return Double.log(e0 / e1) / Double.log(h0 / h1)
    }
  }

  /// The allowed spread (largest minus smallest) of observed orders within one asymptotic run.
  public static func spread(median: Double) -> Double { 0.1 * Swift.max(1, median) + 0.1 }

  /// The regime of each point (same count as `errors`).
  public static func classify(
    steps: [Double], errors: [Double], minimumOrder: Double = 0.5
  ) -> [ConvergenceRegime] {
    let orders = observedOrders(steps: steps, errors: errors)
    guard let run = longestRun(orders, minimumOrder: minimumOrder) else {
      let floor = floorStart(steps: steps, errors: errors, minimumOrder: minimumOrder)
      return errors.indices.map { i in floor.map { i >= $0 } == true ? .floor : .preAsymptotic }
    }
    // Orders run.lowerBound...run.upperBound join points lowerBound...upperBound + 1.
    return (0..<errors.count).map { i in
      i < run.lowerBound ? .preAsymptotic : (i <= run.upperBound + 1 ? .asymptotic : .floor)
    }
  }

  /// Where the error stops falling: the first point i ≥ 1 from which no later point is below
  /// point i − 1's error by an order of `minimumOrder` or more (nil when there is none).
  static func floorStart(steps: [Double], errors: [Double], minimumOrder: Double) -> Int? {
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

  /// The indices of the longest run of at least two agreeing finite orders (finest on a tie).
  static func longestRun(_ orders: [Double], minimumOrder: Double) -> ClosedRange<Int>? {
    var best: ClosedRange<Int>?
    for start in orders.indices where orders[start].isFinite {
      var end = start
      while end + 1 < orders.count, orders[end + 1].isFinite {
        let window = orders[start...end + 1]
        guard let lo = window.min(), let hi = window.max(),
          hi - lo <= spread(median: median(Array(window)))
        else { break }
        end += 1
      }
      guard end > start, median(Array(orders[start...end])) >= minimumOrder else { continue }
      if let b = best, end - start < b.count - 1 { continue }
      best = start...end
    }
    return best
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let m = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
  }
}
