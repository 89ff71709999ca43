internal import CCairo
import Foundation

/// A file format a figure can be written in.
public enum FigureFormat: String, CaseIterable, Sendable {
  /// A raster image of exactly the figure's pixel size, drawn by Cairo.
  case png
  /// Vector graphics with real `<text>` elements (labels, ticks and legends stay searchable
  /// text), drawn by PLplot's own SVG device.
  case svg
  /// Vector graphics of the figure's size in points, drawn by Cairo.
  case pdf
  /// The figure's layout as JSON, nothing drawn: every text box and the axes in page pixels,
  /// the axes' share of the page and the house rules it breaks (for tests and for looking).
  case layout = "layout.json"
}

/// What a render did.
public struct RenderReport: Sendable {
  /// Points left out, per series label (summed over panels): non-finite coordinates and
  /// non-positive values on a log axis. A contour map's non-finite grid values are counted
  /// under "<panel title> grid". Series that lost nothing are absent.
  public var droppedPoints: [String: Int]
  /// The files written, one per requested format, in the order requested.
  public var files: [URL]
}

/// A figure that could not be rendered: names the path (or the figure) and why.
public struct RenderError: Error, CustomStringConvertible, Sendable {
  /// The file or directory concerned, or `"figure"` for a figure that makes no sense.
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  static func invalid(_ reason: String) -> RenderError {
    RenderError(path: "figure", reason: reason)
  }

  public var description: String {
    path == "figure" ? "invalid figure: \(reason)" : "cannot write '\(path)': \(reason)"
  }
}

/// Renders figures to files.
public enum Renderer {
  /// PLplot keeps global state: one render at a time, whichever thread asks.
  private static let lock = NSLock()

  /// Renders `figure` to `basePath` plus each format's extension (`fig` → `fig.png`, `fig.svg`).
  ///
  /// Every file is first written to a temporary file in the same directory and renamed into
  /// place only when all formats have succeeded, so a failed render leaves no file behind (the
  /// directory itself is created when missing). Safe to call from several threads at once:
  /// renders are serialised.
  ///
  /// Edge Cases:
  /// - Points that cannot be drawn (non-finite, or non-positive on a log axis) are left out,
  ///   breaking the line, and counted in the report; they are never drawn elsewhere.
  /// - Repeated formats are written once; no formats writes nothing.
  ///
  /// - Throws: ``RenderError`` when the directory cannot be created or written, or the figure
  ///   is inconsistent (a series with more x than y values, an empty figure, a bad grid).
  public static func render(
    _ figure: Figure, to basePath: URL, formats: [FigureFormat]
  ) throws -> RenderReport {
    let figure = figure.headed()
    let plans = try validatedPlans(figure)
    var dropped: [String: Int] = [:]
    for plan in plans { dropped.merge(plan.dropped, uniquingKeysWith: +) }
    var unique: [FigureFormat] = []
    for format in formats where !unique.contains(format) { unique.append(format) }

    lock.lock()
    defer { lock.unlock() }
    let directory = basePath.deletingLastPathComponent()
    try AtomicFiles.prepare(directory)
    var staged = AtomicFiles()
    do {
      for format in unique {
        let target = basePath.appendingPathExtension(format.rawValue)
        let temporary = try staged.reserve(for: target)
        try draw(plans, of: figure, as: format, to: temporary.path)
      }
      return RenderReport(droppedPoints: dropped, files: try staged.commit())
    } catch {
      staged.discard()
      throw error
    }
  }

  static func validatedPlans(_ figure: Figure) throws(RenderError) -> [PanelPlan] {
    guard !figure.panels.isEmpty else { throw RenderError.invalid("a figure needs a panel") }
    guard figure.columns >= 1 else { throw RenderError.invalid("columns must be at least 1") }
    guard (16...20_000).contains(figure.width), (16...20_000).contains(figure.height) else {
      throw RenderError.invalid("a size of \(figure.width)x\(figure.height) pixels")
    }
    guard figure.fontScale.isFinite, (0.25...8).contains(figure.fontScale) else {
      throw RenderError.invalid("a font scale of \(figure.fontScale) (0.25 to 8)")
    }
    var plans: [PanelPlan] = []
    for (i, panel) in figure.panels.enumerated() { plans.append(try PanelPlan(panel, index: i)) }
    return plans
  }

  /// Draws the figure into `path` in one format. Call with the lock held.
  private static func draw(
    _ plans: [PanelPlan], of figure: Figure, as format: FigureFormat, to path: String
  ) throws(RenderError) {
    let painter = Painter(width: figure.width, height: figure.height, fontScale: figure.fontScale)
    switch format {
    case .layout:
      let layout = FigureLayout(FigurePainter(figure: figure, plans: plans, painter: painter))
      do {
        try LayoutDocument(layout, figure: figure).json().write(to: URL(fileURLWithPath: path))
      } catch {
        throw RenderError(path: path, reason: "\(error)")
      }
    case .svg:
      let stream = PlotStream(device: "svg", width: figure.width, height: figure.height, file: path)
      FigurePainter(figure: figure, plans: plans, painter: painter).draw()
      stream.close()
      try SVGFile.finish(path, width: figure.width, height: figure.height, title: figure.title)
    case .png, .pdf:
      let canvas = try CairoCanvas(
        format == .png ? .png : .pdf, width: figure.width, height: figure.height, path: path)
      let stream = PlotStream(
        device: "extcairo", width: figure.width, height: figure.height, file: nil)
      stream.attach(canvas)
      FigurePainter(figure: figure, plans: plans, painter: painter).draw()
      stream.close()
      try canvas.finish(path: path)
    }
  }
}

