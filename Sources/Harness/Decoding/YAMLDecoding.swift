import Calculus
import Foundation
import Yams

// Strict, position-aware decoding of experiment files with Yams' Codable support.
//
// Every spec type decodes through `Decoder.strictContainer(allowing:)`, which rejects unknown
// keys (a typo must not be silently ignored). Errors carry the line and column of the offending
// node, found through `Decoder.mark` and, for keys, through the composed node tree that
// `ExperimentFile` hands to the decoder in `userInfo`.

/// A coding key for any string.
struct AnyKey: CodingKey, Hashable {
  var stringValue: String
  var intValue: Int?
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) {
    stringValue = String(intValue)
    self.intValue = intValue
  }
}

extension AnyKey: ExpressibleByStringLiteral {
  init(stringLiteral value: String) { self.init(value) }
}

extension CodingUserInfoKey {
  /// The composed root node of the file being decoded.
  static let rootNode = CodingUserInfoKey(rawValue: "harness.rootNode")!
  /// The folder of the file being decoded: paths in it are relative to this.
  static let baseDirectory = CodingUserInfoKey(rawValue: "harness.baseDirectory")!
}

/// Box for the root node: `userInfo` values must be `Any`, and `Node` is a value type.
final class RootNode: @unchecked Sendable {
  let node: Node
  init(_ node: Node) { self.node = node }

  /// The node at `path`, and for a mapping key the key node itself when `keyNode` is set.
  func locate(_ path: [CodingKey], keyNode: Bool = false) -> Node? {
    var current = node
    for (i, key) in path.enumerated() {
      switch current {
      case .mapping(let mapping):
        guard let pair = mapping.first(where: { $0.key.string == key.stringValue }) else {
          return nil
        }
        if keyNode && i == path.count - 1 { return pair.key }
        current = pair.value
      case .sequence(let sequence):
        guard let index = key.intValue, index < sequence.count else { return nil }
        current = sequence[index]
      default:
        return nil
      }
    }
    return current
  }
}

extension ExperimentError {
  init(at mark: Mark?, _ message: String) {
    self.init(line: mark?.line, column: mark?.column, message)
  }
}

extension Decoder {
  var root: RootNode? { userInfo[.rootNode] as? RootNode }
  var baseDirectory: URL? { userInfo[.baseDirectory] as? URL }

  /// A keyed container that throws at the first key not in `allowed`, naming the closest match.
  func strictContainer(allowing allowed: [String], in context: String) throws
    -> KeyedDecodingContainer<AnyKey>
  {
    let container: KeyedDecodingContainer<AnyKey>
    do {
      container = try self.container(keyedBy: AnyKey.self)
    } catch {
      throw ExperimentError(at: mark, "\(context) must be a mapping of keys to values")
    }
    // allKeys is unordered: report the first unknown key in file order.
    let unknown = container.allKeys.filter { !allowed.contains($0.stringValue) }
    let marks = unknown.map { root?.locate(codingPath + [$0], keyNode: true)?.mark }
    if let first = zip(unknown, marks).min(by: {
      ($0.1?.line ?? 0, $0.1?.column ?? 0) < ($1.1?.line ?? 0, $1.1?.column ?? 0)
    }) {
      let key = first.0.stringValue
      throw ExperimentError(
        at: first.1,
        "unknown key '\(key)' in \(context)\(suggestion(for: key, in: allowed)); expected one of: "
          + allowed.joined(separator: ", "))
    }
    return container
  }
}

extension KeyedDecodingContainer where Key == AnyKey {
  /// The position of the value for `key` (or of the mapping when the key is absent).
  func mark(_ key: String) -> Mark? {
    (try? superDecoder(forKey: AnyKey(key)))?.mark
  }

  /// An error located at the value of `key`.
  func error(_ key: String, _ message: String) -> ExperimentError {
    ExperimentError(at: mark(key), message)
  }

  func has(_ key: String) -> Bool { contains(AnyKey(key)) }

  /// A required value; a missing key or a value of the wrong type is a located error.
  func required<T: Decodable>(_ key: String, as type: T.Type = T.self, expected: String) throws
    -> T
  {
    guard has(key) else {
      throw ExperimentError(at: try? superDecoder().mark, "missing key '\(key)' (\(expected))")
    }
    return try decodeValue(key, expected: expected)
  }

  /// An optional value: nil when the key is absent.
  func optional<T: Decodable>(_ key: String, as type: T.Type = T.self, expected: String) throws
    -> T?
  {
    guard has(key) else { return nil }
    return try decodeValue(key, expected: expected)
  }

  private func decodeValue<T: Decodable>(_ key: String, expected: String) throws -> T {
    do {
      return try decode(T.self, forKey: AnyKey(key))
    } catch let error as ExperimentError {
      throw error
    } catch {
      throw self.error(key, "'\(key)' must be \(expected)")
    }
  }
}

/// A number in an experiment file: a YAML number, or a constant expression such as `pi/2`.
struct NumberValue: Decodable, Sendable {
  var value: Double

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Double.self) {
      guard number.isFinite else {
        throw ExperimentError(at: decoder.mark, "expected a finite number, got \(number)")
      }
      value = number
      return
    }
    guard let string = try? container.decode(String.self) else {
      throw ExperimentError(at: decoder.mark, "expected a number or a constant expression")
    }
    let expression = try ExpressionSource.parse(string, decoder: decoder)
    guard expression.variables.isEmpty else {
      throw ExperimentError(
        at: decoder.mark,
        "expected a number, got '\(string)' which depends on "
          + expression.variables.sorted().joined(separator: ", "))
    }
    let number: Double = expression.evaluate([String: Double]())
    guard number.isFinite else {
      throw ExperimentError(at: decoder.mark, "'\(string)' is not a finite number")
    }
    value = number
  }
}

