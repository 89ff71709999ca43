import Calculus
import Foundation

/// `kind: graph`: the computational graph of an expression at a point, or of the notes'
/// network on a batch, with forward values, local derivatives and adjoints.
struct GraphSpec: Sendable {
  /// What the graph is built from.
  enum Subject: Sendable {
    /// `f` at `at`: the variables in natural order (or `variables:`), the point in that order.
    case expression(f: Expression, text: String, variables: [String], point: [Double])
    /// `network` on the first `data.batch` (default 100) training images of `data`.
    case network(NetworkSpec, DataSpec)
  }

  var subject: Subject
  /// Largest relative difference between an adjoint and the symbolic partial.
  var symbolicTolerance: Double
  /// Largest relative difference between an adjoint and the central difference.
  var centralTolerance: Double
  /// Largest relative difference (normwise) between the graph's and backprop's tensor gradients.
  var backpropTolerance: Double
}

extension GraphSpec: Decodable {
  static let keys = ["f", "variables", "at", "network", "data", "expect"]

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: Experiment.commonKeys + Self.keys, in: "a graph experiment")
    let hasExpression = c.contains(AnyKey("f"))
    let networkKey = ["network", "data"].first { c.contains(AnyKey($0)) }
    if hasExpression, let networkKey {
      throw c.error(
        networkKey,
        "'f' and '\(networkKey)' cannot both be given: a graph is of an expression (f, at) or of "
          + "a network (network, data)")
    }
    if hasExpression {
      let source = try c.required(
        "f", as: ExpressionSource.self, expected: "an expression in x, y, ... or x0, x1, ...")
      let variables = try decodeVariables(c, f: source)
      let points = try decodePoints(c, key: "at", f: source, variables: variables)
      guard points.count == 1 else { throw c.error("at", "'at' is one point for a graph") }
      subject = .expression(
        f: source.expression, text: source.text, variables: variables, point: points[0])
    } else if networkKey != nil {
      for key in ["at", "variables"] where c.contains(AnyKey(key)) {
        throw c.error(key, "'\(key)' belongs to an expression's graph (f, at), not a network's")
      }
      let network =
        try c.optional("network", as: NetworkSpec.self, expected: "a mapping")
        ?? NetworkSpec.defaults
      let data = try c.required("data", as: DataSpec.self, expected: "{source, batch}")
      subject = .network(network, data)
    } else {
      throw ExperimentError(
        at: decoder.mark,
        "a graph experiment needs 'f' and 'at' (an expression at a point) or 'network' and "
          + "'data' (the notes' network on a batch)")
    }
    let expect =
      try c.optional("expect", as: GraphExpectations.self, expected: "a mapping")
      ?? GraphExpectations()
    symbolicTolerance = expect.symbolic
    centralTolerance = expect.central
    backpropTolerance = expect.backprop
  }

  /// `expect: {symbolic: 1e-12, central: 1e-6, backprop: 1e-10}`: relative bounds.
  struct GraphExpectations: Decodable {
    var symbolic = 1e-12
    var central = 1e-6
    var backprop = 1e-10
    init() {}
    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: ["symbolic", "central", "backprop"], in: "'expect'")
      for key in ["symbolic", "central", "backprop"] {
        guard let bound = try c.positive(key, expected: "a positive relative bound") else {
          continue
        }
        switch key {
        case "symbolic": symbolic = bound
        case "central": central = bound
        default: backprop = bound
        }
      }
    }
  }
}
