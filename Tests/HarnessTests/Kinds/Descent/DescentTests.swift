import Foundation
import Testing

@testable import Harness
@testable import Plotting

@Suite struct DescentTests {
  @Test func descentClassifiesTheSeedsLearningRates() throws {
    let (o, report) = try run(
      Descent.self,
      """
      kind: descent
      f: "x0^2 + x1^2"
      start: {x0: -3.0, x1: 4.0}
      learning_rates: [0.01, 0.1, 0.9, 0.99, 1.0, 1.01, 1.05]
      steps: 100
      gradient: [analytic, central]
      expect: {converges: [0.1, 0.9], too_slow: [0.01, 0.99], oscillates: [1.0], diverges: [1.01, 1.05], path_agreement: 1e-6}
      """)
    #expect(report.verdict.passed, "\(report.checks.filter { $0.status != .passed })")
    let analytic = o.runs.filter { $0.gradient == .analytic }
    #expect(
      analytic.map(\.run.status) == [
        .tooSlow, .converged, .converged, .tooSlow, .oscillating, .diverged, .diverged,
      ])
    #expect(o.pathAgreement.count == 7)
    #expect(
      o.pathAgreement.filter(\.referenceConverged).allSatisfy {
        ($0.maxDistance.value ?? 1) <= 1e-6
      })
  }

  /// The valley x^2 + 10 y^2 at 2 / L = 0.1 bounces in a two-cycle across it; just below,
  /// the zig-zag decays and converges.
  @Test func aTwoCycleAcrossAValleyIsOscillatingInBothLanguages() throws {
    let (o, report) = try run(
      Descent.self,
      """
      kind: descent
      f: "x^2 + 10*y^2"
      start: {x: 3, y: 1}
      learning_rates: [0.099, 0.1]
      steps: 1000
      expect: {converges: [0.099], oscillates: [0.1]}
      """)
    #expect(report.verdict.passed, "\(report.checks.filter { $0.status != .passed })")
    #expect(o.runs.map(\.run.status) == [.converged, .oscillating])
    #expect(DescentPhrase.descentStatus(status: .oscillating).english == "oscillating")
    #expect(DescentPhrase.descentStatus(status: .oscillating).korean == "진동")
    // The start is a black star on the pale contour map, not the palette's faint yellow.
    let paths = try #require(report.figures.first { $0.name == "paths" }?.figure?.panels.first)
    let start = try #require(paths.series.first { $0.label.hasPrefix("start") })
    #expect(start.color == 6)
    // The two-cycle is drawn once around, not as a thousand strokes over each other, and the
    // legend says what it is.
    let cycle = try #require(paths.series.first { $0.label.contains("η = 0.1:") })
    #expect(cycle.label == "η = 0.1: oscillating (2-cycle)")
    #expect(cycle.x.count < 60, "\(cycle.x.count) points drawn of 1001")
  }

  /// With several gradients the paths figure draws, beside the map, each other gradient's
  /// distance from the first one's path at every step (the map shows them as one line).
  @Test func theDistanceBetweenGradientsPathsIsDrawnBesideTheMap() throws {
    let (o, report) = try run(
      Descent.self,
      """
      kind: descent
      f: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"
      start: {x: 0, y: 0}
      learning_rates: [0.01, 0.05]
      steps: 100
      gradient: [analytic, central, forward]
      """)
    let figure = try #require(report.figures.first { $0.name == "paths" }?.figure)
    #expect(figure.panels.count == 2)
    // The diverging rate is left out; central and forward at 0.01 from step 1 on, each a
    // line under a dozen markers that carry its label.
    let distances = figure.panels[1].series.filter { $0.style == .line }
    let marks = figure.panels[1].series.filter { $0.style == .markers }
    #expect(marks.map(\.label) == ["central, η = 0.01", "forward, η = 0.01"])
    #expect(distances.count == 2 && distances.allSatisfy(\.label.isEmpty))
    #expect(marks.allSatisfy { $0.x.count <= DescentFigures.markedSteps + 2 })
    let forward = try #require(
      o.pathAgreement.first { $0.gradient == .forward && $0.learningRate == 0.01 })
    #expect(distances[1].y == Array(forward.distances.dropFirst()))
    #expect(distances[1].y.max() == forward.maxDistance.value)
    #expect(distances[0].y.allSatisfy { $0 < 1e-7 } && distances[1].y.contains { $0 > 1e-6 })
  }

  /// The note under the map says the line style is the gradient's: so it is, as drawn, on
  /// every panel of both figures (no rule gives a line another dash to tell it apart), every
  /// labelled series differs from the others in marker or dash, and the note says the numerical
  /// paths lie on the analytic ones, as they do at the map's resolution.
  @Test func everyLineHasItsGradientsDashAndReadsWithoutColour() throws {
    let (_, report) = try run(
      Descent.self,
      """
      kind: descent
      f: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"
      start: {x: 0, y: 0}
      learning_rates: [0.001, 0.01, 0.03, 0.05]
      steps: 200
      gradient: [analytic, central, forward]
      h: 1e-4
      """)
    let dashes: [Dash] = [.solid, .dashed, .dotted]
    for name in ["paths", "loss"] {
      var figure = try #require(report.figures.first { $0.name == name }?.figure)
      figure.title = "Gradient descent on Himmelblau's function"
      let layout = try FigureLayout(figure)
      let lookalikes = LayoutRules.lookalikes(layout)
      #expect(lookalikes.isEmpty, "\(name): \(lookalikes)")
      for (panel, _) in layout.panels {
        for (i, series) in panel.panel.series.enumerated() where series.style != .markers {
          #expect(panel.drawings[i].dash == series.dash, "\(name): \(series.label)")
          #expect(dashes.contains(series.dash))
        }
      }
    }
    let map = try #require(report.figures.first { $0.name == "paths" }?.figure?.panels.first)
    let said = "at this scale the central and forward paths lie on the analytic ones"
    #expect(map.notes.count == 1 && map.notes[0].contains(said), "\(map.notes)")
    // The diverging path is drawn until it leaves the map, not to points 1e8 frames away.
    let diverged = try #require(map.series.first { $0.label.hasPrefix("η = 0.05") })
    let (xs, ys) = (try #require(map.xAxis.range), try #require(map.yAxis.range))
    let inside = zip(diverged.x, diverged.y).map { xs.contains($0) && ys.contains($1) }
    #expect(inside.count > 2 && inside.dropLast().allSatisfy { $0 } && inside.last == false)
  }

  @Test func aMissedClassificationFailsWithTheReason() throws {
    let (_, report) = try run(
      Descent.self,
      """
      kind: descent
      f: "x0^2 + x1^2"
      start: {x0: -3.0, x1: 4.0}
      learning_rates: [1.05]
      expect: {converges: [1.05]}
      """)
    #expect(!report.verdict.passed)
    #expect(
      report.checks.first?.detail.english.contains("expected converged, got diverged") == true)
  }

  @Test func pathAgreementIsNotCheckedWhereTheReferenceDoesNotConverge() throws {
    let (_, report) = try run(
      Descent.self,
      """
      kind: descent
      f: "x0^2 + x1^2"
      start: {x0: -3.0, x1: 4.0}
      learning_rates: [1.05]
      gradient: [analytic, central]
      expect: {path_agreement: 1e-6}
      """)
    #expect(report.checks.map(\.status) == [.notChecked])
    #expect(report.verdict.passed)
    #expect(report.verdict.text == "0 of 1 check passed, 1 not checked")
  }

  @Test func theSlidesRuleDivergesWhereGradientDescentConverges() throws {
    let (o, report) = try run(
      Descent.self,
      """
      kind: descent
      f: "x0^2 + x1^2"
      start: {x0: -1.0, x1: 2.0}
      learning_rates: [0.1, 0.3]
      gradient: analytic
      update: [standard, multiplicative]
      expect:
        standard: {converges: [0.1, 0.3]}
        multiplicative: {diverges: [0.1, 0.3]}
      """)
    #expect(report.verdict.passed, "\(report.checks.filter { $0.status != .passed })")
    #expect(report.checks.count == 4)
    #expect(o.runs.map(\.run.update) == [.standard, .standard, .multiplicative, .multiplicative])
    #expect(o.runs.filter { $0.run.update == .standard }.allSatisfy { $0.run.status == .converged })
    let slide = o.runs.filter { $0.run.update == .multiplicative }
    #expect(slide.allSatisfy { $0.run.status == .diverged })
    // x0 < 0 runs away: x0 <- x0 (1 - 2 eta x0) grows in magnitude at every step.
    #expect(
      slide.allSatisfy { r in
        zip(r.run.iterates, r.run.iterates.dropFirst()).allSatisfy { $1[0] < $0[0] }
      })
    #expect(report.data[0].table.serialized().hasPrefix("update,gradient,learning_rate,step"))
  }

  @Test func aCoordinateAtZeroNeverMovesUnderTheSlidesRule() throws {
    let (o, _) = try run(
      Descent.self,
      """
      kind: descent
      f: "(x0 - 1)^2 + x1^2"
      start: {x0: 0.0, x1: 0.5}
      learning_rates: [0.1]
      steps: 20
      gradient: analytic
      update: multiplicative
      """)
    let run = try #require(o.runs.first?.run)
    #expect(run.iterates.allSatisfy { $0[0] == 0 })
    #expect(run.status != .converged)
  }

  @Test func anExpectationForARuleNotRunIsALocatedError() throws {
    #expect {
      _ = try Experiment.parse(
        """
        kind: descent
        f: "x0^2 + x1^2"
        start: {x0: -1.0, x1: 2.0}
        learning_rates: [0.1]
        update: standard
        expect: {multiplicative: {diverges: [0.1]}}
        """, path: "t.yaml")
    } throws: { error in
      "\(error)".contains("t.yaml:6:") && "\(error)".contains("expect.multiplicative")
    }
  }

  /// Why each run stopped, as typed outcomes: at 0.1 the gradient norm fell under the
  /// tolerance before the step limit; at 1.05 the iterates grow (|1 - 2 * 1.05| > 1) and the
  /// run stops as diverged with a final value above the start's.
  @Test func eachRunSaysWhyItStopped() throws {
    let (o, _) = try run(
      Descent.self,
      """
      kind: descent
      f: "x0^2 + x1^2"
      start: {x0: -3.0, x1: 4.0}
      learning_rates: [0.1, 1.05]
      steps: 200
      """)
    let (converging, diverging) = (o.runs[0].run, o.runs[1].run)
    guard case .converged(let norm, let tolerance, let steps) = converging.stop else {
      Issue.record("0.1 stopped as \(converging.stop)")
      return
    }
    #expect(norm <= tolerance && steps == converging.stepsTaken && steps < 200)
    #expect(converging.finalValue < 1e-6 && converging.values[0] == 25)
    #expect(diverging.status == .diverged)
    #expect(diverging.finalValue > 25 || !diverging.finalValue.isFinite)
  }
}
