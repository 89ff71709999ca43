import Foundation

/// summary.json: the common fields (name, kind, title, file, passed, verdict, checks, notes)
/// and, beside them, the kind's outcome, encoded by `JSONEncoder` with sorted keys.
///
/// summary.json is for programs: its checks and notes are worded in English whatever the
/// experiment's `language`; `language` says what the pages and figures use.
struct SummaryDocument: Encodable {
  var experiment: Experiment
  var report: Report
  /// Notes the writer adds (points a log axis cannot show).
  var extraNotes: [any Phrase]

  func encode(to encoder: Encoder) throws {
    try report.outcome.encode(to: encoder)
    var c = encoder.container(keyedBy: AnyKey.self)
    try c.encode(experiment.name, forKey: "name")
    try c.encode(experiment.kind, forKey: "kind")
    try c.encode(experiment.title, forKey: "title")
    try c.encode(experiment.description, forKey: "description")
    try c.encode(experiment.path, forKey: "file")
    try c.encode(experiment.language.rawValue, forKey: "language")
    let checks = report.checks
    let verdict = Verdict(checks)
    try c.encode(verdict.passed, forKey: "passed")
    try c.encode(verdict, forKey: "verdict")
    try c.encode(checks, forKey: "checks")
    try c.encode(checks.filter { $0.status == .failed }.map(\.detail.english), forKey: "failures")
    try c.encode((report.notes + extraNotes).map(\.english), forKey: "notes")
  }

  func serialized() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }
}
