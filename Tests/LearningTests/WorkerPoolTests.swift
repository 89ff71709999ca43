import Synchronization
import Testing

@testable import Learning

#if canImport(Glibc)
  import Glibc
#endif

/// The pool behind `BLASThreads.run`: every part once, the caller's parts from the first up and
/// the workers' from the last down (so that units in row order keep each thread at its end of
/// the rows).
@Suite struct WorkerPoolTests {
  @Test(
    "every part runs once; the caller's parts come first, the worker's last",
    arguments: [2, 3, 16, 300])
  func partsFromBothEnds(parts: Int) {
    let pool = WorkerPool(workers: 1)
    for trial in 0..<200 {
      if trial == 100 { usleep(20_000) }  // the worker stops spinning and sleeps
      let caller = pthread_self()
      let runs = Mutex([Int](repeating: 0, count: parts))
      let byCaller = Mutex([Bool](repeating: false, count: parts))
      #expect(
        pool.run(parts: parts) { part in
          runs.withLock { $0[part] += 1 }
          byCaller.withLock { $0[part] = pthread_equal(pthread_self(), caller) != 0 }
        })
      #expect(runs.withLock { $0 } == [Int](repeating: 1, count: parts))
      let mine = byCaller.withLock { $0 }
      let first = mine.prefix { $0 }.count
      #expect(mine[first...].allSatisfy { !$0 }, "caller's parts \(mine), trial \(trial)")
    }
  }
}
