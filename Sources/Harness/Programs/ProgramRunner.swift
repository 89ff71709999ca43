import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How one run of a user's program ended.
struct ProgramResult: Sendable {
  enum Ending: Sendable, Equatable {
    /// The program exited with this status.
    case exited(Int32)
    /// A signal ended it (not one we sent).
    case signalled(Int32)
    /// It ran past the timeout and was stopped.
    case timedOut
    /// The run was interrupted and the program stopped.
    case cancelled
  }

  var ending: Ending
  var standardOutput: String
  var standardError: String
  var seconds: Double

  /// The last `count` non-empty lines of standard error, for a message.
  func errorTail(_ count: Int = 5) -> [String] {
    Array(
      standardError.split(whereSeparator: \.isNewline).map(String.init)
        .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.suffix(count))
  }
}

/// Why a program could not be started.
struct ProgramStartError: Error, CustomStringConvertible {
  var description: String
}

/// Runs a user's program: without a shell, in a given folder, with only the listed arguments;
/// standard output and standard error collected concurrently (a program filling one pipe never
/// deadlocks); stopped (SIGTERM, then SIGKILL after a grace period) on timeout, on cancellation,
/// and by `RunningPrograms.stopAll()` when the process is interrupted.
enum ProgramRunner {
  /// Runs `arguments` (the first names the program: a path, or a name looked up on PATH) in
  /// `directory`, at most `timeout` seconds, polling `cancellation`.
  static func run(
    _ arguments: [String], in directory: URL, timeout: Double, cancellation: Cancellation
  ) throws -> ProgramResult {
    precondition(!arguments.isEmpty, "a command names at least the program")
    let process = Process()
    process.executableURL = try executable(arguments[0], relativeTo: directory)
    process.arguments = Array(arguments.dropFirst())
    process.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let ended = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in ended.signal() }
    let collected = Collected()
    let readers = DispatchGroup()
    // Threads of their own, not the dispatch pool: the levels' workers block in the pool
    // while they wait, and a reader queued behind them would leave a full pipe unread.
    for (pipe, isError) in [(out, false), (err, true)] {
      readers.enter()
      let reader = Thread {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        collected.set(String(decoding: data, as: UTF8.self), isError: isError)
        readers.leave()
      }
      reader.start()
    }
    let started = Date()
    let handle = ProcessHandle(process)
    do {
      try RunningPrograms.shared.launch(handle)
    } catch let error as CancellationError {
      try? out.fileHandleForWriting.close()
      try? err.fileHandleForWriting.close()
      throw error
    } catch {
      try? out.fileHandleForWriting.close()
      try? err.fileHandleForWriting.close()
      throw ProgramStartError(description: "cannot start \(arguments[0]): \(describe(error))")
    }
    defer { RunningPrograms.shared.remove(handle) }
    // The parent's copies of the write ends: the readers see end of file when the child exits.
    try? out.fileHandleForWriting.close()
    try? err.fileHandleForWriting.close()
    let ending = wait(handle, ended: ended, timeout: timeout, cancellation: cancellation)
    // A grandchild holding the pipes open must not hang the run: read what came within 5 s.
    _ = readers.wait(timeout: .now() + 5)
    let (stdout, stderr) = collected.texts
    return ProgramResult(
      ending: ending, standardOutput: stdout, standardError: stderr,
      seconds: Date().timeIntervalSince(started))
  }

  /// Waits for the process, stopping it on timeout or cancellation.
  private static func wait(
    _ handle: ProcessHandle, ended: DispatchSemaphore, timeout: Double, cancellation: Cancellation
  ) -> ProgramResult.Ending {
    let deadline = Date().addingTimeInterval(timeout)
    while ended.wait(timeout: .now() + 0.05) == .timedOut {
      if cancellation.isCancelled || Date() >= deadline {
        handle.stop()
        ended.wait()
        return cancellation.isCancelled ? .cancelled : .timedOut
      }
    }
    let process = handle.process
    return process.terminationReason == .uncaughtSignal
      ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
  }

  /// The program's file: a name with a slash is a path relative to `directory`; a bare name is
  /// looked up on PATH, as a shell would (but without one).
  static func executable(_ name: String, relativeTo directory: URL) throws -> URL {
    let fm = FileManager.default
    if name.contains("/") {
      let url = URL(fileURLWithPath: name, relativeTo: directory).standardizedFileURL
      guard fm.isExecutableFile(atPath: url.path) else {
        throw ProgramStartError(description: "\(name) is not an executable file")
      }
      return url
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if fm.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw ProgramStartError(description: "\(name) was not found on PATH")
  }
}

/// Standard output and error, filled by the two readers.
private final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var out = ""
  private var err = ""

  func set(_ text: String, isError: Bool) {
    lock.lock()
    if isError { err = text } else { out = text }
    lock.unlock()
  }

  var texts: (String, String) {
    lock.lock()
    defer { lock.unlock() }
    return (out, err)
  }
}

/// A started process, shared between the waiting thread and the interrupt handler.
final class ProcessHandle: @unchecked Sendable, Hashable {
  let process: Process
  init(_ process: Process) { self.process = process }

  /// SIGTERM, then SIGKILL when the program is still there after half a second.
  func stop() {
    guard process.isRunning else { return }
    let pid = process.processIdentifier
    kill(pid, SIGTERM)
    for _ in 0..<10 where process.isRunning { usleep(50_000) }
    if process.isRunning { kill(pid, SIGKILL) }
  }

  static func == (a: ProcessHandle, b: ProcessHandle) -> Bool { a === b }
  func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// Every program this process has started and not yet seen end: what an interrupt stops.
final class RunningPrograms: @unchecked Sendable {
  static let shared = RunningPrograms()
  private let lock = NSLock()
  private var handles: Set<ProcessHandle> = []
  private var stopped = false

  /// Starts `handle`'s process and records it, unless the run is being stopped.
  func launch(_ handle: ProcessHandle) throws {
    lock.lock()
    defer { lock.unlock() }
    if stopped { throw CancellationError() }
    try handle.process.run()
    handles.insert(handle)
  }

  func remove(_ handle: ProcessHandle) {
    lock.lock()
    handles.remove(handle)
    lock.unlock()
  }

  /// Stops every running program; none starts after this.
  func stopAll() {
    lock.lock()
    stopped = true
    let all = handles
    lock.unlock()
    for handle in all { handle.stop() }
  }
}
