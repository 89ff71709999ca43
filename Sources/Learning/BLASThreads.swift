internal import CBLAS
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Splits a product between OpenBLAS's threads ourselves, one single-threaded `gemm` per thread
/// on a disjoint block of the result.
///
/// The network's products are skinny (`batch x 784` times `784 x 50`): OpenBLAS's own
/// threading partitions them badly (measured with Debian's 0.3.21: two threads were often
/// slower than one), while two single-threaded products on half the rows each run at the
/// single-threaded rate twice over.
/// Each block's entries are computed by the same kernel in the same order as in one whole
/// product, so splitting does not change the result.
enum BLASThreads {
  /// The thread budget: OpenBLAS's thread count when the process started
  /// (`OPENBLAS_NUM_THREADS`, else the number of CPUs).
  static let budget = Int(scipy_openblas_get_num_threads())

  /// Products smaller than this many multiply-adds run whole (the split's hand-off, some
  /// microseconds, would cost more than it saves).
  static let splitThreshold = 1 << 20

  /// Regions in progress; OpenBLAS is single-threaded while any is.
  private static let active = Mutex(0)

  /// The workers of `run` (`budget - 1` threads, started on first use).
  private static let pool = WorkerPool(workers: budget - 1)

  /// The number of parts to split `count` rows of a product of `work` multiply-adds into.
  static func parts(rows count: Int, work: Int) -> Int {
    guard budget > 1, work >= splitThreshold else { return 1 }
    return min(budget, max(1, count / 16))
  }

  /// The rows of part `part` of `parts` (contiguous, sizes differing by at most one).
  static func range(_ part: Int, of parts: Int, rows: Int) -> Range<Int> {
    (rows * part / parts)..<(rows * (part + 1) / parts)
  }

  /// Runs `body(part)` for every part concurrently, OpenBLAS single-threaded meanwhile; runs it
  /// inline when there is one part.
  ///
  /// The parts go to the calling thread and the pool's workers as they free up: the caller
  /// takes them from the first up, the workers from the last down, so that with parts in row
  /// order each thread keeps to its end of the rows when the CPUs run alike and takes over the
  /// other's rows when one runs slower. (`DispatchQueue.concurrentPerform` wakes its parked workers too late after
  /// some milliseconds idle: measured, the calling thread then ran both halves alone.) A call
  /// from inside a part, or while another thread holds the pool, falls back to
  /// `concurrentPerform`.
  static func run(parts: Int, _ body: @Sendable (Int) -> Void) {
    guard parts > 1 else { return body(0) }
    serial {
      if !pool.run(parts: parts, body) {
        DispatchQueue.concurrentPerform(iterations: parts, execute: body)
      }
    }
  }

  /// Wakes the pool's workers ahead of a `run` that is about to come (they spin for a while).
  static func prepare() {
    if budget > 1 { pool.wake() }
  }

  /// Runs `body` with OpenBLAS single-threaded (then restored to `budget` threads).
  ///
  /// A whole pass runs in one such region: one OpenBLAS call on two threads wakes OpenBLAS's
  /// own worker, which then spins (`sched_yield`) for about 0.1 s and competes for the second
  /// core with the split products that follow.
  static func serial<R>(_ body: () -> R) -> R {
    guard budget > 1 else { return body() }
    active.withLock {
      if $0 == 0 { scipy_openblas_set_num_threads(1) }
      $0 += 1
    }
    defer {
      active.withLock {
        $0 -= 1
        if $0 == 0 { scipy_openblas_set_num_threads(Int32(budget)) }
      }
    }
    return body()
  }
}

/// Long-lived worker threads that take parts of one job at a time; they spin briefly after
/// each job and then sleep on a condition variable.
final class WorkerPool: @unchecked Sendable {
  /// `generation << 32 | end << 16 | start` of the current job: its unclaimed parts are
  /// `start..<end`.
  private let state = Atomic(0)
  private let finished = Atomic(0)
  private let owned = Atomic(false)
  /// The current job's body; written only between jobs, read after claiming one of its parts.
  private var job: (@Sendable (Int) -> Void)?
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private let workers: Int
  private let started = Atomic(false)
  private var threads: [pthread_t] = []
  /// The CPU the workers were last placed away from (-1: not placed).
  private var placedAwayFrom: Int32 = -1
  /// Spins of an idle worker before it sleeps (some hundred microseconds).
  private static let spinLimit = 200_000

  init(workers: Int) {
    self.workers = workers
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  private func start() {
    guard workers > 0, !started.load(ordering: .acquiring) else { return }
    guard
      started.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing)
        .exchanged
    else { return }
    for _ in 0..<workers {
      var thread = pthread_t()
      let context = Unmanaged.passRetained(self).toOpaque()
      pthread_create(
        &thread, nil,
        { context in
          Unmanaged<WorkerPool>.fromOpaque(context!).takeRetainedValue().work()
          return nil
        }, context)
      pthread_detach(thread)
      threads.append(thread)
    }
  }

