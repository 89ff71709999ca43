import Calculus
import Foundation
import Learning

/// What a gradcheck run measured: backprop against the numerical gradient tensor by tensor,
/// how long each numerical method took, and the sweeps of the loss's directional derivative.
struct GradcheckOutcome: Encodable, Sendable {
  /// One entry compared (gradients.csv and the histogram; not in summary.json).
  struct Entry: Sendable, Equatable {
    var tensor: Int
    var index: Int
    var analytic: Double
    var numerical: Double
    var relativeError: Double
    var nearKink: Bool
  }

  struct WorstEntry: Codable, Sendable, Equatable {
    var index: Int
    var analytic: Num
    var numerical: Num
    var relativeError: Num

    enum CodingKeys: String, CodingKey {
      case index, analytic, numerical
      case relativeError = "relative_error"
    }
  }

  struct Tensor: Codable, Sendable, Equatable {
    var name: String
    var shape: [Int]
    /// Entries compared (sampled ones when `parameters` is a count).
    var count: Int
    /// Entries compared away from relu kinks: what the verdict rests on.
    var smoothCount: Int
    var maxAbsError: Num
    var maxRelativeError: Num
    var normwiseRelativeError: Num
    var kinkEntries: Int
    var entriesBelowFloor: Int
    var kinkMaxRelativeError: Num
    var worst: [WorstEntry]
    var worstKink: [WorstEntry]

    enum CodingKeys: String, CodingKey {
      case name, shape, count, worst
      case smoothCount = "smooth_count"
      case maxAbsError = "max_abs_error"
      case maxRelativeError = "max_relative_error"
      case normwiseRelativeError = "normwise_relative_error"
      case kinkEntries = "kink_entries"
      case entriesBelowFloor = "entries_below_floor"
      case kinkMaxRelativeError = "kink_max_relative_error"
      case worstKink = "worst_kink"
    }
  }

  struct Timing: Codable, Sendable, Equatable {
    var fastSeconds: Num?
    var textbookSeconds: Num?
    /// With `method: both`: the largest difference between the two numerical gradients.
    var fastVsTextbookMaxDifference: Num?

    enum CodingKeys: String, CodingKey {
      case fastSeconds = "fast_seconds"
      case textbookSeconds = "textbook_seconds"
      case fastVsTextbookMaxDifference = "fast_vs_textbook_max_difference"
    }
  }

  /// The derivative of the loss along a seeded unit direction, swept over h.
  struct DirectionSweep: Encodable, Sendable {
    enum Direction: String, Codable, Sendable {
      case outputLayer = "output layer"
      case allParameters = "all parameters"
    }
    var direction: Direction
    /// The step beyond which some pre-activation crosses a relu kink along the direction.
    var kinkStep: Double?
    var outcome: SweepOutcome

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: AnyKey.self)
      try c.encode(direction.rawValue, forKey: "direction")
      try c.encode(Num(0), forKey: "at")
      try c.encode(Num(kinkStep), forKey: "kink_step")
      try SweepReporting.encode(outcome, into: &c)
    }
  }

  var network: NetworkSummary
  var dataSource: String
  var batch: Int
  var h: Double
  var scheme: Scheme
  var method: GradcheckSpec.Method
  var precision: Precision
  var loss: Num
  var parametersChecked: Int
  /// The floor of the relative error's denominator, and the round-off level it comes from.
  var relativeFloor: Double
  var roundoffLevel: Double
  var bound: Double
  var timing: Timing
  var tensors: [Tensor]
  var entries: [Entry]
  var results: [DirectionSweep]

  var kinkEntries: Int { tensors.map(\.kinkEntries).reduce(0, +) }

  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: AnyKey.self)
    try c.encode(network, forKey: "network")
    try c.encode(["source": dataSource], forKey: "data")
    try c.encode(batch, forKey: "batch")
    try c.encode(Num(h), forKey: "h")
    try c.encode(scheme.rawValue, forKey: "scheme")
    try c.encode(method.rawValue, forKey: "method")
    try c.encode(precision.rawValue, forKey: "precision")
    try c.encode(loss, forKey: "loss")
    try c.encode(parametersChecked, forKey: "parameters_checked")
    try c.encode(kinkEntries, forKey: "kink_entries")
    try c.encode(Num(relativeFloor), forKey: "relative_floor")
    try c.encode(Num(roundoffLevel), forKey: "roundoff_level")
    try c.encode(timing, forKey: "timing")
    try c.encode(tensors, forKey: "tensors")
    try c.encode(results, forKey: "results")
  }
}
