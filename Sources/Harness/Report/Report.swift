import Diagrams
import Foundation
import Plotting

/// What one experiment's run shows a reader, built from its typed outcome by the kind's report
/// function; the shared writers turn it into summary.json, CSV, the terminal table, summary.md,
/// index.md and index.html.
public struct Report: Sendable {
  /// A table for people: the terminal, summary.md and index.html show it.
  public struct Table: Sendable, Equatable {
    public var title: String?
    public var header: [String]
    public var rows: [[String]]

    public init(_ title: String? = nil, header: [String], rows: [[String]]) {
      self.title = title
      self.header = header
      self.rows = rows
    }
  }

  /// A tidy CSV file: the data behind the figures.
  public struct DataFile: Sendable {
    public var name: String
    public var table: CSVTable
  }

  /// One figure, with its base file name (no extension) and a one-line caption: a plot drawn
  /// by PLplot or a graph laid out by Graphviz, written alike (same formats, same staging).
  public struct FigureEntry: Sendable {
    /// What the figure draws.
    public enum Content: Sendable {
      case plot(Figure)
      case diagram(Diagram)
    }

    public var name: String
    public var caption: String
    public var content: Content

    public init(name: String, caption: String, figure: Figure) {
      self.init(name: name, caption: caption, content: .plot(figure))
    }

    public init(name: String, caption: String, diagram: Diagram) {
      self.init(name: name, caption: caption, content: .diagram(diagram))
    }

    public init(name: String, caption: String, content: Content) {
      self.name = name
      self.caption = caption
      self.content = content
    }

    /// The PLplot figure, or nil for a diagram.
    public var figure: Figure? {
      if case .plot(let figure) = content { return figure }
      return nil
    }
  }

  /// The outcome as summary.json writes it (the kind's own fields, beside the common ones).
  public var outcome: any Encodable & Sendable
  public var tables: [Table] = []
  public var data: [DataFile] = []
  public var checks: [Check] = []
  /// Things a reader should know: the lecture's values, dropped points, excluded parameters.
  public var notes: [String] = []
  public var figures: [FigureEntry] = []
  /// The checks and notes in English for summary.json, when the report speaks another
  /// language; `nil` when it is English already.
  public var machine: (checks: [Check], notes: [String])?
  /// The experiment file's line that set each check's expectation, by subject (CI annotations
  /// point there); a subject not listed points at the file's top-level `expect`.
  public var expectationLines: [String: Int] = [:]

  public init(outcome: any Encodable & Sendable) { self.outcome = outcome }

  public var verdict: Verdict { Verdict(checks) }

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

/// One expectation of an experiment, judged.
public struct Check: Sendable, Codable, Equatable {
  public enum Status: String, Sendable, Codable {
    case passed
    case failed
    /// Nothing was measured (no entry sampled, no point to fit): neither passed nor failed.
    case notChecked = "not-checked"
  }

  /// What was checked: "exp(x) at x = 0.5, central, double".
  public var subject: String
  public var status: Status
  /// By how much, in words with numbers.
  public var detail: String

  public init(_ subject: String, _ status: Status, _ detail: String) {
    self.subject = subject
    self.status = status
    self.detail = detail
  }

  public init(_ subject: String, passed: Bool, _ detail: String) {
    self.init(subject, passed ? .passed : .failed, detail)
  }
}

/// How many checks passed, failed and were not checked; passed when none failed.
public struct Verdict: Sendable, Codable, Equatable {
  public var passed: Bool
  public var checks: Int
  public var failed: Int
  public var notChecked: Int

  public init(_ checks: [Check]) {
    self.checks = checks.count
    failed = checks.filter { $0.status == .failed }.count
    notChecked = checks.filter { $0.status == .notChecked }.count
    passed = failed == 0
  }

  /// "12 of 14 checks passed, 2 not checked", "1 of 3 checks failed", "no checks".
  public var text: String { text(.en) }

  /// The same in `language`.
  func text(_ language: Language) -> String {
    guard checks > 0 else { return language(.noChecks) }
    let passedCount = checks - failed - notChecked
    var parts =
      failed > 0
      ? [language(.checksFailed(failed, of: checks))]
      : [language(.checksPassed(passedCount, of: checks))]
    if failed > 0, passedCount > 0 { parts.append(language(.passedCount(passedCount))) }
    if notChecked > 0 { parts.append(language(.notCheckedCount(notChecked))) }
    return parts.joined(separator: ", ")
  }

  private enum CodingKeys: String, CodingKey {
    case passed, checks, failed
    case notChecked = "not_checked"
  }
}
