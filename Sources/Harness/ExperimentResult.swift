import Foundation
import Plotting

/// What one experiment produced, ready to be written: summary, tables, figures, text.
public struct ExperimentResult: Sendable {
  public var experiment: Experiment
  public var passed: Bool
  /// Kind-specific summary fields beside name, kind and passed (`results`, `runs`, ...).
  public var summary: [(String, JSON)]
  /// Tidy CSV files by file name (`errors.csv`).
  public var tables: [(name: String, table: CSVTable)]
  /// Figures by base name (no extension) with a one-line caption for index.md.
  public var figures: [(name: String, caption: String, figure: Figure)]
  /// Lines of the terminal table.
  public var terminal: [String]
  /// The expectations missed, with by how much.
  public var failures: [String]
  /// Things a reader should know: dropped points, non-finite values, excluded parameters.
  public var notes: [String]
  /// A Markdown table for index.md (links relative to the experiment's folder).
  public var markdown: String

  public init(experiment: Experiment) {
    self.experiment = experiment
    passed = true
    summary = []
    tables = []
    figures = []
    terminal = []
    failures = []
    notes = []
    markdown = ""
  }

  /// summary.json.
  public func summaryJSON() -> JSON {
    var pairs: [(String, JSON)] = [
      ("name", .string(experiment.name)),
      ("kind", .string(experiment.kind.rawValue)),
      ("title", .string(experiment.title)),
      ("file", .string(experiment.path)),
      ("passed", .bool(passed)),
      ("failures", .array(failures.map(JSON.string))),
      ("notes", .array(notes.map(JSON.string))),
    ]
    pairs += summary
    return .object(pairs)
  }
}
