/// How far a numerical gradient is from backprop on one tensor.
public struct TensorComparison: Sendable, Equatable {
  /// One entry of a tensor.
  public struct Entry: Sendable, Equatable {
    public var tensor: String
    /// The flat (row-major) index within the tensor.
    public var index: Int
    public var analytic: Double
    public var numerical: Double
    public var absoluteError: Double { abs(analytic - numerical) }
    /// `|a - n| / max(|a|, |n|, tiny)`.
    public var relativeError: Double
  }

  /// Error statistics over a set of entries.
  public struct Statistics: Sendable, Equatable {
    public var count: Int
    public var maxAbsoluteError: Double
    /// The largest `|a - n| / max(|a|, |n|, tiny)`.
    public var maxRelativeError: Double
    /// `||a - n|| / max(||a||, ||n||)` in the 2-norm (0 when both are 0).
    public var normwiseRelativeError: Double
    /// The entries with the largest relative errors, worst first.
    public var worst: [Entry]

    public static let empty = Statistics(
      count: 0, maxAbsoluteError: 0, maxRelativeError: 0, normwiseRelativeError: 0, worst: [])
  }

  /// `W1`, `b1`, ...
  public var name: String
  /// The number of entries of the tensor.
  public var count: Int
  /// Over the entries away from relu kinks: the ones a verdict should use.
  public var statistics: Statistics
  /// Over the entries whose step crosses a relu kink (see `NetworkGradientCheck.kinkEntries`).
  public var kinkStatistics: Statistics

  public var maxAbsoluteError: Double { statistics.maxAbsoluteError }
  public var maxRelativeError: Double { statistics.maxRelativeError }
  public var normwiseRelativeError: Double { statistics.normwiseRelativeError }
  public var worst: [Entry] { statistics.worst }
  /// The number of entries near a kink, excluded from `statistics`.
  public var kinkEntries: Int { kinkStatistics.count }

  /// The relative error of one entry, `|a - n| / max(|a|, |n|, tiny)`: symmetric in the two
  /// gradients, and absolute (over `tiny`) where both are below `tiny`.
  ///
  /// Error Bounds: a few ulps (one subtraction, one division).
  ///
  /// Edge Cases: 0 when both are 0 (with `tiny > 0`); NaN when either is NaN; an infinite
  /// gradient gives NaN or 1.
  public static func relativeError(analytic a: Double, numerical n: Double, tiny: Double)
    -> Double
  {
    abs(a - n) / max(abs(a), abs(n), tiny)
  }
}

extension NetworkGradientCheck {
  /// Backprop against a numerical gradient, tensor by tensor, with the entries near relu kinks
  /// (`kinks`, flat indices per tensor) counted apart.
  ///
  /// - Parameters:
  ///   - tiny: the floor of the relative error's denominator (the smallest normal number by
  ///     default: an entry where both gradients are exactly 0 has error 0).
  ///   - worstCount: how many worst entries to keep per tensor.
  public static func compare<S: BLASScalar>(
    analytic: [[S]], numerical: [[S]], names: [String], kinks: [[Int]] = [],
    tiny: Double = Double.leastNormalMagnitude, worstCount: Int = 5
  ) -> [TensorComparison] {
    precondition(analytic.count == numerical.count && analytic.count == names.count)
    return names.indices.map { t in
      let a = analytic[t].map(Double.init)
      let n = numerical[t].map(Double.init)
      precondition(a.count == n.count, "tensor \(names[t]) differs in size")
      var isKink = [Bool](repeating: false, count: a.count)
      if t < kinks.count { for i in kinks[t] { isKink[i] = true } }
      func statistics(_ select: Bool) -> TensorComparison.Statistics {
        let indices = a.indices.filter { isKink[$0] == select }
        guard !indices.isEmpty else { return .empty }
        var entries: [TensorComparison.Entry] = []
        var (maxAbs, maxRel, diff2, a2, n2) = (0.0, 0.0, 0.0, 0.0, 0.0)
        for i in indices {
          let d = abs(a[i] - n[i])
          let r = TensorComparison.relativeError(analytic: a[i], numerical: n[i], tiny: tiny)
          maxAbs = max(maxAbs, d)
          maxRel = max(maxRel, r.isNaN ? .infinity : r)
          diff2 += d * d
          a2 += a[i] * a[i]
          n2 += n[i] * n[i]
          entries.append(
            .init(tensor: names[t], index: i, analytic: a[i], numerical: n[i], relativeError: r))
        }
        let scale = max(a2, n2).squareRoot()
        let worst = entries.sorted { $0.relativeError > $1.relativeError }.prefix(worstCount)
        return .init(
          count: indices.count, maxAbsoluteError: maxAbs, maxRelativeError: maxRel,
          normwiseRelativeError: scale == 0
            ? (diff2 == 0 ? 0 : .infinity) : diff2.squareRoot() / scale,
          worst: Array(worst))
      }
      return TensorComparison(
        name: names[t], count: a.count, statistics: statistics(false),
        kinkStatistics: statistics(true))
    }
  }
}
