import Calculus
import Foundation
import Yams

/// `kind: convergence`: one-variable functions, swept over h, every scheme and precision.
public struct ConvergenceSpec: Sendable {
  public struct Case: Sendable {
    public var f: Expression
    public var text: String
    public var variable: String
    public var points: [Double]
    /// The user's derivative, when given; checked against the symbolic one.
    public var df: Expression?
    /// q, the derivative estimated (`derivative:`, default 1).
    public var derivative: Int = 1
  }

  /// `checks: [{scheme: central, h: 0.1, equals: 32}]`: a value the lecture states, asserted.
  public struct Check: Sendable {
    public var caseIndex: Int
    public var point: Double
    public var scheme: Scheme
    public var step: Double
    public var equals: Double
    public var tolerance: Double
  }

  public var cases: [Case]
  /// The named schemes, and the `{name, offsets}` stencils swept after them.
  public var schemes: [Scheme]
  public var stencils: [CustomStencil]
  public var grid: StepGrid
  public var precisions: [Precision]
  public var expectations: [Scheme: Expectation]
  /// `expect` for the custom stencils, by name.
  public var stencilExpectations: [String: Expectation]
  /// The precisions `expect` applies to; the others are measured and reported only.
  public var expectedPrecisions: [Precision]
  public var tolerance: Double
  public var checks: [Check]
}

extension ConvergenceSpec: Decodable {
  static let keys = [
    "cases", "schemes", "h", "precision", "expect", "expect_precisions", "tolerance", "checks",
  ]

