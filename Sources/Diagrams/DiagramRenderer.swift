import Foundation

/// A diagram that could not be laid out, rendered or written: Graphviz's own message where it
/// gave one, and the file when writing failed.
public struct DiagramError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public var path: String?

  public init(message: String, path: String? = nil) {
    self.message = message
    self.path = path
  }

  public var description: String { path.map { "\($0): \(message)" } ?? message }
}

/// The file formats a diagram renders to.
public enum DiagramFormat: String, Sendable, Hashable, CaseIterable {
  case png, svg, pdf

  /// The Graphviz device: cairo for PNG and PDF (antialiased, fonts through pango), the core
  /// SVG writer for SVG (its text stays text, searchable and selectable).
  var device: String {
    switch self {
    case .png: return "png:cairo"
    case .svg: return "svg"
    case .pdf: return "pdf:cairo"
    }
  }
}

/// Lays a `Diagram` out with Graphviz's `dot` and renders it.
public enum DiagramRenderer {
  /// The bytes of the diagram in `format`; PNGs at `dpi` (vector formats in points). A
  /// diagram with a `canvas` is fitted into it (see `Diagram.Canvas`): a PNG is then at most
  /// `canvas.width` × `canvas.height` pixels, one side equal, and an SVG or PDF has the same
  /// size in inches at `dpi`.
  ///
  /// Edge Cases: an edge naming a node that is not in the diagram, or two nodes with one id,
  /// throws; a layout or rendering failure (a missing cairo plugin, say) throws with
  /// Graphviz's message. Nothing is printed to standard error.
  ///
  /// Complexity: one `dot` layout (fast for the tens of nodes of a lecture graph) per call.
  public static func render(_ diagram: Diagram, format: DiagramFormat, dpi: Double = 150)
    throws(DiagramError) -> [UInt8]
  {
    try render(
      diagram, device: format.device, dpi: format == .png ? dpi : nil, canvasDPI: dpi)
  }

  /// `render` with a Graphviz device name (tests reach unknown devices through this);
  /// `canvasDPI` turns the diagram's canvas from pixels into inches.
  static func render(
    _ diagram: Diagram, device: String, dpi: Double?, canvasDPI: Double = 150
  ) throws(DiagramError) -> [UInt8] {
    graphvizLock.lock()
    defer { graphvizLock.unlock() }
    let arrangement = try chosen(diagram, dpi: canvasDPI)
    return try filled(diagram, arrangement, dpi: dpi, canvasDPI: canvasDPI).graph.render(
      format: device)
  }

  /// The layout a PNG of `diagram` at `dpi` has: the arrangement chosen for its canvas, the
  /// drawing's size, its zoom and every node's box (see `DiagramLayout`).
  ///
  /// Complexity: one `dot` layout per arrangement tried (both directions, each folded at every
  /// layer: 2 × the number of layers), then one more.
  public static func layout(_ diagram: Diagram, dpi: Double = 150) throws(DiagramError)
    -> DiagramLayout
  {
    graphvizLock.lock()
    defer { graphvizLock.unlock() }
    return try filled(diagram, chosen(diagram, dpi: dpi), dpi: dpi, canvasDPI: dpi).layout
  }

  /// The diagram laid out in `arrangement` and, with a canvas, spread to the canvas's aspect:
  /// Graphviz's `ratio` spreads the nodes but not the heading above them, so the ratio asked
  /// for is corrected (at most three times) until the whole drawing is within 1% of the
  /// canvas's aspect.
  private static func filled(
    _ diagram: Diagram, _ arrangement: Diagram.Arrangement, dpi: Double?, canvasDPI: Double
  ) throws(DiagramError) -> (graph: GraphvizGraph, layout: DiagramLayout) {
    let target = diagram.canvas?.ratio
    var ratio = target
    while true {
      let graph = try laidOut(diagram, arrangement, dpi: dpi, canvasDPI: canvasDPI, ratio: ratio)
      let layout = try plainLayout(graph, arrangement, dpi: canvasDPI)
      guard let target, let asked = ratio else { return (graph, layout) }
      let actual = layout.height / layout.width
      if abs(actual / target - 1) < 0.01 || asked > target * 8 || asked < target / 8 {
        return (graph, layout)
      }
      ratio = asked * target / actual
      if ratio == asked { return (graph, layout) }
    }
  }

