import Calculus
import Foundation

// The variables, points and checks of a function in an experiment file, which several kinds
// share.

/// Variables in natural order: letters, then numeric suffixes by value (x2 < x10).
func naturalOrder(_ names: Set<String>) -> [String] {
  names.sorted { a, b in
    let (pa, na) = split(a)
    let (pb, nb) = split(b)
    return pa != pb ? pa < pb : (na ?? -1) < (nb ?? -1)
  }
}

private func split(_ name: String) -> (String, Int?) {
  let digits = name.reversed().prefix { $0.isNumber }
  let prefix = String(name.dropLast(digits.count))
  return (prefix, digits.isEmpty ? nil : Int(String(digits.reversed())))
}

/// Decodes `at: {x: 2, y: -1}` (or a list of them) against a function's variables.
func decodePoints(
  _ c: KeyedDecodingContainer<AnyKey>, key: String, f: ExpressionSource, variables: [String]
) throws -> [[Double]] {
  let maps: [[String: NumberValue]]
  if let list = try? c.decode([[String: NumberValue]].self, forKey: AnyKey(key)) {
    maps = list
  } else {
    maps = [
      try c.required(
        key, as: [String: NumberValue].self,
        expected: "a mapping of variables to numbers, such as {x: 2, y: -1}")
    ]
  }
  guard !maps.isEmpty else { throw c.error(key, "'\(key)' must give at least one point") }
  var points: [[Double]] = []
  for map in maps {
    for name in map.keys.sorted() where !variables.contains(name) {
      throw c.error(
        key,
        "'\(key)' names '\(name)', which \"\(f.text)\" does not use\(suggestion(for: name, in: variables)); its variables are "
          + variables.joined(separator: ", "))
    }
    let missing = variables.filter { map[$0] == nil }
    guard missing.isEmpty else {
      throw c.error(
        key,
        "'\(key)' is missing a value for " + missing.joined(separator: ", ")
          + " (\"\(f.text)\" is a function of " + variables.joined(separator: ", ") + ")")
    }
    let point = variables.map { map[$0]!.value }
    try validatePoint(
      f, values: Dictionary(uniqueKeysWithValues: zip(variables, point)), container: c, key: key)
    points.append(point)
  }
  return points
}

/// `variables: [x, y]` or the function's own in natural order.
func decodeVariables(_ c: KeyedDecodingContainer<AnyKey>, f: ExpressionSource) throws -> [String] {
  let used = f.expression.variables
  guard
    let listed = try c.optional(
      "variables", as: [String].self, expected: "a list of variable names")
  else {
    guard !used.isEmpty else { throw f.error("\"\(f.text)\" has no variables") }
    return naturalOrder(used)
  }
  try c.checkVariableNames(listed)
  let missing = used.subtracting(listed)
  guard missing.isEmpty else {
    throw c.error(
      "variables",
      "'variables' leaves out " + naturalOrder(missing).joined(separator: ", ")
        + ", which \"\(f.text)\" uses")
  }
  guard Set(listed).count == listed.count else {
    throw c.error("variables", "'variables' lists a name twice")
  }
  return listed
}

/// Rejects points outside the domain and points where the derivative does not exist.
func validatePoint(
  _ f: ExpressionSource, variable: String, point: Double,
  container c: KeyedDecodingContainer<AnyKey>, key: String = "at"
) throws {
  try validatePoint(f, values: [variable: point], container: c, key: key)
}

func validatePoint(
  _ f: ExpressionSource, values: [String: Double], container c: KeyedDecodingContainer<AnyKey>,
  key: String = "at"
) throws {
  let description = values.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
    .joined(separator: ", ")
  // Errors in the file are English, as every decoding error.
  if let problem = f.expression.domainViolation(at: values) {
    let why = CalculusPhrase.domainViolation(violation: problem).english
    throw c.error(key, "\(description) is outside the domain of \"\(f.text)\": \(why)")
  }
  if let problem = f.expression.nonDifferentiability(at: values) {
    let why = CalculusPhrase.nonDifferentiability(reason: problem).english
    throw c.error(key, "the derivative of \"\(f.text)\" does not exist at \(description): \(why)")
  }
  let value: Double = f.expression.evaluate(values)
  guard value.isFinite else {
    throw c.error(key, "\"\(f.text)\" is not finite at \(description)")
  }
}

/// The keys every `checks` entry has: a scheme's estimate at one step, and the value it must
/// equal within a relative tolerance.
struct CheckFields {
  static let keys = ["scheme", "h", "equals", "tolerance"]
  var scheme: Scheme
  var step: Double
  var equals: Double
  var tolerance: Double
  var line: Int?
  var column: Int?

  init(_ c: KeyedDecodingContainer<AnyKey>, decoder: Decoder, defaultTolerance: Double) throws {
    scheme = try c.required("scheme", as: EnumValue<Scheme>.self, expected: "a scheme").value
    step = try c.required("h", as: NumberValue.self, expected: "a step").value
    guard step > 0 else { throw c.error("h", "a check's h must be > 0") }
    equals = try c.required("equals", as: NumberValue.self, expected: "the expected estimate").value
    tolerance =
      try c.optional("tolerance", as: NumberValue.self, expected: "a number >= 0")?.value
      ?? defaultTolerance
    guard tolerance >= 0 else { throw c.error("tolerance", "a check's tolerance must be >= 0") }
    line = decoder.mark?.line
    column = decoder.mark?.column
  }
}
