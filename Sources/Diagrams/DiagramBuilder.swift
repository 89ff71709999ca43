internal import CGraphviz

/// Turns a `Diagram` value into Graphviz nodes, edges and attributes: the house style of a
/// lecture slide (rounded boxes, HTML-like labels with coloured lines, inputs on the first
/// rank), in the arrangement the renderer chose.
struct DiagramBuilder {
  let diagram: Diagram
  let graph: GraphvizGraph

  /// The graph's pad, in inches: room around the drawing.
  static let pad = 0.3

  /// Builds the graph in `arrangement`. With a `dpi` the PNG is at that resolution; with the
  /// diagram's canvas the drawing is scaled to fill it (`size`), `canvasDPI` turning its pixels
  /// into inches, after its nodes are spread apart until its height is `ratio` times its width
  /// (Graphviz's `ratio`, which only spreads).
  func build(_ arrangement: Diagram.Arrangement, dpi: Double?, canvasDPI: Double, ratio: Double?)
    throws(DiagramError)
  {
    try validate()
    let g = UnsafeMutableRawPointer(graph.graph)
    let attributes: [(String, String)] = [
      ("rankdir", arrangement.direction.rawValue), ("fontname", diagram.fontName),
      ("bgcolor", "white"), ("pad", Self.number(Self.pad)), ("nodesep", "0.45"),
      ("ranksep", "0.9"), ("labelloc", "t"), ("splines", "spline"), ("newrank", "true"),
    ]
    for (name, value) in attributes { graph.set(g, name, value) }
    if let dpi { graph.set(g, "dpi", String(format: "%g", dpi)) }
    if let canvas = diagram.canvas {
      // `size` bounds the drawing with its pad; "!" scales it up as well as down.
      let inches = { (pixels: Int) in Double(pixels) / canvasDPI }
      graph.set(
        g, "size",
        String(
          format: "%.4f,%.4f!", inches(canvas.pixels.width), inches(canvas.pixels.height)))
    }
    if let ratio { graph.set(g, "ratio", String(format: "%.5f", ratio)) }
    let heading = diagram.title.map { [Diagram.Line($0, tone: .heading)] } ?? []
    let top = heading + diagram.caption
    if !top.isEmpty {
      graph.setHTMLLabel(
        g, Self.html(top, size: 15, scale: diagram.fontScale, lineGap: 2 * diagram.fontScale))
    }
    let layers = diagram.layers()
    let secondBand = Set(
      diagram.nodes.filter { node in
        arrangement.fold.map { layers[node.id, default: 0] >= $0 } ?? false
      }
      .map(\.id))
    addNodes(arrangement, layers: layers)
    addEdges(secondBand)
  }

  /// The nodes, in their clusters; the first rank holds the first layer in the diagram's order
  /// (the inputs as the expression reads them), kept by invisible arrows.
  private func addNodes(_ arrangement: Diagram.Arrangement, layers: [String: Int]) {
    let scale = diagram.fontScale
    var clusters: [String: UnsafeMutablePointer<Agraph_t>] = [:]
    for cluster in diagram.clusters {
      let sub = graph.subgraph("cluster_\(cluster.id)")
      let s = UnsafeMutableRawPointer(sub)
      graph.set(s, "style", "rounded,dashed")
      graph.set(s, "color", "#9aa5b1")
      graph.set(s, "fontname", diagram.fontName)
      graph.setHTMLLabel(
        s, Self.html([Diagram.Line(cluster.label, tone: .muted)], size: 13, scale: scale))
      clusters[cluster.id] = sub
    }
    let first = diagram.nodes.filter { $0.cluster == nil && layers[$0.id] == 0 }
    let sources = graph.subgraph("first")
    graph.set(UnsafeMutableRawPointer(sources), "rank", "source")
    let sinks = graph.subgraph("outputs")
    graph.set(UnsafeMutableRawPointer(sinks), "rank", "sink")
    for node in diagram.nodes {
      let isFirst = first.contains { $0.id == node.id }
      let container =
        node.cluster.flatMap { clusters[$0] }
        ?? (isFirst ? sources : node.style == .output && arrangement.fold == nil ? sinks : nil)
      let n = UnsafeMutableRawPointer(graph.node(node.id, in: container))
      style(n, node.style)
      graph.setHTMLLabel(n, Self.html(node.lines, size: 14, scale: scale))
    }
    for (a, b) in zip(first, first.dropFirst()) {
      let e = UnsafeMutableRawPointer(graph.edge(graph.node(a.id), graph.node(b.id)))
      graph.set(e, "style", "invis")
    }
  }

