internal import CBLAS
import Dispatch
import Synchronization

/// Splits a product between OpenBLAS's threads ourselves, one single-threaded `gemm` per thread
/// on a disjoint block of the result.
///
/// The network's products are skinny (`batch x 784` times `784 x 50`): OpenBLAS 0.3.21's own
/// threading partitions them badly (two threads are often slower than one), while two
/// single-threaded products on half the rows each run at the single-threaded rate twice over.
/// Each block's entries are computed by the same kernel in the same order as in one whole
/// product, so splitting does not change the result.
enum BLASThreads {
  /// The thread budget: OpenBLAS's thread count when the process started
  /// (`OPENBLAS_NUM_THREADS`, else the number of CPUs).
  static let budget = Int(openblas_get_num_threads())

  /// Products smaller than this many multiply-adds run whole (the split's hand-off, some
  /// microseconds, would cost more than it saves).
  static let splitThreshold = 1 << 20

  /// Regions in progress; OpenBLAS is single-threaded while any is.
  private static let active = Mutex(0)

  /// The number of parts to split `count` rows of a product of `work` multiply-adds into.
  static func parts(rows count: Int, work: Int) -> Int {
    guard budget > 1, work >= splitThreshold else { return 1 }
    return min(budget, max(1, count / 16))
  }

  /// The rows of part `part` of `parts` (contiguous, sizes differing by at most one).
  static func range(_ part: Int, of parts: Int, rows: Int) -> Range<Int> {
    (rows * part / parts)..<(rows * (part + 1) / parts)
  }

  /// Runs `body(part)` for every part concurrently, OpenBLAS single-threaded meanwhile (then
  /// restored to `budget` threads); runs it inline when there is one part.
  static func run(parts: Int, _ body: @Sendable (Int) -> Void) {
    guard parts > 1 else { return body(0) }
    active.withLock {
      if $0 == 0 { openblas_set_num_threads(1) }
      $0 += 1
    }
    DispatchQueue.concurrentPerform(iterations: parts, execute: body)
    active.withLock {
      $0 -= 1
      if $0 == 0 { openblas_set_num_threads(Int32(budget)) }
    }
  }
}
