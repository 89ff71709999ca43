import Foundation

/// A point in world coordinates (log10 of the data on a log axis).
struct WorldPoint {
  var x: Double
  var y: Double
}

/// A series resolved against its panel's axes: drawable pieces and house colours.
///
/// A point whose value lies beyond any frame (zero on a log axis, ±∞) keeps an infinite world
/// coordinate: the line runs out of the frame there and is marked at the edge. A point that
/// has no place at all (NaN, negative on a log axis) breaks the line.
struct ResolvedSeries {
  var label: String
  /// The short name notes use (the label when the series has none).
  var name: String
  var style: SeriesStyle
  var dash: Dash
  var color: HouseStyle.RGB
  var marker: Int
  /// A wide, light stroke under the others (`Series.isHighlight`).
  var isHighlight = false
  /// Runs of consecutive points; a point without a place breaks the line.
  var segments: [[WorldPoint]]
  /// Points beyond every frame (infinite world coordinate).
  var offFrame: Int
  /// Points without a place (NaN, negative on a log axis).
  var undrawable: Int
  /// A line's finite points past the visible range of a fixed axis (it is marked at the edge
  /// where it leaves the axes); not counted for guides and highlights, which may run past it,
  /// nor for markers and bars.
  var beyond = 0
  /// A markers-only series' finite points past the visible range of a fixed axis: not drawn
  /// (the painter draws the markers on the axes only).
  var hidden = 0
  /// The declared x-range in world units, when the series has one.
  var xExtent: ClosedRange<Double>?
  /// Bars: the world x of every bin, empty ones included (they set the bar width).
  var binXs: [Double] = []

  var dropped: Int { offFrame + undrawable }
  /// Points with finite coordinates.
  var points: [WorldPoint] { segments.flatMap { $0 }.filter(\.isFinite) }

  init(_ series: Series, index: Int, x: AxisScale, y: AxisScale) {
    label = series.label
    name = series.name ?? series.label
    style = series.style
    dash = series.dash
    isHighlight = series.isHighlight
    color = HouseStyle.color(series.color ?? index)
    marker = (series.marker ?? index) % HouseStyle.markers.count
    segments = []
    offFrame = 0
    undrawable = 0
    if let r = series.xRange, let a = x.world(r.lowerBound), let b = x.world(r.upperBound) {
      xExtent = min(a, b)...max(a, b)
    }
    var current: [WorldPoint] = []
    for (xv, yv) in zip(series.x, series.y) {
      if style == .bars, let wx = x.world(xv), wx.isFinite { binXs.append(wx) }
      // An empty bin has nothing to draw; it is not a point left out.
      if style == .bars, yv == 0 { continue }
      if let wx = x.worldOrEdge(xv), let wy = y.worldOrEdge(yv),
        style != .bars || (wx.isFinite && wy.isFinite)
      {
        if !(wx.isFinite && wy.isFinite) { offFrame += 1 }
        current.append(WorldPoint(x: wx, y: wy))
      } else {
        undrawable += 1
        if !current.isEmpty { segments.append(current) }
        current = []
      }
    }
    if !current.isEmpty { segments.append(current) }
  }

  /// The width of a bar: the smallest gap between neighbouring bins, empty ones included.
  var barWidth: Double? {
    let xs = Set(binXs).sorted()
    guard xs.count >= 2 else { return nil }
    return zip(xs.dropFirst(), xs).map { $0 - $1 }.min()
  }
}

extension WorldPoint {
  var isFinite: Bool { x.isFinite && y.isFinite }
}

/// A legend line: a sample of what is drawn and its label.
struct LegendEntry {
  enum Sample {
    case series(ResolvedSeries)
    case box(HouseStyle.RGB)
    case rule(HouseStyle.RGB, Dash)
    /// An edge mark on a stretch of frame: what marks a point at 0 or ±∞.
    case edgeMark(HouseStyle.RGB)
  }

  var label: String
  var sample: Sample
}

/// A panel resolved for drawing: axes fitted to the data, series split at dropped points.
struct PanelPlan {
  var panel: Panel
  let x: AxisScale
  let y: AxisScale
  let series: [ResolvedSeries]
  /// Dropped points per series label (and per contour grid), non-zero counts only.
  let dropped: [String: Int]
  /// The grid of a contour map with its non-finite values lifted above every level.
  let contour: (grid: Grid2D, levels: [Double])?

