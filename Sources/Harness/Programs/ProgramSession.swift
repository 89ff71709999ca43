import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Why a conversation with a long-lived program ended early.
enum SessionFailure: Error, Equatable, Sendable {
  /// The program could not be started (missing, not executable).
  case cannotStart(String)
  /// Standard output ended (the program exited) after `answered` of the batch's answers;
  /// `status` is its exit status or the signal that ended it, when known.
  case ended(answered: Int, status: String?)
  /// No complete batch of answers within the timeout; `answered` lines had come.
  case timedOut(answered: Int, seconds: Double)
  /// The run was interrupted.
  case cancelled
}

/// A user's program started once and fed lines on standard input, answering one line per
/// line on standard output (the command protocol of `f: {command: [...]}`).
///
/// A batch is written on a thread of its own while the caller reads the answers, so a program
/// that answers before it has read its whole batch never deadlocks on a full pipe. Standard
/// error is drained all along; only its last `errorTailBytes` bytes are kept (a program that
/// floods it costs no memory). The program is registered with `RunningPrograms` (an interrupt
/// stops it), and is stopped by `stop()`, on a timeout, and when the session is released.
final class ProgramSession: @unchecked Sendable {
  /// How much of standard error is kept for messages.
  static let errorTailBytes = 8192

  let arguments: [String]
  private let handle: ProcessHandle
  private let input: FileHandle
  private let output = LineBuffer()
  private let errors = TailBuffer(limit: ProgramSession.errorTailBytes)
  private let ended = DispatchSemaphore(value: 0)

  /// Starts `arguments` (no shell) in `directory` with the given environment additions.
  ///
  /// - Throws: `SessionFailure.cannotStart` naming why; `.cancelled` when the run is stopping.
  init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
    precondition(!arguments.isEmpty, "a command names at least the program")
    ProgramSession.ignoreBrokenPipes
    self.arguments = arguments
    let process = Process()
    do {
      process.executableURL = try ProgramRunner.executable(arguments[0], relativeTo: directory)
    } catch {
      throw SessionFailure.cannotStart("\(error)")
    }
    process.arguments = Array(arguments.dropFirst())
    process.currentDirectoryURL = directory
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    let ended = self.ended
    process.terminationHandler = { _ in ended.signal() }
    handle = ProcessHandle(process)
    input = stdin.fileHandleForWriting
    do {
      try RunningPrograms.shared.launch(handle)
    } catch is CancellationError {
      throw SessionFailure.cancelled
    } catch {
      throw SessionFailure.cannotStart("cannot start \(arguments[0]): \(describe(error))")
    }
    try? stdin.fileHandleForReading.close()
    try? stdout.fileHandleForWriting.close()
    try? stderr.fileHandleForWriting.close()
    drain(stdout.fileHandleForReading, into: output)
    drain(stderr.fileHandleForReading, into: errors)
  }

  deinit { stop() }

  /// Writing to a program that has exited must be an error (EPIPE), not the death of the tool.
  private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

  /// Writes `lines` and returns the next `expected` lines of standard output, waiting at most
  /// `timeout` seconds and polling `cancellation`.
  func exchange(
    _ lines: [String], expecting expected: Int, timeout: Double, cancellation: Cancellation
  ) throws(SessionFailure) -> [String] {
    let text = Data(lines.map { $0 + "\n" }.joined().utf8)
    let descriptor = input.fileDescriptor
    DispatchQueue.global().async { writeAll(text, to: descriptor) }
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let answers = output.take(expected) { return answers }
      if output.isClosed {
        if let answers = output.take(expected) { return answers }
        let status = exitStatus(waiting: 1)
        errors.waitForEnd(seconds: 2)
        throw .ended(answered: output.count, status: status)
      }
      if cancellation.isCancelled { throw .cancelled }
      if Date() >= deadline {
        stop()
        throw .timedOut(answered: output.count, seconds: timeout)
      }
      output.wait(seconds: 0.05)
    }
  }

  /// The last `count` non-empty lines of standard error, each cut to 200 characters.
  func errorTail(_ count: Int = 5) -> [String] {
    let lines = errors.text.split(whereSeparator: \.isNewline).map(String.init)
    let kept = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.suffix(count)
    return kept.map { line -> String in
      line.count > 200 ? String(line.prefix(200)) + "…" : line
    }
  }

  /// "; its standard error ends:" and its last lines, or "; its standard error is empty".
  var errorTailText: String {
    let tail = errorTail()
    return tail.isEmpty
      ? "; its standard error is empty"
      : "; its standard error ends:\n" + tail.map { "  | " + $0 }.joined(separator: "\n")
  }

  /// Closes standard input (end of input means stop), gives the program a moment to exit,
  /// then stops it (SIGTERM, then SIGKILL); forgets it in `RunningPrograms`, and waits for
  /// the last of its standard error.
  func stop() {
    try? input.close()
    if handle.process.isRunning, ended.wait(timeout: .now() + 0.5) == .timedOut {
      handle.stop()
    }
    RunningPrograms.shared.remove(handle)
    // What it wrote last is in the tail (a grandchild holding the pipe costs 1 s at most).
    errors.waitForEnd(seconds: 1)
  }

  /// "exit status 3" or "signal 11", once the program has ended (waiting up to `seconds`).
  private func exitStatus(waiting seconds: Double) -> String? {
    let process = handle.process
    if process.isRunning { _ = ended.wait(timeout: .now() + seconds) }
    guard !process.isRunning else { return nil }
    // Read the status only after the termination handler ran (Foundation sets it first).
    return process.terminationReason == .uncaughtSignal
      ? "signal \(process.terminationStatus)" : "exit status \(process.terminationStatus)"
  }
}

