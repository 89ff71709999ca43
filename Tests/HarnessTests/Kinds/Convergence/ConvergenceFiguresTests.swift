import Foundation
import Testing

@testable import Harness
@testable import Plotting

/// The convergence figures' builder rules: model curves are guides in one legend group, fit
/// ranges share one entry, the precision panels can share one legend.
@Suite struct ConvergenceFiguresTests {
  static let yaml = """
    kind: convergence
    cases:
      - {f: "2*x^2 + 4*exp(x) + 15", df: "4*x + 4*exp(x)", at: 1}
    schemes: [forward, backward, central]
    h: {min: 1e-12, max: 1e-1, per_decade: 4}
    precision: [single, double]
    """

  @Test func modelCurvesAreGuidesInOneLegendGroup() throws {
    let (_, report) = try run(Convergence.self, Self.yaml)
    let entry = try #require(report.figures.first { $0.name == "case1-x1" })
    let panel = try #require(entry.figure?.panels.first)
    let models = panel.series.filter { $0.style == .line && $0.dash == .dashed }
    #expect(!models.isEmpty)
    #expect(models.allSatisfy { $0.isGuide && $0.legendGroup != nil })
    #expect(Set(models.compactMap(\.legendGroup)).count == 1)
    let data = panel.series.filter { !$0.isGuide && !$0.isHighlight }
    #expect(data.map(\.name) == ["forward", "backward", "central"])
    #expect(data.allSatisfy { $0.legendGroup == nil })
  }

  /// No shading or hatching over the data: each fit range is a wide light stroke of the fitted
  /// stretch in one legend group, and the best steps are ticks on the h axis.
  @Test func fitRangesAreHighlightsAndBestStepsAreTicks() throws {
    let (_, report) = try run(Convergence.self, Self.yaml)
    let panels = report.figures.compactMap(\.figure).flatMap(\.panels)
    #expect(panels.allSatisfy { $0.spans.isEmpty })
    let panel = try #require(
      report.figures.first { $0.name == "case1-x1" }?.figure?.panels.first)
    let highlights = panel.series.filter(\.isHighlight)
    #expect(highlights.map(\.name) == ["forward", "backward", "central"])
    #expect(highlights.allSatisfy { $0.style == .line && !$0.x.isEmpty })
    #expect(Set(highlights.compactMap(\.legendGroup)) == ["wide light line: fit range"])
    let unlabelled = panels.flatMap(\.verticalMarkers).filter(\.label.isEmpty)
    #expect(!unlabelled.isEmpty && unlabelled.allSatisfy(\.isTick))
  }

  @Test func precisionPanelsNameTheirSeriesAlikeAndNoteTheSlopes() throws {
    let (_, report) = try run(Convergence.self, Self.yaml)
    let entry = try #require(report.figures.first { $0.name == "case1-x1-precisions" })
    let panels = try #require(entry.figure?.panels)
    #expect(panels.count == 3)
    let labels = panels.map { $0.series.map(\.label) }
    #expect(labels.allSatisfy { $0 == labels[0] }, "\(labels)")
    #expect(labels[0].allSatisfy { !$0.contains(":") })
    #expect(panels.allSatisfy { $0.notes.contains { $0.hasPrefix("slopes: ") } })
  }

  /// A case of many points draws the sweeps of twelve of them (the failing ones first, then
  /// spread from the first to the last) and one figure across x.
  @Test func manyPointsDrawTwelveSweepsAndOneFigureAcross() throws {
    let points = (0..<40).map { 0.1 + 0.05 * Double($0) }
    let yaml = """
      kind: convergence
      cases:
        - {f: "sin(x)", at: [\(points.map { "\($0)" }.joined(separator: ", "))]}
      schemes: [forward, central]
      h: {min: 1e-8, max: 1e-1, per_decade: 2}
      """
    let (_, report) = try run(Convergence.self, yaml)
    let names = report.figures.map(\.name)
    #expect(names.filter { $0.hasPrefix("case1-x") }.count == ConvergenceFigures.pointFigureLimit)
    let across = try #require(report.figures.first { $0.name == "case1-across-x" }?.figure)
    #expect(across.panels.count == 2)
    #expect(across.panels[0].series.map(\.x.count) == [40, 40])
    let drawn = ConvergenceFigures.drawnPoints(points, failing: [points[7], points[30]])
    #expect(drawn.count == ConvergenceFigures.pointFigureLimit)
    #expect(drawn.contains(points[7]) && drawn.contains(points[30]))
    #expect(drawn.first == points[0] && drawn.last == points[39])
    #expect(ConvergenceFigures.drawnPoints(Array(points.prefix(12)), failing: []).count == 12)
  }
  /// Where Taylor terms vanish (sin(x) + x³/6 at 0), each scheme says so in short in its label
  /// and the whole reason is one note per reason, forward and backward sharing theirs, with
  /// Unicode scripts; nothing is written over the data (the three reasons piled up at the best
  /// step), and no text overlaps another, at the default size and on a slide.
  @Test(arguments: ["en", "ko"])
  func vanishingTermsAreShortLabelsAndOneNotePerReason(_ language: String) throws {
    let yaml = """
      kind: convergence
      language: \(language)
      cases:
        - {f: "sin(x) + x^3/6", at: 0}
      schemes: [forward, backward, central]
      h: {min: 1e-12, max: 0.5, per_decade: 4}
      """
    let (_, report) = try run(Convergence.self, yaml)
    var figure = try #require(report.figures.first { $0.name == "case1-x0" }?.figure)
    let panel = try #require(figure.panels.first)
    #expect(panel.annotations.isEmpty)
    let labels = panel.series.filter { !$0.isGuide && !$0.isHighlight }.map(\.label)
    #expect(labels.count == 3)
    #expect(labels[0].contains("h¹–h³") && labels[1].contains("h¹–h³"), "\(labels)")
    #expect(labels[2].contains("h² "), "\(labels)")
    let reasons = panel.notes.filter { $0.contains("f'''(x)") }
    #expect(reasons.count == 2, "\(panel.notes)")
    let pair = language == "en" ? "forward, backward: " : "전방 차분, 후방 차분: "
    #expect(reasons.first?.hasPrefix(pair) == true, "\(reasons)")
    #expect(reasons.first?.contains("f⁽⁴⁾(x)") == true)
    #expect(reasons.allSatisfy { !$0.contains("^") && !$0.contains("_") }, "\(reasons)")
    figure.title = "When a point shows another order: vanishing Taylor coefficients"
    for (width, height, scale) in [(1200, 900, 1.0), (1600, 1000, 1.3)] {
      (figure.width, figure.height, figure.fontScale) = (width, height, scale)
      let layout = try FigureLayout(figure)
      let overlaps = LayoutRules.overlaps(layout.texts)
      #expect(overlaps.isEmpty, "\(width)x\(height): \(overlaps)")
    }
  }
}
