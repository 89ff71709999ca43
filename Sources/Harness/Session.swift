import Foundation
import Plotting

/// Options of one `experiment run`.
public struct RunOptions: Sendable {
  public var outputRoot: URL
  public var formats: [FigureFormat]
  public var jobs: Int
  /// Draw progress bars (only when standard error is a terminal).
  public var showProgress: Bool
  /// Where data sets cached by `make deps` live.
  public var dataDirectory: URL

  public init(
    outputRoot: URL = URL(fileURLWithPath: "Output", isDirectory: true),
    formats: [FigureFormat] = [.png, .svg], jobs: Int = 1, showProgress: Bool = false,
    dataDirectory: URL = URL(fileURLWithPath: ".cache/data", isDirectory: true)
  ) {
    self.outputRoot = outputRoot
    self.formats = formats
    self.jobs = max(1, jobs)
    self.showProgress = showProgress
    self.dataDirectory = dataDirectory
  }
}

/// What a runner gets besides its experiment.
public struct RunContext: Sendable {
  public var options: RunOptions
  /// Reports progress of long steps; the CLI draws it as a bar on a terminal.
  public var progress: @Sendable (_ label: String, _ done: Int, _ total: Int) -> Void

  public init(
    options: RunOptions,
    progress: @escaping @Sendable (String, Int, Int) -> Void = { _, _, _ in }
  ) {
    self.options = options
    self.progress = progress
  }
}

/// Runs one parsed experiment with the runner of its kind.
public func runExperiment(_ experiment: Experiment, context: RunContext) throws -> ExperimentResult
{
  switch experiment.spec {
  case .convergence(let spec): return try ConvergenceRunner.run(experiment, spec, context: context)
  case .partials(let spec): return try PartialsRunner.run(experiment, spec, context: context)
  case .descent(let spec): return try DescentRunner.run(experiment, spec, context: context)
  case .gradcheck(let spec): return try GradcheckRunner.run(experiment, spec, context: context)
  case .training(let spec): return try TrainingRunner.run(experiment, spec, context: context)
  }
}

/// A batch of experiments: load all, run up to `jobs` at once, write, index, exit status.
public struct Session: Sendable {
  public var options: RunOptions
  public var catalog: Catalog
  /// Where text goes (the CLI passes standard output / error writers; tests capture it).
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void

  public init(
    options: RunOptions, catalog: Catalog = Catalog(),
    out: @escaping @Sendable (String) -> Void = { print($0) },
    err: @escaping @Sendable (String) -> Void = {
      FileHandle.standardError.write(Data(($0 + "\n").utf8))
    }
  ) {
    self.options = options
    self.catalog = catalog
    self.out = out
    self.err = err
  }

  /// Runs the named experiments (or every shipped one) and returns the exit status.
  public func run(_ names: [String], all: Bool) async -> ExitStatus {
    var status = ExitStatus.success
    var paths: [String] = []
    do {
      paths = all ? try catalog.allPaths() : []
    } catch {
      err("error: \(error)")
      return .invalidInput
    }
    for name in names {
      do {
        let path = try catalog.resolve(name)
        if !paths.contains(path) { paths.append(path) }
      } catch {
        err("error: \(error)")
        status = max(status, .invalidInput)
      }
    }
    var experiments: [Experiment] = []
    for path in paths {
      do {
        experiments.append(try Experiment.load(path: path))
      } catch {
        err("error: \(error)")
        status = max(status, .invalidInput)
      }
    }
    // Two files must not write the same folder.
    var seen: [String: String] = [:]
    experiments = experiments.filter { experiment in
      if let other = seen[experiment.name] {
        err(
          "error: \(experiment.path): name '\(experiment.name)' is already used by \(other); skipped"
        )
        status = max(status, .invalidInput)
        return false
      }
      seen[experiment.name] = experiment.path
      return true
    }
    do {
      try OutputWriter.makeDirectory(options.outputRoot)
    } catch {
      err("error: \(error)")
      return .invalidInput
    }

    let options = self.options
    let print = self.out
    let printError = self.err
    let progress = ProgressLine(enabled: options.showProgress)
    let results = await withTaskGroup(of: ExitStatus.self) { group in
      var iterator = experiments.makeIterator()
      var running = 0
      var worst = ExitStatus.success
      func startNext() -> Bool {
        guard let experiment = iterator.next() else { return false }
        group.addTask {
          Self.runOne(experiment, options: options, progress: progress, out: print, err: printError)
        }
        return true
      }
      while running < options.jobs, startNext() { running += 1 }
      for await status in group {
        worst = max(worst, status)
        if !startNext() { running -= 1 }
      }
      return worst
    }
    status = max(status, results)
    if !experiments.isEmpty {
      do {
        try OutputWriter.writeIndex(root: options.outputRoot)
      } catch {
        err("error: \(error)")
        status = max(status, .invalidInput)
      }
    }
    return status
  }

  private static func runOne(
    _ experiment: Experiment, options: RunOptions, progress: ProgressLine,
    out: @Sendable (String) -> Void, err: @Sendable (String) -> Void
  ) -> ExitStatus {
    let started = Date()
    let context = RunContext(options: options) { label, done, total in
      progress.update("\(experiment.name): \(label)", done: done, total: total)
    }
    do {
      let result = try runExperiment(experiment, context: context)
      let written = try OutputWriter.write(result, to: options.outputRoot, formats: options.formats)
      progress.clear()
      let seconds = Date().timeIntervalSince(started)
      var block = [
        "== \(experiment.name) (\(experiment.kind.rawValue)): \(result.passed ? "PASSED" : "FAILED")"
          + String(format: " in %.1f s", seconds)
          + " -> \(options.outputRoot.relativePath)/\(experiment.name)/"
      ]
      block += result.terminal
      block += result.failures.map { "  FAILED: \($0)" }
      block += (result.notes + written.notes).map { "  note: \($0)" }
      out(block.joined(separator: "\n") + "\n")
      return result.passed ? .success : .expectationMissed
    } catch let error as ExperimentError {
      progress.clear()
      err("error: \(error.inFile(experiment.path))")
      return .invalidInput
    } catch {
      progress.clear()
      err("error: \(experiment.path): \(error)")
      return .invalidInput
    }
  }
}

/// One progress line on standard error, redrawn in place; nothing when not on a terminal.
final class ProgressLine: @unchecked Sendable {
  private let enabled: Bool
  private let lock = NSLock()
  private var lastDraw = Date.distantPast

  init(enabled: Bool) { self.enabled = enabled }

  func update(_ label: String, done: Int, total: Int) {
    guard enabled, total > 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard done == total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
    lastDraw = now
    let width = 30
    let filled = min(width, done * width / total)
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    let percent = done * 100 / total
    FileHandle.standardError.write(
      Data("\r\u{1B}[2K[\(bar)] \(percent)% \(label) (\(done)/\(total))".utf8))
  }

  func clear() {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }
}
