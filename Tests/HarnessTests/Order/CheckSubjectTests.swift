import Foundation
import Testing

@testable import Harness

/// Check subjects are unique within an experiment (they are JUnit test names and baseline
/// keys), and a result without an expectation is `passed: null`.
@Suite struct CheckSubjectTests {
  /// Every shipped experiment but the training and order ones (their own suites run them):
  /// subjects unique in the English checks summary.json gets.
  @Test func subjectsAreUniqueInEveryShippedExperiment() throws {
    let paths = try Catalog().allPaths()
    var ran = 0
    for path in paths {
      let experiment = try Experiment.load(path: path)
      guard !["training", "order", "gradcheck"].contains(experiment.kind) else { continue }
      let report = try Kinds.execute(
        experiment, context: RunContext(options: RunOptions(jobs: 2)))
      let subjects = report.checks.map(\.subject.english)
      let repeated = Dictionary(grouping: subjects, by: { $0 }).filter { $0.value.count > 1 }
      #expect(repeated.isEmpty, "\(experiment.name): \(repeated.keys.sorted())")
      ran += 1
    }
    #expect(ran >= 20)
  }

  /// The shipped training files' shape (min_test_accuracy and loss_decreases on one rate).
  @Test func trainingChecksHaveOneSubjectEach() throws {
    let file = try csvData(rows: 60)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (_, report) = try run(
      Training.self,
      """
      kind: training
      network: {layers: [784, 8, 10], seed: 4}
      data: {source: {csv: \(file)}, train: 50, test: 10}
      optimizer: {learning_rates: [0.05, 0.2], batch: 10, epochs: 1}
      expect: {min_test_accuracy: {0.2: 0.0}, loss_decreases: true}
      """)
    let subjects = report.checks.map(\.subject.english)
    #expect(subjects.count == 2)
    #expect(Set(subjects).count == subjects.count, "\(subjects)")
  }

  @Test func aResultWithoutAnExpectationIsPassedNull() throws {
    let (outcome, _) = try run(
      Convergence.self,
      """
      kind: convergence
      cases: [{f: "exp(x)", at: 0.5}]
      schemes: [forward, central]
      expect: {central: 2}
      """)
    let data = try JSONEncoder().encode(outcome)
    let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    let results = try #require(json["results"] as? [[String: Any]])
    let forward = try #require(results.first { $0["scheme"] as? String == "forward" })
    let central = try #require(results.first { $0["scheme"] as? String == "central" })
    #expect(forward["passed"] is NSNull)
    #expect(central["passed"] as? Bool == true)
  }
}
