import Foundation
import Plotting

/// summary.md and the sections of index.md: heading, description, verdict, every check,
/// tables, notes and figures, with links relative to where the text is written.
enum MarkdownWriter {
  /// - Parameter prefix: what links start with: `./` inside the experiment's folder,
  ///   `./<name>/` in index.md.
  static func section(
    _ experiment: Experiment, _ report: Report, notes: [String], formats: [FigureFormat],
    prefix: String
  ) -> String {
    let verdict = report.verdict
    var text = "## \(escaped(experiment.name))\n\n"
    text +=
      "**\(escaped(experiment.title))** (`\(experiment.kind)`, "
      + "[\(escaped(sourceFileName(experiment)))](\(prefix)\(sourceFileName(experiment)))): "
      + (verdict.passed ? "passed" : "**failed**") + ", \(verdict.text)\n\n"
    if let description = experiment.description?.trimmingCharacters(in: .whitespacesAndNewlines),
      !description.isEmpty
    {
      text += escaped(description) + "\n\n"
    }
    for table in report.tables {
      if let title = table.title { text += "*\(escaped(title))*\n\n" }
      text += markdownTable(header: table.header, rows: table.rows) + "\n"
    }
    if !report.checks.isEmpty {
      text += "Checks:\n\n"
      for check in report.checks {
        text +=
          "- \(statusWord(check.status)): \(escaped(check.subject)): \(escaped(check.detail))\n"
      }
      text += "\n"
    }
    if !notes.isEmpty {
      text += "Notes:\n\n" + notes.map { "- \(escaped($0))\n" }.joined() + "\n"
    }
    let shown = formats.contains(.png) ? "png" : formats.contains(.svg) ? "svg" : nil
    for figure in report.figures {
      let caption = escaped(figure.caption)
      if let shown { text += "![\(caption)](\(prefix)\(figure.name).\(shown))\n\n" }
      let links = formats.map {
        "[\($0.rawValue.uppercased())](\(prefix)\(figure.name).\($0.rawValue))"
      }
      text += "*\(caption)* (\(links.joined(separator: ", ")))\n\n"
    }
    return text
  }

  /// A Markdown table with every cell escaped.
  static func markdownTable(header: [String], rows: [[String]]) -> String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map(cell).joined(separator: " | ") + " |\n"
    }
    return line(header) + "|" + header.map { _ in " --- |" }.joined() + "\n"
      + rows.map(line).joined()
  }

  /// A table cell: `|` escaped, line breaks as `<br>`, Markdown's specials escaped.
  static func cell(_ text: String) -> String {
    escaped(text).replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\n", with: "<br>")
  }

  /// `text` with Markdown's emphasis, link, code, heading and table characters escaped, and
  /// `<`, `&` as HTML entities (`x*exp(-x^2)` and `|x|` stay as written).
  static func escaped(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case _ where "\\`*_[]|".contains(c): out += "\\" + String(c)
      default: out.append(c)
      }
    }
    return out
  }
}

/// The copy of the experiment file in its output folder.
func sourceFileName(_ experiment: Experiment) -> String {
  let ext = URL(fileURLWithPath: experiment.path).pathExtension
  return "experiment." + (ext.isEmpty ? "yaml" : ext)
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
  ] + rows.map(line)
}

/// The terminal's account of one experiment: the verdict line, tables, failed checks, notes.
func terminalText(
  _ experiment: Experiment, _ report: Report, notes: [String], seconds: Double, folder: String
) -> String {
  let verdict = report.verdict
  var lines = [
    "== \(experiment.name) (\(experiment.kind)): \(verdict.passed ? "PASSED" : "FAILED"), "
      + verdict.text + String(format: " in %.1f s", seconds) + " -> \(folder)"
  ]
  for table in report.tables where !table.rows.isEmpty {
    if let title = table.title { lines.append("  \(title):") }
    lines += alignedTable(header: table.header, rows: table.rows)
  }
  for check in report.checks where check.status != .passed {
    let word = check.status == .failed ? "FAILED" : "NOT CHECKED"
    lines.append("  \(word): \(check.subject): \(check.detail)")
  }
  lines += notes.map { "  note: \($0)" }
  return lines.joined(separator: "\n") + "\n"
}
