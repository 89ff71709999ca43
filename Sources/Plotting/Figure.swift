/// A figure: one or more panels laid out on a grid, with an optional title above them.
///
/// `Figure` is a plain value: build it anywhere (in parallel, on any thread), then hand it to
/// ``Renderer/render(_:to:formats:)``. Labels and titles accept a small markup: `h^{2}` and
/// `x_{0}` for super- and subscripts (a single character needs no braces: `h^2`), and any
/// Unicode text (η, ∂, ∇, ×, ≈, |error|).
///
/// Edge Cases:
/// - Panels fill the grid row by row; `columns` larger than the panel count leaves empty cells.
/// - `width` and `height` are the exact pixel size of the PNG (and the SVG's size in pixels,
///   the PDF's size in points), so every format keeps the same aspect.
/// - `fontScale` multiplies every text size, line width and marker size (1.3 for slides).
public struct Figure: Sendable {
  /// A title above all panels (the experiment's title, the figure's suptitle), or `nil`.
  public var title: String?
  /// A second, smaller line under the title, or `nil` for none.
  public var subtitle: String?
  /// The words the renderer writes by itself (the note on undrawn points), in the caller's
  /// language.
  public var words: FigureWords
  /// A factor on every font size, line width and marker size; 1 is the house size.
  public var fontScale: Double
  /// The panels, in reading order.
  public var panels: [Panel]
  /// How many panels share a row.
  public var columns: Int
  /// Width of the picture in pixels.
  public var width: Int
  /// Height of the picture in pixels.
  public var height: Int

  public init(
    title: String? = nil, panels: [Panel], columns: Int = 1, width: Int = 1200, height: Int = 900,
    subtitle: String? = nil, fontScale: Double = 1, words: FigureWords = .english
  ) {
    self.title = title
    self.subtitle = subtitle
    self.panels = panels
    self.columns = columns
    self.width = width
    self.height = height
    self.fontScale = fontScale
    self.words = words
  }

  /// This figure with `options` applied: the options' title becomes the title and the figure's
  /// own title moves to the subtitle; a given size replaces the figure's; the font scale and
  /// words are set.
  public func applying(_ options: FigureOptions) -> Figure {
    var figure = self
    if let title = options.title, !title.isEmpty {
      if let own = self.title, !own.isEmpty, own != title {
        figure.subtitle = [own, subtitle].compactMap { $0 }.joined(separator: " · ")
      }
      figure.title = title
    }
    if let size = options.size {
      figure.width = size.width
      figure.height = size.height
    }
    figure.fontScale = options.fontScale
    figure.words = options.words
    return figure
  }
}

/// The words the renderer writes by itself: the note on points not drawn at their value
/// ("Not drawn at their value — central: 16 at 0 or ±∞, marked at the edge"). The caller
/// gives them in its language; Plotting knows no language.
public struct FigureWords: Sendable, Hashable {
  /// Before the list of series: "Not drawn at their value — ".
  public var undrawnHead: String
  /// Between a series' name and its counts: ": ".
  public var nameSeparator: String
  /// After the count of points at 0 or ±∞, drawn at the edge: " at 0 or ±∞, marked at the edge".
  public var offFrame: String
  /// After the count of points left out (NaN, or not positive on a log axis):
  /// " NaN or negative, left out".
  public var undrawable: String
  /// Around the counts when several series share them ("forward, central: 34 each at 0 ..."):
  /// before the count ("" in English, "각 " in Korean) and after it (" each", "").
  public var eachBefore: String
  public var eachAfter: String
  /// The legend's entry beside an edge mark, for a panel with a legend of its own (which
  /// then leaves the points at 0 or ±∞ out of its note): "0 or ±∞: marked at the edge".
  public var edgeMark: String
  /// After the count of a line's finite points past a fixed axis's range, which is marked at
  /// the edge where it leaves the axes: " beyond the axes, marked where the line leaves them".
  public var beyond: String
  /// After the count of a markers-only series' points past a fixed axis's range, which are not
  /// drawn: " beyond the axes, not drawn".
  public var hidden: String

  public init(
    undrawnHead: String, nameSeparator: String, offFrame: String, undrawable: String,
    eachBefore: String, eachAfter: String, edgeMark: String, beyond: String, hidden: String
  ) {
    self.beyond = beyond
    self.hidden = hidden
    self.undrawnHead = undrawnHead
    self.nameSeparator = nameSeparator
    self.offFrame = offFrame
    self.undrawable = undrawable
    self.eachBefore = eachBefore
    self.eachAfter = eachAfter
    self.edgeMark = edgeMark
  }

