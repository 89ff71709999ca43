import Diagrams
import Foundation
import Plotting

/// What one experiment's run shows a reader, built from its typed outcome by the kind's report
/// function; the shared writers turn it into summary.json, CSV, the terminal table, summary.md,
/// index.md and index.html.
struct Report: Sendable {
  /// A table for people: the terminal, summary.md and index.html show it.
  struct Table: Sendable, Equatable {
    var title: String?
    var header: [String]
    var rows: [[String]]

    init(_ title: String? = nil, header: [String], rows: [[String]]) {
      self.title = title
      self.header = header
      self.rows = rows
    }
  }

  /// A tidy CSV file: the data behind the figures.
  struct DataFile: Sendable {
    var name: String
    var table: CSVTable
  }

  /// One figure, with its base file name (no extension) and a one-line caption: a plot drawn
  /// by PLplot or a graph laid out by Graphviz, written alike (same formats, same staging).
  struct FigureEntry: Sendable {
    /// What the figure draws.
    enum Content: Sendable {
      case plot(Figure)
      case diagram(Diagram)
    }

    var name: String
    var caption: String
    var content: Content
    /// The experiment's title heads the figure (the usual case); false for a figure about
    /// something the title does not describe, whose own title then heads it (`FigureHeading`).
    var underExperimentTitle = true

    init(name: String, caption: String, figure: Figure) {
      self.init(name: name, caption: caption, content: .plot(figure))
    }

    init(name: String, caption: String, diagram: Diagram) {
      self.init(name: name, caption: caption, content: .diagram(diagram))
    }

    init(name: String, caption: String, content: Content) {
      self.name = name
      self.caption = caption
      self.content = content
    }

    /// The PLplot figure, or nil for a diagram.
    var figure: Figure? {
      if case .plot(let figure) = content { return figure }
      return nil
    }
  }

  /// The outcome as summary.json writes it (the kind's own fields, beside the common ones).
  var outcome: any Encodable & Sendable
  var tables: [Table] = []
  var data: [DataFile] = []
  var checks: [Check] = []
  /// Things a reader should know: the lecture's values, dropped points, excluded parameters;
  /// worded when written (summary.json in English, the pages in the experiment's language).
  var notes: [any Phrase] = []
  var figures: [FigureEntry] = []
  /// The experiment file's line that set each check's expectation, by subject in English (CI
  /// annotations point there); a subject not listed points at the file's top-level `expect`.
  var expectationLines: [String: Int] = [:]

  init(outcome: any Encodable & Sendable) { self.outcome = outcome }

  var verdict: Verdict { Verdict(checks) }

  mutating func table(_ title: String? = nil, header: [String], rows: [[String]]) {
    tables.append(Table(title, header: header, rows: rows))
  }

  mutating func csv(_ name: String, _ table: CSVTable) {
    data.append(DataFile(name: name, table: table))
  }

  mutating func figure(_ name: String, _ caption: String, _ figure: Figure) {
    figures.append(FigureEntry(name: name, caption: caption, figure: figure))
  }

  mutating func diagram(_ name: String, _ caption: String, _ diagram: Diagram) {
    figures.append(FigureEntry(name: name, caption: caption, diagram: diagram))
  }
}

/// One expectation of an experiment, judged. Its subject and detail are phrases, worded when
/// written: summary.json in English, the pages and the terminal in the experiment's language.
struct Check: Sendable, Encodable {
  enum Status: String, Sendable, Codable {
    case passed
    case failed
    /// Nothing was measured (no entry sampled, no point to fit): neither passed nor failed.
    case notChecked = "not-checked"
  }

  /// What was checked: "exp(x) at x = 0.5, central, double".
  var subject: any Phrase
  var status: Status
  /// By how much, in words with numbers.
  var detail: any Phrase

  init(_ subject: any Phrase, _ status: Status, _ detail: any Phrase) {
    self.subject = subject
    self.status = status
    self.detail = detail
  }

  init(_ subject: any Phrase, passed: Bool, _ detail: any Phrase) {
    self.init(subject, passed ? .passed : .failed, detail)
  }

  /// summary.json's `{subject, status, detail}`, in English.
  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(subject.english, forKey: .subject)
    try c.encode(status, forKey: .status)
    try c.encode(detail.english, forKey: .detail)
  }

  private enum CodingKeys: String, CodingKey { case subject, status, detail }
}

/// How many checks passed, failed and were not checked; passed when none failed.
struct Verdict: Sendable, Codable, Equatable {
  var passed: Bool
  var checks: Int
  var failed: Int
  var notChecked: Int

  init(_ checks: [Check]) {
    self.checks = checks.count
    failed = checks.filter { $0.status == .failed }.count
    notChecked = checks.filter { $0.status == .notChecked }.count
    passed = failed == 0
  }

  /// "12 of 14 checks passed, 2 not checked", "1 of 3 checks failed", "no checks".
  var text: String { text(.en) }

  /// The same in `language`.
  func text(_ language: Language) -> String {
    guard checks > 0 else { return language(.noChecks) }
    let passedCount = checks - failed - notChecked
    var parts =
      failed > 0
      ? [language(.checksFailed(count: failed, of: checks))]
      : [language(.checksPassed(count: passedCount, of: checks))]
    if failed > 0, passedCount > 0 { parts.append(language(.passedCount(count: passedCount))) }
    if notChecked > 0 { parts.append(language(.notCheckedCount(count: notChecked))) }
    return parts.joined(separator: ", ")
  }

  private enum CodingKeys: String, CodingKey {
    case passed, checks, failed
    case notChecked = "not_checked"
  }
}