  /// Pins the workers to CPUs other than `cpu` (the caller's), in the process's CPU set.
  ///
  /// Without it a worker woken after some milliseconds idle was placed on the caller's own CPU
  /// (measured: 16 to 20 wake-ups in 20 on this 2-CPU machine) and waited for the caller's
  /// part to end, so the caller ran both halves; pinned, it starts in 25-45 us.
  private func place(awayFrom cpu: Int32) {
    guard cpu != placedAwayFrom, let api = AffinityAPI.shared else { return }
    placedAwayFrom = cpu
    let others = api.cpus.filter { $0 != cpu }
    guard !others.isEmpty else { return }
    for (i, thread) in threads.enumerated() {
      var mask = [UInt64](repeating: 0, count: 16)
      let target = others[i % others.count]
      mask[target / 64] |= 1 << UInt64(target % 64)
      _ = mask.withUnsafeBytes { api.setAffinity(thread, $0.count, $0.baseAddress!) }
    }
  }

  /// Wakes sleeping workers (they find no new job, spin, and sleep again).
  func wake() {
    start()
    pthread_mutex_lock(mutex)
    pthread_cond_broadcast(condition)
    pthread_mutex_unlock(mutex)
  }

  /// Runs every part of `body` on the calling thread and the workers; false (nothing run) when
  /// the pool is busy with another job.
  func run(parts: Int, _ body: @Sendable (Int) -> Void) -> Bool {
    precondition(parts < 1 << 16, "at most 65,535 parts")
    guard workers > 0,
      owned.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    else { return false }
    start()
    if let api = AffinityAPI.shared { place(awayFrom: api.currentCPU()) }
    withoutActuallyEscaping(body) { body in
      job = body
      finished.store(0, ordering: .relaxed)
      let generation = (state.load(ordering: .relaxed) >> 32) + 1
      state.store(generation << 32 | parts << 16, ordering: .releasing)
      pthread_mutex_lock(mutex)
      pthread_cond_broadcast(condition)
      pthread_mutex_unlock(mutex)
      claimParts(generation: generation, fromFirst: true)
      while finished.load(ordering: .acquiring) < parts {}
      job = nil
    }
    owned.store(false, ordering: .releasing)
    return true
  }

  /// Claims and runs parts of job `generation` until none is left: the lowest unclaimed part
  /// each time (`fromFirst`) or the highest.
  private func claimParts(generation: Int, fromFirst: Bool) {
    while true {
      let s = state.load(ordering: .acquiring)
      guard s >> 32 == generation else { return }
      let (start, end) = (s & 0xFFFF, (s >> 16) & 0xFFFF)
      guard start < end else { return }
      let (part, claimed) = fromFirst ? (start, s + 1) : (end - 1, s - (1 << 16))
      guard
        state.compareExchange(expected: s, desired: claimed, ordering: .acquiringAndReleasing)
          .exchanged
      else { continue }
      job!(part)
      finished.add(1, ordering: .releasing)
    }
  }

  /// A worker's loop: wait for a new generation (spinning, then sleeping), help with it.
  private func work() {
    var seen = 0
    while true {
      var spins = 0
      while state.load(ordering: .acquiring) >> 32 == seen && spins < Self.spinLimit {
        spins += 1
      }
      if state.load(ordering: .acquiring) >> 32 == seen {
        pthread_mutex_lock(mutex)
        while state.load(ordering: .acquiring) >> 32 == seen {
          pthread_cond_wait(condition, mutex)
          // A `wake` without a job: spin again before sleeping.
          if state.load(ordering: .acquiring) >> 32 == seen { break }
        }
        pthread_mutex_unlock(mutex)
        if state.load(ordering: .acquiring) >> 32 == seen { continue }
      }
      seen = state.load(ordering: .acquiring) >> 32
      claimParts(generation: seen, fromFirst: false)
    }
  }
}

/// `sched_getcpu`, `pthread_setaffinity_np` and the process's CPUs, looked up at run time (the
/// Glibc module does not declare these GNU extensions); nil where they are missing.
private struct AffinityAPI: @unchecked Sendable {
  let currentCPU: @convention(c) () -> Int32
  let setAffinity: @convention(c) (pthread_t, Int, UnsafeRawPointer) -> Int32
  /// The CPUs this process may run on.
  let cpus: [Int]

  static let shared: AffinityAPI? = {
    typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
    guard let cpu = dlsym(nil, "sched_getcpu"), let set = dlsym(nil, "pthread_setaffinity_np"),
      let get = dlsym(nil, "sched_getaffinity")
    else { return nil }
    var mask = [UInt64](repeating: 0, count: 16)
    let ok = mask.withUnsafeMutableBytes {
      unsafeBitCast(get, to: GetAffinity.self)(0, $0.count, $0.baseAddress!) == 0
    }
    guard ok else { return nil }
    let cpus = (0..<1024).filter { mask[$0 / 64] & (1 << UInt64($0 % 64)) != 0 }
    return AffinityAPI(
      currentCPU: unsafeBitCast(cpu, to: (@convention(c) () -> Int32).self),
      setAffinity: unsafeBitCast(
        set, to: (@convention(c) (pthread_t, Int, UnsafeRawPointer) -> Int32).self),
      cpus: cpus)
  }()
}
