import Foundation

/// summary.json: the common fields (name, kind, title, file, passed, verdict, checks, notes)
/// and, beside them, the kind's outcome, encoded by `JSONEncoder` with sorted keys.
struct SummaryDocument: Encodable {
  var experiment: Experiment
  var report: Report
  /// Notes the writer adds (points a log axis cannot show).
  var extraNotes: [String]

  func encode(to encoder: Encoder) throws {
    try report.outcome.encode(to: encoder)
    var c = encoder.container(keyedBy: AnyKey.self)
    try c.encode(experiment.name, forKey: "name")
    try c.encode(experiment.kind, forKey: "kind")
    try c.encode(experiment.title, forKey: "title")
    try c.encode(experiment.description, forKey: "description")
    try c.encode(experiment.path, forKey: "file")
    let verdict = report.verdict
    try c.encode(verdict.passed, forKey: "passed")
    try c.encode(verdict, forKey: "verdict")
    try c.encode(report.checks, forKey: "checks")
    try c.encode(report.checks.filter { $0.status == .failed }.map(\.detail), forKey: "failures")
    try c.encode(report.notes + extraNotes, forKey: "notes")
  }

  func serialized() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }
}
