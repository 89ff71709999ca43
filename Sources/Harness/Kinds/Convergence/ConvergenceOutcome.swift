import Calculus
import Foundation

/// What a convergence run measured: one sweep per case, point, precision and scheme, and the
/// lecture's values asserted by `checks`.
struct ConvergenceOutcome: Encodable, Sendable {
  struct Sweep: Encodable, Sendable {
    /// 1-based, as in the figure names (`case1-...`).
    var caseNumber: Int
    var f: String
    /// The q-th derivative, symbolically, for reading (nil when it has more than
    /// `Expression.readableNodeLimit` nodes).
    var derivative: String?
    var variable: String
    var at: Double
    /// The estimates at the notes' steps (double sweeps only).
    var atSteps: [StepValue]
    var outcome: SweepOutcome

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: AnyKey.self)
      try c.encode(caseNumber, forKey: "case")
      try c.encode(f, forKey: "f")
      try c.encode(outcome.derivative, forKey: "derivative")
      try c.encode(derivative, forKey: "derivative_expression")
      try c.encode(variable, forKey: "variable")
      try c.encode(Num(at), forKey: "at")
      try c.encode(atSteps, forKey: "at_steps")
      try SweepReporting.encode(outcome, into: &c)
    }
  }

  var results: [Sweep]
  /// `checks:`.
  var checks: [ValueCheck]
  /// The derivatives under test of program cases (`df`, or the adaptive reference).
  var derivativeChecks: [ProgramAgreement]? = nil

  enum CodingKeys: String, CodingKey {
    case results
    case checks = "value_checks"
    case derivativeChecks = "derivative_checks"
  }
}
