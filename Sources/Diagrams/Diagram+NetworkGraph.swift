import Foundation
import Learning

/// The words a network diagram uses, in the language of the figure: its legend, the names of
/// the input and the loss (the other nodes are named by their tensors and operations), and the
/// shape of a scalar.
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

  public static let english = NetworkNotation(legend: Diagram.networkLegend, scalar: "scalar")

  public static let korean = NetworkNotation(
    legend: Diagram.networkLegendKorean, names: [.input: "입력", .loss: "손실"], scalar: "스칼라")
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

  /// The notation of a network diagram, in English.
  public static let networkLegend = [
    "node: layer, shape, |v| = norm of its value, |∂L/∂v| = norm of the loss's gradient",
    "arrow: the backward rule, ← the norm of the gradient it carries back",
  ]

  /// The notation of a network diagram, in the notes' Korean.
  public static let networkLegendKorean = [
    "노드: 층, 모양, |v| = 값의 노름, |∂L/∂v| = 손실함수 기울기의 노름",
    "화살표: 오차역전파 규칙, ← 거꾸로 전달되는 기울기의 노름",
  ]
}
