extension Series {
  /// A histogram of `values` as a ``SeriesStyle/bars`` series: `x` holds the bin centres and
  /// `y` the counts.
  ///
  /// Edge Cases:
  /// - Non-finite values are not counted: `values.count - y.reduce(0, +)` of them were left out
  ///   together with those outside `range`.
  /// - With no finite value and no `range`, the bins span [0, 1].
  /// - A value equal to the upper bound falls in the last bin.
  ///
  /// Complexity: O(values.count + bins).
  public static func histogram(
    _ label: String, values: [Double], bins: Int, range: ClosedRange<Double>? = nil,
    color: Int? = nil
  ) -> Series {
    precondition(bins >= 1, "a histogram needs at least one bin")
    let finite = values.filter(\.isFinite)
    var lower = range?.lowerBound ?? finite.min() ?? 0
    var upper = range?.upperBound ?? finite.max() ?? 1
    if upper <= lower {
      lower -= 0.5
      upper += 0.5
    }
    let width = (upper - lower) / Double(bins)
    var counts = [Double](repeating: 0, count: bins)
    for v in finite where v >= lower && v <= upper {
      counts[min(bins - 1, Int((v - lower) / width))] += 1
    }
    let centres = (0..<bins).map { lower + (Double($0) + 0.5) * width }
    return Series(label, x: centres, y: counts, style: .bars, color: color)
  }
}
