import Foundation
import Testing

@testable import Plotting

/// The layout's room and placement rules at the default size and at slide size: axes' share
/// with a note beside the x label, axis labels with scripts clear of the tick labels, slope
/// guide labels and legends no line crosses, far-off paths clipped along their own line.
@Suite("Layout room")
struct LayoutRoomTests {
  static func resized(_ figure: Figure, slide: Bool) -> Figure {
    LayoutRulesTests.resized(figure, slide: slide)
  }

  /// A diverging descent on f = x0² + x1² from (-3, 4) with η = 1.1: every step flips through
  /// the origin and grows by 1.2, far beyond the frame.
  static var divergingPanel: Panel {
    var p = (x: -3.0, y: 4.0)
    var xs: [Double] = []
    var ys: [Double] = []
    for _ in 0..<60 {
      xs.append(p.x)
      ys.append(p.y)
      p = (-1.2 * p.x, -1.2 * p.y)
    }
    let slow = (0..<30).map { 1 - 0.02 * Double($0) }
    return Panel(
      xAxis: Axis("x_{0}", range: -4...1), yAxis: Axis("x_{1}", range: -0.5...4.5),
      series: [
        Series("η = 1.1: diverged", x: xs, y: ys, style: .line, color: 2),
        Series("η = 0.01: too slow", x: slow.map { -3 * $0 }, y: slow.map { 4 * $0 }, color: 0),
      ],
      equalAspect: true, notes: ["line style by gradient: central solid, user's gradient dashed"])
  }

  @Test(arguments: [false, true])
  func aPathFarOffTheFrameIsClippedAlongItsOwnLine(_ slide: Bool) throws {
    let figure = Self.resized(Figure(panels: [Self.divergingPanel]), slide: slide)
    let layout = try FigureLayout(figure)
    let (panel, _) = try #require(layout.panels.first)
    let origin = panel.toPixel(WorldPoint(x: 0, y: 0))
    let start = panel.toPixel(WorldPoint(x: -3, y: 4))
    let runs = panel.shown[0].segments.flatMap(panel.clippedRuns)
    #expect(!runs.isEmpty)
    for point in runs.joined() {
      // On the line through the origin and the start, inside the axes.
      let cross =
        (start.x - origin.x) * (point.y - origin.y) - (start.y - origin.y) * (point.x - origin.x)
      #expect(abs(cross) / hypot(start.x - origin.x, start.y - origin.y) < 1, "\(point)")
      let a = panel.axes
      #expect(point.x >= a.x - 1e-6 && point.x <= a.maxX + 1e-6)
      #expect(point.y >= a.y - 1e-6 && point.y <= a.maxY + 1e-6)
    }
  }

  @Test(arguments: [false, true])
  func noLineCrossesTheLegendAndScriptedAxisLabelsClearTheirTicks(_ slide: Bool) throws {
    let figure = Self.resized(Figure(panels: [Self.divergingPanel]), slide: slide)
    let layout = try FigureLayout(figure)
    let broken = LayoutRules.overlaps(layout.texts) + LayoutRules.crossings(layout)
    #expect(broken.isEmpty, "\(broken)")
  }
}
