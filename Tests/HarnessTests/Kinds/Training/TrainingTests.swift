import Foundation
import Testing

@testable import Harness

@Suite struct TrainingTests {
  static func yaml(_ file: String) -> String {
    """
    kind: training
    network: {layers: [784, 8, 10], seed: 4}
    data: {source: {csv: \(file)}, train: 50, test: 10}
    optimizer: {learning_rates: [0.05, 0.2], batch: 10, epochs: 2}
    expect: {loss_decreases: true}
    """
  }

  @Test func trainingIsReproducible() throws {
    let file = try csvData(rows: 60)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (first, report) = try run(Training.self, Self.yaml(file))
    let (second, _) = try run(Training.self, Self.yaml(file))
    #expect(first.runs.map(\.run.stepLosses) == second.runs.map(\.run.stepLosses))
    #expect(first.runs.map(\.run.learningRate) == [0.05, 0.2])
    #expect(first.runs.allSatisfy { $0.run.stepLosses.count == 10 && $0.run.epochs.count == 2 })
    let steps = try #require(report.data.first { $0.name == "steps.csv" }).table
    #expect(steps.rows.count == 2 * 10)
  }

  /// Numerical against backprop: the figure draws what the experiment is about, the step
  /// losses of both and their difference at every step, not a flat line and one accuracy dot.
  @Test func aComparisonDrawsTheDifferenceOfTheStepLosses() throws {
    let file = try csvData(rows: 60)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (o, report) = try run(
      Training.self,
      """
      kind: training
      network: {layers: [784, 4, 10], seed: 4}
      data: {source: {csv: \(file)}, train: 50, test: 10}
      optimizer: {learning_rate: 0.1, batch: 10, epochs: 1, max_steps: 3}
      gradient: numerical
      compare: true
      """)
    let figure = try #require(report.figures.first?.figure)
    #expect(figure.panels.count == 2)
    let numerical = try #require(o.runs.first { $0.gradient == "numerical" })
    let backprop = try #require(o.runs.first { $0.gradient == "backprop" })
    #expect(figure.panels[0].series.map(\.y) == [numerical.run.stepLosses, backprop.run.stepLosses])
    let difference = try #require(figure.panels[1].series.first)
    let gaps = zip(numerical.run.stepLosses, backprop.run.stepLosses).map { abs($0 - $1) }
    // Step 1 starts both from the same weights: equal losses, said in a note, not drawn at 0
    // on the log axis.
    #expect(gaps[0] == 0 && figure.panels[1].notes.count == 1)
    #expect(difference.y == gaps.filter { $0 != 0 })
    #expect(difference.x == gaps.indices.filter { gaps[$0] != 0 }.map { Double($0 + 1) })
    #expect(figure.panels[1].yAxis.scale == .log10)
  }

  @Test func aRunThatStopsIsExplainedInTheFilesLanguage() throws {
    let file = try csvData(rows: 60)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let yaml = """
      kind: training
      language: ko
      network: {layers: [784, 8, 10], seed: 4}
      data: {source: {csv: \(file)}, train: 50, test: 10}
      optimizer: {learning_rate: 1e300, batch: 10, epochs: 2}
      """
    let (outcome, report) = try run(Training.self, yaml)
    let stop = try #require(outcome.runs.first?.run.stoppedAt)
    let loss = "\(outcome.runs[0].run.stepLosses[stop.step - 1])"
    let korean = "에폭 1의 스텝 \(stop.step)에서 손실이 유한하지 않음 (\(loss))"
    #expect(report.tables[0].rows[0].last == korean)
    #expect(report.notes.map(\.korean).contains("학습률 1e+300 (오차역전파 기울기): 중단: \(korean)"))
    // The English report (summary.json's) keeps Learning's own sentence.
    var english = try Experiment.parse(yaml, path: "t.yaml")
    english.language = .en
    let spec = try #require(english.spec(of: Training.self))
    let machine = Training.report(outcome, spec: spec, experiment: english)
    #expect(machine.tables[0].rows[0].last == stop.reason)
    #expect(machine.tables[0].rows[0].first == "backprop")
    // The Korean report's note, worded in English for summary.json, is the English report's.
    #expect(report.notes.map(\.english) == machine.notes.map(\.english))
  }

  @Test func aCancelledTrainingStopsAtItsNextStep() throws {
    let file = try csvData(rows: 60)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let cancellation = Cancellation()
    cancellation.cancel()
    #expect(throws: CancellationError.self) {
      _ = try run(Training.self, Self.yaml(file), cancellation: cancellation)
    }
  }

  @Test func aCorruptDataFileIsAnInvalidInputNamingFileAndRow() throws {
    let file = try csvData(rows: 30, corruptRow: 7)
    defer { try? FileManager.default.removeItem(atPath: file) }
    do {
      _ = try run(
        Training.self,
        """
        kind: training
        data: {source: {csv: \(file)}}
        optimizer: {learning_rate: 0.1, batch: 10, epochs: 1}
        """)
      Issue.record("a corrupt file was accepted")
    } catch let error as ExperimentError {
      #expect(error.description.contains(file))
      #expect(error.description.contains("\(file):8:"))
    }
  }

  @Test func layersThatDoNotMatchTheDataAreAnError() throws {
    let file = try csvData(rows: 20)
    defer { try? FileManager.default.removeItem(atPath: file) }
    #expect(throws: ExperimentError.self) {
      _ = try run(
        Training.self,
        """
        kind: training
        network: {layers: [100, 8, 10]}
        data: {source: {csv: \(file)}}
        optimizer: {learning_rate: 0.1, batch: 5}
        """)
    }
  }

  @Test func dataPathsAreRelativeToTheExperimentFile() throws {
    let file = URL(fileURLWithPath: try csvData(rows: 20))
    defer { try? FileManager.default.removeItem(at: file) }
    let experiment = try Experiment.parse(
      """
      kind: training
      network: {layers: [784, 4, 10]}
      data: {source: {csv: \(file.lastPathComponent)}}
      optimizer: {learning_rate: 0.1, batch: 5}
      """, path: file.deletingLastPathComponent().appendingPathComponent("x.yaml").path)
    let spec = try #require(experiment.spec(of: Training.self))
    #expect(spec.data.source == .csv(file: file.standardizedFileURL.path))
  }
}
