import Calculus
import Foundation

/// A compact number for labels: 1e-05, 0.3, 15.
func short(_ x: Double) -> String {
  if x == x.rounded(), abs(x) < 1e6 { return String(Int(x)) }
  return String(format: "%g", x)
}

/// `text` cut to `limit` characters with "…" (tables, notes and figure titles; the full text
/// stays in summary.json and errors.csv).
func clipped(_ text: String, to limit: Int = 80) -> String {
  text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
}

/// A file-name-safe rendering of a number or label.
func fileSafe(_ text: String) -> String {
  String(text.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
}

/// A number in summary.json: `null` when missing or not finite (JSON has no NaN or infinity).
struct Num: Codable, Sendable, Equatable {
  var value: Double?

  init(_ value: Double?) { self.value = value }

  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    value = c.decodeNil() ? nil : try c.decode(Double.self)
  }

  func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    if let value, value.isFinite { try c.encode(value) } else { try c.encodeNil() }
  }
}

/// `short` of each value, or, when that prints two different values alike (offsets 1 and
/// 1.0000000001 both print "1"), each in the shortest form that reads back as itself.
func distinctShort(_ values: [Double]) -> [String] {
  let texts = values.map(short)
  let pairs = Array(zip(values, texts))
  let clash = pairs.contains { v, t in pairs.contains { $0.0 != v && $0.1 == t } }
  return clash ? values.map(Expression.format) : texts
}
