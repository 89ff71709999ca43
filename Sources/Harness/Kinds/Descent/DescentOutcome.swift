import Calculus
import Foundation

/// What a descent run measured: one path per gradient source and learning rate.
struct DescentOutcome: Encodable, Sendable {
  struct Run: Encodable, Sendable {
    var gradient: GradientSource
    var run: DescentRun

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: AnyKey.self)
      try c.encode(Num(run.learningRate), forKey: "learning_rate")
      try c.encode(gradient.rawValue, forKey: "gradient")
      try c.encode(run.update.rawValue, forKey: "update")
      try c.encode(run.status.rawValue, forKey: "status")
      try c.encode(run.stepsTaken, forKey: "steps")
      try c.encode(run.finalPoint.map(Num.init), forKey: "final_point")
      try c.encode(Num(run.finalValue), forKey: "final_value")
      try c.encode(CalculusPhrase.descentStop(stop: run.stop).english, forKey: "reason")
    }
  }

  struct PathAgreement: Encodable, Sendable {
    var learningRate: Double
    var update: UpdateRule
    var gradient: GradientSource
    var reference: GradientSource
    var maxDistance: Num
    var commonSteps: Int
    var referenceConverged: Bool
    /// The distance between the two paths at each common step (the figure draws it; not in
    /// summary.json, whose `max_distance` is its largest).
    var distances: [Double] = []

    enum CodingKeys: String, CodingKey {
      case learningRate = "learning_rate"
      case gradient, reference, update
      case maxDistance = "max_distance"
      case commonSteps = "common_steps"
      case referenceConverged = "reference_converged"
    }
  }

  var f: String
  var variables: [String]
  var updates: [UpdateRule]
  var start: PointValues
  var runs: [Run]
  var pathAgreement: [PathAgreement]

  enum CodingKeys: String, CodingKey {
    case f, variables, start, runs, updates
    case pathAgreement = "path_agreement"
  }
}
