import Foundation
import Testing

@testable import Harness

/// A run interrupted while a level's program runs stops that program too.
@Suite(.serialized) struct OrderInterruptTests {
  @Test func sigintStopsTheRunningPrograms() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "order-int-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let pids = folder.appendingPathComponent("pids")
    // Each level writes its pid, then sleeps far past the test.
    let program = "import os, sys, time; open(sys.argv[2], 'a').write(f'{os.getpid()}\\\\n'); time.sleep(120)"
    let yaml = """
      kind: order
      cases:
        - name: sleeper
          command: ["python3", "-c", "\(program)", "{n}", "\(pids.path)"]
          n: [4, 8, 16]
      """
    let file = folder.appendingPathComponent("sleeper.yaml")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    let process = try ProcessTests.spawn(
      ["run", file.path, "--output", folder.appendingPathComponent("out").path, "--jobs", "2"],
      in: folder)
    // Wait (bounded) for two levels to have started.
    var started: [Int32] = []
    for _ in 0..<200 where started.count < 2 {
      usleep(50_000)
      started = ((try? String(contentsOf: pids, encoding: .utf8)) ?? "")
        .split(separator: "\n").compactMap { Int32($0) }
    }
    #expect(started.count == 2, "\(pids.path)")
    kill(process.processIdentifier, SIGINT)
    let result = ProcessTests.finish(process)
    #expect(result.status == 130)
    for pid in started {
      // kill(pid, 0) fails with ESRCH once the program is gone (reaped by the runner).
      #expect(kill(pid, 0) != 0, "program \(pid) still running")
    }
  }
}
