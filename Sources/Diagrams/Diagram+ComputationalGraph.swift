import Calculus
import Foundation
import RealModule

/// The words a graph diagram uses for its notation, given by the caller in its language;
/// `english` is the default.
public struct GraphNotation: Sendable, Hashable {
  /// The legend under the title.
  public var legend: [String]
  /// The name of the output in `∂f/∂x` (the gradient line of an input).
  public var output: String

  public init(legend: [String], output: String = "f") {
    self.legend = legend
    self.output = output
  }

  /// The words when a caller gives none.
  public static let english = GraphNotation(legend: [
    "node: operation, v = forward value, ∂f/∂v = adjoint (by backprop)",
    "arrow: ∂ = local derivative ∂(head)/∂(tail), ← (∂f/∂head)·∂ flowing back",
  ])
}

extension Diagram {
  /// A lecture-slide diagram of a reverse-mode graph: inputs on the left, the output on the
  /// right; each node shows its operation, its sub-expression, its forward value `v` and its
  /// adjoint `∂f/∂v` (an input's as `∂f/∂x`); each arrow its local derivative `∂` and the share
  /// `← (∂f/∂head)·∂` of the adjoint it carries back.
  ///
  /// Numbers are printed with 4 significant digits; a sub-expression longer than
  /// `expressionLimit` characters is cut with an ellipsis.
  public init<T: Real & BinaryFloatingPoint>(
    _ graph: ComputationalGraph<T>, title: String? = nil, notation: GraphNotation = .english,
    expressionLimit: Int = 32
  ) {
    let nodes = graph.nodes.map { node -> Node in
      var lines = [Line(node.label, tone: .heading)]
      let text = node.expression.description
      let isInput: Bool
      if case .input = node.operation { isInput = true } else { isInput = false }
      if !isInput && text != node.label {
        lines.append(Line(Self.truncated(text, expressionLimit), tone: .muted))
      }
      lines.append(Line("v = " + Self.format(node.value), tone: .forward))
      let adjoint = "∂\(notation.output)/∂\(isInput ? node.label : "v") = "
      lines.append(Line(adjoint + Self.format(node.adjoint), tone: .backward))
      let style: NodeStyle =
        isInput ? .input : node.id == graph.output && !graph.edges.isEmpty ? .output : .operation
      return Node(id: "n\(node.id)", lines: lines, style: style)
    }
    let edges = graph.edges.map { edge in
      Edge(
        from: "n\(edge.from)", to: "n\(edge.to)",
        lines: [
          Line("∂ = " + Self.format(edge.localDerivative), tone: .plain),
          Line("← " + Self.format(edge.contribution), tone: .backward),
        ])
    }
    self.init(
      title: title, caption: notation.legend.map { Line($0, tone: .muted) }, nodes: nodes,
      edges: edges)
  }

  /// A number with 4 significant digits (`1.433`, `-0.0025`, `1.2e+08`, `nan`).
  public static func format<T: BinaryFloatingPoint>(_ value: T) -> String {
    let v = Double(value)
    guard v.isFinite else { return v.isNaN ? "nan" : v > 0 ? "inf" : "-inf" }
    return String(format: "%.4g", v)
  }

  static func truncated(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
  }
}
