import Foundation

/// A tidy table written as CSV (RFC 4180 quoting), one observation per row.
struct CSVTable: Sendable {
  var columns: [String]
  var rows: [[CSVField]] = []

  init(columns: [String]) { self.columns = columns }

  mutating func append(_ row: [CSVField]) {
    precondition(row.count == columns.count, "a CSV row must have one field per column")
    rows.append(row)
  }

  func serialized() -> String {
    var out = columns.map(CSVField.escape).joined(separator: ",") + "\n"
    for row in rows { out += row.map(\.text).joined(separator: ",") + "\n" }
    return out
  }
}

/// One CSV field: numbers in shortest round-trip form; empty for missing or non-finite values
/// (pandas reads an empty field as NaN).
enum CSVField: Sendable {
  case number(Double?)
  case int(Int)
  case string(String)
  case bool(Bool)

  var text: String {
    switch self {
    case .number(let d):
      guard let d else { return "" }
      if d.isNaN { return "nan" }
      if d.isInfinite { return d > 0 ? "inf" : "-inf" }
      return String(d)
    case .int(let i): return String(i)
    case .string(let s): return Self.escape(s)
    case .bool(let b): return b ? "true" : "false"
    }
  }

  static func escape(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return s
    }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