  /// The words when a caller gives none.
  public static let english = FigureWords(
    undrawnHead: "Not drawn at their value — ", nameSeparator: ": ",
    offFrame: " at 0 or ±∞, marked at the edge", undrawable: " NaN or negative, left out",
    eachBefore: "", eachAfter: " each", edgeMark: "0 or ±∞: marked at the edge",
    beyond: " beyond the axes, marked where the line leaves them",
    hidden: " beyond the axes, not drawn")
}

/// What a user sets on every figure of an experiment: a title, a size, a font scale, and the
/// words the renderer writes (in the experiment's language).
///
/// Edge Cases: `size == nil` keeps each figure's own size (figures of several panels are wider).
public struct FigureOptions: Sendable, Equatable {
  public var title: String?
  public var size: (width: Int, height: Int)?
  public var fontScale: Double
  public var words: FigureWords

  public init(
    title: String? = nil, size: (width: Int, height: Int)? = nil, fontScale: Double = 1,
    words: FigureWords = .english
  ) {
    self.title = title
    self.size = size
    self.fontScale = fontScale
    self.words = words
  }

  public static func == (a: FigureOptions, b: FigureOptions) -> Bool {
    a.title == b.title && a.size?.width == b.size?.width && a.size?.height == b.size?.height
      && a.fontScale == b.fontScale && a.words == b.words
  }
}

/// One set of axes with what is drawn in it.
public struct Panel: Sendable {
  /// The title above the axes (empty for none).
  public var title: String
  public var xAxis: Axis
  public var yAxis: Axis
  /// The vertical axis of a ``PanelContent/surface3D(_:curves:plane:azimuth:altitude:)`` panel;
  /// unused otherwise.
  public var zAxis: Axis
  /// Data series, drawn in order (later ones on top).
  public var series: [Series]
  /// Straight reference lines such as a dashed grey O(h^{2}) slope in a log-log plot.
  public var referenceLines: [ReferenceLine]
  /// Shaded x-ranges, such as the range an order was fitted on.
  public var spans: [Span]
  /// Full-height vertical lines, such as the best step observed and the one predicted.
  public var verticalMarkers: [VerticalMarker]
  /// Text placed at data coordinates.
  public var annotations: [Annotation]
  /// Where the legend goes.
  public var legend: LegendPlacement
  /// What the panel shows beneath its series: nothing, a contour map or a surface.
  public var content: PanelContent
  /// One data unit is as long on x as on y (axes that share units: contour maps, slices of a
  /// surface); the axes shrink in one direction to keep it. On a log axis the unit is a decade.
  /// For a surface panel, the base of the box keeps the x:y ratio of the grid.
  public var equalAspect: Bool
  /// Lines of text under the panel (a caption): what the reader must know that is not drawn.
  /// The renderer adds its own line when points could not be drawn at their value.
  public var notes: [String]

  public init(
    title: String = "", xAxis: Axis, yAxis: Axis, zAxis: Axis = Axis("z"),
    series: [Series] = [], referenceLines: [ReferenceLine] = [], spans: [Span] = [],
    verticalMarkers: [VerticalMarker] = [], annotations: [Annotation] = [],
    legend: LegendPlacement = .best, content: PanelContent = .xy, equalAspect: Bool = false,
    notes: [String] = []
  ) {
    self.equalAspect = equalAspect
    self.notes = notes
    self.title = title
    self.xAxis = xAxis
    self.yAxis = yAxis
    self.zAxis = zAxis
    self.series = series
    self.referenceLines = referenceLines
    self.spans = spans
    self.verticalMarkers = verticalMarkers
    self.annotations = annotations
    self.legend = legend
    self.content = content
  }
}

/// How values map onto an axis.
public enum Scale: Sendable, Equatable {
  case linear
  /// Base-10 logarithmic; ticks are labelled as powers of ten (10^{-8}).
  case log10
}

/// An axis: its label, its scale and, optionally, a fixed range.
public struct Axis: Sendable {
  public var label: String
  public var scale: Scale
  /// The visible range in data units; `nil` fits the data with a small margin.
  /// On a log axis both bounds must be positive.
  public var range: ClosedRange<Double>?
  /// Values a fitted range always contains, e.g. `[0, 1]` for an accuracy that must not be
  /// exaggerated, or `[0]` for a floor at zero. Ignored when `range` is given.
  public var including: [Double]
  /// The quantity is a whole number (epochs, steps, counts): ticks fall on integers only.
  /// Without it, an axis whose data are all integers gets integer ticks as well.
  public var isInteger: Bool

  public init(
    _ label: String = "", scale: Scale = .linear, range: ClosedRange<Double>? = nil,
    including: [Double] = [], isInteger: Bool = false
  ) {
    self.label = label
    self.scale = scale
    self.range = range
    self.including = including
    self.isInteger = isInteger
  }
}

