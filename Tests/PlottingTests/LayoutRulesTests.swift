import Foundation
import Testing

@testable import Plotting

/// The house style's rules on the layout value (nothing drawn): no text over text or crossed
/// by a line, slope guides with clear labels, labels at the lines' ends, two heading lines,
/// room for the axes, series told apart without colour.
@Suite("Layout rules")
struct LayoutRulesTests {
  static let slide = (width: 1600, height: 1000, fontScale: 1.3)

  static func layout(_ figure: Figure) throws -> FigureLayout {
    try FigureLayout(figure)
  }

  static func resized(_ figure: Figure, slide: Bool) -> Figure {
    var f = figure
    if slide { (f.width, f.height, f.fontScale) = Self.slide }
    return f
  }

  /// The notes' derivative figure as the harness builds it: a title, the function as a
  /// subtitle, a panel title, three schemes with model curves and fit strokes, two slope
  /// guides over the whole axes, best-step ticks and a note.
  static var seedsFigure: Figure {
    var panel = FigureLayoutTests.convergencePanel()
    panel.title = "|estimate − f'(x)| against the step h, double precision"
    panel.spans = []
    let central = SampleFigures.steps.enumerated().map {
      SampleFigures.error(order: 2, constant: 0.3, h: $1, k: $0)
    }
    panel.series.append(
      Series("central: slope 2.00", x: SampleFigures.steps, y: central, color: 2, marker: 2))
    panel.referenceLines = [
      ReferenceLine("O(h)", slope: 1, through: (1e-2, 5e-2)),
      ReferenceLine("O(h^{2})", slope: 2, through: (1e-2, 1.5e-4)),
    ]
    panel.verticalMarkers = [VerticalMarker("", x: 1e-8, dash: .dotted, color: 0, isTick: true)]
    panel.notes = ["ticks on the h axis in each series' colour: best h observed (dotted)"]
    return Figure(
      title: "f(x) = 2x² + 4eˣ + 15: forward, backward and central differences",
      panels: [panel], subtitle: "f(x) = 2·x^2 + 4·exp(x) + 15 at x = 1")
  }

  // MARK: Text boxes

  @Test(arguments: [false, true])
  func sampleFiguresHaveNoTextOverTextNorLinesThroughText(_ slide: Bool) throws {
    for (name, figure) in SampleFigures.all + [("seeds", Self.seedsFigure)] {
      let layout = try Self.layout(Self.resized(figure, slide: slide))
      let broken = LayoutRules.overlaps(layout.texts) + LayoutRules.crossings(layout)
      #expect(broken.isEmpty, "\(name) slide \(slide): \(broken)")
    }
  }

  @Test func overlappingTextsAndCrossedLabelsAreFound() throws {
    let metrics = PageMetrics(width: 1200, height: 900)
    let page = metrics.page
    let a = PlacedText("O(h)", role: .guideLabel, x: 100, y: 100, em: 16, within: page, metrics: metrics)
    let b = PlacedText("O(h²)", role: .guideLabel, x: 110, y: 104, em: 16, within: page, metrics: metrics)
    let c = PlacedText("O(h³)", role: .guideLabel, x: 400, y: 104, em: 16, within: page, metrics: metrics)
    #expect(LayoutRules.overlaps([a, b, c]).count == 1)
    #expect(a.box.isCrossed(from: PixelPoint(x: 90, y: 90), to: PixelPoint(x: 150, y: 110)))
    #expect(!a.box.isCrossed(from: PixelPoint(x: 90, y: 80), to: PixelPoint(x: 150, y: 80)))
  }

  @Test func theTextWidthModelIsNeverNarrowerThanCairo() {
    let texts = [
      "forward: slope 1.00", "|estimate − f'(x)| against the step h", "10^{-12}", "O(h^{2})",
      "η = 0.01 (≈ η = 0.001)", "전방 차분: 기울기 1.00", "∂f/∂x at (2, −1)", "x_{0}² ‰",
    ]
    for text in texts {
      let model = TextWidthModel.width(of: text, em: 20)
      let cairo = TextMetrics.width(of: text, em: 20)
      #expect(model >= cairo, "\(text): model \(model) < Cairo \(cairo)")
      #expect(model <= cairo * 1.15 + 1, "\(text): model \(model) far over Cairo \(cairo)")
    }
  }

  // MARK: Slope guides

  @Test(arguments: [false, true])
  func slopeGuidesKeepTheirLabelsBesideTheirEndsClearOfLinesAndOfEachOther(_ slide: Bool) throws {
    let layout = try Self.layout(Self.resized(Self.seedsFigure, slide: slide))
    let (panel, placement) = try #require(layout.panels.first)
    let labels = placement.guides.compactMap(\.label)
    #expect(labels.map(\.text) == ["O(h)", "O(h^{2})"])
    #expect(!labels[0].box.overlaps(labels[1].box))
    let segments = panel.drawnSegments(guides: placement.guides)
    for guide in placement.guides {
      let label = try #require(guide.label)
      #expect(!segments.contains { label.box.isCrossed(from: $0.0, to: $0.1) }, "\(label.text)")
      // Beside an end of its stretch: within two ems of it.
      let reach = 2 * layout.metrics.em(HouseStyle.annotationEm)
      let near = [guide.start, guide.end].contains { p in
        p.x >= label.box.x - reach && p.x <= label.box.maxX + reach
          && p.y >= label.box.y - reach && p.y <= label.box.maxY + reach
      }
      #expect(near, "\(label.text) is not beside its guide")
    }
  }