  init(_ panel: Panel, index: Int) throws(RenderError) {
    self.panel = panel
    for s in panel.series where s.x.count != s.y.count {
      throw RenderError.invalid(
        "series '\(s.label)' has \(s.x.count) x values and \(s.y.count) y values")
    }
    let probeX = AxisScale(Axis(scale: panel.xAxis.scale), fitting: [])
    let probeY = AxisScale(Axis(scale: panel.yAxis.scale), fitting: [])
    let resolved = panel.series.enumerated().map { i, s in
      ResolvedSeries(s, index: i, x: probeX, y: probeY)
    }
    var dropped: [String: Int] = [:]
    for s in resolved where s.dropped > 0 { dropped[s.label, default: 0] += s.dropped }
    var fitX = Self.sweptX(resolved, panel, probeX)
    var fitY = resolved.flatMap { s in s.segments.joined().map(\.y).filter(\.isFinite) }

    var contour: (Grid2D, [Double])?
    switch panel.content {
    case .xy:
      break
    case .contour(let grid, let levels):
      let name = panel.title.isEmpty ? "panel \(index + 1) grid" : "\(panel.title) grid"
      let (lifted, levelValues, bad) = try Self.contourGrid(grid, levels: levels)
      if bad > 0 { dropped[name, default: 0] += bad }
      contour = (lifted, levelValues)
      fitX += grid.x.compactMap(probeX.world)
      fitY += grid.y.compactMap(probeY.world)
    case .surface3D(let grid, _, _, _, _):
      try Self.validate(grid)
      if grid.z.joined().contains(where: { !$0.isFinite }) {
        throw RenderError.invalid("the surface of panel '\(panel.title)' has non-finite values")
      }
    }
    self.contour = contour
    self.dropped = dropped
    let hasBars = resolved.contains { $0.style == .bars }
    var xAxis = panel.xAxis
    var yAxis = panel.yAxis
    if let grid = contour?.0, let x0 = grid.x.min(), let x1 = grid.x.max(), let y0 = grid.y.min(),
      let y1 = grid.y.max()
    {
      // A contour map fills its axes exactly.
      xAxis.range = xAxis.range ?? x0...x1
      yAxis.range = yAxis.range ?? y0...y1
    }
    if contour == nil {
      xAxis.isInteger = xAxis.isInteger || Self.isWhole(resolved.flatMap { $0.points.map(\.x) })
      yAxis.isInteger = yAxis.isInteger || Self.isWhole(resolved.flatMap { $0.points.map(\.y) })
    }
    let (x, y) = (
      AxisScale(xAxis, fitting: fitX),
      AxisScale(yAxis, fitting: fitY, includeZero: hasBars && yAxis.scale == .linear)
    )
    (self.x, self.y) = (x, y)
    series = Self.countingBeyond(resolved, panel.series, x: x, y: y)
  }

  /// `resolved` with each line's finite points past the visible ranges counted (`beyond`), and
  /// each markers-only series' (`hidden`, by the painter's own test); guides and highlights,
  /// which may run past them, are not counted.
  static func countingBeyond(
    _ resolved: [ResolvedSeries], _ sources: [Series], x: AxisScale, y: AxisScale
  ) -> [ResolvedSeries] {
    zip(resolved, sources).map { resolved, source in
      var counted = resolved
      guard !source.isGuide, !source.isHighlight else { return counted }
      switch resolved.style {
      case .line, .lineAndMarkers:
        counted.beyond = resolved.points.count { !(x.isVisible($0.x) && y.isVisible($0.y)) }
      case .markers:
        counted.hidden = resolved.points.count { !(x.contains($0.x) && y.contains($0.y)) }
      case .bars:
        break
      }
      return counted
    }
  }

  /// What the x axis fits: what was swept, that is every finite x (also where y has no place
  /// on the axis), each series' declared range, the shaded spans and the vertical markers.
  static func sweptX(_ resolved: [ResolvedSeries], _ panel: Panel, _ probeX: AxisScale)
    -> [Double]
  {
    var fitX = resolved.flatMap { s in
      let half = s.style == .bars ? (s.barWidth ?? 1) / 2 : 0
      let xs = s.segments.joined().map(\.x).filter(\.isFinite)
      return xs.flatMap { [$0 - half, $0 + half] }
        + (s.xExtent.map { [$0.lowerBound, $0.upperBound] } ?? [])
    }
    fitX += panel.spans.flatMap { [$0.x.lowerBound, $0.x.upperBound] }.compactMap(probeX.world)
    fitX += panel.verticalMarkers.compactMap { probeX.world($0.x) }
    return fitX
  }

