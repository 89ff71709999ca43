import Calculus
import Foundation

/// The student's Python model served by the driver's `--model` mode (kind: backprop): its
/// parameters stay in the student's process; the tool names an entry and a step, and reads
/// back the loss and the step the model's dtype actually took.
final class ModelDriver: @unchecked Sendable {
  struct Tensor: Sendable, Hashable {
    var name: String
    var size: Int
    var shape: [Int]
  }

  let source: ModelSource
  let precision: Calculus.Precision
  private let session: ProgramSession
  private let cancellation: Cancellation

  /// Starts the driver on the model in `precision` (double or single).
  init(
    _ source: ModelSource, precision: Calculus.Precision, data: String, cancellation: Cancellation
  )
    throws
  {
    self.source = source
    self.precision = precision
    self.cancellation = cancellation
    guard let driver = Locations.pythonDriver() else {
      throw source.error(
        "model: the tool's Python driver (Sources/Harness/Programs/python_driver.py) was not "
          + "found; set \(Locations.homeVariable) to the package's folder")
    }
    let settings = source.settings(precision: precision, data: data)
    do {
      session = try ProgramSession(
        [source.interpreter, driver.path, "--model", source.target, settings],
        in: source.directory)
    } catch SessionFailure.cancelled {
      throw CancellationError()
    } catch {
      throw source.error("model: cannot start \(source.interpreter): \(error)")
    }
  }

  deinit { session.stop() }

  func stop() { session.stop() }

  /// The parameters' names, sizes and shapes, in the dict's order.
  func tensors() throws -> [Tensor] {
    let line = try exchange(["tensors"], expecting: 1, doing: "listing the parameters")[0]
    return try line.split(separator: " ").map { word in
      let parts = word.split(separator: ":")
      guard parts.count == 3, let size = Int(parts[1]) else {
        throw source.error("model: the driver answered \"\(line)\" for the parameters")
      }
      return Tensor(
        name: String(parts[0]), size: size,
        shape: parts[2].split(separator: "x").compactMap { Int($0) })
    }
  }

  /// The student's gradient at `entries` (one call of `gradient(x, t)`, cached by the driver).
  func gradient(_ entries: [(tensor: String, index: Int)]) throws -> [Double] {
    var values: [Double] = []
    for batch in stride(from: 0, to: entries.count, by: ProgramFunction.batchSize) {
      let part = entries[batch..<min(entries.count, batch + ProgramFunction.batchSize)]
      let lines = ["gradient \(part.count)"] + part.map { "\($0.tensor) \($0.index)" }
      let answers = try exchange(lines, expecting: part.count, doing: "reading the gradient")
      for (answer, entry) in zip(answers, part) {
        guard let value = Double(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
          throw source.error(
            "model: gradient of \(entry.tensor) entry \(entry.index): \"\(answer)\" is not a number"
          )
        }
        values.append(value)
      }
    }
    return values
  }

  /// The loss with each entry moved by its step, and the step the dtype took.
  func losses(_ moves: [(tensor: String, index: Int, step: Double)]) throws
    -> [(loss: Double, step: Double)]
  {
    var results: [(loss: Double, step: Double)] = []
    results.reserveCapacity(moves.count)
    for batch in stride(from: 0, to: moves.count, by: ProgramFunction.batchSize) {
      let part = moves[batch..<min(moves.count, batch + ProgramFunction.batchSize)]
      let lines =
        ["loss \(part.count)"]
        + part.map { "\($0.tensor) \($0.index) \(String(format: "%.17g", $0.step))" }
      let answers = try exchange(lines, expecting: part.count, doing: "evaluating the loss")
      for (answer, move) in zip(answers, part) {
        let numbers = answer.split(separator: " ").compactMap { Double($0.lowercased()) }
        guard numbers.count == 2 else {
          throw source.error(
            "model: loss with \(move.tensor) entry \(move.index) moved: \"\(answer)\" is not "
              + "LOSS STEP")
        }
        results.append((numbers[0], numbers[1]))
      }
    }
    return results
  }

  private func exchange(_ lines: [String], expecting count: Int, doing what: String) throws
    -> [String]
  {
    do {
      return try session.exchange(
        lines, expecting: count, timeout: source.timeout, cancellation: cancellation)
    } catch .cancelled {
      throw CancellationError()
    } catch {
      throw source.error(
        "model: \(source.target) (\(precision.rawValue)) \(session.describeFailure(error)) while "
          + what + session.errorTailText)
    }
  }
}

extension ProgramSession {
  /// "ended (exit status 1) before answering", "gave no answer within 60 s".
  func describeFailure(_ failure: SessionFailure) -> String {
    switch failure {
    case .ended(_, let status):
      return (status.map { "ended (\($0))" } ?? "closed its output") + " before answering"
    case .timedOut(_, let seconds):
      return "gave no answer within \(short(seconds)) s (timeout: on the mapping)"
    case .cannotStart(let why): return "could not start: \(why)"
    case .cancelled: return "was interrupted"
    }
  }
}