  /// A folded arrangement's text counts as this much smaller: a fold turns the reading
  /// order back, so it must gain more than that.
  static let foldCost = 1.05
  /// Texts within this factor count as the same size; then the aspect nearest the canvas's
  /// decides (a drawing whose heading is its widest part has the same text in every
  /// arrangement, but fills the canvas better in one).
  static let sameSize = 1.01

  /// The arrangement whose drawing, fitted into the diagram's canvas (or a 4:3 box without
  /// one, `Diagram.defaultAspect`), has the largest text (for drawings of the same area, the
  /// aspect nearest the canvas's), the nearest aspect deciding between texts of the same size.
  /// Each is laid out by Graphviz at its natural size.
  ///
  /// - Precondition: `graphvizLock` is held.
  static func chosen(_ diagram: Diagram, dpi: Double) throws(DiagramError)
    -> Diagram.Arrangement
  {
    if let given = diagram.arrangement { return given }
    let target =
      diagram.canvas.flatMap { $0.ratio == nil ? nil : $0.pixels }
      ?? (1200, Int((1200 / Diagram.defaultAspect).rounded()))
    var natural = diagram
    natural.canvas = nil
    let aspect = Double(target.0) / Double(target.1)
    var scored: [(arrangement: Diagram.Arrangement, text: Double, misfit: Double)] = []
    for arrangement in diagram.arrangements() {
      let layout = try plainLayout(
        laidOut(natural, arrangement, dpi: dpi, canvasDPI: dpi, ratio: nil), arrangement,
        dpi: dpi)
      let zoom = layout.fittedZoom(width: target.0, height: target.1)
      scored.append(
        (
          arrangement, arrangement.fold == nil ? zoom : zoom / foldCost,
          abs(log(layout.aspect / aspect))
        ))
    }
    let largest = scored.map(\.text).max() ?? 0
    let best = scored.filter { $0.text * sameSize >= largest }.min { $0.misfit < $1.misfit }
    return best?.arrangement ?? Diagram.Arrangement(.leftToRight)
  }

  /// A graph of `diagram` in `arrangement`, laid out by `dot`.
  private static func laidOut(
    _ diagram: Diagram, _ arrangement: Diagram.Arrangement, dpi: Double?, canvasDPI: Double,
    ratio: Double?
  ) throws(DiagramError) -> GraphvizGraph {
    // The graph's name is the SVG's <title>, which browsers show as the page's name.
    let graph = try GraphvizGraph(name: diagram.title ?? "diagram")
    try DiagramBuilder(diagram: diagram, graph: graph).build(
      arrangement, dpi: dpi, canvasDPI: canvasDPI, ratio: ratio)
    try graph.layout()
    return graph
  }

  private static func plainLayout(
    _ graph: GraphvizGraph, _ arrangement: Diagram.Arrangement, dpi: Double
  ) throws(DiagramError) -> DiagramLayout {
    let plain = String(decoding: try graph.render(format: "plain"), as: UTF8.self)
    guard
      let layout = DiagramLayout(
        plain: plain, arrangement: arrangement, pad: DiagramBuilder.pad, dpi: dpi)
    else { throw DiagramError(message: "Graphviz's plain layout could not be read") }
    return layout
  }

  /// Writes the diagram to `url` in `format`, atomically: the bytes go to a temporary file
  /// beside `url` that is then renamed onto it (Foundation's `.atomic` write), so a reader
  /// never sees half a file.
  public static func write(
    _ diagram: Diagram, to url: URL, format: DiagramFormat, dpi: Double = 150
  ) throws(DiagramError) {
    let bytes = try render(diagram, format: format, dpi: dpi)
    do {
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw DiagramError(message: "cannot write the diagram (\(error))", path: url.path)
    }
  }

  /// Writes `name.png`, `name.svg`, ... into `directory` (which must exist), one per format;
  /// returns the files written.
  public static func write(
    _ diagram: Diagram, into directory: URL, name: String, formats: [DiagramFormat],
    dpi: Double = 150
  ) throws(DiagramError) -> [URL] {
    var written: [URL] = []
    for format in formats {
      let url = directory.appendingPathComponent("\(name).\(format.rawValue)")
      try write(diagram, to: url, format: format, dpi: dpi)
      written.append(url)
    }
    return written
  }
}
