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
    // The graph's name is the SVG's <title>, which browsers show as the page's name.
    let graph = try GraphvizGraph(name: diagram.title ?? "diagram")
    try DiagramBuilder(diagram: diagram, graph: graph).build(dpi: dpi, canvasDPI: canvasDPI)
    try graph.layout()
    return try graph.render(format: device)
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
