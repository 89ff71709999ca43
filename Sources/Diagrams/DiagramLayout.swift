import Foundation

/// A diagram as Graphviz laid it out: the arrangement chosen, the drawing's size, the zoom
/// that fits it into its canvas, and every node's box; read from Graphviz's `plain` output.
///
/// Lengths are in points (1/72 inch) of the layout, y upward, before the zoom.
public struct DiagramLayout: Sendable, Hashable {
  /// A node's box: its centre and its size.
  public struct Box: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
  }

  public var arrangement: Diagram.Arrangement
  /// The drawing with its pad.
  public var width: Double
  public var height: Double
  /// The factor Graphviz draws the layout at: 1 without a canvas, else the factor that fits
  /// the drawing into it.
  public var zoom: Double
  /// Pixels per inch of a PNG.
  public var dpi: Double
  /// The boxes by node id.
  public var nodes: [String: Box]

  /// The size in pixels of text set at `points`: its rendered font size in a PNG.
  public func pixels(ofPoints points: Double) -> Double { points * zoom * dpi / 72 }

  /// The PNG's width over its height.
  public var aspect: Double { width / height }

  /// Parses Graphviz's `plain` output (`graph scale width height`, then `node name x y w h
  /// ...`, in inches); `pad` is the graph's pad in inches, which `plain` leaves out.
  init?(plain: String, arrangement: Diagram.Arrangement, pad: Double, dpi: Double) {
    var zoom: Double?
    var size: (Double, Double)?
    var nodes: [String: Box] = [:]
    for line in plain.split(separator: "\n") {
      let fields = line.split(separator: " ", maxSplits: 6).map(String.init)
      let numbers = fields.dropFirst(2).prefix(4).compactMap(Double.init)
      switch fields.first {
      case "graph" where fields.count >= 4:
        zoom = Double(fields[1])
        if let w = Double(fields[2]), let h = Double(fields[3]) { size = (w, h) }
      case "node" where numbers.count == 4:
        let name = fields[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        nodes[name] = Box(
          x: numbers[0] * 72, y: numbers[1] * 72, width: numbers[2] * 72,
          height: numbers[3] * 72)
      default: break
      }
    }
    guard let zoom, let size else { return nil }
    self.arrangement = arrangement
    self.width = (size.0 + 2 * pad) * 72
    self.height = (size.1 + 2 * pad) * 72
    self.zoom = zoom
    self.dpi = dpi
    self.nodes = nodes
  }

  /// The zoom that fits this layout into `width` × `height` pixels at its dpi.
  func fittedZoom(width canvasWidth: Int, height canvasHeight: Int) -> Double {
    let inch = dpi / 72
    return min(
      Double(canvasWidth) / (width * inch), Double(canvasHeight) / (height * inch))
  }
}
