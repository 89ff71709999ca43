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
    let language = experiment.language
    var text = "## \(escaped(experiment.name))\n\n"
    text +=
      "**\(escaped(experiment.title))** (`\(experiment.kind)`, "
      + "[\(escaped(sourceFileName(experiment)))](\(prefix)\(sourceFileName(experiment)))): "
      + (verdict.passed ? language(.passed) : "**\(language(.failed))**")
      + ", \(verdict.text(language))\n\n"
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
      text += "\(language(.checksHeading)):\n\n"
      for check in report.checks {
        text +=
          "- \(statusWord(check.status, language)): \(escaped(check.subject.text(language))): \(escaped(check.detail.text(language)))\n"
      }
      text += "\n"
    }
    if !notes.isEmpty {
      text += "\(language(.notesHeading)):\n\n" + notes.map { "- \(escaped($0))\n" }.joined() + "\n"
    }
    let shown = formats.contains(.png) ? "png" : formats.contains(.svg) ? "svg" : nil
    for figure in report.figures {
      let caption = escaped(figure.caption)
      if let shown { text += "![\(caption)](\(prefix)\(figure.name).\(shown))\n\n" }
      let links = formats.map {
        "[\(language(.formatLink(format: $0.rawValue)))](\(prefix)\(figure.name).\($0.rawValue))"
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

/// Formats rows as an aligned text table; Hangul and other wide characters count as two
/// terminal columns.
func alignedTable(header: [String], rows: [[String]], indent: String = "  ") -> [String] {
  var widths = header.map(displayWidth)
  for row in rows {
    for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) }
  }
  func line(_ cells: [String]) -> String {
    indent
      + cells.enumerated().map { i, cell in
        cell + String(repeating: " ", count: max(0, widths[i] - displayWidth(cell)))
      }
      .joined(separator: "  ")
  }
  return [
    line(header), indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "),
  ] + rows.map(line)
}

/// How many terminal columns `text` takes: East Asian wide characters (Hangul, CJK) take two.
func displayWidth(_ text: String) -> Int {
  text.unicodeScalars.reduce(0) { width, scalar in
    switch scalar.value {
    case 0x0300...0x036F, 0x200B...0x200F: return width
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6:
      return width + 2
    default: return width + 1
    }
  }
}

/// The terminal's account of one experiment: the verdict line, tables, failed checks, notes.
func terminalText(
  _ experiment: Experiment, _ report: Report, notes: [String], seconds: Double, folder: String
) -> String {
  let verdict = report.verdict
  let language = experiment.language
  var lines = [
    "== \(experiment.name) (\(experiment.kind)): "
      + language(verdict.passed ? .passed : .failedShout).uppercased() + ", "
      + verdict.text(language) + " " + language(.seconds(seconds: seconds)) + " -> \(folder)"
  ]
  for table in report.tables where !table.rows.isEmpty {
    if let title = table.title { lines.append("  \(title):") }
    lines += alignedTable(header: table.header, rows: table.rows)
  }
  for check in report.checks where check.status != .passed {
    let word = language(check.status == .failed ? .failedShout : .notCheckedShout)
    lines.append("  \(word): \(check.subject.text(language)): \(check.detail.text(language))")
  }
  lines += notes.map { "  \(language(.note)): \($0)" }
  return lines.joined(separator: "\n") + "\n"
}