/// Writes everything, retrying short writes; gives up silently when the reader is gone (the
/// reading side reports the program's end).
private func writeAll(_ data: Data, to descriptor: Int32) {
  data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
    guard let base = raw.baseAddress else { return }
    var offset = 0
    while offset < raw.count {
      let n = write(descriptor, base + offset, raw.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += n
    }
  }
}

/// Something a reader thread appends bytes to until end of file.
protocol ByteSink: AnyObject, Sendable {
  func append(_ data: Data)
  func close()
}

/// Reads `file` to its end on a thread of its own, handing every chunk to `sink`.
private func drain(_ file: FileHandle, into sink: some ByteSink) {
  Thread.detachNewThread {
    while true {
      let chunk = file.availableData
      if chunk.isEmpty { break }
      sink.append(chunk)
    }
    try? file.close()
    sink.close()
  }
}

/// Standard output split into lines, taken by the session a batch at a time.
final class LineBuffer: ByteSink, @unchecked Sendable {
  private let condition = NSCondition()
  private var pending = Data()
  private var lines: [String] = []
  private var closed = false

  func append(_ data: Data) {
    condition.lock()
    pending.append(data)
    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
      lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
      pending.removeSubrange(pending.startIndex...newline)
    }
    condition.broadcast()
    condition.unlock()
  }

  func close() {
    condition.lock()
    if !pending.isEmpty {
      lines.append(String(decoding: pending, as: UTF8.self))
      pending.removeAll()
    }
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// The first `count` lines, removed, once that many have come.
  func take(_ count: Int) -> [String]? {
    condition.lock()
    defer { condition.unlock() }
    guard lines.count >= count else { return nil }
    let taken = Array(lines.prefix(count))
    lines.removeFirst(count)
    return taken
  }

  var count: Int {
    condition.lock()
    defer { condition.unlock() }
    return lines.count
  }

  var isClosed: Bool {
    condition.lock()
    defer { condition.unlock() }
    return closed
  }

  func wait(seconds: Double) {
    condition.lock()
    _ = condition.wait(until: Date().addingTimeInterval(seconds))
    condition.unlock()
  }
}

/// The last `limit` bytes of a stream.
final class TailBuffer: ByteSink, @unchecked Sendable {
  private let lock = NSLock()
  private let limit: Int
  private var bytes = Data()
  private let closed = DispatchSemaphore(value: 0)

  init(limit: Int) { self.limit = limit }

  func append(_ data: Data) {
    lock.lock()
    bytes.append(data.suffix(limit))
    if bytes.count > limit { bytes.removeFirst(bytes.count - limit) }
    lock.unlock()
  }

  func close() { closed.signal() }

  /// Waits (at most `seconds`) for the stream's end: a program that has exited may still
  /// have its last lines in the pipe.
  func waitForEnd(seconds: Double) {
    if closed.wait(timeout: .now() + seconds) == .success { closed.signal() }
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: bytes, as: UTF8.self)
  }
}
