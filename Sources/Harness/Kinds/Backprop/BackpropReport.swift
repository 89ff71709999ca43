import Calculus
import Foundation

extension Backprop {
  static func report(_ o: BackpropOutcome, spec: BackpropSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    var rows: [[String]] = []
    for precision in spec.precisions {
      for tensor in orderedTensors(o) {
        let entries = o.entries.filter { $0.tensor == tensor && $0.precision == precision }
        let differing = entries.filter { $0.agreement.status == .plateau }
        let wrongOrder = entries.filter { $0.agreement.status == .wrongOrder }
        let unchecked = entries.filter { $0.agreement.status == .notChecked }
        let orders = entries.compactMap(\.agreement.fittedOrder)
        rows.append([
          tensor, (o.shapes[tensor] ?? []).map(String.init).joined(separator: "x"),
          precision.rawValue, String(entries.count), String(differing.count),
          String(wrongOrder.count), String(unchecked.count),
          orders.isEmpty ? "-" : String(format: "%.2f..%.2f", orders.min() ?? 0, orders.max() ?? 0),
          differing.compactMap(\.agreement.plateau).max().map { String(format: "%.2e", $0) } ?? "-",
        ])
        report.checks.append(
          check(
            tensor, precision, entries, differing, wrongOrder,
            expectWrong: spec.wrong.contains(tensor)))
      }
    }
    let within = o.entries.filter { $0.agreement.status == .plateauWithinTolerance }
    if let largest = within.max(by: { relative($0) < relative($1) }) {
      report.notes.append(
        Composed.verbatim(
          text: "\(within.count) entries level off below the tolerance (\(short(spec.tolerance)) of |g|): "
            + "the gradient is not exactly the loss's, by up to \(String(format: "%.1e", relative(largest))) "
            + "of the entry (\(largest.name), \(largest.precision.rawValue)); a constant inside the "
            + "loss that the gradient leaves out, such as log(y + 1e-7), does this"))
    }
    for stray in spec.wrong where o.shapes[stray] == nil {
      report.checks.append(
        Check.untranslated("\(stray) (expected wrong)", .failed, "the model has no parameter \(stray)"))
    }
    report.table(
      header: [
        "tensor", "shape", "precision", "entries", "differ", "wrong order", "not checked",
        "fitted orders", "largest difference",
      ],
      rows: rows)
    report.csv("entries.csv", entriesTable(o))
    report.csv("sweeps.csv", sweepTable(o))
    return report
  }

  /// plateau / |g|.
  static func relative(_ e: BackpropOutcome.Entry) -> Double {
    (e.agreement.plateau ?? 0) / max(abs(e.gradient), .leastNormalMagnitude)
  }

  static func orderedTensors(_ o: BackpropOutcome) -> [String] {
    var seen: [String] = []
    for e in o.entries where !seen.contains(e.tensor) { seen.append(e.tensor) }
    return seen
  }

  /// Passed when the tensor's entries differ exactly when a planted bug is expected there.
  static func check(
    _ tensor: String, _ precision: Calculus.Precision, _ entries: [BackpropOutcome.Entry],
    _ differing: [BackpropOutcome.Entry], _ wrongOrder: [BackpropOutcome.Entry], expectWrong: Bool
  ) -> Check {
    let subject = "\(tensor), \(precision.rawValue)" + (expectWrong ? " (expected wrong)" : "")
    guard entries.contains(where: { $0.agreement.status != .notChecked }) else {
      return Check.untranslated(subject, .notChecked, "no sampled entry gave a finite sweep")
    }
    let named = differing.prefix(5).map { e in
      "\(e.name) by about \(String(format: "%.2g", e.agreement.plateau ?? 0)) (gradient \(String(format: "%.6g", e.gradient)))"
    }
    let found =
      differing.isEmpty
      ? ""
      : "\(differing.count) of \(entries.count) entries differ from the finite differences: "
        + named.joined(separator: ", ") + (differing.count > 5 ? ", ..." : "")
    let orders =
      wrongOrder.isEmpty
      ? ""
      : "\(wrongOrder.count) entries converge at another order than 2: "
        + wrongOrder.prefix(5).map(\.name).joined(separator: ", ")
    if expectWrong {
      return Check.untranslated(
        subject, passed: !differing.isEmpty,
        differing.isEmpty
          ? "expected a wrong gradient, but all \(entries.count) sampled entries agree"
          : "found: " + found)
    }
    // Another order without a plateau is what a ReLU kink within the larger steps does (the
    // differences cross it): said, not failed.
    let agreeing = "\(entries.count - differing.count) of \(entries.count) sampled entries agree"
    return Check.untranslated(
      subject, passed: differing.isEmpty,
      ([differing.isEmpty ? agreeing : found]
        + (orders.isEmpty ? [] : [orders + " (a kink the larger steps cross)"]))
        .joined(separator: "; "))
  }

  static func entriesTable(_ o: BackpropOutcome) -> CSVTable {
    var table = CSVTable(columns: [
      "tensor", "index", "flat_index", "precision", "gradient", "status", "plateau", "fitted_order",
      "least_error", "least_error_step",
    ])
    for e in o.entries {
      let v = e.agreement
      table.append([
        .string(e.tensor), .string(e.position.map(String.init).joined(separator: " ")),
        .int(e.index), .string(e.precision.rawValue), .number(e.gradient),
        .string(v.status.rawValue), .number(v.plateau ?? .nan), .number(v.fittedOrder ?? .nan),
        .number(v.leastError ?? .nan), .number(v.leastErrorStep ?? .nan),
      ])
    }
    return table
  }

  static func sweepTable(_ o: BackpropOutcome) -> CSVTable {
    var table = CSVTable(columns: [
      "tensor", "flat_index", "precision", "h", "h_effective", "estimate", "gradient", "error",
      "roundoff_floor",
    ])
    for e in o.entries {
      for s in e.sweep {
        table.append([
          .string(e.tensor), .int(e.index), .string(e.precision.rawValue), .number(s.step),
          .number(s.effectiveStep), .number(s.estimate), .number(e.gradient),
          .number(abs(s.difference)), .number(s.floor),
        ])
      }
    }
    return table
  }
}
