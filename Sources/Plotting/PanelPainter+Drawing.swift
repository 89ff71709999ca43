internal import CPLplot
import Foundation

/// Drawing a laid-out panel's spans, grid, frame and edge marks.
extension PanelPainter {
  func drawSpans() {
    for span in panel.spans {
      guard let a = x.world(span.x.lowerBound), let b = x.world(span.x.upperBound) else { continue }
      let rgb = span.color.map(HouseStyle.color) ?? HouseStyle.span
      let left = toPixel(WorldPoint(x: max(min(a, b), x.lower), y: y.lower)).x
      let right = toPixel(WorldPoint(x: min(max(a, b), x.upper), y: y.lower)).x
      guard right > left else { continue }
      SpanPainter(painter: painter).fill(
        rgb, rect: Rect(x: left, y: axes.y, width: right - left, height: axes.height))
    }
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
  }

  func boxOptions(_ axis: AxisScale, vertical: Bool = false) -> String {
    (axis.isLog ? "l" : "") + (vertical ? "v" : "")
  }

  func drawGrid() {
    painter.dash(.solid)
    painter.width(HouseStyle.gridWidth)
    let xl = boxOptions(x)
    let yl = boxOptions(y)
    if x.minorSubdivisions.draw || y.minorSubdivisions.draw {
      // Linear minor grid lines are not drawn: only the decades of a log axis get them.
      painter.color(HouseStyle.minorGrid)
      c_plbox(
        (x.isLog && x.minorSubdivisions.draw ? "h" : "") + xl, x.step, x.minorSubdivisions.count,
        (y.isLog && y.minorSubdivisions.draw ? "h" : "") + yl, y.step, y.minorSubdivisions.count)
    }
    painter.color(HouseStyle.majorGrid)
    c_plbox("g" + xl, x.step, 0, "g" + yl, y.step, 0)
  }

  func minorOption(_ axis: AxisScale) -> String {
    axis.minorSubdivisions.draw && !(axis.isInteger && axis.step == 1) ? "s" : ""
  }

  func drawFrame() {
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
    painter.dash(.solid)
    painter.width(HouseStyle.axisWidth)
    painter.color(HouseStyle.axes)
    c_plsmaj(LayoutMetrics.majorTickLength * t * 25.4 / 72, 1)
    c_plsmin(LayoutMetrics.minorTickLength * t * 25.4 / 72, 1)
    // Ticks outside ("i"); the labels are drawn by drawTickLabels.
    let xo = "bti" + minorOption(x) + boxOptions(x)
    let yo = "bti" + minorOption(y) + boxOptions(y)
    c_plbox(xo, x.step, x.minorSubdivisions.count, yo, y.step, y.minorSubdivisions.count)
    c_plbox("c", 0, 0, "c", 0, 0)
  }

  /// A filled triangle inside the frame, its tip on the edge, pointing out.
  func drawEdgeMarks() {
    painter.pixelViewport(painter.page)
    for mark in layout.edgeMarks {
      let (xs, ys) = mark.side.triangle(
        tip: mark.point.x, mark.point.y, radius: layout.edgeMarkRadius)
      painter.color(mark.color)
      painter.fill(xs, ys)
      painter.color(HouseStyle.background)
      painter.width(LayoutMetrics.outlineWidth)
      painter.line(xs + [xs[0]], ys + [ys[0]])
    }
  }
}
