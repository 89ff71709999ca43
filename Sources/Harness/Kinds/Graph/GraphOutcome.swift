import Diagrams
import Foundation
import Learning

/// What a graph run measured: the nodes with their forward values and adjoints, the edges with
/// their local derivatives, the gradient, and each adjoint against independent values.
struct GraphOutcome: Encodable, Sendable {
  /// One node: an input, an operation or a layer.
  struct Node: Encodable, Sendable, Equatable {
    var id: Int
    var label: String
    /// The sub-expression (expression graphs) or `[batch, width]` (network graphs).
    var detail: String
    /// The forward value (a network layer: the Frobenius norm of its value).
    var value: Num
    /// d(output)/d(value) (a network layer: the Frobenius norm of the loss's gradient).
    var adjoint: Num
    var isInput: Bool
    /// What a network node is (nil for an expression's nodes); not in summary.json, whose
    /// `label` names it.
    var role: NetworkGraphNode.Role? = nil
    /// A network node's shape (`[]` for the loss, a scalar); nil for an expression's nodes.
    var shape: [Int]? = nil

    enum CodingKeys: String, CodingKey {
      case id, label, value, adjoint
      case detail = "expression"
      case isInput = "input"
    }
  }

  /// One edge `from -> to`: `to` reads `from`.
  struct Edge: Encodable, Sendable, Equatable {
    var from: Int
    var to: Int
    /// ∂(to)/∂(from) (nil for a network, whose local derivative is a matrix: see `rule`).
    var localDerivative: Num?
    /// The network's backward rule along the edge (`Xᵀ·δ1`), nil for expressions.
    var rule: String?
    /// The share of `from`'s adjoint carried back along the edge (for a network, its norm).
    var contribution: Num

    enum CodingKeys: String, CodingKey {
      case from, to, rule, contribution
      case localDerivative = "local_derivative"
    }
  }

  /// An adjoint (or a tensor gradient) beside the values it is checked against.
  struct Comparison: Encodable, Sendable, Equatable {
    /// The variable, or the tensor (`W1`).
    var name: String
    /// The adjoint (for a tensor: the norm of the graph's gradient).
    var adjoint: Num
    /// The symbolic partial (nil for a tensor).
    var symbolic: Num?
    /// The central difference (nil for a tensor).
    var central: Num?
    var step: Num?
    var symbolicError: Num?
    var centralError: Num?
    /// The graph's tensor gradient against backprop's, normwise relative (nil for a variable).
    var backpropError: Num?

    enum CodingKeys: String, CodingKey {
      case name, adjoint, symbolic, central
      case step = "h"
      case symbolicError = "symbolic_error"
      case centralError = "central_error"
      case backpropError = "backprop_error"
    }
  }

  /// `expression` or `network`.
  var subject: String
  /// The expression as written, or the network's description (`784-50-10 relu on 100 ...`).
  var title: String
  /// The point (expression graphs only).
  var point: PointValues?
  /// The output's value (the loss for a network).
  var output: Num
  var nodes: [Node]
  var edges: [Edge]
  /// Each variable's adjoint, or each tensor's gradient norm.
  var gradient: [String: Num]
  var comparisons: [Comparison]
  /// The time of building the graph (forward and reverse sweeps), in seconds.
  var seconds: Double
  /// The time of backprop on the same batch (network graphs only), in seconds.
  var backpropSeconds: Double?
  /// The figure in each language, laid out by the report's writer (not part of summary.json).
  var diagrams: [Language: Diagram]

  enum CodingKeys: String, CodingKey {
    case subject, nodes, edges, gradient, output, point, seconds
    case title = "graph"
    case comparisons = "adjoint_checks"
    case backpropSeconds = "backprop_seconds"
  }
}
