import Foundation

/// Runs `body` for each index on all cores, returning the results in index order; stops
/// early (throwing `CancellationError`) once `context` is cancelled, and rethrows the first
/// error a body threw.
func parallelMap<T: Sendable>(
  _ count: Int, context: RunContext, _ body: @Sendable (Int) throws -> T
) throws -> [T] {
  let box = ResultBox<T>(count: count)
  let cancelled = context.cancellation
  DispatchQueue.concurrentPerform(iterations: count) { i in
    guard !cancelled.isCancelled, !box.failed else { return }
    do {
      box.set(i, try body(i))
    } catch {
      box.fail(error)
    }
  }
  try context.checkCancellation()
  if let error = box.error { throw error }
  return box.values()
}

private final class ResultBox<T>: @unchecked Sendable {
  private var storage: [T?]
  /// The first error a body threw; the other bodies are skipped once it is set.
  private(set) var error: (any Error)?
  private let lock = NSLock()
  init(count: Int) { storage = Array(repeating: nil, count: count) }
  var failed: Bool {
    lock.lock()
    defer { lock.unlock() }
    return error != nil
  }
  func fail(_ error: any Error) {
    lock.lock()
    if self.error == nil { self.error = error }
    lock.unlock()
  }
  func set(_ i: Int, _ value: T) {
    lock.lock()
    storage[i] = value
    lock.unlock()
  }
  func values() -> [T] { storage.map { $0! } }
}
