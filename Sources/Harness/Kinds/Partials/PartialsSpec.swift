import Calculus
import Foundation

/// `kind: partials`: every partial derivative and the gradient of a function of several
/// variables, swept over h like `convergence`, plus the Hessian's central second differences.
struct PartialsSpec: Sendable {
  var f: Expression
  var text: String
  /// The variables in gradient order (`variables:` in the file, else natural order: x, y, z or
  /// x0, x1, ..., x10).
  var variables: [String]
  /// Points, each with a value for every variable, in `variables` order.
  var points: [[Double]]
  var schemes: [Scheme]
  var grid: StepGrid
  var precisions: [Precision]
  var expectations: [Scheme: Expectation]
  /// Expected order of the Hessian's central second differences (nil: not asserted).
  var hessianExpectation: Expectation?
  /// `expect: {wrong: [y]}`: the entries of a gradient under test that must differ (a planted
  /// bug); the check passes when exactly these differ.
  var expectedWrong: [String] = []
  var hessian: Bool
  var tolerance: Double
  /// The steps of the gradient table (default: the notes' 0.1, 1e-4 and 1e-5).
  var gradientSteps: [Double]
  /// The variable whose partial the geometric figure shows (a slice through the point).
  var sliceVariable: String
  var checks: [Check]
  /// When `f` is the user's program (`f` is then a stand-in), and perhaps the gradient under
  /// test.
  var program: PartialsProgram? = nil

  /// `checks: [{variable: x0, scheme: central, h: 1e-5, equals: 2}]`.
  struct Check: Sendable {
    var pointIndex: Int
    var variable: String
    var scheme: Scheme
    var step: Double
    var equals: Double
    var tolerance: Double
  }
}