/// One number or a list of numbers (`at: 1.0` or `at: [0.5, 1.0]`).
struct NumberList: Decodable, Sendable {
  var values: [NumberValue]
  init(from decoder: Decoder) throws {
    if let list = try? [NumberValue](from: decoder) {
      values = list
    } else {
      values = [try NumberValue(from: decoder)]
    }
    if values.isEmpty { throw ExperimentError(at: decoder.mark, "expected at least one number") }
  }
}

/// An expression as written in the file, with its position for error messages.
struct ExpressionSource: Decodable, Sendable {
  var expression: Expression
  var text: String
  var line: Int?
  var column: Int?

  init(from decoder: Decoder) throws {
    guard let string = try? decoder.singleValueContainer().decode(String.self) else {
      throw ExperimentError(at: decoder.mark, "expected an expression such as \"x^2 + 1\"")
    }
    text = string
    expression = try Self.parse(string, decoder: decoder)
    line = decoder.mark?.line
    column = decoder.mark?.column
  }

  /// Parses `text`, mapping an expression error to its line and column in the file.
  static func parse(_ text: String, decoder: Decoder) throws -> Expression {
    let parsed: Result<Expression, ExpressionError> = Result { () throws(ExpressionError) in
      try Expression(parsing: text)
    }
    switch parsed {
    case .success(let expression):
      return expression
    case .failure(let error):
      let mark = decoder.mark
      var quote = 0
      if case .scalar(let scalar)? = decoder.root?.locate(decoder.codingPath),
        scalar.style == .singleQuoted || scalar.style == .doubleQuoted
      {
        quote = 1
      }
      let line = (mark?.line ?? 1) + error.line - 1
      let column = error.line == 1 ? (mark?.column ?? 1) + quote + error.column - 1 : error.column
      throw ExperimentError(
        line: mark == nil ? nil : line, column: mark == nil ? nil : column,
        "in expression \"\(excerpt(text, line: error.line, column: error.column))\": "
          + error.message)
    }
  }

  /// `text` when short, else at most 60 characters of its `line` around `column`, with `…`
  /// where cut: an error in a 200 KB expression quotes where it is, not all of it.
  static func excerpt(_ text: String, line: Int, column: Int, width: Int = 60) -> String {
    guard text.count > width || text.contains(where: \.isNewline) else { return text }
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    let characters = Array(lines[Swift.min(Swift.max(line - 1, 0), lines.count - 1)])
    let start = Swift.max(0, Swift.min(column - 1 - width / 2, characters.count - width))
    let end = Swift.min(characters.count, start + width)
    let cutBefore = start > 0 || line > 1
    let cutAfter = end < characters.count || line < lines.count
    return (cutBefore ? "…" : "") + String(characters[start..<end]) + (cutAfter ? "…" : "")
  }

  /// An error located at this expression.
  func error(_ message: String) -> ExperimentError {
    ExperimentError(line: line, column: column, message)
  }
}

/// A value of a string enumeration, with "did you mean" for typos.
struct EnumValue<E: RawRepresentable & CaseIterable & Sendable>: Decodable, Sendable
where E.RawValue == String {
  var value: E
  init(from decoder: Decoder) throws {
    let names = E.allCases.map(\.rawValue)
    let what = choiceNames[String(describing: E.self)] ?? String(describing: E.self).lowercased()
    guard let string = try? decoder.singleValueContainer().decode(String.self) else {
      throw ExperimentError(
        at: decoder.mark, "expected a \(what): one of \(names.joined(separator: ", "))")
    }
    guard let value = E(rawValue: string) else {
      throw ExperimentError(
        at: decoder.mark,
        "unknown \(what) '\(string)'\(suggestion(for: string, in: names)); expected one of: "
          + names.joined(separator: ", "))
    }
    self.value = value
  }
}

/// What a user calls each enumeration in messages.
private let choiceNames = [
  "ExperimentKind": "kind", "Scheme": "scheme", "Precision": "precision",
  "GradientSource": "gradient", "Activation": "activation", "Method": "method",
  "UpdateRule": "update rule",
]

/// `h: {min: 1e-12, max: 1e-1, per_decade: 4}`.
struct StepGridSpec: Decodable, Sendable {
  var grid: StepGrid

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: ["min", "max", "per_decade"], in: "the step grid 'h'")
    let min =
      try c.optional("min", as: NumberValue.self, expected: "a positive number")?.value ?? 1e-12
    let max =
      try c.optional("max", as: NumberValue.self, expected: "a positive number")?.value ?? 1e-1
    let perDecade =
      try c.optional("per_decade", as: Int.self, expected: "a whole number from 1 to 100") ?? 4
    guard min > 0 else { throw c.error("min", "h.min must be > 0, got \(min)") }
    guard max.isFinite else { throw c.error("max", "h.max must be finite, got \(max)") }
    guard max > min else {
      throw c.error(
        c.has("max") ? "max" : "min", "h.min must be < h.max, got min \(min) >= max \(max)")
    }
    guard (1...100).contains(perDecade) else {
      throw c.error("per_decade", "h.per_decade must be from 1 to 100, got \(perDecade)")
    }
    let points = HarnessLimits.gridPointCount(min: min, max: max, perDecade: perDecade)
    guard points <= HarnessLimits.gridPoints else {
      throw c.error(
        c.has("per_decade") ? "per_decade" : (c.has("min") ? "min" : "max"),
        "step grid too large: \(points) step sizes asked for (\(min) to \(max) at "
          + "\(perDecade) per decade); the limit is \(HarnessLimits.gridPoints)")
    }
    grid = StepGrid(min: min, max: max, perDecade: perDecade)
  }
}
