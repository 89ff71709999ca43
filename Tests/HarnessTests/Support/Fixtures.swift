import Foundation
import Learning
import Testing

@testable import Harness

/// Runs one kind on inline YAML: the typed outcome and the report built from it.
func run<K: ExperimentKindDefinition>(
  _ kind: K.Type, _ yaml: String, path: String = "t.yaml",
  cancellation: Cancellation = Cancellation()
) throws -> (outcome: K.Outcome, report: Report) {
  let experiment = try Experiment.parse(yaml, path: path)
  let spec = try #require(experiment.spec(of: K.self))
  let outcome = try K.run(
    spec, context: RunContext(options: RunOptions(), cancellation: cancellation))
  return (outcome, K.report(outcome, spec: spec, experiment: experiment))
}

/// A label-last CSV of `rows` seeded random 784-pixel images, about 20% of the pixels lit as in
/// handwritten digits, in a temporary folder.
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

/// A fresh folder with an `Experiments/` of the given files, and an output folder (not created).
func workspace(_ files: [String: String]) throws -> (root: URL, output: URL, catalog: Catalog) {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent(
    "harness-\(UUID().uuidString)")
  let experiments = root.appendingPathComponent("Experiments")
  try FileManager.default.createDirectory(at: experiments, withIntermediateDirectories: true)
  for (name, text) in files {
    try text.write(to: experiments.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }
  return (root, root.appendingPathComponent("Output"), Catalog(directory: experiments))
}

/// Every file under `folder`, relative to it, hidden ones included.
func listing(_ folder: URL) -> [String] {
  guard let e = FileManager.default.enumerator(atPath: folder.path) else { return [] }
  return (e.allObjects as? [String] ?? []).sorted()
}

/// Collects printed text from concurrent runs.
final class Captured: @unchecked Sendable {
  private var lines: [String] = []
  private let lock = NSLock()
  func append(_ line: String) {
    lock.lock()
    lines.append(line)
    lock.unlock()
  }
  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return lines.joined(separator: "\n")
  }
}

/// Small experiment files used by several suites.
enum Files {
  static let passing = """
    kind: convergence
    title: "A | tricky *title*"
    description: "sin and exp, |x| and <b>"
    cases:
      - {f: "exp(x)", at: 0.5}
      - {f: "sin(x)", at: [0, 1]}
    schemes: [forward, central]
    h: {min: 1e-10, max: 1e-1, per_decade: 4}
    expect: {forward: auto, central: 2}
    """

  static let failing = """
    kind: convergence
    cases:
      - {f: "exp(x)", at: 0.5}
    schemes: [forward]
    expect: {forward: 2}
    """

  static let partials = """
    kind: partials
    f: "x^2 + 2*y^2 + x*y"
    at: {x: 2, y: -1}
    schemes: [forward, central]
    expect: {forward: 1}
    """
}
