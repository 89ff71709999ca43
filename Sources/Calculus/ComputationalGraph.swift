import RealModule

/// What a node of a computational graph computes.
public enum GraphOperation: Hashable, Sendable {
  /// A variable of the expression: an input of the graph.
  case input(String)
  /// The whole expression when it has no variable at all.
  case constant
  /// The sum of the operands (constant terms folded in).
  case sum
  /// The product of the operands (constant factors folded in).
  case product
  /// `base ^ exponent` (a constant base or exponent folded in).
  case power
  /// A function of one argument.
  case function(Expression.Function)
}

/// One node of a computational graph: an input or one operation, with its forward value and
/// its adjoint (the derivative of the output with respect to this node's value).
public struct GraphNode<T: Real> {
  /// The node's position in `ComputationalGraph.nodes` (inputs of a node come before it).
  public var id: Int
  public var operation: GraphOperation
  /// A short name for the operation with its folded constants: `x`, `+`, `×4`, `^2`, `1/·`,
  /// `−`, `exp`.
  public var label: String
  /// The sub-expression whose value this node holds, as written.
  public var expression: Expression
  /// The forward value.
  public var value: T
  /// d(output)/d(this node's value), accumulated over every path to the output.
  public var adjoint: T
  /// The distinct nodes this node reads, in the order of their first use.
  public var inputs: [Int]
}

/// One edge `from -> to` of a computational graph: `to` reads `from`.
public struct GraphEdge<T: Real> {
  public var from: Int
  public var to: Int
  /// ∂(value of `to`)/∂(value of `from`), the other inputs of `to` held fixed; summed over the
  /// operands of `to` that are `from` (`x*x` has one edge with local derivative `2x`).
  public var localDerivative: T
  /// `adjoint(to) * localDerivative`: this edge's share of `adjoint(from)`.
  public var contribution: T
}

/// Reverse-mode differentiation of an expression at a point: the graph of its operations with
/// forward values, local derivatives on the edges, and adjoints.
///
/// Structurally equal sub-expressions are one node (hash-consing): in `sin(x^2) + cos(x^2)`
/// the node `x^2` is computed once and its adjoint gathers both uses. Sub-expressions without
/// variables (`4` in `4*x^2`, `log(2)`) are folded into the operation that reads them rather
/// than drawn as nodes. The expression is taken as written (not simplified), in the n-ary
/// form of `Expression`: `a - b` is a sum with a negation node, `a/b` a product with a
/// reciprocal node.
///
/// Error Bounds: every forward value is the operation applied to the rounded values of its
/// inputs (sums and products left to right), so the values agree with `evaluate(_:)` to a few
/// ulps times the condition of the expression; each adjoint is a sum over paths of products
/// of local derivatives, each rounded once, and agrees with the symbolic partial to the same
/// order (measured: within 1e-15 relative in `Double` on the test suite's expressions).
///
/// Edge Cases: local derivatives follow `derivative(withRespectTo:)`: `abs'(0) = 0`,
/// `relu'(0) = 0`, `sign' = step' = 0`; outside a function's domain (`log` of a negative
/// number, `sqrt'` at 0) values and adjoints are NaN or infinite as IEEE 754 gives them.
///
/// Complexity: O(n) nodes and edges and O(n) time in the size of the expression (each node is
/// keyed by its operation and its operands' ids, not by its whole sub-tree).
public struct ComputationalGraph<T: Real> {
  /// Topologically ordered: every node after its inputs; the output is the last.
  public var nodes: [GraphNode<T>]
  /// Grouped by `to` in node order, then by operand order.
  public var edges: [GraphEdge<T>]
  /// The adjoint of every variable of `point` (0 for a variable the expression does not use).
  public var gradient: [String: T]

  /// The output node's id.
  public var output: Int { nodes.count - 1 }
  /// The value of the expression.
  public var value: T { nodes[output].value }

  /// The graph of `expression` at `point`, its forward values and its adjoints.
  ///
  /// - Precondition: every variable of `expression` has a value in `point`.
  public init(_ expression: Expression, at point: [String: T]) {
    let missing = expression.variables.subtracting(point.keys)
    precondition(missing.isEmpty, "no value for the variables \(missing.sorted())")
    var builder = GraphBuilder<T>(point: point)
    if case .constant(let c, let e) = builder.operand(expression) {
      builder.append(
        .constant, label: e.description, expression: e, operands: [], value: c, locals: [])
    }
    nodes = builder.nodes
    let adjoints = Self.adjoints(count: nodes.count, edges: builder.edges)
    for i in nodes.indices { nodes[i].adjoint = adjoints[i] }
    edges = builder.edges.map {
      GraphEdge(
        from: $0.from, to: $0.to, localDerivative: $0.local,
        contribution: adjoints[$0.to] * $0.local)
    }
    var gradient: [String: T] = [:]
    for name in point.keys { gradient[name] = 0 }
    for node in nodes {
      if case .input(let name) = node.operation { gradient[name] = node.adjoint }
    }
    self.gradient = gradient
  }

  /// The reverse sweep: the output's adjoint is 1, each node's adjoint flows to its inputs
  /// along the edges, nodes visited from the output back (edges are grouped by `to`).
  private static func adjoints(count: Int, edges: [(from: Int, to: Int, local: T)]) -> [T] {
    var adjoint = [T](repeating: 0, count: count)
    adjoint[count - 1] = 1
    for edge in edges.reversed() {
      adjoint[edge.from] += adjoint[edge.to] * edge.local
    }
    return adjoint
  }
}

extension GraphNode: Sendable where T: Sendable {}
extension GraphEdge: Sendable where T: Sendable {}
extension ComputationalGraph: Sendable where T: Sendable {}

extension Expression {
  /// The reverse-mode graph of the expression at `point`: see `ComputationalGraph`.
  public func reverseMode<T: Real>(at point: [String: T]) -> ComputationalGraph<T> {
    ComputationalGraph(self, at: point)
  }
}
