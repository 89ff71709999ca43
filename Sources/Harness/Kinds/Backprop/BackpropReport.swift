import Calculus
import Foundation

extension Backprop {
  static func report(_ o: BackpropOutcome, spec: BackpropSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    var rows: [[String]] = []
    for precision in spec.precisions {
      for tensor in orderedTensors(o) {
        let entries = o.entries.filter { $0.tensor == tensor && $0.precision == precision }
        rows.append(row(tensor, precision, entries, shape: o.shapes[tensor] ?? [], language))
        report.checks.append(
          check(tensor, precision, entries, expectWrong: spec.wrong.contains(tensor)))
      }
    }
    let within = o.entries.filter { $0.agreement.status == .plateauWithinTolerance }
    if let largest = within.max(by: { relative($0) < relative($1) }) {
      report.notes.append(
        BackpropPhrase.withinToleranceNote(
          count: within.count, tolerance: short(spec.tolerance),
          largest: String(format: "%.1e", relative(largest)), entry: largest.name,
          precision: largest.precision))
    }
    for stray in spec.wrong where o.shapes[stray] == nil {
      report.checks.append(
        Check(
          BackpropPhrase.strayWrongSubject(tensor: stray), .failed,
          BackpropPhrase.noSuchParameter(tensor: stray)))
    }
    report.table(
      header: [
        language(.tableTensor), language(.tableTensorShape), language(.tablePrecision),
        language(.tableSampledEntries), language(.tableDiffer), language(.tableWrongOrder),
        language(.tableNotChecked), language(.tableFittedOrders),
        language(.tableLargestDifference),
      ],
      rows: rows)
    report.csv("entries.csv", entriesTable(o))
    report.csv("sweeps.csv", sweepTable(o))
    report.figures = BackpropFigures.make(spec, outcome: o, language: language)
    return report
  }

  /// A tensor's row in one precision: how many entries differ, converge at another order or
  /// were not checked, the orders fitted, the largest plateau.
  static func row(
    _ tensor: String, _ precision: Calculus.Precision, _ entries: [BackpropOutcome.Entry],
    shape: [Int], _ language: Language
  ) -> [String] {
    let count = { (status: DerivativeAgreement.Status) in
      String(entries.filter { $0.agreement.status == status }.count)
    }
    let orders = entries.compactMap(\.agreement.fittedOrder)
    let plateaus = entries.filter { $0.agreement.status == .plateau }.compactMap(
      \.agreement.plateau)
    return [
      tensor, shape.map(String.init).joined(separator: "x"),
      language(.precisionName(precision: precision)), String(entries.count), count(.plateau),
      count(.wrongOrder), count(.notChecked),
      orders.isEmpty ? "-" : String(format: "%.2f..%.2f", orders.min() ?? 0, orders.max() ?? 0),
      plateaus.max().map { String(format: "%.2e", $0) } ?? "-",
    ]
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
    expectWrong: Bool
  ) -> Check {
    let subject = BackpropPhrase.tensorSubject(
      tensor: tensor, precision: precision, expectWrong: expectWrong)
    guard entries.contains(where: { $0.agreement.status != .notChecked }) else {
      return Check(subject, .notChecked, BackpropPhrase.noFiniteSweep)
    }
    let differing = entries.filter { $0.agreement.status == .plateau }
    let wrongOrder = entries.filter { $0.agreement.status == .wrongOrder }
    let found = BackpropPhrase.entriesDiffer(
      count: differing.count, of: entries.count,
      named: differing.map {
        BackpropPhrase.Difference(
          name: $0.name, plateau: $0.agreement.plateau ?? 0, gradient: $0.gradient)
      })
    if expectWrong {
      return Check(
        subject, passed: !differing.isEmpty,
        differing.isEmpty
          ? BackpropPhrase.expectedWrongButAgree(entries: entries.count) : .found(found))
    }
    // Another order without a plateau is what a ReLU kink within the larger steps does (the
    // differences cross it): said, not failed.
    let agreeing = BackpropPhrase.entriesAgree(
      agreeing: entries.count - differing.count, of: entries.count)
    var parts: [any Phrase] = [differing.isEmpty ? agreeing : found]
    if !wrongOrder.isEmpty {
      parts.append(
        BackpropPhrase.otherOrder(count: wrongOrder.count, names: wrongOrder.map(\.name)))
    }
    return Check(subject, passed: differing.isEmpty, Composed.joined(parts: parts, separator: "; "))
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
