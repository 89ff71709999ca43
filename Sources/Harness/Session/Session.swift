import Foundation
import Plotting

/// A batch of experiments: load all, run up to `jobs` at once, write, index, exit status.
public struct Session: Sendable {
  var options: RunOptions
  var catalog: Catalog
  /// Set by an interrupt (or a test); runners poll it.
  var cancellation: Cancellation
  /// Where text goes (the CLI passes standard output / error writers; tests capture it).
  var out: @Sendable (String) -> Void
  var err: @Sendable (String) -> Void
  /// `--no-programs`: a file that would start a program is refused (exit 2, nothing run).
  public var refusePrograms = false

  public init(
    options: RunOptions, catalog: Catalog = Catalog(), cancellation: Cancellation = Cancellation(),
    out: @escaping @Sendable (String) -> Void = { print($0) },
    err: @escaping @Sendable (String) -> Void = {
      FileHandle.standardError.write(Data(($0 + "\n").utf8))
    }
  ) {
    self.options = options
    self.catalog = catalog
    self.cancellation = cancellation
    self.out = out
    self.err = err
  }

  /// Runs the named experiments (or every shipped one) and returns the exit status.
  public func run(_ names: [String], all: Bool) async -> ExitStatus {
    let recorder = CIRecorder()
    var (experiments, status) = load(names, all: all, recorder: recorder)
    do {
      try OutputWriter.checkWritable(options.outputRoot)
    } catch {
      err("error: \(error)")
      return .invalidInput
    }
    guard !experiments.isEmpty else {
      if !writeCI(recorder.all) { status = max(status, .invalidInput) }
      return status
    }
    // A run that writes nothing (every experiment invalid or interrupted) leaves no folder.
    let created = OutputWriter.missingFolders(options.outputRoot)
    Staging.shared.willCreate(created)
    defer { OutputWriter.removeIfEmpty(created) }
    let session = self
    let budget = JobBudget(slots: options.jobs)
    let progress = ProgressLine(enabled: options.showProgress)
    let results = await withTaskGroup(of: ExitStatus.self) { group in
      var iterator = experiments.makeIterator()
      var running = 0
      var worst = ExitStatus.success
      func startNext() -> Bool {
        guard let experiment = iterator.next() else { return false }
        group.addTask { session.runOne(experiment, progress: progress, budget: budget, recorder: recorder) }
        return true
      }
      while running < options.jobs, startNext() { running += 1 }
      for await status in group {
        worst = max(worst, status)
        if !startNext() { running -= 1 }
      }
      return worst
    }
    experiments.removeAll()
    status = max(status, results)
    if !writeCI(recorder.all) { status = max(status, .invalidInput) }
    return cancellation.isCancelled ? .interrupted : status
  }

  /// Writes `--junit` and appends to `GITHUB_STEP_SUMMARY`; false (and a message) when one
  /// cannot be written.
  func writeCI(_ records: [CIRecord]) -> Bool {
    var written = true
    if let junit = options.ci.junit {
      do {
        try OutputWriter.atomicWrite(JUnit.document(records), to: junit)
      } catch {
        err("error: cannot write \(junit.path): \(error)")
        written = false
      }
    }
    if options.ci.githubActions, let summary = options.ci.stepSummary, !records.isEmpty {
      do {
        try GitHubActions.append(GitHubActions.stepSummary(records), to: summary)
      } catch {
        err("error: cannot append to \(summary.path): \(describe(error))")
        written = false
      }
    }
    return written
  }

  /// Resolves and loads every experiment; invalid ones are reported (on standard error and, as
  /// errors, to CI through `recorder`) and left out.
  func load(_ names: [String], all: Bool, recorder: CIRecorder) -> ([Experiment], ExitStatus) {
    var status = ExitStatus.success
    var paths: [String] = []
    if all {
      do {
        paths = try catalog.allPaths()
      } catch {
        err("error: \(error)")
        status = .invalidInput
      }
    }
    for name in names {
      do {
        let path = try catalog.resolve(name)
        if !paths.contains(path) { paths.append(path) }
      } catch {
        err("error: \(error)")
        status = .invalidInput
      }
    }
    var experiments: [Experiment] = []
    var seen: [String: String] = [:]
    for path in paths {
      do {
        let experiment = try Experiment.load(path: path).overridden(by: options.presentation)
        if refusePrograms, let program = experiment.programs.first {
          err("error: \(experiment.path): refused (--no-programs): it would start \(program)")
          status = .invalidInput
          continue
        }
        // Two files must not write the same folder.
        if let other = seen[experiment.name] {
          err(
            "error: \(experiment.path): name '\(experiment.name)' is already used by \(other); "
              + "skipped")
          status = .invalidInput
          continue
        }
        seen[experiment.name] = experiment.path
        experiments.append(experiment)
      } catch {
        err("error: \(error)")
        status = .invalidInput
        recordError(CIRecord(invalid: path, error), in: recorder)
      }
    }
    return (experiments, status)
  }

  private func runOne(
    _ experiment: Experiment, progress: ProgressLine, budget: JobBudget, recorder: CIRecorder
  ) -> ExitStatus {
    guard !cancellation.isCancelled else { return .interrupted }
    budget.occupy()
    defer { budget.release() }
    let started = Date()
    var context = RunContext(options: options, cancellation: cancellation) { label, done, total in
      progress.update("\(experiment.name): \(label)", done: done, total: total)
    }
    context.language = experiment.language
    context.budget = budget
    context.directory = experiment.directory
    do {
      var report = try Kinds.execute(experiment, context: context)
      if let baseline = options.ci.baseline {
        Baseline.apply(&report, of: experiment, baseline: baseline)
      }
      let notes = try OutputWriter.write(
        report, of: experiment, to: options.outputRoot, formats: options.formats,
        cancellation: cancellation)
      progress.clear()
      out(
        terminalText(
          experiment, report, notes: (report.notes + notes).map { $0.text(experiment.language) },
          seconds: Date().timeIntervalSince(started),
          folder: options.outputRoot.appendingPathComponent(experiment.name).relativePath + "/"))
      let record = CIRecord(experiment, report, seconds: Date().timeIntervalSince(started))
      recorder.add(record)
      if options.ci.githubActions { GitHubActions.annotations(record).forEach(out) }
      return report.verdict.passed ? .success : .expectationMissed
    } catch is CancellationError {
      progress.clear()
      err("interrupted: \(experiment.name) (nothing written for it)")
      return .interrupted
    } catch {
      progress.clear()
      err("error: " + ((error as? ExperimentError).map { "\($0.inFile(experiment.path))" }
        ?? "\(experiment.path): \(error)"))
      recordError(
        CIRecord(invalid: experiment.path, error, seconds: Date().timeIntervalSince(started)),
        in: recorder)
      return .invalidInput
    }
  }

  /// A file that could not be loaded or run, for `--junit`, the step summary and (printed now)
  /// a GitHub annotation.
  private func recordError(_ record: CIRecord, in recorder: CIRecorder) {
    recorder.add(record)
    if options.ci.githubActions { GitHubActions.annotations(record).forEach(out) }
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
    let percent = min(100, done * 100 / total)
    FileHandle.standardError.write(
      Data("\r\u{1B}[2K[\(bar)] \(percent)% \(label) (\(min(done, total))/\(total))".utf8))
  }

  func clear() {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }
}