  /// Points not drawn at their value, per series: off the frame (0 on a log axis, ±∞), without
  /// a place (NaN, negative on a log axis) and past a fixed axis's range (a line's, marked
  /// where it leaves the axes; a markers-only series', not drawn).
  var undrawn: [Undrawn] {
    series.filter { $0.dropped + $0.beyond + $0.hidden > 0 }.map {
      Undrawn(
        label: $0.name, offFrame: $0.offFrame, undrawable: $0.undrawable, beyond: $0.beyond,
        hidden: $0.hidden)
    }
  }

  /// Whether the panel has anything to show.
  var isEmpty: Bool {
    guard case .xy = panel.content else { return false }
    return series.allSatisfy { $0.points.isEmpty } && panel.referenceLines.isEmpty
  }

  /// Data of an integer quantity: at least two values, all whole numbers.
  static func isWhole(_ values: [Double]) -> Bool {
    values.count >= 2 && values.allSatisfy { $0 == $0.rounded() && abs($0) < 1e9 }
  }

  static func validate(_ grid: Grid2D) throws(RenderError) {
    guard grid.x.count >= 2, grid.y.count >= 2, grid.z.count == grid.x.count,
      grid.z.allSatisfy({ $0.count == grid.y.count })
    else {
      throw RenderError.invalid(
        "a grid needs z[i][j] for each of its \(grid.x.count) x and \(grid.y.count) y values"
          + " (at least 2 each)")
    }
  }

  /// The grid with non-finite values lifted above the top level (left unshaded), the levels,
  /// and how many values were non-finite.
  private static func contourGrid(
    _ grid: Grid2D, levels: ContourLevels
  ) throws(RenderError) -> (Grid2D, [Double], Int) {
    try validate(grid)
    let finite = grid.z.joined().filter(\.isFinite)
    guard let lo = finite.min(), let hi = finite.max(), lo < hi else {
      throw RenderError.invalid("a contour grid needs at least two distinct finite values")
    }
    let values: [Double]
    switch levels {
    case .count(let n):
      values = (1...max(1, n)).map { lo + (hi - lo) * Double($0) / Double(max(1, n) + 1) }
    case .values(let given):
      values = given.filter(\.isFinite).sorted()
    }
    let above = max(hi, values.last ?? hi) + (hi - lo)
    var bad = 0
    var lifted = grid
    lifted.z = grid.z.map { column in
      column.map { v in
        if v.isFinite { return v }
        bad += 1
        return above
      }
    }
    return (lifted, values, bad)
  }

  /// The legend's entries: labelled series, spans and vertical markers.
  var legendEntries: [LegendEntry] {
    var entries = series.filter { !$0.label.isEmpty }.map {
      LegendEntry(label: $0.label, sample: .series($0))
    }
    entries += panel.spans.filter { !$0.label.isEmpty }.map {
      LegendEntry(
        label: $0.label, sample: .box($0.color.map(HouseStyle.color) ?? HouseStyle.span))
    }
    entries += panel.verticalMarkers.filter { !$0.label.isEmpty }.map {
      LegendEntry(
        label: $0.label, sample: .rule($0.color.map(HouseStyle.color) ?? HouseStyle.marker, $0.dash)
      )
    }
    if case .surface3D(_, let curves, let plane, _, _) = panel.content {
      entries += SurfacePainter.legendEntries(curves: curves, plane: plane)
    }
    return entries
  }
}

/// One series' points not drawn at their value, by why (`PanelPlan.undrawn`).
struct Undrawn {
  var label: String
  var offFrame, undrawable, beyond, hidden: Int

  var total: Int { offFrame + undrawable + beyond + hidden }

  /// Whether `other` has the same counts (whatever its label).
  func countsMatch(_ other: Undrawn) -> Bool {
    (offFrame, undrawable, beyond, hidden)
      == (other.offFrame, other.undrawable, other.beyond, other.hidden)
  }

  /// `other`'s counts added to these.
  mutating func add(_ other: Undrawn) {
    offFrame += other.offFrame
    undrawable += other.undrawable
    beyond += other.beyond
    hidden += other.hidden
  }
}
