import Foundation

/// `--baseline DIR`: the same experiment's summary.json in an earlier output folder; a fitted
/// order lower by more than 0.1, or digits fewer by more than 1, is a failed check.
enum Baseline {
  static let subject = OrderPhrase.baselineSubject
  static let orderSlack = 0.1
  static let digitsSlack = 1.0

  /// Adds the check "against the baseline" to `report`.
  static func apply(_ report: inout Report, of experiment: Experiment, baseline: URL) {
    report.checks.append(check(report, of: experiment, baseline: baseline))
  }

  static func check(_ report: Report, of experiment: Experiment, baseline: URL) -> Check {
    let url = baseline.appendingPathComponent(experiment.name).appendingPathComponent(
      "summary.json")
    guard let data = try? Data(contentsOf: url), let old = results(data) else {
      return Check(subject, .notChecked, OrderPhrase.baselineMissing(path: url.path))
    }
    guard
      let current = try? SummaryDocument(experiment: experiment, report: report, extraNotes: [])
        .serialized(), let new = results(current)
    else { return Check(subject, .notChecked, OrderPhrase.baselineUnreadable) }
    return compare(new, old)
  }

  /// Compares results matched by their identifying fields.
  static func compare(_ new: [[String: Any]], _ old: [[String: Any]]) -> Check {
    var earlier: [String: [String: Any]] = [:]
    for result in old { earlier[identity(result)] = result }
    var compared = 0
    var regressions: [String] = []
    for result in new {
      let key = identity(result)
      guard let before = earlier[key] else { continue }
      for (field, slack, what) in [
        ("fitted_order", orderSlack, "fitted order"), ("digits", digitsSlack, "digits"),
      ] {
        guard let was = before[field] as? Double else { continue }
        compared += 1
        let now = result[field] as? Double
        if let now, now >= was - slack { continue }
        let nowText = now.map { String(format: "%.3f", $0) } ?? "none"
        regressions.append(
          "\(key): \(what) \(nowText), was \(String(format: "%.3f", was)) (allowed drop \(slack))")
      }
    }
    guard compared > 0 else {
      return Check(subject, .notChecked, OrderPhrase.baselineNothingToCompare)
    }
    if regressions.isEmpty {
      return Check(subject, .passed, OrderPhrase.baselineAsGood(compared: compared))
    }
    return Check(
      subject, .failed, OrderPhrase.baselineRegressions(regressions.joined(separator: "; ")))
  }

  /// What names a result: its name, case, function, point, variable, derivative, scheme,
  /// precision, method, tensor and learning rate, where it has them.
  static func identity(_ result: [String: Any]) -> String {
    let keys = [
      "name", "case", "f", "at", "variable", "derivative", "scheme", "precision", "method",
      "tensor", "learning_rate",
    ]
    return keys.compactMap { key in
      result[key].map { "\(key)=\(text($0))" }
    }.joined(separator: ", ")
  }

  static func text(_ value: Any) -> String {
    if let data = try? JSONSerialization.data(
      withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]),
      let s = String(data: data, encoding: .utf8)
    {
      return s
    }
    return "\(value)"
  }

  static func results(_ data: Data) -> [[String: Any]]? {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      return nil
    }
    return object["results"] as? [[String: Any]] ?? []
  }
}
