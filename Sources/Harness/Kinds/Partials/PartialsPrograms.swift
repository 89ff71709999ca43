import Calculus
import Foundation

/// A partials experiment whose `f` is the user's program, and perhaps the gradient under test
/// (`gradient:`, a program answering one number per variable, in `variables` order).
struct PartialsProgram: Sendable {
  var f: ProgramSource
  var gradient: ProgramSource?

  init(_ c: KeyedDecodingContainer<AnyKey>, f: ProgramSource) throws {
    self.f = f
    guard c.has("gradient") else { return }
    switch try c.required("gradient", as: FunctionSource.self, expected: "a program") {
    case .program(let p): gradient = p
    case .expression:
      throw c.error(
        "gradient",
        "'gradient' is the gradient under test from a program: {command: [...]} or "
          + "{python: \"FILE:NAME\"}")
    }
  }

  /// The program parts of a partials file: nil for an expression `f` (which has its symbolic
  /// gradient: `gradient:` is refused).
  static func decode(_ c: KeyedDecodingContainer<AnyKey>, f: ProgramSource?) throws
    -> PartialsProgram?
  {
    if let f { return try PartialsProgram(c, f: f) }
    guard !c.has("gradient") else {
      throw c.error(
        "gradient",
        "'gradient' is the gradient under test of a program f; an expression f has its "
          + "symbolic gradient")
    }
    return nil
  }

  /// The keys that need an expression, refused for a program's `f`.
  static func validate(_ spec: PartialsSpec, _ c: KeyedDecodingContainer<AnyKey>) throws {
    try ProgramRules.check(precisions: spec.precisions, schemes: spec.schemes, c)
    try ProgramRules.refuse(
      [
        ("hessian", "needs an expression (its exact second partials)"),
        ("checks", "need an expression (the exact partials)"),
        ("slice", "draws an expression's surface"),
      ], c)
    if spec.hessianExpectation != nil {
      throw c.error(
        "expect", "expect.hessian needs an expression (its exact second partials); a program's"
          + " f cannot: drop it")
    }
  }

  /// What `experiment show` lists.
  var sources: [ProgramSource] { [f] + (gradient.map { [$0] } ?? []) }
}

extension PartialsSpec: StartsPrograms {
  var startedPrograms: [StartedProgram] { (program?.sources ?? []).startedPrograms }
}

extension Partials {
  /// One sweep of a program's partials: its point, variable and scheme, the plan over the
  /// swept steps and the plan at the notes' steps.
  struct ProgramJob {
    var point: Int
    var variable: Int
    var scheme: Scheme
    var sweep: DerivativeCheck.Plan
    var lecture: DerivativeCheck.Plan
  }

  /// Partials of a program's `f`: every planned point evaluated once, in full batches; each
  /// sweep's errors against the user's gradient (the verdict rests on their shape, entry by
  /// entry) or, without one, against the adaptive derivative and its error estimate.
  static func runProgram(_ spec: PartialsSpec, _ program: PartialsProgram, context: RunContext)
    throws -> PartialsOutcome
  {
    let vars = spec.variables
    let f = ProgramFunction(program.f, key: "f", variables: vars)
    let g = program.gradient.map {
      ProgramFunction($0, key: "gradient", variables: vars, outputs: vars.count)
    }
    defer {
      f.stop()
      g?.stop()
    }
    let jobs = try programJobs(spec)
    let table = try f.table(
      jobs.flatMap { $0.sweep.points + $0.lecture.points }, cancellation: context.cancellation)
    let values = { (plan: DerivativeCheck.Plan) in
      plan.points.map { table[$0.pointKey]?[0] ?? .nan }
    }
    let references = try programReferences(spec, f: f, gradient: g, context: context)
    let epsilon = program.f.precision.epsilon
    var results: [PartialsOutcome.Sweep] = []
    var entries: [PartialsOutcome.GradientEntry] = []
    for job in jobs {
      let reference = references[job.point * vars.count + job.variable]
      let sweepValues = values(job.sweep)
      let outcome = ProgramRuns.outcome(
        job.sweep, values: sweepValues, reference: reference.value.value ?? .nan,
        limit: reference.error.value ?? 0, epsilon: epsilon, precision: program.f.precision,
        expectation: g == nil ? spec.expectations[job.scheme] : nil, tolerance: spec.tolerance)
      results.append(
        PartialsOutcome.Sweep(
          pointNumber: job.point + 1, at: reference.at, variable: vars[job.variable],
          partial: "∂f/∂\(vars[job.variable])", outcome: outcome))
      guard g != nil else { continue }
      let agreement = DerivativeCheck.judge(
        job.sweep, values: sweepValues, underTest: reference.value.value ?? .nan,
        epsilon: epsilon, tolerance: spec.tolerance)
      entries.append(
        PartialsOutcome.GradientEntry(
          variable: vars[job.variable], value: reference.value.value ?? .nan,
          agreement: agreement))
    }
    var outcome = PartialsOutcome(
      f: spec.text, variables: vars, results: results,
      gradients: programGradients(spec, jobs: jobs, values: values, references: references),
      hessian: [], checks: [])
    outcome.references = references
    if g != nil { outcome.gradientChecks = gradientChecks(spec, entries) }
    return outcome
  }

