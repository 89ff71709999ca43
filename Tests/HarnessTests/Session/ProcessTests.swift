import Foundation
import Testing

@testable import Harness

/// The built `experiment` binary, run as a user would: from another directory, interrupted.
@Suite(.serialized) struct ProcessTests {
  /// The package root, from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The binary beside the test bundle (`.build/<config>/experiment`).
  static func binary() throws -> URL {
    var candidates: [URL] = []
    if let bundle = Bundle.main.executableURL {
      candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("experiment"))
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/experiment"))
    return try #require(
      candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
      "build the experiment product first: \(candidates.map(\.path))")
  }

  struct Result {
    var status: Int32
    /// Whether a signal ended the process (then `status` is the signal's number).
    var signaled: Bool = false
    var out: String
    var err: String
  }

  static func spawn(_ arguments: [String], in directory: URL, environment: [String: String] = [:])
    throws -> Process
  {
    let process = Process()
    process.executableURL = try binary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: Locations.homeVariable)
    env.removeValue(forKey: Locations.dataVariable)
    for (k, v) in environment { env[k] = v }
    process.environment = env
    process.standardOutput = Pipe()
    process.standardError = Pipe()
    try process.run()
    return process
  }

  static func finish(_ process: Process) -> Result {
    let out = (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
    let err = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
      out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
  }

  /// Whether the process catches SIGINT: `Interrupt.install` has installed its handler
  /// (libdispatch's, behind the signal source). Read from Linux's `/proc/<pid>/status`
  /// (`SigCgt`); a handler does not survive `exec`, so the bit is the process's own doing.
  static func catchesInterrupt(_ process: Process) -> Bool {
    guard
      let status = try? String(
        contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
      let mask = UInt64(
        line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
    else { return false }
    return mask & (1 << UInt64(SIGINT - 1)) != 0
  }

  /// Waits until `condition` holds, for at most `bound` seconds (generous: the machine may be
  /// loaded); whether it came.
  static func wait(upTo bound: TimeInterval, for condition: () -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(bound)
    while !condition() {
      guard Date() < deadline else { return false }
      try await Task.sleep(nanoseconds: 20_000_000)
    }
    return true
  }

  /// Waits for the process to exit within `bound` seconds; past it, kills it and says so.
  static func exits(_ process: Process, within bound: TimeInterval) async throws -> Bool {
    if try await wait(upTo: bound, for: { !process.isRunning }) { return true }
    kill(process.processIdentifier, SIGKILL)
    return false
  }

  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "elsewhere-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func listAndShowWorkFromAnotherDirectory() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let list = Self.finish(try Self.spawn(["list"], in: folder))
    #expect(list.status == 0, "\(list.err)")
    #expect(list.out.contains("seeds-derivative"))
    let show = Self.finish(try Self.spawn(["show", "seeds-derivative"], in: folder))
    #expect(show.status == 0, "\(show.err)")
    #expect(show.out.contains("f'   ="))
  }

  @Test func runsAFileInAnotherDirectoryIntoARelativeOutput() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Files.partials.write(
      to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
    let run = Self.finish(
      try Self.spawn(
        ["run", "mine.yaml", "--output", "out", "--formats", "svg"], in: folder))
    #expect(run.status == 0, "\(run.err)")
    let out = folder.appendingPathComponent("out")
    for file in ["index.md", "index.html", "mine/summary.json", "mine/experiment.yaml"] {
      #expect(
        FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
    }
  }

  @Test func theDataFolderComesFromTheEnvironment() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "kind: training\ndata: {source: mnist-sample}\noptimizer: {batch: 5}\n".write(
      to: folder.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
    let run = Self.finish(
      try Self.spawn(
        ["run", "t.yaml", "--output", "out"], in: folder,
        environment: [Locations.dataVariable: folder.appendingPathComponent("nowhere").path]))
    #expect(run.status == 2)
    #expect(run.err.contains(folder.appendingPathComponent("nowhere").path))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }

  @Test func anInterruptBeforeAnyResultLeavesNoOutputFolder() async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var text = "kind: convergence\nprecision: [half, single, double, extended]\n"
    text += "h: {min: 1e-14, max: 1e-1, per_decade: 100}\ncases:\n"
    for k in 0..<400 { text += "  - {f: \"exp(sin(x)) + x^\(k % 7)\", at: [0.5, 1.\(k % 5)]}\n" }
    try text.write(
      to: folder.appendingPathComponent("long.yaml"), atomically: true, encoding: .utf8)
    let process = try Self.spawn(["run", "long.yaml", "--output", "out/nested"], in: folder)
    // Interrupt once the handler is installed (before it, SIGINT would simply kill the process).
    let installed = try await Self.wait(upTo: 120) { Self.catchesInterrupt(process) }
    #expect(installed, "the interrupt handler was never installed")
    #expect(process.isRunning, "the experiment should still be running")
    kill(process.processIdentifier, SIGINT)
    #expect(try await Self.exits(process, within: 120), "the interrupted run did not exit")
    let result = Self.finish(process)
    #expect(result.status == 130, "\(result.err)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }

  @Test func anInterruptStopsTheRunAndLeavesNothingStaged() async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A long sweep: many cases and precisions.
    var text = "kind: convergence\nprecision: [half, single, double, extended]\n"
    text += "h: {min: 1e-14, max: 1e-1, per_decade: 100}\ncases:\n"
    for k in 0..<400 {
      text += "  - {f: \"exp(sin(x)) + x^\(k % 7)\", at: [0.\(k % 9 + 1), 1.\(k % 5)]}\n"
    }
    try text.write(
      to: folder.appendingPathComponent("long.yaml"), atomically: true, encoding: .utf8)
    try Files.partials.write(
      to: folder.appendingPathComponent("quick.yaml"), atomically: true, encoding: .utf8)
    let process = try Self.spawn(
      ["run", "quick.yaml", "long.yaml", "--output", "out", "--formats", "svg"], in: folder)
    let out = folder.appendingPathComponent("out")
    // Wait for the quick one to be complete, then interrupt.
    let quickDone = try await Self.wait(upTo: 300) {
      FileManager.default.fileExists(atPath: out.appendingPathComponent("quick/summary.json").path)
    }
    #expect(quickDone, "the quick experiment never finished")
    #expect(process.isRunning, "the long experiment should still be running")
    kill(process.processIdentifier, SIGINT)
    // The handler gives the runners 1 s, then exits; a handler starved by the sweep's worker
    // threads took minutes, which the bound catches without timing a loaded machine.
    #expect(try await Self.exits(process, within: 120), "the interrupted run did not exit")
    let result = Self.finish(process)
    #expect(result.status == 130, "\(result.err)")
    #expect(
      FileManager.default.fileExists(atPath: out.appendingPathComponent("quick/summary.json").path))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("long").path))
    let staged = listing(out).filter { $0.contains(".staging-") || $0.contains(".tmp-") }
    #expect(staged.isEmpty, "\(staged)")
  }
}
