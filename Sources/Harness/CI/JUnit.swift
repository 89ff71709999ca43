import Foundation

/// JUnit XML for CI systems: one `testsuite` per experiment, one `testcase` per check
/// (`classname` the experiment's name, `name` the check's subject), `failure` with the detail
/// for a failed check, `skipped` for one not checked; a file that could not be loaded or run
/// is a suite whose one test case, "the experiment file", is in `error`.
enum JUnit {
  static func document(_ records: [CIRecord]) -> String {
    let failures = records.reduce(0) { $0 + $1.verdict.failed }
    let skipped = records.reduce(0) { $0 + $1.verdict.notChecked }
    let tests = records.reduce(0) { $0 + $1.checks.count }
    let seconds = records.reduce(0) { $0 + $1.seconds }
    let errors = records.filter { $0.error != nil }.count
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml +=
      "<testsuites name=\"experiment\" tests=\"\(tests + errors)\" failures=\"\(failures)\" "
      + "errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(time(seconds))\">\n"
    for record in records { xml += suite(record) }
    return xml + "</testsuites>\n"
  }

  static func suite(_ r: CIRecord) -> String {
    if let error = r.error { return invalid(r, error) }
    let v = r.verdict
    var xml =
      "  <testsuite name=\"\(escape(r.name))\" tests=\"\(r.checks.count)\" "
      + "failures=\"\(v.failed)\" errors=\"0\" skipped=\"\(v.notChecked)\" "
      + "time=\"\(time(r.seconds))\" file=\"\(escape(r.file))\">\n"
    for check in r.checks {
      let head =
        "    <testcase classname=\"\(escape(r.name))\" name=\"\(escape(check.subject.english))\" "
        + "file=\"\(escape(r.file))\" line=\"\(r.line(of: check))\""
      switch check.status {
      case .passed:
        xml += head + "/>\n"
      case .failed:
        xml +=
          head + ">\n      <failure message=\"\(escape(firstLine(check.detail.english)))\">"
          + "\(escape(check.detail.english))</failure>\n    </testcase>\n"
      case .notChecked:
        xml +=
          head
          + ">\n      <skipped message=\"\(escape(check.detail.english))\"/>\n    </testcase>\n"
      }
    }
    return xml + "  </testsuite>\n"
  }

  /// A file that could not be loaded or run: a suite of one test case, "the experiment file",
  /// in error at the error's line.
  static func invalid(_ r: CIRecord, _ error: String) -> String {
    "  <testsuite name=\"\(escape(r.name))\" tests=\"1\" failures=\"0\" errors=\"1\" "
      + "skipped=\"0\" time=\"\(time(r.seconds))\" file=\"\(escape(r.file))\">\n"
      + "    <testcase classname=\"\(escape(r.name))\" name=\"\(CIRecord.fileTestName)\" "
      + "file=\"\(escape(r.file))\" line=\"\(r.defaultLine)\">\n"
      + "      <error message=\"\(escape(firstLine(error)))\">\(escape(error))</error>\n"
      + "    </testcase>\n  </testsuite>\n"
  }

  static func time(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

  static func firstLine(_ text: String) -> String {
    String(text.split(whereSeparator: \.isNewline).first ?? "")
  }

  /// Text for an XML attribute or element: the five entities escaped, characters XML 1.0
  /// forbids (controls other than tab and newline) dropped.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\t", " "...: out.unicodeScalars.append(scalar)
      default: continue
      }
    }
    return out
  }
}
