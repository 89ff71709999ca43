import Foundation
import Learning
import Testing

@testable import Harness

/// Each kind's runner on small inline experiments, asserting the numbers it reports.
@Suite(.serialized) struct RunnerTests {
  func run(_ yaml: String, name: String = "t") throws -> ExperimentResult {
    let experiment = try Experiment.parse(yaml, path: "\(name).yaml")
    return try runExperiment(experiment, context: RunContext(options: RunOptions()))
  }

  /// The value at `path` in a JSON tree, e.g. ["gradients", 0, "estimates", "central"].
  func value(_ result: ExperimentResult, _ key: String) -> JSON? {
    result.summary.first { $0.0 == key }?.1
  }

  @Test func seedsNdiff2GivesTwoAndSix() throws {
    let result = try run(
      """
      kind: partials
      f: "x0^2 + x1^2"
      at: {x0: 1, x1: 3}
      schemes: [central, forward]
      gradient_steps: [1e-5]
      expect: {forward: 1, central: auto}
      checks:
        - {variable: x0, scheme: central, h: 1e-5, equals: 2, tolerance: 1e-9}
        - {variable: x1, scheme: central, h: 1e-5, equals: 6, tolerance: 1e-9}
      """)
    #expect(result.passed, "\(result.failures)")
    guard case .array(let gradients)? = value(result, "gradients"),
      case .object(let first) = gradients[0],
      case .object(let estimates)? = first.first(where: { $0.0 == "estimates" })?.1,
      case .array(let central)? = estimates.first(where: { $0.0 == "central" })?.1,
      case .number(let g0) = central[0], case .number(let g1) = central[1]
    else {
      Issue.record("no gradient table")
      return
    }
    #expect(abs(g0 - 2) < 1e-9 && abs(g1 - 6) < 1e-9)
  }

  @Test func partialsFitTheirOrdersOnASmoothFunction() throws {
    let result = try run(
      """
      kind: partials
      f: "exp(x*y)*sin(z) + log(1 + x^2 + z^2)"
      at: {x: 0.5, y: -0.7, z: 1.2}
      schemes: [forward, central]
      expect: {forward: 1, central: 2, hessian: 2}
      hessian: true
      """)
    #expect(result.passed, "\(result.failures)")
    guard case .array(let results)? = value(result, "results") else { return }
    #expect(results.count == 6)
  }

  @Test func descentClassifiesTheSeedsLearningRates() throws {
    let result = try run(
      """
      kind: descent
      f: "x0^2 + x1^2"
      start: {x0: -3.0, x1: 4.0}
      learning_rates: [0.01, 0.1, 0.9, 0.99, 1.0, 1.01, 1.05]
      steps: 100
      gradient: [analytic, central]
      expect: {converges: [0.1, 0.9], too_slow: [0.01, 0.99, 1.0], diverges: [1.01, 1.05], path_agreement: 1e-6}
      """)
    #expect(result.passed, "\(result.failures)")
  }

  @Test func aMissedClassificationFailsWithTheReason() throws {
    let result = try run(
      """
      kind: descent
      f: "x0^2 + x1^2"
      start: {x0: -3.0, x1: 4.0}
      learning_rates: [1.05]
      expect: {converges: [1.05]}
      """)
    #expect(!result.passed)
    #expect(result.failures.first?.contains("expected converged, got diverged") == true)
  }

  /// A label-last CSV of `rows` seeded random 784-pixel images, about 20% of the pixels lit as
  /// in handwritten digits, in a temporary folder.
  func csvData(rows: Int, corruptRow: Int? = nil, seed: UInt64 = 17) throws -> String {
    var generator = Xoshiro256StarStar(seed: seed)
    var text = ""
    for r in 0..<rows {
      let width = r == corruptRow ? 783 : 784
      let pixels = (0..<width).map { _ -> String in
        generator.nextUniform() < 0.2 ? String(generator.nextInt(below: 256)) : "0"
      }
      text += pixels.joined(separator: ",") + ",\(r % 10)\n"
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "digits-\(UUID().uuidString).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func gradcheckOnASmallNetworkFromAnotherSource() throws {
    let file = try csvData(rows: 40)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let result = try run(
      """
      kind: gradcheck
      network: {layers: [784, 6, 10], activation: relu, init: he, seed: 9}
      data: {source: {csv: \(file)}, batch: 20}
      h: 1e-4
      method: both
      sweep: {min: 1e-9, max: 1e-1, per_decade: 3}
      expect: {max_relative_error: 1e-6, central: 2, forward: 1}
      """)
    #expect(result.passed, "\(result.failures)")
    guard case .array(let tensors)? = value(result, "tensors") else {
      Issue.record("no tensors")
      return
    }
    #expect(tensors.count == 4)
  }

  @Test func trainingIsReproducible() throws {
    let file = try csvData(rows: 60)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let yaml = """
      kind: training
      network: {layers: [784, 8, 10], seed: 4}
      data: {source: {csv: \(file)}, train: 50, test: 10}
      optimizer: {learning_rates: [0.05, 0.2], batch: 10, epochs: 2}
      """
    let first = try run(yaml)
    let second = try run(yaml)
    let a = first.tables.first { $0.name == "steps.csv" }!.table.serialized()
    let b = second.tables.first { $0.name == "steps.csv" }!.table.serialized()
    #expect(a == b)
    #expect(a.split(separator: "\n").count == 1 + 2 * 10)
  }

  @Test func aCorruptDataFileIsAnInvalidInputNamingFileAndRow() throws {
    let file = try csvData(rows: 30, corruptRow: 7)
    defer { try? FileManager.default.removeItem(atPath: file) }
    do {
      _ = try run(
        """
        kind: training
        data: {source: {csv: \(file)}}
        optimizer: {learning_rate: 0.1, batch: 10, epochs: 1}
        """)
      Issue.record("a corrupt file was accepted")
    } catch let error as ExperimentError {
      #expect(error.description.contains(file))
      #expect(error.description.contains("row 8"))
    }
  }

  @Test func layersThatDoNotMatchTheDataAreAnError() throws {
    let file = try csvData(rows: 20)
    defer { try? FileManager.default.removeItem(atPath: file) }
    #expect(throws: ExperimentError.self) {
      _ = try run(
        """
        kind: training
        network: {layers: [100, 8, 10]}
        data: {source: {csv: \(file)}}
        optimizer: {learning_rate: 0.1, batch: 5}
        """)
    }
  }
}
