import Testing

@testable import Plotting

@Suite("Series.histogram")
struct SeriesHistogramTests {
  @Test func countsIntoBinsAndSkipsNonFinite() {
    let h = Series.histogram("h", values: [0, 0.1, 0.5, 0.99, 1.0, .nan, 2], bins: 2, range: 0...1)
    #expect(h.style == .bars)
    #expect(h.x == [0.25, 0.75])
    #expect(h.y == [2, 3])
  }

  @Test func binsSpanTheFiniteValuesWithoutARange() {
    let h = Series.histogram("h", values: [-3, -1, .infinity], bins: 4)
    #expect(h.x.first == -2.75 && h.x.last == -1.25)
    #expect(h.y.reduce(0, +) == 2)
  }
}

@Suite("PanelPlan")
struct PanelPlanTests {
  /// NaN and negative values on a log axis break the line; a zero on a log axis lies beyond
  /// the frame (−∞): the line runs out to the edge and on.
  @Test func droppedPointsBreakTheLineAndZeroRunsToTheEdge() throws {
    let panel = Panel(
      xAxis: Axis(scale: .log10), yAxis: Axis(),
      series: [Series("s", x: [1, 10, 0, 100, 1000, -5], y: [1, 2, 3, 4, .nan, 6])])
    let plan = try PanelPlan(panel, index: 0)
    #expect(plan.series[0].segments.map { $0.map(\.x) } == [[0, 1, -.infinity, 2]])
    #expect(plan.dropped == ["s": 3])
    #expect(plan.undrawn.map(\.offFrame) == [1] && plan.undrawn.map(\.undrawable) == [2])
  }

  @Test func contourGridFillsTheAxesAndCountsNonFinite() throws {
    var grid = Grid2D(x: -2...2, y: -1...1, nx: 5, ny: 3) { x, y in x * x + y * y }
    grid.z[0][0] = .infinity
    let panel = Panel(
      title: "c", xAxis: Axis(), yAxis: Axis(), content: .contour(grid, levels: .count(4)))
    let plan = try PanelPlan(panel, index: 0)
    #expect(plan.x.lower == -2 && plan.x.upper == 2 && plan.y.lower == -1 && plan.y.upper == 1)
    #expect(plan.dropped == ["c grid": 1])
    #expect(plan.contour?.levels.count == 4)
  }

  @Test func legendAvoidsTheData() {
    let painter = Painter(width: 1200, height: 900)
    let box = LegendBox(
      entries: [LegendEntry(label: "a", sample: .box(HouseStyle.span))], painter: painter)
    let axes = Rect(x: 100, y: 100, width: 1000, height: 700)
    let upperRight = (0..<20).map { PixelPoint(x: 1050.0 + Double($0), y: 120.0) }
    let (avoided, covered) = box.emptiestFrame(in: axes, avoiding: upperRight)
    #expect(covered == 0)
    #expect(avoided.x == box.frame(in: axes, placement: .upperLeft)?.x)
    #expect(
      box.emptiestFrame(in: axes, avoiding: []).0.x
        == box.frame(in: axes, placement: .upperRight)?.x)
  }
}
