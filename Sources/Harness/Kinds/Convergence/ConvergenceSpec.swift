import Calculus
import Foundation
import Yams

/// `kind: convergence`: one-variable functions, swept over h, every scheme and precision.
struct ConvergenceSpec: Sendable {
  struct Case: Sendable {
    var f: Expression
    var text: String
    var variable: String
    var points: [Double]
    /// The user's derivative, when given; checked against the symbolic one.
    var df: Expression?
    /// q, the derivative estimated (`derivative:`, default 1).
    var derivative: Int = 1
    /// When `f` is the user's program (`f` is then the variable, a stand-in).
    var program: ProgramDerivativeCase? = nil
  }

  /// `checks: [{scheme: central, h: 0.1, equals: 32}]`: a value the lecture states, asserted.
  struct Check: Sendable {
    var caseIndex: Int
    var point: Double
    var scheme: Scheme
    var step: Double
    var equals: Double
    var tolerance: Double
  }

  var cases: [Case]
  /// The named schemes, and the `{name, offsets}` stencils swept after them.
  var schemes: [Scheme]
  var stencils: [CustomStencil]
  var grid: StepGrid
  var precisions: [Precision]
  var expectations: [Scheme: Expectation]
  /// `expect` for the custom stencils, by name.
  var stencilExpectations: [String: Expectation]
  /// The precisions `expect` applies to; the others are measured and reported only.
  var expectedPrecisions: [Precision]
  var tolerance: Double
  var checks: [Check]
}

extension ConvergenceSpec: Decodable {
  static let keys = [
    "cases", "schemes", "h", "precision", "expect", "expect_precisions", "tolerance", "checks",
  ]

  init(from decoder: Decoder) throws {
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
    try ProgramCase.validate(caseSpecs, spec: c, schemes: schemes, precisions: precisions)
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
    if let check = checks.first(where: { cases[$0.caseIndex].program != nil }) {
      throw c.error(
        "checks", "checks: case \(check.caseIndex) is a program; checks need an expression")
    }
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
      let c = try decoder.strictContainer(allowing: ProgramCase.caseKeys, in: "a case")
      let source = try c.required(
        "f", as: FunctionSource.self, expected: "an expression in x, or a program")
      if case .program(let program) = source {
        value = try ProgramCase.decode(c, program: program)
        f = ExpressionSource(standIn: value.f, for: program)
        derivativeMark = c.mark("derivative")
        return
      }
      guard !c.has("variable") else {
        throw c.error(
          "variable", "'variable' names the variable of a program f; an expression names its own")
      }
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
        if let (probe, want, got) = symbolic.disagreement(
          with: given.expression, variable: variable, at: points)
        {
          throw given.error(
            "df disagrees with the symbolic derivative \(symbolic): at \(variable) = \(probe) "
              + "df = \(got), but f' = \(want)")
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