  /// The sweeps, point by point, variable by variable, scheme by scheme.
  static func programJobs(_ spec: PartialsSpec) throws -> [ProgramJob] {
    try spec.points.indices.flatMap { p in
      try spec.variables.indices.flatMap { v in
        try spec.schemes.map { scheme in
          let stencil = try scheme.stencil(derivative: 1)
          return ProgramJob(
            point: p, variable: v, scheme: scheme,
            sweep: DerivativeCheck.plan(
              at: spec.points[p], index: v, stencil: stencil, steps: spec.grid.steps),
            lecture: DerivativeCheck.plan(
              at: spec.points[p], index: v, stencil: stencil, steps: spec.gradientSteps))
        }
      }
    }
  }

  /// The user's gradient at every point, or the adaptive derivative of each partial with its
  /// error estimate: one per point and variable, point after point.
  static func programReferences(
    _ spec: PartialsSpec, f: ProgramFunction, gradient: ProgramFunction?, context: RunContext
  ) throws -> [PartialsOutcome.Reference] {
    let vars = spec.variables
    if let gradient {
      let answers = try gradient.evaluate(spec.points, cancellation: context.cancellation)
      return zip(spec.points, answers).enumerated().flatMap { p, pair in
        vars.indices.map { v in
          PartialsOutcome.Reference(
            pointNumber: p + 1, at: PointValues(vars, pair.0), variable: vars[v],
            source: "gradient", value: Num(pair.1[v]), error: Num(0))
        }
      }
    }
    return try spec.points.enumerated().flatMap { p, point in
      try vars.indices.map { v in
        let a = try f.adaptiveDerivative(at: point, index: v, cancellation: context.cancellation)
        return PartialsOutcome.Reference(
          pointNumber: p + 1, at: PointValues(vars, point), variable: vars[v],
          source: "adaptive", value: Num(a.value), error: Num(a.errorEstimate))
      }
    }
  }

  /// The gradient at the notes' steps, against the reference (jobs are point, variable,
  /// scheme, in that nesting).
  static func programGradients(
    _ spec: PartialsSpec, jobs: [ProgramJob], values: (DerivativeCheck.Plan) -> [Double],
    references: [PartialsOutcome.Reference]
  ) -> [PartialsOutcome.Gradient] {
    let vars = spec.variables
    var out: [PartialsOutcome.Gradient] = []
    for (p, point) in spec.points.enumerated() {
      let mine = jobs.filter { $0.point == p }
      let estimates = mine.map { $0.lecture.estimates(values($0.lecture)) }
      for (k, h) in spec.gradientSteps.enumerated() {
        var byScheme: [String: [Num]] = [:]
        for scheme in spec.schemes {
          byScheme[scheme.rawValue] = vars.indices.map { v in
            let j = mine.firstIndex { $0.variable == v && $0.scheme == scheme } ?? 0
            return Num(estimates[j][k])
          }
        }
        out.append(
          PartialsOutcome.Gradient(
            pointNumber: p + 1, at: PointValues(vars, point), h: h,
            exact: references[(p * vars.count)..<((p + 1) * vars.count)].map(\.value),
            estimates: byScheme))
      }
    }
    return out
  }

  /// One check per point and scheme, its entries in variable order (`entries` are grouped by
  /// point, variable and scheme as the jobs are).
  static func gradientChecks(_ spec: PartialsSpec, _ all: [PartialsOutcome.GradientEntry])
    -> [PartialsOutcome.GradientCheck]
  {
    let vars = spec.variables
    let perPoint = vars.count * spec.schemes.count
    var out: [PartialsOutcome.GradientCheck] = []
    for (p, point) in spec.points.enumerated() {
      for (s, scheme) in spec.schemes.enumerated() {
        let mine = vars.indices.map { v in all[p * perPoint + v * spec.schemes.count + s] }
        out.append(
          PartialsOutcome.GradientCheck(
            pointNumber: p + 1, at: PointValues(vars, point), scheme: scheme, entries: mine,
            expectedWrong: spec.expectedWrong))
      }
    }
    return out
  }
}
