import Calculus
import Foundation

/// What kind: backprop measured: one sweep and verdict per sampled entry and precision.
struct BackpropOutcome: Encodable, Sendable {
  struct Sample: Encodable, Sendable {
    var step: Double
    var effectiveStep: Double
    var estimate: Double
    /// The estimate minus the student's value.
    var difference: Double
    var floor: Double
  }

  struct Entry: Encodable, Sendable {
    var tensor: String
    var index: Int
    var position: [Int]
    var precision: Calculus.Precision
    var gradient: Double
    /// What the difference is measured against: |g|, or the tensor's median |g| when larger
    /// (the tolerance is a share of it).
    var scale: Double
    var sweep: [Sample]
    var agreement: DerivativeAgreement

    /// "W1[3, 7]".
    var name: String { "\(tensor)[\(position.map(String.init).joined(separator: ", "))]" }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: AnyKey.self)
      try c.encode(tensor, forKey: "tensor")
      try c.encode(position, forKey: "index")
      try c.encode(index, forKey: "flat_index")
      try c.encode(precision.rawValue, forKey: "precision")
      try c.encode(Num(gradient), forKey: "gradient")
      try c.encode(agreement.status.rawValue, forKey: "status")
      try c.encode(agreement.plateau.map(Num.init), forKey: "plateau")
      try c.encode(agreement.fittedOrder.map(Num.init), forKey: "fitted_order")
      try c.encode(agreement.leastError.map(Num.init), forKey: "least_error")
      try c.encode(agreement.leastErrorStep.map(Num.init), forKey: "least_error_step")
    }
  }

  var entries: [Entry] = []
  var shapes: [String: [Int]] = [:]
  /// Entries sampled, by precision and tensor.
  var sampled: [String: [String: Int]] = [:]

  enum CodingKeys: String, CodingKey { case entries, shapes }
}
