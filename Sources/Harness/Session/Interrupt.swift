import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM: cancel the run, let the runners stop at their next poll, remove what
/// is staged, exit 130. Completed experiments stay; a commit in progress finishes first.
public enum Interrupt {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
  /// A serial queue of its own: serial queues are served by libdispatch's overcommitting
  /// pool, so the handler runs even while `concurrentPerform` keeps every core of the global
  /// queue busy with sweeps (on `.global()` it waited for the whole sweep to end).
  private static let queue = DispatchQueue(label: "experiment.interrupt", qos: .userInteractive)

  /// Installs the handlers for `cancellation` (once per process).
  public static func install(_ cancellation: Cancellation, grace: Double = 1.0) {
    guard sources.isEmpty else { return }
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler {
        cancellation.cancel()
        // The user's programs (kind: order) stop now, not when the process exits.
        RunningPrograms.shared.stopAll()
        // Give the runners a moment to notice and clean up, then make sure.
        queue.asyncAfter(deadline: .now() + grace) {
          Staging.shared.abandon()
          FileHandle.standardError.write(Data("\ninterrupted\n".utf8))
          exit(ExitStatus.interrupted.rawValue)
        }
      }
      source.resume()
      sources.append(source)
    }
  }
}
