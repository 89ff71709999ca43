/// A directed diagram as a value: boxes with multi-line labels, labelled arrows, optional
/// clusters, laid out by Graphviz's `dot` (see `DiagramRenderer`).
///
/// Nothing here is Graphviz syntax: every text is shown as given (escaped on the way in), so
/// a label may hold any characters, `<`, `&`, quotes and Hangul included.
public struct Diagram: Sendable, Hashable {
  /// How a line of a label is set: its weight, size and colour.
  public enum Tone: String, Sendable, Hashable, CaseIterable {
    /// Bold and larger: the node's name or operation.
    case heading
    /// Regular, dark.
    case plain
    /// Smaller, grey: an expression or a shape.
    case muted
    /// Blue: a forward value.
    case forward
    /// Red: an adjoint or gradient flowing backward.
    case backward
  }

  /// One line of a label.
  public struct Line: Sendable, Hashable {
    public var text: String
    public var tone: Tone

    public init(_ text: String, tone: Tone = .plain) {
      self.text = text
      self.tone = tone
    }
  }

  /// How a node is drawn.
  public enum NodeStyle: String, Sendable, Hashable, CaseIterable {
    /// An input of the computation (kept on the left).
    case input
    /// A parameter (weights, biases).
    case parameter
    /// An intermediate operation.
    case operation
    /// The output (kept on the right).
    case output
  }

  public struct Node: Sendable, Hashable {
    /// Unique within the diagram; never shown.
    public var id: String
    public var lines: [Line]
    public var style: NodeStyle
    /// The id of the cluster the node is drawn in, if any.
    public var cluster: String?

    public init(id: String, lines: [Line], style: NodeStyle = .operation, cluster: String? = nil) {
      self.id = id
      self.lines = lines
      self.style = style
      self.cluster = cluster
    }
  }

  public struct Edge: Sendable, Hashable {
    /// The ids of the tail and the head: the arrow points from `from` to `to`.
    public var from: String
    public var to: String
    public var lines: [Line]

    public init(from: String, to: String, lines: [Line] = []) {
      self.from = from
      self.to = to
      self.lines = lines
    }
  }

  /// A box drawn around some nodes, with a caption.
  public struct Cluster: Sendable, Hashable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
      self.id = id
      self.label = label
    }
  }

  /// The direction the arrows run.
  public enum Direction: String, Sendable, Hashable, CaseIterable {
    /// Inputs on the left, the output on the right (`rankdir=LR`).
    case leftToRight = "LR"
    /// Inputs at the top (`rankdir=TB`).
    case topToBottom = "TB"
  }

  /// Shown above the drawing.
  public var title: String?
  /// Lines shown below the drawing (a legend of the notation).
  public var caption: [Line]
  public var nodes: [Node]
  public var edges: [Edge]
  public var clusters: [Cluster]
  /// The direction and folding; nil lets the renderer choose the one that fills the canvas
  /// best (see `DiagramRenderer.layout`).
  public var arrangement: Arrangement?
  /// The font families (a Pango list, the first that has a character draws it): DejaVu Sans
  /// for Latin and mathematical signs (Noto Sans CJK sets `∂` full-width, `∂ f/ ∂ v`), Noto
  /// Sans CJK KR for Hangul.
  public var fontName: String
  /// The box the drawing is fitted into, in pixels of a PNG at the renderer's dpi (vector
  /// formats get the same size in inches); nil keeps the layout's natural size.
  public var canvas: Canvas?
  /// A factor on every font size and line width.
  public var fontScale: Double

  /// A figure's size in pixels.
  ///
  /// The drawing is arranged for the canvas's aspect (the direction and folding whose
  /// drawing has the largest text when fitted, see `Arrangement`), laid out with its fonts at
  /// `fontScale` times their base sizes, its nodes spread apart along the short side until
  /// its aspect is the canvas's, then scaled uniformly (up or down) to `width` × `height`.
  /// Text is never stretched. With one side nil the canvas has no aspect: the drawing is
  /// arranged for `Diagram.defaultAspect`, not spread, and scaled until the given side is the
  /// canvas's.
  public struct Canvas: Sendable, Hashable {
    public var width: Int?
    public var height: Int?

    public init(width: Int?, height: Int?) {
      self.width = width
      self.height = height
    }

    /// Height over width, when both are given.
    var ratio: Double? {
      guard let width, let height, width > 0 else { return nil }
      return Double(height) / Double(width)
    }

    /// The sides in pixels, a missing side as large as `Canvas.free` (so the other decides).
    var pixels: (width: Int, height: Int) { (width ?? Self.free, height ?? Self.free) }

    /// A side without a size: larger than any figure.
    static let free = 100_000
  }

  public init(
    title: String? = nil, caption: [Line] = [], nodes: [Node], edges: [Edge],
    clusters: [Cluster] = [], arrangement: Arrangement? = nil,
    fontName: String = "DejaVu Sans,Noto Sans CJK KR", canvas: Canvas? = nil,
    fontScale: Double = 1
  ) {
    self.title = title
    self.caption = caption
    self.nodes = nodes
    self.edges = edges
    self.clusters = clusters
    self.arrangement = arrangement
    self.fontName = fontName
    self.canvas = canvas
    self.fontScale = fontScale
  }
}
