import Foundation
import Testing

@testable import Harness

@Suite struct ProgramSessionTests {
  @Test func aLargeBatchThroughCatNeverDeadlocks() throws {
    // cat answers as it reads: 200,000 lines fill both pipes many times over.
    let session = try ProgramSession(["cat"], in: URL(fileURLWithPath: "/"))
    defer { session.stop() }
    let lines = (0..<200_000).map { String(format: "%.17g", Double($0) / 7) }
    let answers = try session.exchange(
      lines, expecting: lines.count, timeout: 120, cancellation: Cancellation())
    #expect(answers == lines)
    let again = try session.exchange(
      ["1 2"], expecting: 1, timeout: 60, cancellation: Cancellation())
    #expect(again == ["1 2"])
  }

  @Test func aFloodOfStandardErrorKeepsOnlyItsTail() throws {
    let script =
      "import sys\nsys.stderr.write('x' * 5000000 + '\\nlast words\\n')\nsys.stderr.flush()\nfor line in sys.stdin:\n    print(line.strip(), flush=True)\n"
    let session = try ProgramSession(["python3", "-c", script], in: URL(fileURLWithPath: "/"))
    let answers = try session.exchange(
      ["42"], expecting: 1, timeout: 60, cancellation: Cancellation())
    #expect(answers == ["42"])
    session.stop()  // its standard error read to the end
    #expect(session.errorTail(1) == ["last words"])
    #expect(session.errorTail(5).joined().count <= ProgramSession.errorTailBytes)
  }

  @Test func silenceIsATimeoutAndStopsTheProgram() throws {
    let session = try ProgramSession(["sleep", "100"], in: URL(fileURLWithPath: "/"))
    #expect(throws: SessionFailure.timedOut(answered: 0, seconds: 0.3)) {
      try session.exchange(["1"], expecting: 1, timeout: 0.3, cancellation: Cancellation())
    }
    session.stop()
  }

  @Test func anExitBeforeAnsweringIsTheEndWithItsStatus() throws {
    let session = try ProgramSession(
      ["sh", "-c", "read x; echo 1; exit 7"], in: URL(fileURLWithPath: "/"))
    defer { session.stop() }
    #expect(throws: SessionFailure.ended(answered: 1, status: "exit status 7")) {
      try session.exchange(["1", "2"], expecting: 2, timeout: 30, cancellation: Cancellation())
    }
  }

  @Test func answersCarryTheirDigits() {
    #expect(ProgramFunction.significantDigits("0.30000000000000004") == 17)
    #expect(ProgramFunction.significantDigits("1.64872") == 6)
    #expect(ProgramFunction.significantDigits("-2.5e-07") == 2)
    #expect(ProgramFunction.significantDigits("nan") == 0)
  }
}
