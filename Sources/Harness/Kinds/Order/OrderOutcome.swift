import Calculus
import Foundation

/// Why one level gave no number.
enum LevelFailure: Sendable, Equatable {
  case cannotStart(String)
  case exited(Int32)
  case signalled(Int32)
  case timedOut(seconds: Double)
  /// The last line of standard output is not a finite number (nil: no output at all).
  case notANumber(String?)
}

/// What one level of one case measured.
struct LevelOutcome: Sendable {
  var level: OrderSpec.Level
  /// The error or value the program printed; nil when it failed.
  var measured: Double?
  var seconds: Double
  var failure: LevelFailure?
  /// The last lines of the program's standard error (kept for a failed level).
  var errorTail: [String]
}

/// What an order run measured: per case its levels and, when every level gave a number, the
/// study of them.
struct OrderOutcome: Encodable, Sendable {
  struct CaseOutcome: Encodable, Sendable {
    var name: String
    var command: [String]
    var output: OrderStudyOutput
    var levels: [LevelOutcome]
    /// nil when a level failed.
    var study: OrderStudy?
    var expected: Double?
    var tolerance: Double

    var verdict: OrderStudyVerdict? {
      guard let expected else { return nil }
      guard let study else { return .notChecked(.noFit) }
      return study.verdict(expected: expected, tolerance: tolerance)
    }

    /// The levels that failed, counted from 1.
    var failedLevels: [Int] { levels.indices.filter { levels[$0].failure != nil }.map { $0 + 1 } }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: AnyKey.self)
      try c.encode(name, forKey: "name")
      try c.encode(command, forKey: "command")
      try c.encode(output.rawValue, forKey: "output")
      try c.encode(levelRecords, forKey: "levels")
      let orders = study.map { $0.localSlopes.map(Num.init) }
      try c.encode(orders ?? [], forKey: "observed_orders")
      try c.encode(Num(study?.fit?.slope), forKey: "fitted_order")
      let interval = study?.fit.map { f in
        [Num(f.slopeInterval?.lowerBound ?? .nan), Num(f.slopeInterval?.upperBound ?? .nan)]
      }
      try c.encode(interval, forKey: "order_interval")
      try c.encode(study?.asymptoticLevels.map { $0 + 1 } ?? [], forKey: "asymptotic_levels")
      try c.encode(study?.status.rawValue ?? "no-fit", forKey: "status")
      try c.encode(failedLevels, forKey: "failed_levels")
      if output == .value {
        try c.encode(Num(study?.gci?.extrapolated), forKey: "extrapolated_value")
        try c.encode(Num(study?.gci?.gciFine), forKey: "gci_fine")
        try c.encode(Num(study?.gci?.asymptoticRatio), forKey: "asymptotic_ratio")
        try c.encode(Num(study?.gci?.order), forKey: "gci_order")
      }
      try c.encode(Num(expected), forKey: "expected_order")
      try c.encode(tolerance, forKey: "tolerance")
      try c.encode(verdict?.passed, forKey: "passed")
    }

    private var levelRecords: [LevelRecord] {
      levels.indices.map { i in
        LevelRecord(
          level: i + 1, n: levels[i].level.n, h: levels[i].level.h,
          measuredKey: output.rawValue, measured: levels[i].measured,
          seconds: levels[i].seconds, regime: study?.regimes[i].rawValue,
          observedOrder: study?.observedOrders[i],
          failure: levels[i].failure.map { OrderPhrase.levelFailure($0).text(.en) })
      }
    }
  }

  /// One entry of a result's `levels`.
  struct LevelRecord: Encodable {
    var level: Int
    var n: Int?
    var h: Double
    var measuredKey: String
    var measured: Double?
    var seconds: Double
    var regime: String?
    var observedOrder: Double?
    var failure: String?

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: AnyKey.self)
      try c.encode(level, forKey: "level")
      try c.encode(n, forKey: "n")
      try c.encode(h, forKey: "h")
      try c.encode(Num(measured), forKey: AnyKey(measuredKey))
      try c.encode(seconds, forKey: "seconds")
      try c.encode(regime, forKey: "regime")
      try c.encode(Num(observedOrder), forKey: "observed_order")
      if let failure { try c.encode(failure, forKey: "failure") }
    }
  }

  var results: [CaseOutcome]
}
