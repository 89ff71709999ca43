import Testing

@testable import Plotting

@Suite("AxisScale")
struct AxisScaleTests {
  @Test func logAxisMapsToDecadesAndRejectsNonPositive() {
    let axis = AxisScale(Axis(scale: .log10), fitting: [-12, -1])
    #expect(axis.world(1e-3) == -3)
    #expect(axis.world(0) == nil && axis.world(-1) == nil && axis.world(.nan) == nil)
    #expect(axis.lower < -12 && axis.upper > -1 && axis.step == 1)
    #expect(axis.label(atWorld: -8) == "10^{\u{2212}8}")
    #expect(axis.label(atWorld: 0) == "10^{0}")
    #expect(axis.coarser().label(atWorld: -7) == "")  // off the two-decade step
    #expect(axis.coarser().label(atWorld: -8) == "10^{\u{2212}8}")
  }

  @Test func countsLabelTheirDecadesAsPlainNumbers() {
    let evaluations = AxisScale(Axis(scale: .log10, range: 0.7...100), fitting: [])
    #expect(evaluations.plainDecades)
    #expect(evaluations.ticks.map(evaluations.label(atWorld:)) == ["1", "10", "100"])
    let one = AxisScale(Axis(scale: .log10, range: 3...60), fitting: [])  // one decade: 10
    #expect(one.intermediateLogLabels.map(one.intermediateLabel(atWorld:)) == ["5", "20", "50"])
    // Past 1000, or below 1, every decade is a power of ten.
    for range in [0.7...2e4, 0.05...100] {
      let axis = AxisScale(Axis(scale: .log10, range: range), fitting: [])
      #expect(!axis.plainDecades)
      #expect(axis.label(atWorld: 1) == "10^{1}")
    }
  }

  @Test func fixedRangeWins() {
    let axis = AxisScale(Axis(scale: .log10, range: 1e-10...1), fitting: [-20, 5])
    #expect(axis.lower == -10 && axis.upper == 0)
  }

  @Test func logAxisWithoutADecadeIsWidenedToOne() {
    let axis = AxisScale(Axis(scale: .log10), fitting: [0.3, 0.9])  // 2 to 8
    #expect(axis.lower == 0 && axis.upper == 1)
  }

  @Test(arguments: [(10.0, 2.0), (1.0, 0.2), (0.3, 0.05), (100.0, 20.0), (7.0, 1.0), (13.0, 2.0)])
  func niceSteps(_ span: Double, _ step: Double) {
    #expect(abs(AxisScale.niceStep(span) - step) < 1e-12 * step)
  }

  @Test func linearLabelsUseTheFewestDecimalsAndTrueMinus() {
    let axis = AxisScale(scale: .linear, lower: -1, upper: 1, step: 0.25)
    #expect(axis.ticks.count == 9)
    #expect(axis.label(atWorld: -0.75) == "\u{2212}0.75")
    #expect(axis.label(atWorld: 1e-17) == "0")
    #expect(axis.coarser().step == 0.5 && axis.coarser().coarser().step == 1)
    let tiny = AxisScale(scale: .linear, lower: 0, upper: 4e-4, step: 1e-4)
    #expect(tiny.label(atWorld: 2e-4) == "2×10^{\u{2212}4}")
  }

  @Test func barsIncludeZero() {
    let axis = AxisScale(Axis(), fitting: [5, 10], includeZero: true)
    #expect(axis.lower == 0 && axis.upper > 10)
  }
}
