internal import CGraphviz
import Foundation

/// Graphviz keeps global state (the error handler, the error counters, plugin tables): every
/// call into it runs under this lock, one diagram at a time.
let graphvizLock = NSLock()

/// What Graphviz reported through `agerr` since the graph was created, as it sent it (a
/// message may come in pieces: `Error`, `: `, `renderer for x is unavailable`), guarded by
/// `graphvizLock` (the handler only runs inside calls made under it).
nonisolated(unsafe) private var graphvizMessages = ""

/// The `agusererrf` handler: keeps the message instead of printing it to standard error.
private func keepGraphvizMessage(_ message: UnsafeMutablePointer<CChar>?) -> Int32 {
  if let message { graphvizMessages += String(cString: message) }
  return 0
}

/// Runs `body` with a C string Graphviz may treat as mutable (cgraph takes `char *`).
func withMutableCString<R>(_ text: String, _ body: (UnsafeMutablePointer<CChar>) -> R) -> R {
  var bytes = Array(text.utf8CString)
  return bytes.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}

/// One Graphviz context and one graph, freed together (`gvFreeLayout`, `agclose`,
/// `gvFreeContext`) when the object goes away.
///
/// - Precondition: created, used and released while `graphvizLock` is held.
final class GraphvizGraph {
  private let context: OpaquePointer
  let graph: UnsafeMutablePointer<Agraph_t>
  private var laidOut = false
  private var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]

  init(name: String) throws(DiagramError) {
    graphvizMessages = ""
    _ = agseterrf(keepGraphvizMessage)
    _ = agreseterrors()
    guard let context = gvContext() else {
      throw DiagramError(message: "Graphviz could not create a context")
    }
    guard let graph = withMutableCString(name, { agopen($0, CGraphvizDirected(), nil) }) else {
      gvFreeContext(context)
      throw DiagramError(message: "Graphviz could not create a graph")
    }
    self.context = context
    self.graph = graph
  }

  deinit {
    if laidOut { gvFreeLayout(context, graph) }
    agclose(graph)
    gvFreeContext(context)
  }

  /// Graphviz's messages so far, their lines trimmed and joined by `; `, or `fallback` when
  /// it said nothing.
  static func messages(or fallback: String) -> String {
    let lines = graphvizMessages.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    return lines.isEmpty ? fallback : lines.joined(separator: "; ")
  }

  /// Sets an attribute on a graph, node or edge (declaring it with an empty default).
  func set(_ object: UnsafeMutableRawPointer, _ name: String, _ value: String) {
    withMutableCString(name) { n in
      withMutableCString(value) { v in withMutableCString("") { _ = agsafeset(object, n, v, $0) } }
    }
  }

  /// Sets an HTML-like label (`text` is the markup between the outer `<` and `>`).
  func setHTMLLabel(_ object: UnsafeMutableRawPointer, _ text: String) {
    guard let html = withMutableCString(text, { agstrdup_html(graph, $0) }) else { return }
    withMutableCString("label") { n in withMutableCString("") { _ = agsafeset(object, n, html, $0) }
    }
    agstrfree(graph, html)
  }

  /// The node named `id`, created in `subgraph` (or the root graph).
  func node(_ id: String, in subgraph: UnsafeMutablePointer<Agraph_t>? = nil)
    -> UnsafeMutablePointer<Agnode_t>
  {
    if let n = nodes[id] { return n }
    let n = withMutableCString(id) { agnode(graph, $0, 1) }!
    if let subgraph { _ = agsubnode(subgraph, n, 1) }
    nodes[id] = n
    return n
  }

  /// A subgraph of the root (`cluster_...` names draw a box).
  func subgraph(_ name: String) -> UnsafeMutablePointer<Agraph_t> {
    withMutableCString(name) { agsubg(graph, $0, 1) }!
  }

  /// A new edge `tail -> head`.
  func edge(_ tail: UnsafeMutablePointer<Agnode_t>, _ head: UnsafeMutablePointer<Agnode_t>)
    -> UnsafeMutablePointer<Agedge_t>
  {
    agedge(graph, tail, head, nil, 1)!
  }

  /// Lays the graph out with `engine`; a failure throws with Graphviz's message.
  func layout(engine: String = "dot") throws(DiagramError) {
    guard gvLayout(context, graph, engine) == 0 else {
      throw DiagramError(message: Self.messages(or: "layout with \(engine) failed"))
    }
    laidOut = true
  }

  /// The laid-out graph rendered by the device `format` (`png:cairo`, `svg`, `pdf:cairo`).
  func render(format: String) throws(DiagramError) -> [UInt8] {
    var result: UnsafeMutablePointer<CChar>? = nil
    var length: UInt32 = 0
    let status = gvRenderData(context, graph, format, &result, &length)
    defer { if let result { gvFreeRenderData(result) } }
    guard status == 0, let result, length > 0 else {
      throw DiagramError(message: Self.messages(or: "rendering as \(format) failed"))
    }
    return Array(UnsafeRawBufferPointer(start: result, count: Int(length)))
  }
}
