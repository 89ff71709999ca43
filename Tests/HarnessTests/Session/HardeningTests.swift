import Foundation
import Testing

@testable import Harness

/// Issue 20's cases, through the built `experiment` binary from another directory: each must
/// end (a generous bound against hangs, no speed asserted) with the exit code given, never a
/// signal, and an invalid one must write nothing.
@Suite(.serialized) struct HardeningTests {
  struct Outcome {
    var run: ProcessTests.Result
    var folder: URL
    /// Whether `out` (the `--output` of `check`) exists after the run.
    var wroteOutput: Bool { FileManager.default.fileExists(atPath: folder.path + "/out") }
  }

  /// A new empty folder, removed by the caller.
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hardening-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs the binary with `arguments` in `folder`, killed after `bound` seconds (a hang is a
  /// failure, not a wait).
  static func run(_ arguments: [String], in folder: URL, bound: Double = 600)
    throws -> ProcessTests.Result
  {
    let process = try ProcessTests.spawn(arguments, in: folder)
    let pid = process.processIdentifier
    let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + bound, execute: watchdog)
    let result = ProcessTests.finish(process)
    watchdog.cancel()
    #expect(!(result.signaled && result.status == SIGKILL), "still running after \(bound) s")
    return result
  }

  /// Writes `text` to `bad.yaml` in a new folder and runs it into `out`.
  static func check(_ text: String, extra: [String] = [], files: [String: String] = [:])
    throws -> Outcome
  {
    let folder = try folder()
    try text.write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
    for (name, content) in files {
      try content.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let run = try run(["run", "bad.yaml", "--output", "out"] + extra, in: folder)
    return Outcome(run: run, folder: folder)
  }

  /// Runs `text` (SVG figures only), expects exit 0 and returns its summary.json.
  static func summary(of text: String) throws -> [String: Any] {
    let outcome = try check(text, extra: ["--formats", "svg"])
    defer { try? FileManager.default.removeItem(at: outcome.folder) }
    #expect(!outcome.run.signaled && outcome.run.status == 0, "\(outcome.run.err.prefix(400))")
    let data = try Data(contentsOf: outcome.folder.appendingPathComponent("out/bad/summary.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Expects exit 2, no signal, the words in the message, nothing written.
  static func expectRefused(_ outcome: Outcome, says words: [String]) {
    defer { try? FileManager.default.removeItem(at: outcome.folder) }
    let run = outcome.run
    #expect(!run.signaled && run.status == 2, "\(run.status): \(run.err.prefix(600))")
    for word in words { #expect(run.err.contains(word), "\(run.err.prefix(600))") }
    #expect(!outcome.wroteOutput)
  }

  // MARK: 1. Resources bounded before allocation

  @Test func anEndlessCSVIsRefusedAtTheBound() throws {
    let outcome = try Self.check(
      "kind: training\ndata: {source: {csv: /dev/zero}, train: 200, test: 50}\n"
        + "optimizer: {learning_rate: 0.1, batch: 10, epochs: 1}\n")
    Self.expectRefused(outcome, says: ["bad.yaml:2:", "/dev/zero", "the limit is 256 MiB"])
  }

  @Test func aGzipBombIsRefusedByItsDecompressedSize() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // 300 MB of zeros compress to about 300 kB.
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
    gzip.arguments = ["-c", "head -c 300000000 /dev/zero | gzip -1 > bomb.csv.gz"]
    gzip.currentDirectoryURL = folder
    try gzip.run()
    gzip.waitUntilExit()
    // An IDX header that declares 1,000,000 images of 28 x 28 (784 MB) and holds none.
    let header: [UInt8] = [0, 0, 8, 3, 0, 0x0F, 0x42, 0x40, 0, 0, 0, 28, 0, 0, 0, 28]
    try Data(header).write(to: folder.appendingPathComponent("train-images-idx3-ubyte"))
    try Data([0, 0, 8, 1, 0, 0, 0, 1, 0]).write(
      to: folder.appendingPathComponent("train-labels-idx1-ubyte"))
    for (name, source) in [("csv", "{csv: bomb.csv.gz}"), ("idx", "{idx: .}")] {
      try "kind: training\ndata: {source: \(source), train: 20, test: 5}\noptimizer: {batch: 5}\n"
        .write(to: folder.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
      let run = try Self.run(["run", "\(name).yaml", "--output", "out"], in: folder)
      #expect(!run.signaled && run.status == 2, "\(name): \(run.err.prefix(600))")
      #expect(run.err.contains("\(name).yaml:2:"), "\(name): \(run.err.prefix(600))")
      #expect(run.err.contains("the limit is 256 MiB"), "\(name): \(run.err.prefix(600))")
      #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }
  }

  @Test func aTrainCountPastTheSourceIsLocatedAtTrain() throws {
    let sample = try Self.check(
      "kind: training\ndata: {source: mnist-sample, train: 5000}\noptimizer: {batch: 10}\n")
    Self.expectRefused(sample, says: ["bad.yaml:2:37:", "holds 5000 rows", "test's default"])
    #expect(!sample.run.err.contains("make data"))
    let csv = try Self.check(
      "kind: training\ndata: {source: {csv: x.csv}, train: 1000000000}\n"
        + "optimizer: {learning_rate: 0.1, batch: 100, epochs: 1}\n")
    Self.expectRefused(csv, says: ["bad.yaml:2:", "too much data", "1000000000 samples"])
    #expect(!csv.run.err.contains("layers"))
  }

  // MARK: 2. Higher derivatives of nested functions

  static func nested(_ function: String, _ depth: Int) -> String {
    (0..<depth).reduce("x") { text, _ in "\(function)(\(text))" }
  }

  @Test(arguments: [("sin", 60, 3), ("tanh", 6, 10), ("sigmoid", 8, 6), ("sin", 30, 13)])
  func higherDerivativesOfNestedFunctionsEnd(_ function: String, _ depth: Int, _ q: Int) throws {
    let text =
      "kind: convergence\ncases:\n  - f: \"\(Self.nested(function, depth))\"\n    at: 0.5\n"
      + "    derivative: \(q)\n"
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try text.write(to: folder.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)
    let show = try Self.run(["show", "deep.yaml"], in: folder, bound: 300)
    #expect(!show.signaled && show.status == 0, "\(show.err.prefix(400))")
    let run = try Self.run(["run", "deep.yaml", "--output", "out"], in: folder, bound: 600)
    #expect(!run.signaled && [0, 1].contains(run.status), "\(run.err.prefix(400))")
    let summary = try String(contentsOf: folder.appendingPathComponent("out/deep/summary.json"))
    #expect(summary.contains("\"derivative\" : \(q)"))
  }

  // MARK: 3. Output names

  static let quadratic = "kind: convergence\ncases:\n  - {f: \"x^2\", at: 1}\n"

  @Test(arguments: ["index.md", "index.html", "katex", "lab.html", "README.md"])
  func reservedNamesAreRefused(_ name: String) throws {
    let outcome = try Self.check("name: \(name)\n" + Self.quadratic)
    Self.expectRefused(outcome, says: ["bad.yaml:1:7:", "reserved"])
  }

  @Test func aFileWhoseStemIsReservedOrTooLongIsRefused() throws {
    for stem in ["index.md", "index.html", String(repeating: "a", count: 220)] {
      let folder = try Self.folder()
      defer { try? FileManager.default.removeItem(at: folder) }
      try Self.quadratic.write(
        to: folder.appendingPathComponent("\(stem).yaml"), atomically: true, encoding: .utf8)
      let run = try Self.run(["run", "\(stem).yaml", "--output", "out"], in: folder)
      #expect(!run.signaled && run.status == 2, "\(run.err.prefix(400))")
      #expect(run.err.contains("\(stem).yaml:1:1:"), "\(run.err.prefix(400))")
      #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }
  }

  @Test func anEmptyOutputIsAUsageErrorAndWritesNothingHere() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.quadratic.write(
      to: folder.appendingPathComponent("q.yaml"), atomically: true, encoding: .utf8)
    let run = try Self.run(["run", "q.yaml", "--output", ""], in: folder)
    #expect(!run.signaled && run.status == 64, "\(run.err.prefix(400))")
    let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(entries == ["q.yaml"])
  }

  @Test func anOutputUnderAFileSaysItIsAFile() throws {
    let outcome = try Self.check(Self.quadratic, extra: ["--output", "afile/sub"], files: ["afile": ""])
    defer { try? FileManager.default.removeItem(at: outcome.folder) }
    #expect(!outcome.run.signaled && outcome.run.status == 2)
    #expect(outcome.run.err.contains("afile is a file, not a directory"), "\(outcome.run.err)")
  }

  @Test func aDeadRunsStagingFolderGoesALiveRunsStays() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out")
    let me = StagingOwner.current
    let dead = StagingOwner(pid: me.pid, startTime: (me.startTime ?? 0) + 1)
    for (name, owner) in [("dead", dead), ("live", me)] {
      let staging = out.appendingPathComponent(".staging-q-\(name)")
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
      try owner.text.write(
        to: staging.appendingPathComponent(StagingOwner.fileName), atomically: true,
        encoding: .utf8)
    }
    try Self.quadratic.write(
      to: folder.appendingPathComponent("q.yaml"), atomically: true, encoding: .utf8)
    let run = try Self.run(["run", "q.yaml", "--output", "out", "--formats", "svg"], in: folder)
    #expect(!run.signaled && run.status == 0, "\(run.err.prefix(400))")
    let entries = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(!entries.contains(".staging-q-dead") && entries.contains(".staging-q-live"))
    #expect(!FileManager.default.fileExists(atPath: out.path + "/q/" + StagingOwner.fileName))
  }

  // MARK: 4. Checks count from 1

  @Test func checksCountCasesAndPointsFromOne() throws {
    let zero = try Self.check(
      Self.quadratic + "checks:\n  - {case: 0, scheme: central, h: 0.1, equals: 2}\n")
    Self.expectRefused(zero, says: ["bad.yaml:5:12:", "numbered from 1", "'case: 1'"])
    let first = try Self.check(
      "kind: partials\nf: \"x^2 + y\"\nat: [{x: 1, y: 0}, {x: 2, y: 0}]\n"
        + "checks:\n  - {point: 1, variable: x, scheme: central, h: 1e-4, equals: 2}\n",
      extra: ["--formats", "svg"])
    defer { try? FileManager.default.removeItem(at: first.folder) }
    #expect(!first.run.signaled && first.run.status == 0, "\(first.run.err.prefix(400))")
    let point = try Self.check(
      "kind: partials\nf: \"x^2 + y\"\nat: [{x: 1, y: 0}]\n"
        + "checks:\n  - {point: 0, variable: x, scheme: central, h: 1e-4, equals: 2}\n")
    Self.expectRefused(point, says: ["bad.yaml:5:", "'point: 1'"])
  }

  // MARK: 5. Constants are not variables; numeric keys are validated

  static let descent = "kind: descent\nf: \"x^2\"\nstart: {x: 1}\nlearning_rates: [0.1]\n"

  @Test(arguments: ["e", "pi"])
  func aConstantCannotBeDeclaredAVariable(_ constant: String) throws {
    let outcome = try Self.check(
      "kind: partials\nf: \"\(constant)*x + \(constant)^2\"\nvariables: [\(constant), x]\n"
        + "at: {\(constant): 5, x: 2}\n")
    Self.expectRefused(outcome, says: ["bad.yaml:3:12:", "the constant \(constant)"])
  }

  @Test(arguments: [
    "divergence_bound: .nan", "divergence_bound: 0", "divergence_bound: -1",
    "tolerance: .inf", "h: .nan", "h: .inf",
  ])
  func aNumericKeyOutsideItsRangeIsRefused(_ line: String) throws {
    let outcome = try Self.check(Self.descent + line + "\n")
    Self.expectRefused(outcome, says: ["bad.yaml:5:"])
  }

  @Test(arguments: [
    "expect: {min_test_accuracy: 1.5}", "expect: {max_loss_difference: .nan}",
    "network: {std: .inf}",
  ])
  func aTrainingNumberOutsideItsRangeIsRefused(_ line: String) throws {
    let outcome = try Self.check(
      "kind: training\ndata: {source: mnist-sample}\noptimizer: {batch: 10}\n" + line + "\n")
    Self.expectRefused(outcome, says: ["bad.yaml:4:"])
  }

  // MARK: 7. Complex step accurate, and its estimate covers

  @Test func theComplexStepOfTanhKeepsEveryDigitAndItsEstimateCovers() throws {
    let summary = try Self.summary(
      of: "kind: accuracy\ncases:\n  - {f: \"tanh(x)\", at: 3}\n  - {f: \"tan(x)*exp(x)\", at: 1.5}\n"
        + "methods: [complex-step]\nprecision: [single, double]\n")
    let results = try #require(summary["results"] as? [[String: Any]])
    #expect(results.count == 4)
    for r in results {
      let (digits, error) = (r["digits"] as? Double ?? 0, r["error"] as? Double ?? .nan)
      let estimate = r["error_estimate"] as? Double ?? 0
      let least = r["precision"] as? String == "double" ? 15.0 : 6.5
      #expect(digits >= least, "\(r)")
      #expect(estimate >= error, "\(r)")
    }
  }

  // MARK: 8. Honest predictions for any stencil

  @Test func extremeStencilsAreNeitherExactNorFirstOrder() throws {
    let many = "[" + (-20...20).map(String.init).joined(separator: ", ") + "]"
    for offsets in ["[-1e-300, 1e-300]", "[-1e300, 1e300]", many] {
      let json = try Self.summary(
        of: "kind: convergence\ncases:\n  - {f: \"sin(x)\", at: 1}\n"
          + "schemes: [{name: s, offsets: \(offsets)}]\n")
      let result = try #require((json["results"] as? [[String: Any]])?.first)
      #expect(result["status"] as? String != "exact", "\(offsets): \(result["status"] ?? "")")
      let order = result["predicted_order"] as? Int
      #expect(order == (offsets == many ? 40 : 2), "\(offsets): \(order ?? -1)")
    }
  }

  @Test func nearlyEqualOffsetsPrintDistinct() throws {
    let outcome = try Self.check(
      "kind: convergence\ncases:\n  - {f: \"sin(x)\", at: 1}\n"
        + "schemes: [{name: s, offsets: [0, 1, 1.0000000001]}]\n",
      extra: ["--formats", "svg"])
    defer { try? FileManager.default.removeItem(at: outcome.folder) }
    #expect(outcome.run.out.contains("[0, 1, 1.0000000001]"), "\(outcome.run.out.prefix(600))")
  }

  // MARK: 9. Messages

  @Test func unreadableExperimentFilesSayWhy() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fm = FileManager.default
    try fm.createDirectory(
      at: folder.appendingPathComponent("dir.yaml"), withIntermediateDirectories: true)
    try fm.createSymbolicLink(atPath: folder.path + "/loop.yaml", withDestinationPath: "loop.yaml")
    for (file, says) in [
      ("dir.yaml", "is a directory"), ("loop.yaml", "a loop of symbolic links"),
      ("/dev/zero", "more than 1048576 bytes"), ("none.yaml", "no such experiment file"),
    ] {
      let run = try Self.run(["run", file, "--output", "out"], in: folder)
      #expect(!run.signaled && run.status == 2, "\(file): \(run.err.prefix(300))")
      #expect(run.err.contains(says), "\(file): \(run.err.prefix(300))")
      #expect(!run.err.contains("NSCocoaErrorDomain"))
      #expect(!fm.fileExists(atPath: folder.path + "/out"))
    }
  }

  @Test(arguments: [
    ("kind: convergence\ncases:\n  - {f: \"x/0\", at: 1}\n", "divides by the constant 0"),
    (
      "kind: convergence\ncases:\n  - {f: \"x^3\", at: 1, derivative: 2}\nprecision: [half]\n",
      "first derivatives only"
    ),
    (
      "kind: descent\nf: \"x^2\"\nstart: {x: 1}\nlearning_rates: [0.1]\nupdate: standrd\n",
      "unknown update rule 'standrd' (did you mean 'standard'?)"
    ),
  ])
  func messagesNameTheProblemInWords(_ text: String, _ says: String) throws {
    let outcome = try Self.check(text)
    Self.expectRefused(outcome, says: ["bad.yaml:", says])
  }

  @Test func aDivergedRunSaysWhichStepWasNotKept() throws {
    let json = try Self.summary(
      of: "kind: descent\nf: \"x^4\"\nstart: {x: 3}\nlearning_rates: [1]\ndivergence_bound: 1e6\n")
    let run = try #require((json["runs"] as? [[String: Any]])?.first)
    let (steps, reason) = (run["steps"] as? Int ?? -1, run["reason"] as? String ?? "")
    #expect(reason.contains("at step \(steps + 1), not kept (\(steps) steps kept)"), "\(run)")
  }

  @Test func aLossThatStaysAtLogTenDoesNotFall() {
    let flat = (0..<200).map { 2.302585 + 1e-6 * sin(Double($0)) - 1e-7 * Double($0) / 200 }
    #expect(!Training.lossFalls(flat))
    #expect(Training.lossFalls((0..<200).map { 2.3 - Double($0) / 200 }))
  }
}