/// How a series is drawn.
public enum SeriesStyle: Sendable, Equatable {
  case line
  case markers
  case lineAndMarkers
  /// Bars centred on each x, as wide as the smallest gap between neighbouring x values,
  /// rising from zero (from the bottom of a log axis). See ``Series/histogram(_:values:bins:range:color:)``.
  case bars
}

/// The stroke pattern of a line.
public enum Dash: Sendable, Equatable {
  case solid
  case dashed
  case dotted
  case dashDot
}

/// A data series: points `(x[i], y[i])` with a style and a legend label.
///
/// Edge Cases:
/// - A NaN coordinate, or a negative one on a log axis, is not drawn (the line breaks there).
/// - A zero on a log axis, or an infinite coordinate, lies beyond the frame: the line runs to
///   the frame's edge and an edge mark (a small triangle pointing out) shows where it left.
/// - Both kinds are counted in ``RenderReport/droppedPoints``; each panel says so in a note.
/// - Points outside a fixed axis range are clipped; where a line leaves the frame it gets
///   the same edge mark.
/// - An empty `label` keeps the series out of the legend.
/// - Two series that overlap on screen (most points of one within a pixel of the other's line)
///   are told apart: the one on top takes another dash and the markers of both alternate where
///   they meet. When they coincide, one line at the figure's resolution (every point of each
///   within a pixel of the other), its legend label gets "(= other)" (within a quarter pixel
///   everywhere) or "(≈ other)", naming the other by its ``name``; series that share only a
///   stretch get no remark.
/// - A series covered by a later one (most of its points on the later one's line, the later
///   one not on it) is drawn after it, on top.
/// - A guide (``isGuide``: a model curve, a fitted line) is never compared for coincidence.
/// - Series of one ``legendGroup`` share one legend entry with the first member's dash, in
///   grey when their colours differ: "dashed: error model" for the model curves of every
///   scheme.
public struct Series: Sendable {
  public var label: String
  /// The short name other texts use for the series (a coincidence note, the note on points not
  /// drawn): "forward" for a series labelled "forward: slope 1.00". `nil` uses `label`.
  public var name: String?
  /// A guide drawn for reference (a model curve): exempt from the coincidence rule.
  public var isGuide: Bool
  /// The legend entry the series shares with the others of the same group, or `nil` for an
  /// entry of its own.
  public var legendGroup: String?
  /// Drawn as a wide, light stroke under the other series (the stretch of a line a fit used),
  /// never hatched or shaded over the axes; exempt from the coincidence rule like a guide.
  public var isHighlight: Bool
  public var x: [Double]
  public var y: [Double]
  public var style: SeriesStyle
  public var dash: Dash
  /// Index into the house palette; `nil` takes the series' position in its panel.
  public var color: Int?
  /// Index of the marker shape; `nil` takes the series' position in its panel.
  public var marker: Int?
  /// The x-range the series was computed over (a sweep); the x axis shows all of it even when
  /// points at its ends cannot be drawn.
  public var xRange: ClosedRange<Double>?

  public init(
    _ label: String, x: [Double], y: [Double], style: SeriesStyle = .lineAndMarkers,
    dash: Dash = .solid, color: Int? = nil, marker: Int? = nil,
    xRange: ClosedRange<Double>? = nil, name: String? = nil, isGuide: Bool = false,
    legendGroup: String? = nil, isHighlight: Bool = false
  ) {
    self.isHighlight = isHighlight
    self.xRange = xRange
    self.name = name
    self.isGuide = isGuide
    self.legendGroup = legendGroup
    self.label = label
    self.x = x
    self.y = y
    self.style = style
    self.dash = dash
    self.color = color
    self.marker = marker
  }
}

/// A straight line in the panel's scaled coordinates, through an anchor point.
///
/// On log axes the slope is taken in decades, so in a log-log plot `slope: 2` through
/// `(h0, e0)` draws `e = e0 (h / h0)^2`: the O(h^{2}) guide of a convergence plot.
public struct ReferenceLine: Sendable {
  public var label: String
  public var slope: Double
  public var anchorX: Double
  public var anchorY: Double
  /// The x-range the line spans; `nil` for the whole visible axis.
  public var xRange: ClosedRange<Double>?
  public var dash: Dash
  /// Palette index, or `nil` for the house grey.
  public var color: Int?

  public init(
    _ label: String, slope: Double, through anchor: (x: Double, y: Double),
    xRange: ClosedRange<Double>? = nil, dash: Dash = .dashed, color: Int? = nil
  ) {
    self.label = label
    self.slope = slope
    self.anchorX = anchor.x
    self.anchorY = anchor.y
    self.xRange = xRange
    self.dash = dash
    self.color = color
  }
}

