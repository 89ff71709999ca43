import Foundation
import Plotting
import Testing

@testable import Harness

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
    let data = panel.series.filter { !$0.isGuide }
    #expect(data.map(\.name) == ["forward", "backward", "central"])
    #expect(data.allSatisfy { $0.legendGroup == nil })
    #expect(Set(panel.spans.compactMap(\.legendGroup)).count == 1)
    #expect(panel.spans.allSatisfy { $0.legendGroup != nil })
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
}
