import Calculus
import Foundation
import Yams

/// `kind: order`: the user's solver run at each refinement level, its observed order fitted.
public struct OrderSpec: Sendable {
  /// One refinement level: `n` when the case lists it, and the step h (1/n unless given).
  public struct Level: Sendable, Equatable {
    public var n: Int?
    public var h: Double
  }

  public struct Case: Sendable {
    /// Names the case in tables, figures and its check's subject.
    public var name: String
    /// The program and its arguments, `{n}` and `{h}` still in them.
    public var command: [String]
    public var levels: [Level]
    public var output: OrderStudyOutput
    /// `expect: {order: p}`.
    public var expected: Double?
    /// The file's line of `expect` (what CI annotations point at).
    public var expectLine: Int?
    /// Seconds per level.
    public var timeout: Double

    /// The command of `level` with `{n}` and `{h}` filled in (`{h}` as the shortest text that
    /// reads back as the same double).
    public func arguments(_ level: Level) -> [String] {
      command.map { argument in
        var filled = argument.replacingOccurrences(of: "{h}", with: "\(level.h)")
        if let n = level.n { filled = filled.replacingOccurrences(of: "{n}", with: "\(n)") }
        return filled
      }
    }
  }

  public var cases: [Case]
  /// The allowed |fitted − expected|.
  public var tolerance: Double
  /// The line of the top-level `tolerance`, when given.
  public var toleranceLine: Int?

  /// The most levels one case may list.
  static let maxLevels = 100
}

extension OrderSpec: Decodable {
  static let keys = ["cases", "tolerance"]

  public init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: Experiment.commonKeys + Self.keys, in: "an order experiment")
    tolerance = try c.optional("tolerance", as: Double.self, expected: "a positive number") ?? 0.1
    guard tolerance > 0, tolerance.isFinite else {
      throw c.error("tolerance", "'tolerance' must be > 0")
    }
    toleranceLine = c.has("tolerance") ? c.mark("tolerance")?.line : nil
    let specs = try c.required(
      "cases", as: [CaseSpec].self, expected: "a list of {name, command, n or h, output}")
    guard !specs.isEmpty else { throw c.error("cases", "'cases' must list at least one case") }
    var seen: Set<String> = []
    for spec in specs {
      guard seen.insert(spec.value.name).inserted else {
        throw ExperimentError(
          line: spec.nameLine, column: nil,
          "two cases are named '\(spec.value.name)'; a case's name is its check's subject")
      }
    }
    cases = specs.map(\.value)
  }

  /// One entry of `cases`.
  struct CaseSpec: Decodable {
    var value: Case
    var nameLine: Int?

    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: ["name", "command", "n", "h", "output", "expect", "timeout"], in: "an order case")
      let name = try c.required("name", as: String.self, expected: "the case's name")
      guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw c.error("name", "a case's name must not be empty")
      }
      nameLine = c.mark("name")?.line
      let command = try c.required(
        "command", as: [String].self, expected: "a list: the program, then its arguments")
      guard let program = command.first, !program.isEmpty else {
        throw c.error("command", "'command' must name a program")
      }
      let levels = try Self.levels(c, command: command)
      let outputText =
        try c.optional("output", as: String.self, expected: "error or value") ?? "error"
      guard let output = OrderStudyOutput(rawValue: outputText) else {
        throw c.error(
          "output",
          "unknown output '\(outputText)'\(suggestion(for: outputText, in: ["error", "value"])); "
            + "expected error (the program prints its error) or value")
      }
      var expected: Double?
      var expectLine: Int?
      if c.has("expect") {
        expected = try c.required("expect", as: ExpectSpec.self, expected: "{order: p}").order
        expectLine = c.mark("expect")?.line
      }
      let timeout =
        try c.optional("timeout", as: Double.self, expected: "seconds per level") ?? 600
      guard timeout > 0, timeout.isFinite else {
        throw c.error("timeout", "'timeout' must be a positive number of seconds")
      }
      value = Case(
        name: name, command: command, levels: levels, output: output, expected: expected,
        expectLine: expectLine, timeout: timeout)
    }

    /// `n` and/or `h`: at least two levels, coarse to fine, and the placeholders they fill.
    static func levels(_ c: KeyedDecodingContainer<AnyKey>, command: [String]) throws -> [Level] {
      let ns = try c.optional("n", as: [Int].self, expected: "a list of whole numbers")
      let hs = try c.optional("h", as: NumberList.self, expected: "a list of steps")?.values
        .map(\.value)
      let usesN = command.contains { $0.contains("{n}") }
      let usesH = command.contains { $0.contains("{h}") }
      guard ns != nil || hs != nil else {
        throw ExperimentError(
          at: try? c.superDecoder().mark, "an order case lists its levels in 'n' or 'h'")
      }
      guard usesN || usesH else {
        throw c.error("command", "'command' must contain {n} or {h}, filled at each level")
      }
      if usesN, ns == nil { throw c.error("command", "'command' uses {n} but the case has no 'n'") }
      if let ns, let bad = ns.first(where: { $0 < 1 }) {
        throw c.error("n", "levels n must be whole numbers >= 1, got \(bad)")
      }
      if let ns, let hs, ns.count != hs.count {
        throw c.error("h", "'h' lists \(hs.count) steps but 'n' lists \(ns.count) levels")
      }
      let steps = hs ?? ns?.map { 1 / Double($0) } ?? []
      let levels = steps.indices.map { Level(n: ns?[$0], h: steps[$0]) }
      let key = hs != nil ? "h" : "n"
      guard levels.count >= 2 else { throw c.error(key, "a study needs at least two levels") }
      try checkCount(levels.count, of: "levels", limit: OrderSpec.maxLevels, c, key: key)
      if let bad = steps.first(where: { !($0 > 0) }) {
        throw c.error(key, "steps h must be > 0, got \(bad)")
      }
      for i in 1..<steps.count where !(steps[i] < steps[i - 1]) {
        throw c.error(
          key,
          "levels go from coarse to fine: h must decrease, but level \(i + 1) has h = "
            + "\(steps[i]) after \(steps[i - 1])")
      }
      return levels
    }
  }

  /// `expect: {order: p}`.
  struct ExpectSpec: Decodable {
    var order: Double
    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(allowing: ["order"], in: "an order case's 'expect'")
      order = try c.required("order", as: NumberValue.self, expected: "the expected order").value
    }
  }
}
