import Foundation

/// GitHub Actions' workflow commands and step summary.
enum GitHubActions {
  /// `::error file=FILE,line=LINE,title=TITLE::DETAIL` for each failed check, or for the error
  /// of a file that could not be loaded or run.
  static func annotations(_ record: CIRecord) -> [String] {
    if let error = record.error {
      return [
        "::error file=\(property(record.file)),line=\(record.defaultLine),"
          + "title=\(property("\(record.name): \(CIRecord.fileTestName)"))::\(data(error))"
      ]
    }
    return record.checks.filter { $0.status == .failed }.map { check in
      "::error file=\(property(record.file)),line=\(record.line(of: check)),"
        + "title=\(property("\(record.name): \(check.subject.english)"))::\(data(check.detail.english))"
    }
  }

  /// The verdict table (Markdown) appended to `GITHUB_STEP_SUMMARY`.
  static func stepSummary(_ records: [CIRecord]) -> String {
    var text = "## Experiment verdicts\n\n| experiment | kind | verdict | failed |\n"
    text += "| --- | --- | --- | --- |\n"
    for r in records {
      let failed = r.checks.filter { $0.status == .failed }.map(\.subject.english)
      let verdict =
        r.error.map { "**error**: " + $0 }
        ?? (r.verdict.passed ? "passed" : "**failed**") + ": " + r.verdict.text
      text +=
        "| \(cell(r.name)) | \(r.kind) | \(cell(verdict)) | "
        + "\(cell(failed.joined(separator: "; "))) |\n"
    }
    return text + "\n"
  }

  /// A workflow command's message: `%`, CR and LF escaped.
  static func data(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// A workflow command's property value: also `:` and `,`.
  static func property(_ text: String) -> String {
    data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }

  static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  /// Appends `text` to `url` (created when missing).
  static func append(_ text: String, to url: URL) throws {
    if !FileManager.default.fileExists(atPath: url.path) {
      try Data().write(to: url)
    }
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
  }
}
