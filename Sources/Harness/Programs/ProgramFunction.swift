import Calculus
import Foundation

/// A user's program serving a function of `variables` values with `outputs` numbers per
/// point: started on first use, fed bounded batches, stopped by `stop()` (and when released).
///
/// Every failure is an `ExperimentError` at the `f`/`df`/`gradient` mapping that names the
/// program, the point and the last lines of its standard error: the run writes nothing.
final class ProgramFunction: @unchecked Sendable {
  /// Lines written per batch: bounded, so a batch's text and answers stay small.
  static let batchSize = 256

  let source: ProgramSource
  /// `f`, `df` or `gradient`: which key, for messages.
  let key: String
  let variables: [String]
  let outputs: Int
  private let lock = NSLock()
  private var session: ProgramSession?
  /// Set once an answer has been seen with the digits of a double.
  private var sawFullDigits = false
  private var evaluated = 0

  init(_ source: ProgramSource, key: String, variables: [String], outputs: Int = 1) {
    self.source = source
    self.key = key
    self.variables = variables
    self.outputs = outputs
  }

  deinit { session?.stop() }

  /// The program's answers at `points` (each `variables.count` values), in order.
  ///
  /// - Throws: `ExperimentError` for every failure of the program; `CancellationError` when
  ///   the run is interrupted.
  func evaluate(_ points: [[Double]], cancellation: Cancellation) throws -> [[Double]] {
    lock.lock()
    defer { lock.unlock() }
    var answers: [[Double]] = []
    answers.reserveCapacity(points.count)
    var start = 0
    while start < points.count {
      let batch = Array(points[start..<min(points.count, start + Self.batchSize)])
      answers += try exchange(batch, cancellation: cancellation)
      start += batch.count
      evaluated += batch.count
    }
    return answers
  }

  /// Closes the program's input and stops it.
  func stop() {
    lock.lock()
    session?.stop()
    session = nil
    lock.unlock()
  }

  private func started() throws -> ProgramSession {
    if let session { return session }
    let argv = try source.arguments(variables: variables.count, outputs: outputs)
    do {
      let started = try ProgramSession(argv, in: source.directory)
      session = started
      return started
    } catch SessionFailure.cancelled {
      throw CancellationError()
    } catch SessionFailure.cannotStart(let why) {
      throw source.error("\(key): cannot start the program \(source.display): \(why)")
    }
  }

  private func exchange(_ batch: [[Double]], cancellation: Cancellation) throws -> [[Double]] {
    let session = try started()
    var lines = batch.map { point in
      point.map { String(format: "%.17g", $0) }.joined(separator: " ")
    }
    if source.framesBatches { lines.insert("points \(batch.count)", at: 0) }
    let replies: [String]
    do {
      replies = try session.exchange(
        lines, expecting: batch.count, timeout: source.timeout, cancellation: cancellation)
    } catch .cancelled {
      throw CancellationError()
    } catch {
      throw failure(error, batch: batch, session: session)
    }
    var values: [[Double]] = []
    for (i, reply) in replies.enumerated() {
      values.append(try parse(reply, at: batch[i], session: session))
    }
    try checkDigits(replies, batch: batch, session: session)
    return values
  }

  /// One answer line: `outputs` numbers (nan and inf in any case and sign accepted).
  private func parse(_ reply: String, at point: [Double], session: ProgramSession) throws
    -> [Double]
  {
    let words = reply.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" })
    let numbers = words.map { Double($0.lowercased()) }
    if numbers.count == outputs, numbers.allSatisfy({ $0 != nil }) {
      return numbers.map { $0 ?? .nan }
    }
    let what =
      numbers.contains(nil)
      ? "answered \"\(ExpressionSource.excerpt(reply, line: 1, column: 1))\", which is not "
        + (outputs == 1 ? "a number" : "\(outputs) numbers")
      : "answered \(numbers.count) numbers where \(outputs) \(outputs == 1 ? "was" : "were") expected"
    throw located(what, at: point, session: session)
  }

  /// Rounded answers look exactly like a wrong derivative: when a batch of several distinct
  /// answers never carries more significant digits than its precision's (single 9, half 5,
  /// double 17) allows to be short by far (double: at most 10), it is reported.
  private func checkDigits(_ replies: [String], batch: [[Double]], session: ProgramSession)
    throws
  {
    guard !sawFullDigits else { return }
    let needed: Int
    switch source.precision {
    case .half: needed = 4
    case .single: needed = 7
    case .double, .extended: needed = 11
    }
    let digits = replies.map(Self.significantDigits)
    if digits.contains(where: { $0 >= needed }) {
      sawFullDigits = true
      return
    }
    let distinct = Set(replies.map { $0.trimmingCharacters(in: .whitespaces) })
    guard replies.count >= 8, distinct.count > 1 else { return }
    throw located(
      "answered with at most \(digits.max() ?? 0) significant digits (\"\(replies[0])\"): print "
        + "17 significant digits (%.17g, repr) for a double, or say `precision:` on the mapping;"
        + " a rounded answer looks exactly like a wrong derivative",
      at: batch[0], session: session)
  }

  /// Significant digits of the longest number on a line.
  static func significantDigits(_ line: String) -> Int {
    line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map { word in
      let mantissa = word.lowercased().split(separator: "e").first ?? ""
      let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }
      return digits.count
    }.max() ?? 0
  }

  private func failure(_ error: SessionFailure, batch: [[Double]], session: ProgramSession)
    -> ExperimentError
  {
    switch error {
    case .ended(let answered, _), .timedOut(let answered, _):
      return located(
        session.describeFailure(error), at: batch[min(answered, batch.count - 1)], session: session,
        index: answered)
    case .cannotStart(let why):
      return source.error("\(key): cannot start the program \(source.display): \(why)")
    case .cancelled:
      return source.error("\(key): interrupted")
    }
  }

  /// "`f`: the program P <what> the point x = 1.5 (point 3 of this run); its standard error
  /// ends: ..." at the mapping.
  private func located(
    _ what: String, at point: [Double], session: ProgramSession, index: Int? = nil
  ) -> ExperimentError {
    let values = zip(variables, point).map { "\($0) = \(String(format: "%.17g", $1))" }
      .joined(separator: ", ")
    var message = "\(key): the program \(source.display) \(what), at \(values)"
    if let index { message += " (point \(evaluated + index + 1) sent)" }
    return source.error(message + session.errorTailText)
  }
}
