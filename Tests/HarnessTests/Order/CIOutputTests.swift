import Foundation
import Testing

@testable import Harness

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// JUnit XML, GitHub annotations, the step summary and --baseline, through the binary.
@Suite(.serialized) struct CIOutputTests {
  /// Counts elements and keeps attributes, failing on any XML error.
  final class JUnitReader: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var testcases: [[String: String]] = []
    var failures: [String] = []
    var text = ""
    var error: Error?

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      elements[name, default: 0] += 1
      if name == "testcase" { testcases.append(attributes) }
      text = ""
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      if name == "failure" { failures.append(text) }
    }
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    static func read(_ data: Data) throws -> JUnitReader {
      let reader = JUnitReader()
      let parser = XMLParser(data: data)
      parser.delegate = reader
      #expect(parser.parse(), "\(String(describing: parser.parserError))")
      #expect(reader.error == nil)
      return reader
    }
  }

  @Test func junitOfHandMadeChecksIsWellFormedAndEscaped() throws {
    var record = try CIRecord(
      Experiment.parse(
        "kind: order\ncases: [{name: a, command: [p, \"{n}\"], n: [4, 8]}]",
        path: "x.yaml"),
      Report(outcome: OrderOutcome(results: [])), seconds: 1.5)
    record.checks = [
      Check(Composed.verbatim(text: "a <b> & \"c\""), .passed, Composed.verbatim(text: "fine")),
      Check(
        Composed.verbatim(text: "d"), .failed,
        Composed.verbatim(text: "off by 3 < 4\nsecond line \u{1}")),
      Check(Composed.verbatim(text: "e"), .notChecked, Composed.verbatim(text: "too few")),
    ]
    let xml = JUnit.document([record])
    let reader = try JUnitReader.read(Data(xml.utf8))
    #expect(reader.elements["testsuites"] == 1)
    #expect(reader.elements["testsuite"] == 1)
    #expect(reader.elements["testcase"] == 3)
    #expect(reader.elements["failure"] == 1)
    #expect(reader.elements["skipped"] == 1)
    #expect(reader.testcases.map { $0["name"] } == ["a <b> & \"c\"", "d", "e"])
    #expect(reader.testcases.allSatisfy { $0["classname"] == "x" })
    #expect(reader.failures == ["off by 3 < 4\nsecond line "])
  }

  @Test func annotationsEscapeTheirProperties() throws {
    var record = try CIRecord(
      Experiment.parse(
        "kind: order\ncases: [{name: a, command: [p, \"{n}\"], n: [4, 8]}]",
        path: "x.yaml"),
      Report(outcome: OrderOutcome(results: [])), seconds: 0)
    record.checks = [
      Check(Composed.verbatim(text: "a, b: c"), .failed, Composed.verbatim(text: "50% off\nnext"))
    ]
    record.lines = ["a, b: c": 12]
    #expect(
      GitHubActions.annotations(record) == [
        "::error file=x.yaml,line=12,title=x%3A a%2C b%3A c::50%25 off%0Anext"
      ])
  }

  /// The failing-program fixture through the binary: annotations on standard output at the
  /// case's `expect` line, the step summary appended, JUnit written and read back.
  @Test func annotationsStepSummaryAndJUnitThroughTheBinary() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ci-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let summary = folder.appendingPathComponent("step-summary.md")
    let junit = folder.appendingPathComponent("junit.xml")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "earlier\n".write(to: summary, atomically: true, encoding: .utf8)
    let root = ProcessTests.packageRoot
    let result = ProcessTests.finish(
      try ProcessTests.spawn(
        [
          "run", "Tests/HarnessTests/Order/Fixtures/order-failures.yaml", "--output",
          folder.appendingPathComponent("out").path, "--junit", junit.path, "--formats", "svg",
        ], in: root,
        environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary.path]))
    #expect(result.status == 1, "\(result.err)")
    let annotations = result.out.split(separator: "\n").filter { $0.hasPrefix("::error ") }
    #expect(annotations.count == 5)
    #expect(
      annotations.first.map(String.init)
        == "::error file=Tests/HarnessTests/Order/Fixtures/order-failures.yaml,line=7,"
        + "title=order-failures%3A crashes%2C level 3::the program exited with status 3; "
        + "standard error ends: diverged at step 7")
    let steps = try String(contentsOf: summary, encoding: .utf8)
    #expect(steps.hasPrefix("earlier\n## Experiment verdicts"))
    #expect(steps.contains("| order-failures | order | **failed**: 5 of 8 checks failed"))
    let reader = try JUnitReader.read(Data(contentsOf: junit))
    #expect(reader.elements["testcase"] == 8)
    #expect(reader.elements["failure"] == 5)
    #expect(reader.elements["skipped"] == 3)
  }

  /// A file that cannot be loaded beside one that passes: exit 2, and CI still hears of it:
  /// an error test case at the file's line in JUnit, an annotation, and a step-summary row.
  @Test func anInvalidFileIsAnErrorInJUnitAndAnAnnotation() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ci-invalid-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let bad = folder.appendingPathComponent("bad.yaml")
    try "kind: convergence\ncases:\n  - f: x^2\n    at: 1\nschemes: [sideways]\n"
      .write(to: bad, atomically: true, encoding: .utf8)
    let (summary, junit) = (
      folder.appendingPathComponent("summary.md"), folder.appendingPathComponent("junit.xml")
    )
    let result = ProcessTests.finish(
      try ProcessTests.spawn(
        [
          "run", bad.path, "central-vs-forward", "--output", folder.appendingPathComponent("out").path,
          "--junit", junit.path, "--formats", "svg",
        ], in: ProcessTests.packageRoot,
        environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary.path]))
    #expect(result.status == 2, "\(result.err)")
    let annotations = result.out.split(separator: "\n").filter { $0.hasPrefix("::error ") }
    #expect(annotations.count == 1)
    #expect(annotations.first?.contains(",line=5,title=bad%3A the experiment file::") == true)
    #expect(annotations.first?.contains("sideways") == true)
    let reader = try JUnitReader.read(Data(contentsOf: junit))
    #expect(reader.elements["testsuite"] == 2)
    #expect(reader.elements["error"] == 1)
    #expect(reader.testcases.contains { $0["name"] == "the experiment file" && $0["line"] == "5" })
    let steps = try String(contentsOf: summary, encoding: .utf8)
    #expect(steps.contains("| bad |  | **error**: "))
    #expect(steps.contains("| central-vs-forward | convergence | passed"))
  }

  /// An earlier run whose fitted orders were higher by 0.5: the run fails "against the
  /// baseline"; against itself it passes.
  @Test func baselineCatchesALowerOrder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "baseline-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let root = ProcessTests.packageRoot
    let first = folder.appendingPathComponent("first")
    let arguments = ["run", "central-vs-forward", "--formats", "svg", "--output"]
    let a = ProcessTests.finish(try ProcessTests.spawn(arguments + [first.path], in: root))
    #expect(a.status == 0, "\(a.err)")
    let again = ProcessTests.finish(
      try ProcessTests.spawn(
        arguments + [folder.appendingPathComponent("second").path, "--baseline", first.path],
        in: root))
    #expect(again.status == 0, "\(again.out)")
    let url = first.appendingPathComponent("central-vs-forward/summary.json")
    var summary = try #require(
      JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let results = try #require(summary["results"] as? [[String: Any]])
    summary["results"] = results.map { r -> [String: Any] in
      var r = r
      if let order = r["fitted_order"] as? Double { r["fitted_order"] = order + 0.5 }
      return r
    }
    try JSONSerialization.data(withJSONObject: summary).write(to: url)
    let third = folder.appendingPathComponent("third")
    let b = ProcessTests.finish(
      try ProcessTests.spawn(arguments + [third.path, "--baseline", first.path], in: root))
    #expect(b.status == 1)
    let written = try #require(
      JSONSerialization.jsonObject(
        with: Data(contentsOf: third.appendingPathComponent("central-vs-forward/summary.json")))
        as? [String: Any])
    let checks = try #require(written["checks"] as? [[String: Any]])
    let baseline = try #require(checks.first { $0["subject"] as? String == "against the baseline" })
    #expect(baseline["status"] as? String == "failed")
    #expect((baseline["detail"] as? String ?? "").contains("fitted order"))
  }
}
