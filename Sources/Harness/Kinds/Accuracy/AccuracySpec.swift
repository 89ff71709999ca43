import Calculus
import Foundation

/// `kind: accuracy`: the digits and the cost of each derivative method, per case, point and
/// precision.
struct AccuracySpec: Sendable {
  /// A way of computing f'(x): a fixed scheme at its predicted best step, the complex step at a
  /// tiny step, or the adaptive derivative.
  enum Method: String, CaseIterable, Sendable, Codable {
    case forward
    case backward
    case central
    case central4
    case richardson
    case complexStep = "complex-step"
    case adaptive

    /// The finite-difference scheme, or nil for `adaptive`.
    var scheme: Scheme? { Scheme(rawValue: rawValue) }
  }

  /// One function and its points.
  struct Case: Sendable {
    var f: Expression
    var text: String
    var variable: String
    var points: [Double]
    /// When `f` is the user's program (`f` is then a stand-in).
    var program: ProgramDerivativeCase? = nil
  }

  /// `expect: {METHOD: {min_digits: N, covers: 0.95}}`.
  struct Expectation: Sendable, Equatable {
    /// Every measured result of the method has at least this many correct digits.
    var minDigits: Double?
    /// At least this share of the method's results has an error estimate at least its error.
    var covers: Double?
  }

  var cases: [Case]
  var methods: [Method]
  var precisions: [Precision]
  var expectations: [Method: Expectation]
}

extension AccuracySpec: Decodable {
  static let keys = ["cases", "methods", "precision", "expect"]

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: Experiment.commonKeys + Self.keys, in: "an accuracy experiment")
    methods =
      try c.optional("methods", as: [EnumValue<Method>].self, expected: "a list of methods")?
      .map(\.value) ?? Method.allCases
    guard !methods.isEmpty else {
      throw c.error("methods", "'methods' must name at least one method")
    }
    precisions =
      try c.optional(
        "precision", as: [EnumValue<Precision>].self, expected: "a list of precisions")?
      .map(\.value) ?? [.double]
    guard !precisions.isEmpty else {
      throw c.error("precision", "'precision' must name at least one precision")
    }
    if methods.contains(.adaptive), let p = precisions.first(where: { !$0.supportsAdaptive }) {
      throw c.error(
        "precision",
        "the adaptive derivative needs at least single precision, but 'precision' lists "
          + "\(p.rawValue) (an 11-bit significand: its round-off floor is above the truncation "
          + "error at every step it could extrapolate from); drop \(p.rawValue) from 'precision' "
          + "or adaptive from 'methods'")
    }
    let caseSpecs = try c.required(
      "cases", as: [CaseSpec].self, expected: "a list of {f, at}")
    guard !caseSpecs.isEmpty else {
      throw c.error("cases", "'cases' must list at least one function")
    }
    cases = caseSpecs.map(\.value)
    if cases.contains(where: { $0.program != nil }) {
      // Every method by default, but the complex step, which needs an expression.
      if !c.has("methods") { methods.removeAll { $0 == .complexStep } }
      try ProgramRules.check(
        precisions: precisions, schemes: methods.compactMap(\.scheme), c, schemesKey: "methods")
    }
    if methods.contains(.complexStep),
      let bad = caseSpecs.first(where: { !$0.source.expression.isAnalytic })
    {
      throw bad.source.error(
        "complex-step needs a function that is analytic, but \"\(bad.source.text)\" uses "
          + "abs, relu, sign or step; drop complex-step from 'methods'")
    }
    let expect =
      try c.optional("expect", as: ExpectSpec.self, expected: "a mapping of methods")
      ?? ExpectSpec()
    for (method, mark) in expect.marks where !methods.contains(method) {
      throw ExperimentError(
        line: mark.line, column: mark.column,
        "expect names '\(method.rawValue)', which is not among the methods ("
          + methods.map(\.rawValue).joined(separator: ", ") + ")")
    }
    expectations = expect.values
  }

  /// One entry of `cases`. A point where f is not finite is kept: the run reports it as a
  /// status, not as an error.
  struct CaseSpec: Decodable {
    var value: Case
    var source: ExpressionSource

    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: ["f", "at", "df", "variable"], in: "a case")
      let function = try c.required(
        "f", as: FunctionSource.self, expected: "an expression in x, or a program")
      if case .expression(let e) = function, e.expression.variables.count > 1 {
        throw e.error(
          "an accuracy case has one variable, but \"\(e.text)\" uses "
            + e.expression.variables.sorted().joined(separator: ", "))
      }
      let points = try c.required(
        "at", as: NumberList.self, expected: "a number or a list of numbers"
      ).values.map(\.value)
      switch function {
      case .program(let p):
        let variable = try c.optional("variable", as: String.self, expected: "a name") ?? "x"
        source = ExpressionSource(standIn: .variable(variable), for: p)
        value = Case(
          f: source.expression, text: p.display, variable: variable, points: points,
          program: try ProgramDerivativeCase(c, f: p, variable: variable))
      case .expression(let e):
        source = e
        for key in ["df", "variable"] where c.has(key) {
          throw c.error(key, "'\(key)' belongs to a program f; an expression names its own")
        }
        value = Case(
          f: e.expression, text: e.text, variable: e.expression.variables.sorted().first ?? "x",
          points: points)
      }
    }
  }

  /// `expect:`, keyed by method, each `{min_digits, covers}`.
  struct ExpectSpec: Decodable {
    var values: [Method: Expectation] = [:]
    var marks: [Method: (line: Int?, column: Int?)] = [:]

    init() {}

    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: Method.allCases.map(\.rawValue), in: "'expect'")
      for key in c.allKeys {
        let method = Method(rawValue: key.stringValue)!
        let mark = c.mark(key.stringValue)
        marks[method] = (mark?.line, mark?.column)
        values[method] = try c.required(
          key.stringValue, as: ExpectationSpec.self, expected: "{min_digits, covers}"
        ).value
      }
    }
  }

  struct ExpectationSpec: Decodable {
    var value: Expectation

    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: ["min_digits", "covers"], in: "a method's expectation")
      let digits = try c.optional("min_digits", as: Double.self, expected: "a number of digits")
      if let digits, !(digits >= 0 && digits.isFinite) {
        throw c.error("min_digits", "'min_digits' must be a number >= 0")
      }
      let covers = try c.optional("covers", as: Double.self, expected: "a share from 0 to 1")
      if let covers, !(covers > 0 && covers <= 1) {
        throw c.error("covers", "'covers' must be a share in (0, 1], such as 0.95")
      }
      guard digits != nil || covers != nil else {
        throw ExperimentError(at: decoder.mark, "an expectation needs min_digits or covers")
      }
      value = Expectation(minDigits: digits, covers: covers)
    }
  }
}