  public init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: Experiment.commonKeys + Self.keys, in: "a convergence experiment")
    let entries =
      try c.optional("schemes", as: [SchemeEntry].self, expected: "a list of schemes")
      ?? Scheme.seeds.map { SchemeEntry(scheme: $0) }
    try Self.checkNames(entries)
    schemes = entries.compactMap(\.scheme)
    stencils = entries.compactMap(\.stencil)
    guard !entries.isEmpty else {
      throw c.error("schemes", "'schemes' must name at least one scheme")
    }
    grid =
      try c.optional("h", as: StepGridSpec.self, expected: "{min, max, per_decade}")?.grid
      ?? StepGrid(min: 1e-12, max: 1e-1, perDecade: 4)
    precisions =
      try c.optional(
        "precision", as: [EnumValue<Precision>].self, expected: "a list of precisions")?
      .map(\.value) ?? [.double]
    guard !precisions.isEmpty else {
      throw c.error("precision", "'precision' must name at least one precision")
    }
    (expectations, stencilExpectations) = try Self.decodeExpectations(
      c, stencils: stencils, schemes: schemes)
    expectedPrecisions =
      try c.optional(
        "expect_precisions", as: [EnumValue<Precision>].self, expected: "a list of precisions")?
      .map(\.value) ?? precisions
    let swept = precisions
    if let stray = expectedPrecisions.first(where: { !swept.contains($0) }) {
      throw c.error(
        "expect_precisions",
        "expect_precisions names '\(stray.rawValue)', which is not among the precisions swept")
    }
    tolerance = try c.positive("tolerance") ?? 0.15

    let caseSpecs = try c.required("cases", as: [CaseSpec].self, expected: "a list of {f, at}")
    guard !caseSpecs.isEmpty else {
      throw c.error("cases", "'cases' must list at least one function")
    }
    try Self.checkDerivatives(caseSpecs, entries: entries, precisions: precisions)
    cases = caseSpecs.map(\.value)
    try checkCount(
      cases.reduce(0) { $0 + $1.points.count }, of: "points", limit: HarnessLimits.points, c,
      key: "cases")
    if schemes.contains(.complexStep),
      let i = caseSpecs.firstIndex(where: { !$0.value.f.isAnalytic })
    {
      throw caseSpecs[i].f.error(
        "complex-step needs a function that is analytic, but \"\(caseSpecs[i].f.text)\" uses "
          + "abs, relu, sign or step; drop complex-step from 'schemes' for it")
    }
    checks = try Self.decodeChecks(c, cases: cases)
  }

  /// `checks:`, each naming a case (from 0) and one of its points.
  static func decodeChecks(_ c: KeyedDecodingContainer<AnyKey>, cases: [Case]) throws
    -> [Check]
  {
    let checkSpecs =
      try c.optional("checks", as: [CheckSpec].self, expected: "a list of {scheme, h, equals}")
      ?? []
    var checks: [Check] = []
    for check in checkSpecs {
      guard check.caseIndex < cases.count else {
        throw ExperimentError(
          line: check.fields.line, column: check.fields.column,
          "checks: there is no case \(check.caseIndex + 1) (cases are numbered from 1 to "
            + "\(cases.count))")
      }
      let points = cases[check.caseIndex].points
      let point = check.point ?? points[0]
      guard points.contains(point) else {
        throw ExperimentError(
          line: check.fields.line, column: check.fields.column,
          "checks: \(point) is not a point of case \(check.caseIndex + 1)")
      }
      checks.append(
        Check(
          caseIndex: check.caseIndex, point: point, scheme: check.fields.scheme,
          step: check.fields.step, equals: check.fields.equals, tolerance: check.fields.tolerance))
    }
    return checks
  }

  /// One entry of `cases`, validated where it stands in the file.
  struct CaseSpec: Decodable {
    var value: Case
    var f: ExpressionSource
    var derivativeMark: Mark?

    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(allowing: ["f", "at", "df", "derivative"], in: "a case")
      f = try c.required("f", as: ExpressionSource.self, expected: "an expression in x")
      let variables = f.expression.variables.sorted()
      guard variables.count <= 1 else {
        throw f.error(
          "a convergence case has one variable, but \"\(f.text)\" uses "
            + variables.joined(separator: ", ") + "; use kind: partials for several")
      }
      let variable = variables.first ?? "x"
      let points = try c.required(
        "at", as: NumberList.self, expected: "a number or a list of numbers"
      ).values.map(\.value)
      for point in points {
        try validatePoint(f, variable: variable, point: point, container: c)
      }
      var df: Expression?
      if c.has("df") {
        let given = try c.required("df", as: ExpressionSource.self, expected: "an expression")
        let extra = given.expression.variables.subtracting([variable])
        guard extra.isEmpty else {
          throw given.error(
            "df uses \(extra.sorted().joined(separator: ", ")), but f is a function of \(variable)")
        }
        let symbolic = f.expression.derivative(withRespectTo: variable)
        for point in points {
          for probe in [point, point + 0.125, point - 0.0625] {
            let env = [variable: probe]
            let want: Double = symbolic.evaluate(env)
            let got: Double = given.expression.evaluate(env)
            guard want.isFinite, got.isFinite else { continue }
            if abs(want - got) > 1e-9 * max(1, abs(want)) {
              throw given.error(
                "df disagrees with the symbolic derivative \(symbolic): at \(variable) = \(probe) "
                  + "df = \(got), but f' = \(want)")
            }
          }
        }
        df = given.expression
      }
      let q = try c.optional("derivative", as: Int.self, expected: "a whole number >= 1") ?? 1
      derivativeMark = c.mark("derivative")
      value = Case(
        f: f.expression, text: f.text, variable: variable, points: points, df: df, derivative: q)
    }
  }

  struct CheckSpec: Decodable {
    var caseIndex: Int
    var point: Double?
    var fields: CheckFields

    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: ["case", "at"] + CheckFields.keys, in: "a check")
      caseIndex = try countedFromOne(c, "case", plural: "cases") - 1
      point = try c.optional("at", as: NumberValue.self, expected: "a number")?.value
      fields = try CheckFields(c, decoder: decoder, defaultTolerance: 1e-12)
    }
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
    let why = Phrase.domainViolation(problem).text(.en)
    throw c.error(key, "\(description) is outside the domain of \"\(f.text)\": \(why)")
  }
  if let problem = f.expression.nonDifferentiability(at: values) {
    let why = Phrase.nonDifferentiability(problem).text(.en)
    throw c.error(key, "the derivative of \"\(f.text)\" does not exist at \(description): \(why)")
  }
  let value: Double = f.expression.evaluate(values)
  guard value.isFinite else {
    throw c.error(key, "\"\(f.text)\" is not finite at \(description)")
  }
}
