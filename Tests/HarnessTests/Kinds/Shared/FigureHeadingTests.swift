import Foundation
import Plotting
import Testing

@testable import Harness

/// The heading rule of every kind's figures (`FigureHeading`): at most two lines above the
/// axes, a function never stated twice, panels side by side on shared axes.
@Suite struct FigureHeadingTests {
  /// The shipped experiments whose kinds run in a moment (no network training, no programs).
  static func shipped() throws -> [Experiment] {
    let folder = MathTextTests.packageRoot.appendingPathComponent("Experiments")
    let files = try #require(FileManager.default.enumerator(atPath: folder.path)).allObjects
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("programs") }
    return try files.sorted().map {
      try Experiment.load(path: folder.appendingPathComponent($0).path)
    }
    .filter {
      $0.spec(of: Convergence.self).map { $0.cases.allSatisfy { $0.program == nil } } ?? false
        || $0.spec(of: Partials.self) != nil || $0.spec(of: Accuracy.self) != nil
        || $0.spec(of: Descent.self) != nil
    }
  }

  /// The functions an experiment's figures may state.
  static func functions(_ e: Experiment) -> [String] {
    if let s = e.spec(of: Convergence.self) { return s.cases.map(\.text) }
    if let s = e.spec(of: Accuracy.self) { return s.cases.map(\.text) }
    if let s = e.spec(of: Partials.self) { return [s.text] }
    if let s = e.spec(of: Descent.self) { return [s.text] }
    return []
  }

  /// The heading lines of a figure as the output writer draws it: the title, the subtitle and
  /// one line for the panels' titles when any panel has one.
  static func headings(_ entry: Report.FigureEntry, of e: Experiment) throws -> [[String]] {
    let plot = try #require(entry.figure)
    var options = e.figureOptions(for: plot)
    if !entry.underExperimentTitle { options.title = nil }
    let figure = plot.applying(options)
    let panelTitles = figure.panels.map(\.title).filter { !$0.isEmpty }
    let own: [[String]] = [figure.title, figure.subtitle].compactMap { $0 }
      .filter { !$0.isEmpty }.map { [$0] }
    return own + (panelTitles.isEmpty ? [] : [panelTitles])
  }

  @Test func shippedFiguresHaveTwoHeadingLinesAndStateEachFunctionOnce() throws {
    let experiments = try Self.shipped()
    #expect(experiments.count > 15)
    for e in experiments {
      let report = try Kinds.execute(
        e, context: RunContext(options: RunOptions(), cancellation: Cancellation()))
      for entry in report.figures where entry.figure != nil {
        let lines = try Self.headings(entry, of: e)
        #expect(lines.count <= 2, "\(e.name)/\(entry.name): \(lines)")
        for f in Set(Self.functions(e)) {
          // Each text of the heading (a title, a subtitle, one panel's title) that states f.
          let stating = lines.flatMap { $0 }.filter { FigureHeading(title: $0).states(f) }
          #expect(stating.count <= 1, "\(e.name)/\(entry.name) states \(f) in \(stating)")
        }
      }
    }
  }

  @Test func aTitleStatesItsFunctionInEitherNotation() {
    #expect(
      FigureHeading(title: "f(x) = 2x² + 4eˣ + 15: differences").states("2*x^2 + 4*exp(x) + 15"))
    #expect(FigureHeading(title: "The chain rule: f(x) = exp(4x²)").states("exp(4*x^2)"))
    #expect(FigureHeading(title: "Descent on x0² + x1²: rates").states("x0^2 + x1^2"))
    #expect(FigureHeading(title: "f(x) = x² + 2x + 1 at x = 15").states("x^2 + 2*x + 1"))
    // A Korean particle written onto the formula ends it.
    #expect(
      FigureHeading(title: "미분 계수: f(x) = 2x² + 4eˣ + 15의 전방 차분")
        .states("2*x^2 + 4*exp(x) + 15"))
    // Part of a longer expression, or a form too short to tell, is not stated.
    #expect(!FigureHeading(title: "exp(x)·sin(x) at 1").states("exp(x)"))
    #expect(!FigureHeading(title: "at x = 1").states("x"))
    #expect(FigureHeading(title: "Smooth functions").formula("exp(x)") == "e^{x}")
  }

  @Test func stepsAreWrittenOneWay() {
    #expect(stepText(1e-4) == "1e-4")
    #expect(stepText(2.5e-5) == "2.5e-5")
    #expect(stepText(0.01) == "0.01")
    #expect(stepText(1) == "1")
  }

  /// Panels of one case in every precision show the same x and y ranges.
  @Test func precisionPanelsShareTheirAxes() throws {
    let (_, report) = try run(
      Convergence.self,
      """
      kind: convergence
      cases: [{f: "exp(x)", at: 1}]
      schemes: [forward, central]
      h: {min: 1e-14, max: 1, per_decade: 3}
      precision: [half, single, double]
      """)
    let figure = try #require(report.figures.first { $0.name == "case1-x1-precisions" }?.figure)
    #expect(figure.panels.count == 2)
    let xs = figure.panels.map(\.xAxis.range)
    let ys = figure.panels.map(\.yAxis.range)
    #expect(xs[0] != nil && ys[0] != nil)
    #expect(xs.allSatisfy { $0 == xs[0] } && ys.allSatisfy { $0 == ys[0] })
    // The shared range holds every drawn point of every panel.
    let y = try #require(ys[0])
    for panel in figure.panels {
      for value in panel.series.filter({ !$0.isGuide }).flatMap(\.y)
      where value > 0 && value.isFinite {
        #expect(y.contains(value))
      }
    }
  }

  /// Every histogram panel counts on one log axis whose baseline lies below one entry.
  @Test func histogramPanelsShareABaselineBelowOne() {
    let panels = [[1.0, 1.5, -3], [2, 2, 2, 2, 2, 2, -1]].map { values in
      Panel(
        xAxis: Axis("x", range: -4...3), yAxis: Axis("n", scale: .log10),
        series: [Series.histogram("", values: values, bins: 7, range: -4...3)])
    }
    let shared = GradcheckFigures.sharingCounts(panels)
    let ranges = shared.map(\.yAxis.range)
    #expect(ranges.allSatisfy { $0 == ranges[0] })
    #expect((ranges[0]?.lowerBound ?? 1) < 1)
    #expect((ranges[0]?.upperBound ?? 0) > 6)
  }
}
