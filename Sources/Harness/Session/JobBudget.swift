import Dispatch
import Foundation

/// The one `--jobs` budget of a run: experiments each hold a slot while they run, and a runner
/// with parallel work of its own (the levels of `kind: order`) borrows the slots that are free.
public final class JobBudget: @unchecked Sendable {
  private let lock = NSLock()
  private let slots: Int
  private var used = 0

  public init(slots: Int) { self.slots = Swift.max(1, slots) }

  /// An experiment starts: it holds one slot (the session never starts more than `slots`).
  func occupy() {
    lock.lock()
    used += 1
    lock.unlock()
  }

  /// Returns a slot held by `occupy` or `borrow`.
  func release() {
    lock.lock()
    used -= 1
    lock.unlock()
  }

  /// Takes one free slot, if there is one.
  func borrow() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard used < slots else { return false }
    used += 1
    return true
  }

  /// Runs `body` for 0..<count on the caller's slot plus every slot it can borrow, each
  /// borrowed slot returned as soon as its worker finds no more work; results in index order.
  func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    var extra = 0
    while extra < count - 1, borrow() { extra += 1 }
    let next = WorkCounter()
    let results = Results<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: extra + 1) { worker in
      while let i = next.take(below: count) { results.set(i, body(i)) }
      if worker > 0 { release() }
    }
    return results.values
  }
}

private final class WorkCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  func take(below limit: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard value < limit else { return nil }
    value += 1
    return value - 1
  }
}

private final class Results<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [T?]
  init(count: Int) { storage = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ value: T) {
    lock.lock()
    storage[i] = value
    lock.unlock()
  }
  var values: [T] { storage.compactMap { $0 } }
}
