import Foundation
import Testing

@testable import Harness

/// Encoding and YAML-layout mistakes, found on the raw bytes before YAML parsing.
@Suite struct ExperimentTextTests {
  static let path = "Experiments/x.yaml"

  /// The error's description for `bytes`, or nil when they pass the checks.
  func error(_ bytes: [UInt8]) -> String? {
    do {
      _ = try ExperimentText.decode(bytes, path: Self.path)
      return nil
    } catch {
      return "\(error)"
    }
  }

  func error(_ text: String) -> String? { error(Array(text.utf8)) }

  static let good = """
    kind: convergence
    title: "2*x, *not* an alias"   # nor is *this
    cases:
      - f: 2*x^2 + 1
        at: [1, 2]
      - f: 'x*y ''*q'''
        at: 1
    description: |
      A block scalar may hold *anything*
      \tincluding tabs after its indentation
    schemes: [forward, central]
    h: {min: 1e-12, max: 1e-1}

    """

  @Test func aGoodFilePasses() {
    #expect(error(Self.good) == nil)
  }

  @Test func aUTF8ByteOrderMarkIsDropped() throws {
    let text = try ExperimentText.decode(
      [0xEF, 0xBB, 0xBF] + Array("kind: descent\n".utf8), path: Self.path)
    #expect(text == "kind: descent\n")
  }

  @Test(arguments: [
    (
      "kind: convergence\ncases:\n\t- f: x\n",
      "Experiments/x.yaml:3:1: tabs are not allowed for indentation in YAML; use spaces"
    ),
    (
      "cases:\n  \t- f: x\n",
      "Experiments/x.yaml:2:3: tabs are not allowed for indentation in YAML; use spaces"
    ),
    (
      "cases:\n  -\tf: x\n",
      "Experiments/x.yaml:2:4: tabs are not allowed for indentation in YAML; use spaces"
    ),
    (
      "a: 1\n\t# a comment\n",
      "Experiments/x.yaml:2:1: tabs are not allowed for indentation in YAML; use spaces"
    ),
    (
      "a:\r\n\tb: 1\r\n",
      "Experiments/x.yaml:2:1: tabs are not allowed for indentation in YAML; use spaces"
    ),
  ])
  func tabsInIndentation(_ text: String, _ message: String) {
    #expect(error(text) == message)
  }

  @Test func tabsElsewhereAreLeftToYAML() {
    #expect(error("a:\tb\nc: [1,\n\t2]\nd: \"x\ty\"\n") == nil)
  }

