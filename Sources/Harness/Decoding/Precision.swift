import Calculus
import RealModule

/// `expect: {forward: 1, central: 2, central4: auto}` for the schemes of a sweep.
struct SchemeExpectations: Decodable, Sendable {
  var orders: [Scheme: Expectation] = [:]
  var marks: [Scheme: (line: Int?, column: Int?)] = [:]
  var extra: [String: JSONScalar] = [:]

  init() {}

  /// Decodes the scheme keys, and the non-scheme keys listed in `allowing` as plain scalars.
  init(from decoder: Decoder, allowing otherKeys: [String]) throws {
    let schemes = Scheme.allCases.map(\.rawValue)
    let c = try decoder.strictContainer(allowing: schemes + otherKeys, in: "'expect'")
    for key in c.allKeys {
      if let scheme = Scheme(rawValue: key.stringValue) {
        let mark = c.mark(key.stringValue)
        marks[scheme] = (mark?.line, mark?.column)
        if let text = try? c.decode(String.self, forKey: key), text == "auto" {
          orders[scheme] = .auto
        } else if let number = try? c.decode(Double.self, forKey: key), number.isFinite, number >= 0
        {
          orders[scheme] = .order(number)
        } else {
          throw c.error(
            key.stringValue, "expect.\(key.stringValue) must be an order (a number >= 0) or 'auto'")
        }
      } else if let value = try? c.decode(JSONScalar.self, forKey: key) {
        extra[key.stringValue] = value
      }
    }
  }

  init(from decoder: Decoder) throws { try self.init(from: decoder, allowing: []) }

  /// Every expected scheme must be one the experiment sweeps.
  func check(against schemes: [Scheme]) throws {
    for (scheme, expectation) in orders where !schemes.contains(scheme) {
      _ = expectation
      let mark = marks[scheme]
      throw ExperimentError(
        line: mark?.line, column: mark?.column,
        "expect names '\(scheme.rawValue)', which is not among the schemes swept ("
          + schemes.map(\.rawValue).joined(separator: ", ") + ")")
    }
  }
}

/// A scalar for extra expectation keys (bools, numbers, strings, lists of numbers).
enum JSONScalar: Decodable, Sendable {
  case bool(Bool)
  case number(Double)
  case string(String)
  case numbers([Double])
  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let d = try? c.decode(Double.self) {
      self = .number(d)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let l = try? c.decode([Double].self) {
      self = .numbers(l)
    } else {
      throw ExperimentError(
        at: decoder.mark, "expected a number, true/false, a string or a list of numbers")
    }
  }
}
