import Foundation
import Testing

@testable import Harness

/// Every way a user's program can fail, through the built binary: exit 2, the program and the
/// point named, its standard error's last lines, nothing written.
@Suite(.serialized) struct ProgramFailureTests {
  static let misbehaving = """
    import math, sys
    mode = sys.argv[1]
    if mode == "flood":
        while True:
            sys.stderr.write("noise " * 2000 + "\\n")
    n = 0
    for line in sys.stdin:
        n += 1
        x = float(line)
        if mode == "exit-first":
            sys.stderr.write("boom at the first point\\n"); sys.exit(1)
        if mode == "exit-later" and n == 1000:
            sys.stderr.write("crash at point 1000\\n"); sys.exit(4)
        if mode == "words": print("hello there", flush=True); continue
        if mode == "two": print(x, x, flush=True); continue
        if mode == "silent": continue
        if mode == "short": print("%.6g" % math.exp(x), flush=True); continue
        print(repr(math.exp(x)), flush=True)
    """

  static let shapes = """
    import numpy as np
    def pair(x):
        return np.stack([x, x])
    """

  func run(_ f: String, _ folder: ProgramFolder, points: Int = 1) throws -> ProcessTests.Result {
    let at = (0..<points).map { String(0.1 + 0.01 * Double($0)) }.joined(separator: ", ")
    let file = try folder.write(
      "e.yaml",
      """
      kind: convergence
      cases:
        - f: \(f)
          at: [\(at)]
          df: "exp(x)"
      schemes: [central]
      """)
    let output = folder.url.appendingPathComponent("out")
    let result = ProcessTests.finish(
      try ProcessTests.spawn(["run", file.path, "--output", output.path], in: folder.url))
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("e").path))
    return result
  }

  @Test(arguments: [
    ("exit-first", "exit status 1", "boom at the first point"),
    ("exit-later", "exit status 4", "crash at point 1000"),
    ("words", "\"hello there\", which is not a number", ""),
    ("two", "answered 2 numbers where 1 was expected", ""),
    ("silent", "gave no answer within 2 s", ""),
    ("flood", "gave no answer within 2 s", "noise"),
    ("short", "at most 6 significant digits", ""),
  ])
  func aMisbehavingCommandIsALocatedError(_ mode: String, _ says: String, _ tail: String) throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write("bad.py", Self.misbehaving)
    // exit-later needs 1000 points: 12 points of 90 evaluations each.
    let r = try run(
      "{command: [\"python3\", \"bad.py\", \"\(mode)\"], timeout: 2}", folder,
      points: mode == "exit-later" ? 12 : 1)
    #expect(r.status == 2, "\(r.err)")
    #expect(r.err.contains("e.yaml:3:8: f: the program python3 bad.py \(mode)"), "\(r.err)")
    #expect(r.err.contains(says), "\(r.err)")
    #expect(r.err.contains(", at x = "), "\(r.err)")
    if !tail.isEmpty { #expect(r.err.contains("| ") && r.err.contains(tail), "\(r.err)") }
    if mode == "exit-later" { #expect(r.err.contains("(point 1000 sent)"), "\(r.err)") }
  }

  @Test(arguments: [
    (#"{command: ["./missing"]}"#, "./missing is not an executable file"),
    (#"{command: ["./plain.txt"]}"#, "./plain.txt is not an executable file"),
    (#"{command: ["no-such-program-here"]}"#, "no-such-program-here was not found on PATH"),
    (#"{python: "shapes.py:nothing"}"#, "shapes.py has no nothing (it defines: np, pair)"),
    (#"{python: "absent.py:f"}"#, "absent.py: no such file"),
    (#"{python: "shapes.py:pair"}"#, "pair returned 2 number(s)"),
  ])
  func aProgramThatCannotServeIsALocatedError(_ f: String, _ says: String) throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write("plain.txt", "not a program")
    try folder.write("shapes.py", Self.shapes)
    let r = try run(f, folder)
    #expect(r.status == 2, "\(r.err)")
    #expect(r.err.contains("e.yaml:3:8: f:"), "\(r.err)")
    #expect(r.err.contains(says), "\(r.err)")
  }

  @Test func nanEverywhereIsNotCheckedNeverPassed() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write("nan.py", "import sys\nfor line in sys.stdin:\n    print('NaN', flush=True)\n")
    let file = try folder.write(
      "e.yaml",
      """
      kind: convergence
      cases:
        - f: {command: ["python3", "nan.py"]}
          at: 0.5
          df: "1"
      schemes: [central]
      """)
    let output = folder.url.appendingPathComponent("out")
    let r = ProcessTests.finish(
      try ProcessTests.spawn(["run", file.path, "--output", output.path], in: folder.url))
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("NOT CHECKED"), "\(r.out)")
    #expect(!r.out.contains("1 of 1 check passed"))
  }

  @Test func anInterruptStopsTheProgram() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write(
      "quiet.py",
      "import os, sys\nopen('pid', 'w').write(str(os.getpid()))\nsys.stdin.readline()\nimport time\ntime.sleep(600)\n"
    )
    let file = try folder.write(
      "e.yaml",
      """
      kind: convergence
      cases:
        - f: {command: ["python3", "quiet.py"], timeout: 600}
          at: 0.5
          df: "1"
      """)
    let process = try ProcessTests.spawn(["run", file.path, "--output", "out"], in: folder.url)
    let pidFile = folder.url.appendingPathComponent("pid")
    let deadline = Date().addingTimeInterval(120)
    var pid: Int32?
    while pid == nil, Date() < deadline {
      pid = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { Int32($0) }
      if pid == nil { usleep(50_000) }
    }
    let child = try #require(pid, "the program never started")
    kill(process.processIdentifier, SIGINT)
    let r = ProcessTests.finish(process)
    #expect(r.status == 130, "\(r.err)")
    // The program is gone (or a zombie no longer running python).
    var gone = kill(child, 0) != 0
    let stopDeadline = Date().addingTimeInterval(10)
    while !gone, Date() < stopDeadline {
      usleep(50_000)
      gone = kill(child, 0) != 0
    }
    #expect(gone)
  }
}

/// Trust: what a file would start is listed, and `--no-programs` refuses it.
@Suite struct ProgramTrustTests {
  @Test func showListsTheProgramsAndNoProgramsRefusesTheFile() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write("touch.py", "open('ran', 'w').write('yes')\n")
    let file = try folder.write(
      "e.yaml",
      """
      kind: convergence
      cases:
        - f: {command: ["python3", "touch.py"]}
          at: 0.5
          df: {python: "touch.py:g"}
      """)
    let show = ProcessTests.finish(try ProcessTests.spawn(["show", file.path], in: folder.url))
    #expect(show.status == 0, "\(show.err)")
    #expect(show.out.contains("python3 touch.py (in \(folder.url.path))"), "\(show.out)")
    #expect(show.out.contains("python_driver.py touch.py g"), "\(show.out)")
    let output = folder.url.appendingPathComponent("out")
    let run = ProcessTests.finish(
      try ProcessTests.spawn(
        ["run", file.path, "--no-programs", "--output", output.path], in: folder.url))
    #expect(run.status == 2)
    #expect(
      run.err.contains("refused (--no-programs): it would start python3 touch.py"), "\(run.err)")
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("ran").path))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }
}
