import Foundation

/// JUnit XML for CI systems: one `testsuite` per experiment, one `testcase` per check
/// (`classname` the experiment's name, `name` the check's subject), `failure` with the detail
/// for a failed check, `skipped` for one not checked.
enum JUnit {
  static func document(_ records: [CIRecord]) -> String {
    let failures = records.reduce(0) { $0 + $1.verdict.failed }
    let skipped = records.reduce(0) { $0 + $1.verdict.notChecked }
    let tests = records.reduce(0) { $0 + $1.checks.count }
    let seconds = records.reduce(0) { $0 + $1.seconds }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml +=
      "<testsuites name=\"experiment\" tests=\"\(tests)\" failures=\"\(failures)\" "
      + "errors=\"0\" skipped=\"\(skipped)\" time=\"\(time(seconds))\">\n"
    for record in records { xml += suite(record) }
    return xml + "</testsuites>\n"
  }

  static func suite(_ r: CIRecord) -> String {
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
