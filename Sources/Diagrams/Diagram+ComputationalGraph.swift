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
  /// `expressionLimit` characters is wrapped at its spaces into lines of about equal length
  /// (never cut: the node is sized to its label). The nodes are in the graph's order, so the
  /// inputs are drawn in the order the expression reads them.
  public init<T: Real & BinaryFloatingPoint>(
    _ graph: ComputationalGraph<T>, title: String? = nil, notation: GraphNotation = .english,
    expressionLimit: Int = 40
  ) {
    let nodes = graph.nodes.map { node -> Node in
      var lines = [Line(node.label, tone: .heading)]
      let text = node.expression.description
      let isInput: Bool
      if case .input = node.operation { isInput = true } else { isInput = false }
      if !isInput && text != node.label {
        lines += Self.wrapped(text, expressionLimit).map { Line($0, tone: .muted) }
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

  /// `text` in as few lines of at most `limit` characters as its spaces allow, the lines
  /// about equally long; a word longer than `limit` is a line of its own, whole.
  static func wrapped(_ text: String, _ limit: Int) -> [String] {
    guard text.count > limit, limit > 0 else { return [text] }
    let count = (text.count + limit - 1) / limit
    let width = max(1, (text.count + count - 1) / count)
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      if !line.isEmpty && (line.count >= width || line.count + 1 + word.count > limit) {
        lines.append(line)
        line = String(word)
      } else {
        line += (line.isEmpty ? "" : " ") + word
      }
    }
    return lines + [line]
  }
}
