import Foundation

extension ResolvedSeries {
  /// The width of the series' line: a highlight is wider than a marker, so it shows around them.
  var strokeWidth: Double { HouseStyle.seriesWidth * (isHighlight ? Self.highlightWidth : 1) }
  /// A highlight's width in series widths, and its opacity.
  static let highlightWidth = 5.5
  static let highlightAlpha = 0.25
  /// The opacity of the series' line: a highlight is light.
  var strokeAlpha: Double { isHighlight ? Self.highlightAlpha : 1 }
}

extension PanelPainter {
  func drawSeries(_ series: ResolvedSeries, _ drawing: SeriesDrawing) {
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
    painter.color(series.color)
    switch series.style {
    case .bars:
      drawBars(series)
      return
    case .line, .lineAndMarkers:
      painter.color(series.color, alpha: series.strokeAlpha)
      painter.width(series.strokeWidth)
      painter.dash(series.isHighlight ? .solid : drawing.dash)
      // In page pixels, clipped by the layout (see `clippedRuns`).
      painter.pixelViewport(axes)
      for run in series.segments.flatMap(layout.clippedRuns) {
        painter.line(run.map(\.x), run.map(\.y))
      }
      painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
      painter.dash(.solid)
      painter.color(series.color)
    case .markers:
      break
    }
    if series.style != .line && !series.isHighlight {
      let inside = zip(series.points, drawing.markerAt).filter { $0.1 }.map(\.0)
        .filter { x.contains($0.x) && y.contains($0.y) }
      // A marker on one already drawn adds nothing but bytes (a two-cycle's 200 markers).
      let cell = PathThinning.markerCell * HouseStyle.markerRadius * painter.textScale
      let shown = PathThinning.spread(inside.map(toPixel), cell: cell).map { inside[$0] }
      MarkerPainter(painter: painter, axes: axes, x: x, y: y)
        .draw(series.marker, at: shown, color: series.color)
    }
  }

  func drawBars(_ series: ResolvedSeries) {
    let half = (series.barWidth ?? x.span / 10) / 2
    let base = y.isLog ? y.lower : min(max(0, y.lower), y.upper)
    for p in series.points {
      let xs = [p.x - half, p.x + half, p.x + half, p.x - half]
      let ys = [base, base, p.y, p.y]
      painter.color(series.color, alpha: LegendBox.barAlpha)
      painter.fill(xs, ys)
      painter.color(HouseStyle.background)
      painter.width(1)
      painter.line(xs + [xs[0]], ys + [ys[0]])
    }
  }
}