  // MARK: Labels at lines

  @Test func linesThatEndApartAreLabelledAtTheirEndsAndNeedNoLegend() throws {
    let x = (0...20).map(Double.init)
    let panel = Panel(
      xAxis: Axis("step k"), yAxis: Axis("loss"),
      series: [
        Series("fast", x: x, y: x.map { 10 - 0.45 * $0 }, style: .line),
        Series("slow", x: x, y: x.map { 10 - 0.1 * $0 }, style: .line),
      ])
    let layout = try FigureRulesTests.layout(panel)
    #expect(Set(layout.directLabels.keys) == [0, 1])
    #expect(layout.legend.entries.isEmpty && layout.legendFrame == nil)
    // Near the right end of each line.
    for (i, label) in layout.directLabels {
      let end = layout.toPixel(try #require(layout.shown[i].points.last))
      #expect(label.box.maxX >= end.x - LayoutMetrics.directLabelSpan * layout.axes.width)
      #expect(abs(label.box.y + label.box.height / 2 - end.y) < layout.axes.height / 3)
    }
  }

  @Test func seriesWhoseLabelsFindNoRoomGoInTheLegend() throws {
    let x = (0...20).map(Double.init)
    // Two lines on top of each other: the second coincides and is named in the legend.
    let panel = Panel(
      xAxis: Axis("step k"), yAxis: Axis("loss"),
      series: [
        Series("analytic", x: x, y: x.map { 10 - 0.45 * $0 }, style: .line),
        Series("central", x: x, y: x.map { 10 - 0.45 * $0 }, style: .line),
      ])
    let layout = try FigureRulesTests.layout(panel)
    #expect(Array(layout.directLabels.keys) == [0])
    #expect(layout.legend.entries.map(\.label) == ["central (= analytic)"])
  }

  /// Backprop's entries at slide size: the floor's label went where a tensor's name stands.
  @Test(arguments: [false, true])
  func labelsAtLinesGoAroundTheAnnotations(_ slide: Bool) throws {
    let x = (1...10).map(Double.init)
    let panel = Panel(
      xAxis: Axis("entry", range: 0...11), yAxis: Axis("difference", range: 0...4),
      series: [Series("round-off floor", x: x, y: x.map { _ in 2.6 }, style: .markers)],
      // Over the right end, where the label's first choice (above, to the left) would go.
      annotations: [Annotation("b2 *", x: 9.2, y: 2.72, alignment: .center)])
    let layout = try FigureRulesTests.layout(
      panel, width: slide ? 1600 : 1200, height: slide ? 1000 : 900, fontScale: slide ? 1.3 : 1)
    let label = try #require(layout.directLabels[0])
    let texts = layout.placement().texts
    let names = texts.filter { $0.role == .annotation }
    #expect(names.count == 1)
    #expect(!names.contains { $0.box.overlaps(label.box) }, "\(label.box) \(names.map(\.box))")
  }

  // MARK: Headings, room, colour

  @Test func aFigureHasAtMostTwoHeadingLinesAndLosesNoWords() throws {
    let figure = Self.seedsFigure
    let layout = try Self.layout(figure)
    #expect(layout.headings.count == 2)
    let words = layout.headings.map(\.text).joined(separator: " ")
    for heading in [figure.title, figure.subtitle, figure.panels[0].title].compactMap({ $0 }) {
      // Scripts in Unicode where they exist: x^2 as x².
      #expect(words.contains(Markup.flattened(heading)), "'\(heading)' dropped")
    }
    #expect(layout.panels.allSatisfy { $0.layout.panel.title.isEmpty })
  }

  @Test func theAxesOfASinglePanelTakeSeventyPercentOfThePage() throws {
    let layout = try Self.layout(Self.seedsFigure)
    #expect(layout.axesShare >= LayoutRules.minimumAxesShare, "\(layout.axesShare)")
    #expect(LayoutRules.axesShare(layout, figure: Self.seedsFigure).isEmpty)
  }

  @Test func everySeriesReadsWithoutColour() throws {
    // Four solid lines without markers, as a learning-rate study draws them.
    let x = (0...30).map(Double.init)
    let panel = Panel(
      xAxis: Axis("step k"), yAxis: Axis("f", scale: .log10),
      series: [0.01, 0.1, 0.5, 0.9].map { rate in
        Series("η = \(rate)", x: x, y: x.map { 25 * pow(1 - rate, $0) + 1e-3 }, style: .line)
      })
    let figure = Figure(panels: [panel])
    let layout = try Self.layout(figure)
    #expect(LayoutRules.lookalikes(layout).isEmpty, "\(LayoutRules.lookalikes(layout))")
    for (name, sample) in SampleFigures.all {
      let broken = LayoutRules.lookalikes(try Self.layout(sample))
      #expect(broken.isEmpty, "\(name): \(broken)")
    }
  }
}
