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
  /// How a node writes its sub-expression: `w1·x1`, `4·x²`, `a − b` (plain text with Unicode
  /// scripts, as the figures' headings write formulas; Graphviz labels have no markup).
  static let labelNotation = Expression.Notation(
    minus: " − ", times: "·", scriptedExponents: true)

  /// A lecture-slide diagram of a reverse-mode graph: inputs on the left, the output on the
  /// right; each node shows its operation, its sub-expression, its forward value `v` and its
  /// adjoint `∂f/∂v` (an input's as `∂f/∂x`); each arrow its local derivative `∂` and the share
  /// `← (∂f/∂head)·∂` of the adjoint it carries back.
  ///
  /// Numbers are printed with 4 significant digits; a sub-expression longer than
  /// `expressionLimit` characters is wrapped at its spaces into lines of about equal length
  /// (never cut: the node is sized to its label). The nodes are in the graph's order but for
  /// the inputs, which are in `readingOrder`: a neuron's picture reads x1, w1, x2, w2, ..., b.
  public init<T: Real & BinaryFloatingPoint>(
    _ graph: ComputationalGraph<T>, title: String? = nil, notation: GraphNotation = .english,
    expressionLimit: Int = 40
  ) {
    let nodes = Self.readingOrder(graph).map { graph.nodes[$0] }.map { node -> Node in
      var lines = [Line(node.label, tone: .heading)]
      let text = node.expression.text(in: Self.labelNotation)
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

  /// The graph's node indices with the inputs reordered among their places, the others kept:
  /// the inputs grouped by the node that first reads them, in the order the graph computes
  /// those (a product's two operands side by side, so Graphviz draws them without crossings),
  /// and within a group an input named x (`x`, `x1`, `x_2`: what a neuron is fed) before the
  /// others (its weight), which keep the order the expression reads them in.
  ///
  /// Edge Cases: an input no node reads (the graph of `f = x`) keeps its place among the
  /// inputs, after those read.
  static func readingOrder<T>(_ graph: ComputationalGraph<T>) -> [Int] {
    let isInput = graph.nodes.map { node -> Bool in
      if case .input = node.operation { return true }
      return false
    }
    let places = graph.nodes.indices.filter { isInput[$0] }
    let index = Dictionary(
      graph.nodes.indices.map { (graph.nodes[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
    var reader: [Int: Int] = [:]
    for edge in graph.edges {
      guard let from = index[edge.from], let to = index[edge.to] else { continue }
      reader[from] = min(reader[from] ?? to, to)
    }
    let isX = { (i: Int) in
      graph.nodes[i].label.range(of: "^x_?[0-9]*$", options: .regularExpression) != nil
    }
    let inputs = places.sorted { a, b in
      let (ra, rb) = (reader[a] ?? Int.max, reader[b] ?? Int.max)
      if ra != rb { return ra < rb }
      if isX(a) != isX(b) { return isX(a) }
      return a < b
    }
    var order = Array(graph.nodes.indices)
    for (place, input) in zip(places, inputs) { order[place] = input }
    return order
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
