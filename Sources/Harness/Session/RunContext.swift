import Foundation
import Plotting

/// Options of one `experiment run`.
public struct RunOptions: Sendable {
  var outputRoot: URL
  var formats: [FigureFormat]
  var jobs: Int
  /// Draw progress bars (only when standard error is a terminal).
  var showProgress: Bool
  /// Where data sets cached by `make data` live (`--data`, `DERIVATIVES_DATA`, or the
  /// package's `.cache/data`).
  var dataDirectory: URL
  /// `--language`, `--figure-size`, `--font-scale`: set over every experiment file's own.
  var presentation: PresentationOverrides
  /// JUnit, baseline and GitHub Actions outputs.
  public var ci = CIOptions()

  public init(
    outputRoot: URL = URL(fileURLWithPath: "Output", isDirectory: true),
    formats: [FigureFormat] = [.png, .svg], jobs: Int = 1, showProgress: Bool = false,
    dataDirectory: URL = Locations.dataDirectory(),
    presentation: PresentationOverrides = PresentationOverrides()
  ) {
    self.presentation = presentation
    self.outputRoot = outputRoot
    self.formats = formats
    self.jobs = max(1, jobs)
    self.showProgress = showProgress
    self.dataDirectory = dataDirectory
  }
}

/// A flag set once when the run is interrupted; runners poll it between steps.
public final class Cancellation: @unchecked Sendable {
  private let lock = NSLock()
  private var cancelled = false

  public init() {}

  var isCancelled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return cancelled
  }

  func cancel() {
    lock.lock()
    cancelled = true
    lock.unlock()
  }
}

/// What a runner gets besides its spec.
struct RunContext: Sendable {
  var options: RunOptions
  /// Reports progress of long steps; the CLI draws it as a bar on a terminal.
  var progress: @Sendable (_ label: String, _ done: Int, _ total: Int) -> Void
  var cancellation: Cancellation
  /// The experiment's language, for the labels of progress bars.
  var language: Language = .en
  /// The run's `--jobs` slots, shared with work inside an experiment (order levels).
  var budget = JobBudget(slots: 1)
  /// The folder the experiment file is in: where its programs start.
  var directory = URL(fileURLWithPath: ".")

  init(
    options: RunOptions, cancellation: Cancellation = Cancellation(),
    progress: @escaping @Sendable (String, Int, Int) -> Void = { _, _, _ in }
  ) {
    self.options = options
    self.cancellation = cancellation
    self.progress = progress
  }

  var isCancelled: Bool { cancellation.isCancelled }

  /// Throws `CancellationError` once the run is interrupted.
  func checkCancellation() throws {
    if cancellation.isCancelled { throw CancellationError() }
  }
}