  @Test func utf16IsNamed() {
    let bare: [UInt8] = Array("kind: descent".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let utf16: [UInt8] = [0xFF, 0xFE] + bare
    #expect(
      error(utf16)
        == "Experiments/x.yaml:1:1: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"
    )
    #expect(
      error(bare)
        == "Experiments/x.yaml:1:2: NUL byte at byte offset 1: the file looks like UTF-16 without a byte-order mark; save it as UTF-8"
    )
  }

  @Test func cp949IsLocatedAndNamed() {
    // "title: 미분\n" in CP949: 미 = B9 CC, 분 = BA D0.
    let bytes = Array("kind: descent\ntitle: ".utf8) + [0xB9, 0xCC, 0xBA, 0xD0, 0x0A]
    #expect(
      error(bytes)
        == "Experiments/x.yaml:2:8: the file is not UTF-8: byte 0xB9 at byte offset 21 cannot start or continue a UTF-8 character; it looks like CP949/EUC-KR (Korean); save it as UTF-8"
    )
  }

  @Test func latin1IsLocatedAndNamed() {
    // "title: café\n" in Latin-1, after a UTF-8 line with a non-ASCII character.
    let bytes = Array("kind: descent # ✓\ntitle: caf".utf8) + [0xE9, 0x0A]
    #expect(
      error(bytes)
        == "Experiments/x.yaml:2:11: the file is not UTF-8: byte 0xE9 at byte offset 30 cannot start or continue a UTF-8 character; it looks like Latin-1 or Windows-1252; save it as UTF-8"
    )
  }

  @Test(arguments: [
    ("a: &x 1\nb: *x\n", "Experiments/x.yaml:2:4"),
    ("a: &x 1\r\nb: *x\r\n", "Experiments/x.yaml:2:4"),
    ("a: &x [1, 2]\nb: [*x, *x]\n", "Experiments/x.yaml:2:5"),
    ("a: &x 1\nb:\n  - *x\n", "Experiments/x.yaml:3:5"),
    ("a: &x 1\n*x : 2\n", "Experiments/x.yaml:2:1"),
    ("a: &x 1\nb: {c: *x}\n", "Experiments/x.yaml:2:8"),
    ("a: &x 1\nb: !!str *x\n", "Experiments/x.yaml:2:10"),
  ])
  func aliasesAreRejected(_ text: String, _ location: String) {
    #expect(
      error(text)
        == "\(location): YAML aliases ('*name') are not accepted in experiment files; write the value out"
    )
  }

  @Test func anAliasBombIsRejectedBeforeItExpands() {
    var lines = [
      "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"
    ]
    for (name, previous) in zip("bcdefghij", "abcdefghi") {
      lines.append(
        "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
          + "]")
    }
    #expect(
      error(lines.joined(separator: "\n"))?.hasPrefix("Experiments/x.yaml:2:8: YAML aliases")
        == true)
  }

  @Test func nestingPastTheLimitIsAnError() {
    let limit = ExperimentText.maximumNesting
    let flow = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(
      error("a: " + flow)?.hasPrefix(
        "Experiments/x.yaml:1:\(3 + limit): the YAML nests deeper than \(limit) levels") == true)
    let dashes = String(repeating: "- ", count: 100_000) + "x"
    #expect(error(dashes)?.contains("nests deeper than \(limit)") == true)
    let block = (0...limit).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(
      separator: "\n")
    #expect(error(block)?.hasPrefix("Experiments/x.yaml:\(limit + 1):") == true)
    let fine = (0..<8).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
    #expect(error(fine) == nil)
  }

  @Test func anOversizedFileIsRejected() {
    let big = [UInt8](repeating: 0x20, count: ExperimentText.maximumBytes + 1)
    #expect(error(big)?.contains("at most 1048576 bytes (1 MiB)") == true)
  }

  @Test func duplicateKeysAreFoundAtTheRepetition() {
    #expect(
      error("kind: descent\ntitle: a\nkind: partials\n")
        == "Experiments/x.yaml:3:1: duplicate key 'kind' (first at line 1)")
    #expect(
      error("cases:\n  - f: x\n    at: 1\n    'f': y\n")
        == "Experiments/x.yaml:4:5: duplicate key 'f' (first at line 2)")
    #expect(error("cases:\n  - f: x\n  - f: y\n") == nil)
    #expect(error("a:\n  x: 1\nb:\n  x: 2\n") == nil)
    #expect(error("? a\n: 1\n? b\n: 2\n") == nil)
  }

  /// `Experiment.parse` takes the same path as `load`: a block mapping's duplicate is found by
  /// the byte checks at the repetition, a flow mapping's by Yams.
  @Test func duplicateKeysAreYAMLErrors() {
    let block = #expect(throws: ExperimentError.self) {
      _ = try Experiment.parse("kind: descent\ntitle: a\nkind: partials\n", path: Self.path)
    }
    #expect(block?.description == "Experiments/x.yaml:3:1: duplicate key 'kind' (first at line 1)")
    let flow = #expect(throws: ExperimentError.self) {
      _ = try Experiment.parse("{kind: descent, kind: partials}\n", path: Self.path)
    }
    #expect(flow?.description == "Experiments/x.yaml:1:2: duplicate key 'kind'")
  }

  @Test func loadGoesThroughTheChecks() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("text-\(UUID()).yaml")
    try Data([0xFF, 0xFE, 0x6B, 0x00]).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let error = #expect(throws: ExperimentError.self) { try Experiment.load(path: url.path) }
    #expect(error?.message.contains("UTF-16") == true)
    #expect(error?.line == 1)
  }
}
