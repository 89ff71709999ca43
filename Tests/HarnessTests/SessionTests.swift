import Foundation
import Plotting
import Testing

@testable import ExperimentCLI
@testable import Harness

/// Whole runs: exit codes, what is and is not written, determinism.
@Suite(.serialized) struct SessionTests {
  /// A fresh folder with an `Experiments/` of the given files, and an output folder.
  func workspace(_ files: [String: String]) throws -> (root: URL, output: URL, catalog: Catalog) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "harness-\(UUID().uuidString)")
    let experiments = root.appendingPathComponent("Experiments")
    try FileManager.default.createDirectory(at: experiments, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(
        to: experiments.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return (root, root.appendingPathComponent("Output"), Catalog(directory: experiments))
  }

  func session(_ output: URL, _ catalog: Catalog, formats: [Plotting.FigureFormat] = [.png]) -> (
    Session, Captured
  ) {
    let captured = Captured()
    let session = Session(
      options: RunOptions(outputRoot: output, formats: formats, jobs: 2), catalog: catalog,
      out: { captured.append($0) }, err: { captured.append($0) })
    return (session, captured)
  }

  static let passing = """
    kind: convergence
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

  @Test func passingFailingAndInvalidExitCodes() async throws {
    let (root, output, catalog) = try workspace([
      "good.yaml": Self.passing, "bad.yaml": Self.failing,
      "broken.yaml": "kind: convergence\ncases:\n  - {f: \"sin(x\", at: 1}\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let (s, captured) = session(output, catalog)
    #expect(await s.run(["good"], all: false) == .success)
    #expect(await s.run(["bad"], all: false) == .expectationMissed)
    #expect(await s.run(["broken"], all: false) == .invalidInput)
    #expect(await s.run(["nonexistent"], all: false) == .invalidInput)
    #expect(await s.run([], all: true) == .invalidInput)
    #expect(captured.text.contains("unknown experiment 'nonexistent'"))
    #expect(captured.text.contains("broken.yaml:3:"))

    let fm = FileManager.default
    #expect(fm.fileExists(atPath: output.appendingPathComponent("good/summary.json").path))
    #expect(fm.fileExists(atPath: output.appendingPathComponent("good/errors.csv").path))
    #expect(
      !fm.fileExists(atPath: output.appendingPathComponent("broken").path),
      "nothing is written for an invalid file")
    let leftovers = try fm.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "no staging folders are left behind: \(leftovers)")

    let summary =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: output.appendingPathComponent("bad/summary.json"))) as! [String: Any]
    #expect(summary["passed"] as? Bool == false)
    let results = summary["results"] as! [[String: Any]]
    #expect(results[0]["expected_order"] as? Double == 2)
    #expect(abs((results[0]["fitted_order"] as! Double) - 1) < 0.1)
    #expect((summary["failures"] as! [String])[0].contains("expected 2"))

    let index = try String(contentsOf: output.appendingPathComponent("index.md"), encoding: .utf8)
    #expect(index.contains("## good") && index.contains("## bad"))
    #expect(index.contains("](./good/"))
  }

  @Test func summaryHasTheDesignFields() async throws {
    let (root, output, catalog) = try workspace(["good.yaml": Self.passing])
    defer { try? FileManager.default.removeItem(at: root) }
    let (s, _) = session(output, catalog)
    #expect(await s.run(["good"], all: false) == .success)
    let summary =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: output.appendingPathComponent("good/summary.json")))
      as! [String: Any]
    #expect(summary["name"] as? String == "good")
    #expect(summary["kind"] as? String == "convergence")
    let results = summary["results"] as! [[String: Any]]
    #expect(results.count == 6)
    for key in [
      "scheme", "precision", "fitted_order", "predicted_order", "expected_order", "status",
      "fit_range", "r_squared", "error_constant", "predicted_constant", "best_h", "best_error",
      "predicted_best_h", "passed", "f", "at",
    ] {
      #expect(results.allSatisfy { $0.keys.contains(key) }, "missing \(key)")
    }
    // sin at 0: the forward difference's h term vanishes (f''(0) = 0), auto expects 2.
    let sinForward = results.first {
      $0["f"] as? String == "sin(x)" && $0["at"] as? Double == 0
        && $0["scheme"] as? String == "forward"
    }!
    #expect(sinForward["predicted_order"] as? Int == 2)
    #expect(abs((sinForward["fitted_order"] as! Double) - 2) < 0.15)
  }

  @Test func sameSeedSameCSV() async throws {
    let (root, output, catalog) = try workspace(["good.yaml": Self.passing])
    defer { try? FileManager.default.removeItem(at: root) }
    let (s, _) = session(output, catalog)
    #expect(await s.run(["good"], all: false) == .success)
    let first = try Data(contentsOf: output.appendingPathComponent("good/errors.csv"))
    #expect(await s.run(["good"], all: false) == .success)
    let second = try Data(contentsOf: output.appendingPathComponent("good/errors.csv"))
    #expect(first == second)
    let csv = String(decoding: first, as: UTF8.self)
    #expect(
      csv.hasPrefix(
        "case,f,variable,at,precision,scheme,h,h_effective,estimate,exact,error,roundoff_floor,in_fit_range\n"
      ))
  }

  @Test func anUnwritableOutputIsAnInvalidInput() async throws {
    let (root, _, catalog) = try workspace(["good.yaml": Self.passing])
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("not-a-folder")
    try "x".write(to: file, atomically: true, encoding: .utf8)
    let (s, captured) = session(file, catalog)
    #expect(await s.run(["good"], all: false) == .invalidInput)
    #expect(captured.text.contains("not a directory"))
  }

  @Test func commandLineUsageErrors() throws {
    #expect(throws: (any Error).self) { try ExperimentCommand.parseAsRoot(["run"]) }
    do {
      _ = try ExperimentCommand.parseAsRoot(["run", "x", "--jobs", "0"])
      Issue.record("--jobs 0 was accepted")
    } catch {
      #expect(ExperimentCommand.exitCode(for: error).rawValue == 64)
    }
    do {
      _ = try ExperimentCommand.parseAsRoot(["run", "x", "--formats", "gif"])
      Issue.record("--formats gif was accepted")
    } catch {
      #expect(ExperimentCommand.exitCode(for: error).rawValue == 64)
      #expect(ExperimentCommand.message(for: error).contains("gif"))
    }
  }
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
