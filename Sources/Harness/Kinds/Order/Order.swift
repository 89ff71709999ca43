import Calculus
import Foundation

/// `kind: order`: the convergence order of the user's solver, from its errors (or values) at
/// successively refined levels.
enum Order: ExperimentKindDefinition {
  static let name = "order"

  static func run(_ spec: OrderSpec, context: RunContext) throws -> OrderOutcome {
    let jobs = spec.cases.indices.flatMap { c in spec.cases[c].levels.indices.map { (c, $0) } }
    let done = LevelCounter()
    let label = context.language.order(.progressLevels)
    let outcomes = context.budget.map(jobs.count) { k in
      let (c, l) = jobs[k]
      let outcome = runLevel(spec.cases[c], spec.cases[c].levels[l], context: context)
      context.progress(label, done.increment(), jobs.count)
      return outcome
    }
    try context.checkCancellation()
    var next = 0
    let results = spec.cases.map { c in
      let levels = Array(outcomes[next..<next + c.levels.count])
      next += c.levels.count
      let measured = levels.compactMap(\.measured)
      let study =
        measured.count == levels.count
        ? OrderStudy(steps: levels.map(\.level.h), measured: measured, output: c.output) : nil
      return OrderOutcome.CaseOutcome(
        name: c.name, command: c.command, output: c.output, levels: levels, study: study,
        expected: c.expected, tolerance: spec.tolerance)
    }
    return OrderOutcome(results: results)
  }

  /// Runs one level's program and reads the number on its last line of standard output.
  static func runLevel(_ c: OrderSpec.Case, _ level: OrderSpec.Level, context: RunContext)
    -> LevelOutcome
  {
    var outcome = LevelOutcome(level: level, measured: nil, seconds: 0, failure: nil, errorTail: [])
    guard !context.isCancelled else { return outcome }
    let result: ProgramResult
    do {
      result = try ProgramRunner.run(
        c.arguments(level), in: context.directory, timeout: c.timeout,
        cancellation: context.cancellation)
    } catch {
      outcome.failure = .cannotStart("\(error)")
      return outcome
    }
    outcome.seconds = result.seconds
    outcome.errorTail = result.errorTail()
    switch result.ending {
    case .cancelled: return outcome
    case .timedOut: outcome.failure = .timedOut(seconds: c.timeout)
    case .signalled(let signal): outcome.failure = .signalled(signal)
    case .exited(let status) where status != 0: outcome.failure = .exited(status)
    case .exited:
      let last = result.standardOutput.split(whereSeparator: \.isNewline)
        .map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty }
      if let last, let number = Double(last), number.isFinite {
        outcome.measured = number
      } else {
        outcome.failure = .notANumber(last)
      }
    }
    return outcome
  }

  static func explain(_ s: OrderSpec) -> [String] { explain(s, language: .en) }

  static func explain(_ s: OrderSpec, language: Language) -> [String] {
    var lines = [language.order(.showTolerance(s.tolerance.formatted3))]
    for c in s.cases {
      lines.append(
        language.order(
          .showCase(
            c.name, output: c.output.rawValue, levels: c.levels.count,
            expected: c.expected?.formatted3)))
      lines.append("  " + language.order(.showCommand(c.command.joined(separator: " "))))
    }
    return lines
  }
}

/// A thread-safe count of finished levels, for the progress bar.
private final class LevelCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}
