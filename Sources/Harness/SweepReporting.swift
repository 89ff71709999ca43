import Calculus
import Foundation

/// The common reporting of sweeps: summary fields, CSV rows, terminal rows.
/// Used by every kind that fits orders (convergence, partials, gradcheck sweeps).
enum SweepReporting {
  /// The design's result fields for one sweep, after the kind's own leading fields.
  static func json(_ o: SweepOutcome, leading: [(String, JSON)]) -> JSON {
    let fit = o.orderFit
    let best = o.best
    var pairs = leading
    pairs += [
      ("scheme", .string(o.scheme.rawValue)),
      ("precision", .string(o.precision.rawValue)),
      ("status", .string(o.status)),
      ("fitted_order", .num(fit?.order)),
      ("predicted_order", o.prediction.order.map { .int($0) } ?? .null),
      ("expected_order", .num(o.expectedOrder)),
      ("passed", .bool(o.passed)),
      ("verdict", .string(o.verdict)),
      ("explanation", .string(o.prediction.explanation)),
      (
        "fit_range",
        fit.map { .array([.num($0.range.lowerBound), .num($0.range.upperBound)]) } ?? .null
      ),
      ("fit_points", fit.map { .int($0.pointCount) } ?? .null),
      ("r_squared", .num(fit?.rSquared)),
      ("error_constant", .num(fit?.constant)),
      ("predicted_constant", o.prediction.isExact ? .null : .num(o.prediction.constant)),
      ("exact_derivative", .num(o.exact)),
      ("best_h", .num(best?.effectiveStep)),
      ("best_error", .num(best?.error)),
      ("predicted_best_h", .num(o.prediction.bestStep)),
      ("predicted_best_error", .num(o.prediction.bestError)),
      ("non_finite", .int(o.nonFiniteCount)),
    ]
    if case .noFit(let reason) = o.fit { pairs.append(("reason", .string(reason))) }
    if case .exact(let reason) = o.fit { pairs.append(("reason", .string(reason))) }
    return .object(pairs)
  }

  static let csvColumns = [
    "precision", "scheme", "h", "h_effective", "estimate", "exact", "error", "roundoff_floor",
    "in_fit_range",
  ]

  /// CSV fields for each sample, after the kind's own leading fields.
  static func csvRows(_ o: SweepOutcome, leading: [CSVField]) -> [[CSVField]] {
    o.samples.map { s in
      leading + [
        .string(o.precision.rawValue), .string(o.scheme.rawValue), .number(s.step),
        .number(s.effectiveStep), .number(s.estimate), .number(o.exact), .number(s.error),
        .number(s.roundoffFloor), .bool(s.inFitRange),
      ]
    }
  }

  static let terminalHeader = [
    "scheme", "precision", "fitted", "predicted", "expected", "R^2", "best h", "verdict",
  ]

  static func terminalRow(_ o: SweepOutcome) -> [String] {
    let fitted: String
    switch o.fit {
    case .fitted(let f): fitted = String(format: "%.3f", f.order)
    case .exact: fitted = "exact"
    case .noFit: fitted = "no fit"
    }
    let predicted = o.prediction.isExact ? "exact" : (o.prediction.order.map(String.init) ?? "-")
    let expected = o.expectedOrder.map { String(format: "%g", $0) } ?? "-"
    let r2 = o.orderFit.map { String(format: "%.4f", $0.rSquared) } ?? "-"
    let best = o.best.map { String(format: "%.1e", $0.effectiveStep) } ?? "-"
    return [
      o.scheme.rawValue, o.precision.rawValue, fitted, predicted, expected, r2, best,
      o.passed ? "pass" : "FAIL",
    ]
  }

  /// A failure line saying what missed and by how much.
  static func failure(_ o: SweepOutcome, subject: String) -> String? {
    o.passed
      ? nil
      : "\(subject), \(o.scheme.rawValue), \(o.precision.rawValue): \(o.verdict)"
        + (o.prediction.explanation.isEmpty ? "" : " (\(o.prediction.explanation))")
  }

  /// A Markdown table row.
  static func markdownRow(_ o: SweepOutcome, leading: [String]) -> String {
    "| "
      + (leading + terminalRow(o)).map { $0.replacingOccurrences(of: "|", with: "\\|") }
      .joined(separator: " | ") + " |"
  }
}

/// Formats rows as an aligned text table.
func alignedTable(header: [String], rows: [[String]], indent: String = "  ") -> [String] {
  var widths = header.map(\.count)
  for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
  func line(_ cells: [String]) -> String {
    indent
      + cells.enumerated().map { i, cell in
        cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
      }
      .joined(separator: "  ")
  }
  return [
    line(header), indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "),
  ]
    + rows.map(line)
}

/// A Markdown table.
func markdownTable(header: [String], rows: [String]) -> String {
  "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in " --- |" }.joined() + "\n"
    + rows.joined(separator: "\n") + "\n"
}

/// Runs `body` for each index on all cores, returning the results in index order.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  let box = ResultBox<T>(count: count)
  DispatchQueue.concurrentPerform(iterations: count) { i in box.set(i, body(i)) }
  return box.values()
}

private final class ResultBox<T>: @unchecked Sendable {
  private var storage: [T?]
  private let lock = NSLock()
  init(count: Int) { storage = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ value: T) {
    lock.lock()
    storage[i] = value
    lock.unlock()
  }
  func values() -> [T] { storage.map { $0! } }
}

/// A compact number for labels: 1e-05, 0.3, 15.
func short(_ x: Double) -> String {
  if x == x.rounded(), abs(x) < 1e6 { return String(Int(x)) }
  return String(format: "%g", x)
}
