import Foundation

/// A point in world coordinates (log10 of the data on a log axis).
struct WorldPoint {
  var x: Double
  var y: Double
}

/// A series resolved against its panel's axes: drawable pieces and house colours.
struct ResolvedSeries {
  var label: String
  var style: SeriesStyle
  var dash: Dash
  var color: HouseStyle.RGB
  var marker: Int
  /// Runs of consecutive drawable points; a dropped point breaks the line.
  var segments: [[WorldPoint]]
  var dropped: Int

  var points: [WorldPoint] { segments.flatMap { $0 } }

  init(_ series: Series, index: Int, x: (Double) -> Double?, y: (Double) -> Double?) {
    label = series.label
    style = series.style
    dash = series.dash
    color = HouseStyle.color(series.color ?? index)
    marker = (series.marker ?? index) % HouseStyle.markers.count
    segments = []
    dropped = 0
    var current: [WorldPoint] = []
    for (xv, yv) in zip(series.x, series.y) {
      if let wx = x(xv), let wy = y(yv) {
        current.append(WorldPoint(x: wx, y: wy))
      } else {
        dropped += 1
        if !current.isEmpty { segments.append(current) }
        current = []
      }
    }
    if !current.isEmpty { segments.append(current) }
  }

  /// The width of a bar: the smallest gap between neighbouring x values.
  var barWidth: Double? {
    let xs = Set(points.map(\.x)).sorted()
    guard xs.count >= 2 else { return nil }
    return zip(xs.dropFirst(), xs).map { $0 - $1 }.min()
  }
}

/// A legend line: a sample of what is drawn and its label.
struct LegendEntry {
  enum Sample {
    case series(ResolvedSeries)
    case box(HouseStyle.RGB)
    case rule(HouseStyle.RGB, Dash)
  }

  var label: String
  var sample: Sample
}

/// A panel resolved for drawing: axes fitted to the data, series split at dropped points.
struct PanelPlan {
  let panel: Panel
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
      ResolvedSeries(s, index: i, x: probeX.world, y: probeY.world)
    }
    var dropped: [String: Int] = [:]
    for s in resolved where s.dropped > 0 { dropped[s.label, default: 0] += s.dropped }

    var fitX = resolved.flatMap { s in
      let half = s.style == .bars ? (s.barWidth ?? 1) / 2 : 0
      return s.points.flatMap { [$0.x - half, $0.x + half] }
    }
    var fitY = resolved.flatMap { $0.points.map(\.y) }
    fitX += panel.spans.flatMap { [$0.x.lowerBound, $0.x.upperBound] }.compactMap(probeX.world)
    fitX += panel.verticalMarkers.compactMap { probeX.world($0.x) }

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
    case .surface3D(let grid, _, _, _):
      try Self.validate(grid)
      if grid.z.joined().contains(where: { !$0.isFinite }) {
        throw RenderError.invalid("the surface of panel '\(panel.title)' has non-finite values")
      }
    }
    self.contour = contour
    self.series = resolved
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
    x = AxisScale(xAxis, fitting: fitX)
    y = AxisScale(yAxis, fitting: fitY, includeZero: hasBars && yAxis.scale == .linear)
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
      LegendEntry(label: $0.label, sample: .box($0.color.map(HouseStyle.color) ?? HouseStyle.span))
    }
    entries += panel.verticalMarkers.filter { !$0.label.isEmpty }.map {
      LegendEntry(
        label: $0.label, sample: .rule($0.color.map(HouseStyle.color) ?? HouseStyle.marker, $0.dash)
      )
    }
    if case .surface3D(_, let curves, _, _) = panel.content {
      entries += curves.enumerated().filter { !$1.label.isEmpty }.map { i, c in
        LegendEntry(label: c.label, sample: .rule(HouseStyle.color(c.color ?? i), c.dash))
      }
    }
    return entries
  }
}
