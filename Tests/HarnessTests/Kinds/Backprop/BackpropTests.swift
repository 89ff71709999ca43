import Foundation
import Testing

@testable import Harness

/// The shipped numpy network and its planted bugs, on a smaller network for speed.
@Suite struct BackpropTests {
  static let programs = ProcessTests.packageRoot.appendingPathComponent("Experiments/programs")

  func run(_ file: String, wrong: [String], extra: String = "") throws
    -> (outcome: BackpropOutcome, report: Report)
  {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    let path = Self.programs.appendingPathComponent(file).path
    let yaml = try folder.write(
      "b.yaml",
      """
      kind: backprop
      model:
        python: "\(path):TwoLayerNet"
        arguments: {input_size: 64, hidden_size: 16, output_size: 10, weight_decay: 0.1}
        seed: 3
      data: {batch: 50, seed: 2}
      precision: [double, single]
      parameters: 6
      expect: {wrong: [\(wrong.joined(separator: ", "))]}
      \(extra)
      """)
    let experiment = try Experiment.load(path: yaml.path)
    let spec = try #require(experiment.spec(of: Backprop.self))
    let outcome = try Backprop.run(spec, context: RunContext(options: RunOptions()))
    return (outcome, Backprop.report(outcome, spec: spec, experiment: experiment))
  }

  @Test(arguments: [
    ("two_layer_net.py", [String]()),
    ("two_layer_net_transposed.py", ["W1"]),
    ("two_layer_net_missing_term.py", ["W2"]),
    ("two_layer_net_factor_two.py", ["b2"]),
  ])
  func eachPlantedBugIsFoundInItsTensorOnly(_ file: String, _ wrong: [String]) throws {
    let (outcome, report) = try run(file, wrong: wrong)
    #expect(report.verdict.passed, "\(report.checks.filter { $0.status != .passed })")
    for precision in ["double", "single"] {
      let differing = Set(
        outcome.entries.filter {
          $0.precision.rawValue == precision && $0.agreement.status == .plateau
        }
        .map(\.tensor))
      #expect(differing == Set(wrong), "\(precision)")
    }
    // The figure: a panel per precision, exactly the differing entries marked as differing.
    let figure = try #require(report.figures.first { $0.name == "entries" }?.figure)
    #expect(figure.panels.count == 2)
    for (panel, precision) in zip(figure.panels, ["double", "single"]) {
      let marked = panel.series.first { $0.label == BackpropPhrase.differsSeries.english }
      let differing = outcome.entries.filter {
        $0.precision.rawValue == precision && $0.agreement.status == .plateau
      }
      #expect(marked?.x.count == differing.count, "\(precision)")
      // The tolerance: a dashed guide across the panel, named in the legend.
      let tolerance = panel.series.first { $0.label == "tolerance 1e-05" }
      #expect(tolerance?.isGuide == true && tolerance?.y == [1e-5, 1e-5])
    }
    if let tensor = wrong.first {
      let detail = try #require(
        report.checks.first { $0.subject.english.hasPrefix(tensor + ", double") })
      #expect(detail.detail.english.contains("differ from the finite differences: \(tensor)["))
    }
  }

  @Test func aBugInACorrectlyExpectedTensorFails() throws {
    // The factor of two in b2, with no bug expected: b2 fails, the others pass.
    let (_, report) = try run("two_layer_net_factor_two.py", wrong: [])
    let failed = report.checks.filter { $0.status == .failed }.map(\.subject.english)
    #expect(failed == ["b2, double", "b2, single"])
  }

  @Test func theModelMustHaveItsMethods() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write("m.py", "class Net:\n    def __init__(self):\n        self.params = {}\n")
    let yaml = try folder.write(
      "b.yaml", "kind: backprop\nmodel: {python: \"m.py:Net\"}\n")
    let experiment = try Experiment.load(path: yaml.path)
    let spec = try #require(experiment.spec(of: Backprop.self))
    #expect {
      try Backprop.run(spec, context: RunContext(options: RunOptions()))
    } throws: { error in
      "\(error)".contains("Net has no method loss(x, t)") && "\(error)".hasPrefix("2:8: model:")
    }
  }
}