extension PartialsSpec: Decodable {
  static let keys = [
    "f", "variables", "at", "schemes", "h", "precision", "expect", "tolerance", "hessian",
    "gradient_steps", "slice", "checks", "gradient",
  ]

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: Experiment.commonKeys + Self.keys, in: "a partials experiment")
    let (source, names, programF) = try ProgramRules.function(
      c, expected: "an expression in x, y, ... or x0, x1, ...")
    variables = names
    program = try PartialsProgram.decode(c, f: programF)
    f = source.expression
    text = source.text
    points = try decodePoints(c, key: "at", f: source, variables: variables)
    try checkCount(points.count, of: "points", limit: HarnessLimits.points, c, key: "at")
    schemes =
      try c.optional("schemes", as: [EnumValue<Scheme>].self, expected: "a list of schemes")?.map(
        \.value) ?? Scheme.seeds
    guard !schemes.isEmpty else {
      throw c.error("schemes", "'schemes' must name at least one scheme")
    }
    if schemes.contains(.complexStep), !f.isAnalytic {
      throw c.error(
        "schemes",
        "complex-step needs an analytic function, but \"\(text)\" uses abs, relu, sign or step")
    }
    grid =
      try c.optional("h", as: StepGridSpec.self, expected: "{min, max, per_decade}")?.grid
      ?? StepGrid(min: 1e-10, max: 1e-1, perDecade: 4)
    precisions =
      try c.optional(
        "precision", as: [EnumValue<Precision>].self, expected: "a list of precisions")?.map(
        \.value) ?? [.double]
    let expect =
      try c.optional("expect", as: PartialsExpectations.self, expected: "a mapping")
      ?? PartialsExpectations()
    try expect.schemes.check(against: schemes)
    expectations = expect.schemes.orders
    hessianExpectation = expect.hessian
    expectedWrong = expect.wrong
    hessian =
      try c.optional("hessian", as: Bool.self, expected: "true or false") ?? (expect.hessian != nil)
    if hessian {
      try Self.checkHessianExists(f, text: text, variables: variables, points: points, c)
    }
    tolerance = try c.positive("tolerance") ?? 0.15
    gradientSteps =
      try c.optional("gradient_steps", as: [Double].self, expected: "a list of steps")
      ?? lectureSteps
    guard gradientSteps.allSatisfy({ $0 > 0 && $0.isFinite }) else {
      throw c.error("gradient_steps", "steps must be finite and > 0")
    }
    sliceVariable =
      try c.optional("slice", as: String.self, expected: "a variable name") ?? variables[0]
    guard variables.contains(sliceVariable) else {
      throw c.error(
        "slice",
        "'slice' must be one of " + variables.joined(separator: ", ")
          + suggestion(for: sliceVariable, in: variables))
    }
    checks = try Self.decodeChecks(c, variables: variables, pointCount: points.count)
    if program != nil { try PartialsProgram.validate(self, c) }
    try checkExpectedWrong(c)
  }

  /// `expect.wrong` names variables of a gradient under test.
  func checkExpectedWrong(_ c: KeyedDecodingContainer<AnyKey>) throws {
    for v in expectedWrong where !variables.contains(v) {
      throw c.error(
        "expect", "expect.wrong names '\(v)', not one of " + variables.joined(separator: ", "))
    }
    if !expectedWrong.isEmpty, program?.gradient == nil {
      throw c.error("expect", "expect.wrong needs a gradient under test (gradient: from a program)")
    }
  }

  /// The Hessian needs the first partials differentiable at every point.
  static func checkHessianExists(
    _ f: Expression, text: String, variables: [String], points: [[Double]],
    _ c: KeyedDecodingContainer<AnyKey>
  ) throws {
    for point in points {
      let values = Dictionary(uniqueKeysWithValues: zip(variables, point))
      for v in variables {
        let first = f.derivative(withRespectTo: v)
        let problem =
          first.nonDifferentiability(at: values).map {
            CalculusPhrase.nonDifferentiability(reason: $0)
          }
          ?? first.domainViolation(at: values).map { CalculusPhrase.domainViolation(violation: $0) }
        if let problem {
          throw c.error(
            "at",
            "the Hessian of \"\(text)\" does not exist at this point: \(problem.english)")
        }
      }
    }
  }

  /// `checks:`, each naming a variable and a point of the spec.
  static func decodeChecks(
    _ c: KeyedDecodingContainer<AnyKey>, variables: [String], pointCount: Int
  ) throws -> [Check] {
    let vars = variables
    return try
      (c.optional(
        "checks", as: [CheckSpec].self, expected: "a list of {variable, scheme, h, equals}") ?? [])
      .map { spec in
        guard vars.contains(spec.variable) else {
          throw ExperimentError(
            line: spec.fields.line, column: spec.fields.column,
            "checks: unknown variable '\(spec.variable)'\(suggestion(for: spec.variable, in: vars))"
          )
        }
        guard spec.pointIndex < pointCount else {
          throw ExperimentError(
            line: spec.fields.line, column: spec.fields.column,
            "checks: there is no point \(spec.pointIndex + 1) (points are numbered from 1 to "
              + "\(pointCount))")
        }
        return Check(
          pointIndex: spec.pointIndex, variable: spec.variable, scheme: spec.fields.scheme,
          step: spec.fields.step, equals: spec.fields.equals, tolerance: spec.fields.tolerance)
      }
  }

  struct PartialsExpectations: Decodable {
    var schemes = SchemeExpectations()
    var hessian: Expectation?
    var wrong: [String] = []
    init() {}
    init(from decoder: Decoder) throws {
      schemes = try SchemeExpectations(from: decoder, allowing: ["hessian", "wrong"])
      let c = try decoder.container(keyedBy: AnyKey.self)
      if c.contains(AnyKey("wrong")) {
        guard let names = try? c.decode([String].self, forKey: AnyKey("wrong")) else {
          throw ExperimentError(at: decoder.mark, "expect.wrong must be a list of variables")
        }
        wrong = names
      }
      switch schemes.extra["hessian"] {
      case .number(let order)?: hessian = .order(order)
      case .string("auto")?: hessian = .auto
      case nil: hessian = nil
      default: throw ExperimentError(at: decoder.mark, "expect.hessian must be an order or 'auto'")
      }
    }
  }

  struct CheckSpec: Decodable {
    var pointIndex: Int
    var variable: String
    var fields: CheckFields

    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: ["point", "variable"] + CheckFields.keys, in: "a check")
      pointIndex = try countedFromOne(c, "point", plural: "points") - 1
      variable = try c.required("variable", as: String.self, expected: "a variable name")
      fields = try CheckFields(c, decoder: decoder, defaultTolerance: 1e-8)
    }
  }
}