  /// The arrows with their labels; an arrow within the second band of a fold is laid out
  /// backward (head to tail, its arrowhead at its tail) so that band runs back.
  private func addEdges(_ secondBand: Set<String>) {
    let scale = diagram.fontScale
    for edge in diagram.edges {
      let back = secondBand.contains(edge.from) && secondBand.contains(edge.to)
      let (tail, head) = back ? (edge.to, edge.from) : (edge.from, edge.to)
      let e = UnsafeMutableRawPointer(graph.edge(graph.node(tail), graph.node(head)))
      if back { graph.set(e, "dir", "back") }
      for (name, value) in [
        ("color", "#4a5560"), ("penwidth", Self.number(1.4 * scale)),
        ("arrowsize", Self.number(0.8 * scale)),
        ("fontname", diagram.fontName),
      ] {
        graph.set(e, name, value)
      }
      if !edge.lines.isEmpty {
        graph.setHTMLLabel(e, Self.html(edge.lines, size: 12, scale: scale))
      }
    }
  }

  /// Every edge joins two nodes of the diagram; no id appears twice.
  private func validate() throws(DiagramError) {
    var ids = Set<String>()
    for node in diagram.nodes {
      guard ids.insert(node.id).inserted else {
        throw DiagramError(message: "two nodes have the id '\(node.id)'")
      }
    }
    for edge in diagram.edges {
      for end in [edge.from, edge.to] where !ids.contains(end) {
        throw DiagramError(message: "an edge names '\(end)', which is not a node")
      }
    }
    for node in diagram.nodes {
      if let c = node.cluster, !diagram.clusters.contains(where: { $0.id == c }) {
        throw DiagramError(message: "node '\(node.id)' is in cluster '\(c)', which is not given")
      }
    }
  }

  private func style(_ n: UnsafeMutableRawPointer, _ style: Diagram.NodeStyle) {
    let (fill, border): (String, String) =
      switch style {
      case .input: ("#e3eefb", "#2f6db5")
      case .parameter: ("#fdf1dc", "#b7791f")
      case .operation: ("#ffffff", "#4a5560")
      case .output: ("#e4f5e8", "#2f855a")
      }
    for (name, value) in [
      ("shape", "box"), ("style", "rounded,filled"), ("fillcolor", fill), ("color", border),
      ("penwidth", Self.number((style == .operation ? 1.2 : 1.8) * diagram.fontScale)),
      ("margin", "0.18,0.1"),
      ("fontname", diagram.fontName),
    ] {
      graph.set(n, name, value)
    }
  }
}

extension DiagramBuilder {
  /// The lines as HTML-like label markup (without the outer `<` `>`), every text escaped.
  /// Each line's font is `(size + its tone's step) * scale` points.
  ///
  /// With a `lineGap` (points) the lines are the rows of a borderless table, that far apart:
  /// `<BR/>` sets lines one font size apart, which Hangul in Noto Sans CJK fills to the edge,
  /// so a caption of several Korean lines reads as one block (its descenders touch the next
  /// line's tops).
  static func html(
    _ lines: [Diagram.Line], size: Double, scale: Double = 1, lineGap: Double = 0
  ) -> String {
    guard !lines.isEmpty else { return " " }
    let set = lines.map { line in
      let text = escaped(line.text)
      let body = line.tone == .heading ? "<B>\(text)</B>" : text
      let points = number((size + sizeStep(line.tone)) * scale)
      return "<FONT POINT-SIZE=\"\(points)\" COLOR=\"\(colour(line.tone))\">" + body + "</FONT>"
    }
    guard lineGap > 0 else { return set.joined(separator: "<BR/>") }
    let padding = Swift.max(1, Int((lineGap / 2).rounded()))
    return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"\(padding)\">"
      + set.map { "<TR><TD>\($0)</TD></TR>" }.joined() + "</TABLE>"
  }

  /// A size or width for an attribute: at most two decimals (`14`, `18.2`).
  static func number(_ x: Double) -> String { String(format: "%g", (x * 100).rounded() / 100) }

  /// A tone's font size step over its label's base size, in points.
  private static func sizeStep(_ tone: Diagram.Tone) -> Double {
    switch tone {
    case .heading: return 3
    case .muted: return -2
    default: return 0
    }
  }

  private static func colour(_ tone: Diagram.Tone) -> String {
    switch tone {
    case .heading, .plain: return "#1a202c"
    case .muted: return "#5f6b7a"
    case .forward: return "#1f5fae"
    case .backward: return "#c0392b"
    }
  }

  /// `&`, `<`, `>`, quotes as entities; control characters (which the HTML parser rejects)
  /// as spaces; an empty text as a non-breaking space (an empty `FONT` is an error).
  static func escaped(_ text: String) -> String {
    guard !text.isEmpty else { return "&#160;" }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7f ? " " : scalar)
      }
    }
    return out
  }
}