/// A shaded, full-height x-range with a label in the legend.
///
/// Edge Cases: every span is one light tint of its colour, never hatching; spans that overlap
/// blend their tints (a fit range is better drawn as a highlight ``Series``, see
/// `Series.isHighlight`). Spans of one ``legendGroup`` share one grey legend entry.
public struct Span: Sendable {
  public var label: String
  public var x: ClosedRange<Double>
  /// Palette index, or `nil` for a neutral grey.
  public var color: Int?
  /// The legend entry the span shares with the others of the same group, or `nil`.
  public var legendGroup: String?

  public init(
    _ label: String, x: ClosedRange<Double>, color: Int? = nil, legendGroup: String? = nil
  ) {
    self.label = label
    self.x = x
    self.color = color
    self.legendGroup = legendGroup
  }
}

/// A full-height vertical line with a label in the legend, or a short tick up from the x axis
/// (a best step: it marks a place on the axis without crossing the data).
public struct VerticalMarker: Sendable {
  public var label: String
  public var x: Double
  public var dash: Dash
  /// Palette index, or `nil` for the house dark grey.
  public var color: Int?
  /// A short tick up from the x axis instead of a full-height line.
  public var isTick: Bool

  public init(
    _ label: String, x: Double, dash: Dash = .dotted, color: Int? = nil, isTick: Bool = false
  ) {
    self.label = label
    self.x = x
    self.dash = dash
    self.color = color
    self.isTick = isTick
  }
}

/// Horizontal alignment of text about its anchor.
public enum TextAlignment: Sendable, Equatable {
  case left
  case center
  case right
}

/// Text at a point given in data coordinates.
public struct Annotation: Sendable {
  public var text: String
  public var x: Double
  public var y: Double
  public var alignment: TextAlignment
  /// Palette index, or `nil` for the text colour.
  public var color: Int?

  public init(
    _ text: String, x: Double, y: Double, alignment: TextAlignment = .left, color: Int? = nil
  ) {
    self.text = text
    self.x = x
    self.y = y
    self.alignment = alignment
    self.color = color
  }
}

/// Where a panel's legend is drawn.
public enum LegendPlacement: Sendable, Equatable {
  /// The inside corner that covers the fewest data points.
  case best
  case upperLeft
  case upperRight
  case lowerLeft
  case lowerRight
  /// Outside the data area, beside the axes (or under them when that leaves the axes more
  /// room); when some series are labelled at their lines, what is left of the legend goes
  /// inside where it covers nothing.
  case outsideRight
  case none
}

/// A function sampled on a rectangular grid: `z[i][j]` is the value at `(x[i], y[j])`.
public struct Grid2D: Sendable {
  public var x: [Double]
  public var y: [Double]
  public var z: [[Double]]

  public init(x: [Double], y: [Double], z: [[Double]]) {
    self.x = x
    self.y = y
    self.z = z
  }

  /// Samples `f` on an `nx` by `ny` grid spanning the two ranges.
  ///
  /// Complexity: O(nx ny) evaluations of `f`.
  public init(
    x: ClosedRange<Double>, y: ClosedRange<Double>, nx: Int = 61, ny: Int = 61,
    _ f: (Double, Double) -> Double
  ) {
    precondition(nx >= 2 && ny >= 2, "a grid needs at least 2 points per side")
    let xs = (0..<nx).map {
      x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(nx - 1)
    }
    let ys = (0..<ny).map {
      y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(ny - 1)
    }
    self.init(x: xs, y: ys, z: xs.map { xv in ys.map { yv in f(xv, yv) } })
  }
}

/// Contour levels of a contour map.
public enum ContourLevels: Sendable {
  /// This many levels, evenly spaced strictly between the grid's smallest and largest values.
  case count(Int)
  /// Exactly these levels.
  case values([Double])
}

/// What a panel draws beneath its series.
public enum PanelContent: Sendable {
  /// Axes and series only.
  case xy
  /// Filled contours of a grid with contour lines, series drawn on top (e.g. descent paths).
  case contour(Grid2D, levels: ContourLevels)
  /// The surface `z = f(x, y)` seen from `azimuth` and `altitude` (degrees, as PLplot's
  /// `plw3d`: azimuth 0 looks from the side of low y, 90 from the side of low x), with curves
  /// (an intersection curve, a tangent line, a point) and a plane (the slicing plane), all
  /// drawn in depth order. The panel's `series` are ignored.
  case surface3D(
    Grid2D, curves: [Curve3D], plane: Plane3D? = nil, azimuth: Double = 30,
    altitude: Double = 30)
}
