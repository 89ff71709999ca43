import RealModule

/// A log-uniform grid of step sizes h for a convergence sweep.
///
/// `perDecade` points per decade between `min` and `max`, with every power of ten exact (the
/// grid's `1e-3` is the `Double` literal `1e-3`, not `pow(10, -3)`), merged with the values in
/// `including` that fall inside `[min, max]` (by default the seeds' own steps `0.1`, `1e-4`
/// and `1e-5`).
///
/// Coded as `{min, max, per_decade, including}`; `including` may be omitted when decoding.
public struct StepGrid: Sendable, Hashable, Codable {
  public var min: Double
  public var max: Double
  public var perDecade: Int
  /// Extra steps to include exactly when within `[min, max]`.
  public var including: [Double]

  /// The seeds' own steps: `0.1`, `1e-4` (`numerical_diff`) and `1e-5` (`ndiff2`).
  public static let seedSteps: [Double] = [1e-1, 1e-4, 1e-5]

  /// - Precondition: `0 < min <= max`, both finite, and `perDecade >= 1`.
  public init(
    min: Double, max: Double, perDecade: Int, including: [Double] = StepGrid.seedSteps
  ) {
    if let problem = Self.problem(min: min, max: max, perDecade: perDecade) {
      preconditionFailure(problem)
    }
    self.min = min
    self.max = max
    self.perDecade = perDecade
    self.including = including
  }

  /// The steps, ascending and without duplicates.
  ///
  /// Grid points are `m_k * 10^e` with `m_k = 10^(k / perDecade)`; the decades (`k = 0`) are
  /// parsed from their decimal literal so they are the correctly rounded powers of ten. Points
  /// within a relative `1e-9` of one another are merged, keeping an `including` value or a
  /// decade over an interior grid point.
  ///
  /// Edge Cases: the bounds are inclusive with a relative tolerance of `1e-12`, so
  /// `min: 1e-8` includes `1e-8` however `min` was computed.
  ///
  /// Complexity: O(n log n) for n steps.
  public var steps: [Double] {
    let low = min * (1 - 1e-12)
    let high = max * (1 + 1e-12)
    var candidates: [(value: Double, exact: Bool)] =
      including
      .filter { $0 >= low && $0 <= high }
      .map { ($0, true) }
    let first = Int(Double.log10(min).rounded(.down)) - 1
    let last = Int(Double.log10(max).rounded(.up)) + 1
    for e in first...last {
      let decade = Double("1e\(e)")!
      for k in 0..<perDecade {
        let value = k == 0 ? decade : decade * Double.pow(10, Double(k) / Double(perDecade))
        if value >= low && value <= high { candidates.append((value, k == 0)) }
      }
    }
    // Exact values first among near-equal ones, so the merge below keeps them.
    candidates.sort { $0.value < $1.value || ($0.value == $1.value && $0.exact && !$1.exact) }
    var result: [(value: Double, exact: Bool)] = []
    for candidate in candidates {
      if let last = result.last, Swift.abs(candidate.value - last.value) <= 1e-9 * last.value {
        if candidate.exact && !last.exact { result[result.count - 1] = candidate }
        continue
      }
      result.append(candidate)
    }
    return result.map(\.value)
  }

  static func problem(min: Double, max: Double, perDecade: Int) -> String? {
    guard min.isFinite && max.isFinite && min > 0 else {
      return "step bounds must be positive and finite (min \(min), max \(max))"
    }
    guard min <= max else { return "min (\(min)) is greater than max (\(max))" }
    guard perDecade >= 1 else { return "per_decade must be at least 1 (got \(perDecade))" }
    return nil
  }

  enum CodingKeys: String, CodingKey {
    case min, max
    case perDecade = "per_decade"
    case including
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let min = try container.decode(Double.self, forKey: .min)
    let max = try container.decode(Double.self, forKey: .max)
    let perDecade = try container.decode(Int.self, forKey: .perDecade)
    if let problem = Self.problem(min: min, max: max, perDecade: perDecade) {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: problem))
    }
    self.init(
      min: min, max: max, perDecade: perDecade,
      including: try container.decodeIfPresent([Double].self, forKey: .including)
        ?? Self.seedSteps)
  }
}
