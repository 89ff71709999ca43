import Foundation

/// A JSON value with ordered object keys, so summary.json reads in a stable, designed order.
///
/// Non-finite numbers become `null` (JSON has no NaN or infinity); finite numbers print in
/// Swift's shortest round-tripping form, so pandas and `json.load` read back the same Double.
public enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case int(Int)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

  /// A number, or null when `value` is nil or not finite.
  static func num(_ value: Double?) -> JSON {
    guard let value, value.isFinite else { return .null }
    return .number(value)
  }

  static func str(_ value: String?) -> JSON { value.map { .string($0) } ?? .null }

  /// Pretty-printed text with two-space indentation and a final newline.
  public func serialized() -> String {
    var out = ""
    write(to: &out, indent: 0)
    return out + "\n"
  }

  private func write(to out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent)
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .number(let d): out += Self.format(d)
    case .string(let s): out += Self.quote(s)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
      } else if items.allSatisfy(\.isScalar) {
        out += "[" + items.map { $0.serialized().dropLast() }.joined(separator: ", ") + "]"
      } else {
        out += "[\n"
        for (i, item) in items.enumerated() {
          out += pad + "  "
          item.write(to: &out, indent: indent + 1)
          out += i + 1 < items.count ? ",\n" : "\n"
        }
        out += pad + "]"
      }
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      for (i, (key, value)) in pairs.enumerated() {
        out += pad + "  " + Self.quote(key) + ": "
        value.write(to: &out, indent: indent + 1)
        out += i + 1 < pairs.count ? ",\n" : "\n"
      }
      out += pad + "}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  static func format(_ d: Double) -> String {
    guard d.isFinite else { return "null" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return String(d)  // shortest round-trip representation, e.g. 1e-05, 0.1
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

/// A tidy table written as CSV (RFC 4180 quoting), one observation per row.
public struct CSVTable: Sendable {
  public var columns: [String]
  public var rows: [[CSVField]] = []

  public init(columns: [String]) { self.columns = columns }

  public mutating func append(_ row: [CSVField]) {
    precondition(row.count == columns.count, "a CSV row must have one field per column")
    rows.append(row)
  }

  public func serialized() -> String {
    var out = columns.map(CSVField.escape).joined(separator: ",") + "\n"
    for row in rows { out += row.map(\.text).joined(separator: ",") + "\n" }
    return out
  }
}

/// One CSV field: numbers in shortest round-trip form; empty for missing or non-finite values
/// (pandas reads an empty field as NaN).
public enum CSVField: Sendable {
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
