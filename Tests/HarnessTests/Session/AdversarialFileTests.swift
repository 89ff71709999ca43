import Foundation
import Testing

@testable import Harness

/// Held-out adversarial files, one per class, run through the built `experiment` binary from
/// another directory: each must exit 2 (never a signal), name its problem at file:line:column
/// and write nothing to `--output`.
@Suite(.serialized) struct AdversarialFileTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    /// `bad.yaml:LINE:COLUMN:` must start the message.
    var location: String
    /// Words the message must contain.
    var says: [String]
    var testDescription: String { name }

    init(_ name: String, _ text: String, at location: String, says: [String]) {
      self.init(name, Array(text.utf8), at: location, says: says)
    }

    init(_ name: String, _ bytes: [UInt8], at location: String, says: [String]) {
      self.name = name
      self.bytes = bytes
      self.location = location
      self.says = says
    }
  }

  static let deep =
    String(repeating: "(", count: 100_000) + "x"
    + String(repeating: ")", count: 100_000)
  static let korean: [UInt8] = [0xC7, 0xD1, 0xB1, 0xDB]  // 한글 in CP949
  static let utf16: [UInt8] =
    [0xFF, 0xFE] + "kind: descent\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }

  static let cases: [Case] = [
    Case(
      "deep nesting", "kind: convergence\ncases:\n  - f: \"\(deep)\"\n    at: 1\n",
      at: "3:109", says: ["nested 100000 deep", "the limit is 100"]),
    Case(
      "huge layers",
      "kind: gradcheck\nnetwork:\n  layers: [784, 100000000, 10]\n"
        + "data: {source: mnist-sample, batch: 100}\n",
      at: "3:11", says: ["network too large", "GiB", "the limit is 8 GiB"]),
    Case(
      "superscript", "kind: convergence\ncases:\n  - f: \"x²\"\n    at: 1\n",
      at: "3:10", says: ["superscript", "did you mean '^2'"]),
    Case(
      "missing operand", "kind: convergence\ncases:\n  - f: \"2*x^ + 1\"\n    at: 1\n",
      at: "3:14", says: ["missing operand after '^'"]),
    Case(
      "tab", "kind: convergence\ncases:\n\t- f: x\n", at: "3:1", says: ["tab"]),
    Case(
      "CP949", Array("kind: descent\ntitle: ".utf8) + korean + [0x0A],
      at: "2:8", says: ["UTF-8", "CP949"]),
    Case("UTF-16 BOM", utf16, at: "1:1", says: ["UTF-16"]),
    Case(
      "duplicate key", "kind: descent\nf: x^2\nf: x^3\nstart: {x: 1}\nlearning_rates: [0.1]\n",
      at: "3:1", says: ["duplicate key 'f'"]),
    Case(
      "alias bomb",
      "kind: descent\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a]\n"
        + "c: [*b, *b, *b, *b, *b, *b, *b, *b]\n",
      at: "3:8", says: ["alias"]),
    Case(
      "absurd sweep",
      "kind: convergence\ncases:\n  - {f: \"x^2\", at: 1}\n"
        + "h: {min: 1e-300, max: 1e300, per_decade: 100}\n",
      at: "4:42", says: ["step grid too large", "60001", "the limit is 10000"]),
    Case(
      "absurd epochs",
      "kind: training\ndata: {source: mnist-sample}\n"
        + "optimizer: {learning_rate: 0.1, batch: 100, epochs: 1000000000}\n",
      at: "3:53", says: ["too many epochs", "1000000000", "10000"]),
    Case(
      "absurd descent steps",
      "kind: descent\nf: \"x^2\"\nstart: {x: 1}\nlearning_rates: [0.1]\nsteps: 1000000000000\n",
      at: "5:8", says: ["too many steps", "1000000000000", "1000000"]),
  ]

  @Test(arguments: cases) func exitsTwoAtTheProblemAndWritesNothing(_ file: Case) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "adversarial-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(file.bytes).write(to: folder.appendingPathComponent("bad.yaml"))
    let run = ProcessTests.finish(
      try ProcessTests.spawn(["run", "bad.yaml", "--output", "out"], in: folder))
    #expect(!run.signaled && run.status == 2, "\(file.name): \(run.err.prefix(400))")
    #expect(run.err.contains("bad.yaml:\(file.location):"), "\(file.name): \(run.err.prefix(400))")
    for words in file.says {
      #expect(run.err.contains(words), "\(file.name): \(run.err.prefix(400))")
    }
    #expect(run.err.utf8.count < 1_000, "\(file.name): a short message")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }
}
