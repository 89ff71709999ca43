import Foundation
import Learning

/// The words a network diagram uses, given by the caller in its language: its legend, the
/// names of the input and the loss (the other nodes are named by their tensors and
/// operations), and the shape of a scalar. Diagrams knows no language; `english` is the
/// default.
public struct NetworkNotation: Sendable, Hashable {
  public var legend: [String]
  /// Shown instead of a node's own name, by role (`input`, `loss`).
  public var names: [NetworkGraphNode.Role: String]
  public var scalar: String

  public init(legend: [String], names: [NetworkGraphNode.Role: String] = [:], scalar: String) {
    self.legend = legend
    self.names = names
    self.scalar = scalar
  }

  /// The words when a caller gives none.
  public static let english = NetworkNotation(
    legend: [
      "node: layer, shape, |v| = norm of its value, |∂L/∂v| = norm of the loss's gradient",
      "arrow: the backward rule, ← the norm of the gradient it carries back",
    ], scalar: "scalar")
}

extension Diagram {
  /// A diagram of a network's layer-level graph: the input and the parameters on the left, the
  /// loss on the right; each node shows its name, its shape, the norm of its value |v| and of
  /// the loss's gradient |∂L/∂v|; each arrow the backward rule and the norm it carries back.
  ///
  /// `notation` gives the legend shown under the title and the words of the nodes.
  public init(
    _ graph: NetworkGraph<some BLASScalar>, title: String? = nil,
    notation: NetworkNotation = .english
  ) {
    let nodes = graph.nodes.map { node -> Node in
      let shape =
        node.shape.isEmpty ? notation.scalar : node.shape.map(String.init).joined(separator: "×")
      let style: NodeStyle =
        switch node.role {
        case .input: .input
        case .parameter: .parameter
        case .loss: .output
        default: .operation
        }
      return Node(
        id: "n\(node.id)",
        lines: [
          Line(notation.names[node.role] ?? node.name, tone: .heading),
          Line(shape, tone: .muted),
          Line(
            (node.role == .loss ? "L = " : "|v| = ") + Self.format(node.valueNorm),
            tone: .forward),
          Line("|∂L/∂v| = " + Self.format(node.gradientNorm), tone: .backward),
        ], style: style)
    }
    let edges = graph.edges.map { edge in
      Edge(
        from: "n\(edge.from)", to: "n\(edge.to)",
        lines: [
          Line(edge.rule, tone: .plain),
          Line("← " + Self.format(edge.gradientNorm), tone: .backward),
        ])
    }
    self.init(
      title: title,
      caption: notation.legend.map { Line($0, tone: .muted) }, nodes: nodes, edges: edges)
  }
}
