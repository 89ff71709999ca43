import Calculus
import Foundation

/// `kind: convergence`: one-variable functions swept over h, every scheme and precision.
enum Convergence: ExperimentKindDefinition {
  static let name = "convergence"

  static func run(_ spec: ConvergenceSpec, context: RunContext) throws -> ConvergenceOutcome {
    let steps = spec.grid.steps
    let derivatives = spec.cases.map {
      $0.program != nil
        ? [Expression?](repeating: .variable("f"), count: $0.derivative + 1)
        : $0.f.readableDerivatives(withRespectTo: $0.variable, upTo: $0.derivative)
    }
    var jobs:
      [(caseIndex: Int, point: Double, precision: Precision, method: ConvergenceSpec.Method)] = []
    for (i, c) in spec.cases.enumerated() {
      for point in c.points {
        for precision in spec.precisions {
          for method in spec.methods { jobs.append((i, point, precision, method)) }
        }
      }
    }
    let jobList = jobs
    let programs = ProgramRuns(spec)
    defer { programs.stop() }
    try prefetchPrograms(
      spec, jobs: jobList.map { ($0.caseIndex, $0.point, $0.method) }, steps: steps,
      programs: programs, context: context)
    let outcomes = try parallelMap(jobList.count, context: context) { k in
      let job = jobList[k]
      if spec.cases[job.caseIndex].program != nil {
        return try programSweep(
          spec, job: k, caseIndex: job.caseIndex, point: job.point, method: job.method,
          steps: steps, programs: programs, context: context)
      }
      return try sweep(
        spec, case: spec.cases[job.caseIndex], point: job.point, precision: job.precision,
        method: job.method, steps: steps)
    }
    let sweeps = zip(jobs, outcomes).map { job, outcome in
      let c = spec.cases[job.caseIndex]
      return ConvergenceOutcome.Sweep(
        caseNumber: job.caseIndex + 1, f: c.text,
        derivative: derivatives[job.caseIndex][c.derivative]?.description, variable: c.variable,
        at: job.point, atSteps: lectureValues(c, point: job.point, outcome: outcome),
        outcome: outcome)
    }
    let checks = spec.checks.map { check in
      let c = spec.cases[check.caseIndex]
      return ValueCheck(
        "case", check.caseIndex + 1, f: c.f, variables: [c.variable], point: [check.point],
        index: 0, scheme: check.scheme, step: check.step, equals: check.equals,
        tolerance: check.tolerance)
    }
    return ConvergenceOutcome(
      results: sweeps, checks: checks, derivativeChecks: programs.isEmpty ? nil : programs.checks)
  }

  /// One sweep of a named scheme or custom stencil for the case's derivative (validated when
  /// the file was decoded, so the stencil errors cannot occur here).
  static func sweep(
    _ spec: ConvergenceSpec, case c: ConvergenceSpec.Case, point: Double, precision: Precision,
    method: ConvergenceSpec.Method, steps: [Double]
  ) throws -> SweepOutcome {
    let checked = spec.expectedPrecisions.contains(precision)
    switch method {
    case .named(let scheme):
      return try SweepAnalysis.run(
        f: c.f, variables: [c.variable], point: [point], index: 0, scheme: scheme,
        derivative: c.derivative, precision: precision, steps: steps,
        expectation: checked ? spec.expectations[scheme] : nil, tolerance: spec.tolerance)
    case .custom(let custom):
      let stencil = try Stencil(
        name: custom.name, offsets: custom.offsets, derivative: c.derivative)
      return try SweepAnalysis.run(
        f: c.f, variables: [c.variable], point: [point], index: 0, stencil: stencil,
        precision: precision, steps: steps,
        expectation: checked ? spec.stencilExpectations[custom.name] : nil,
        tolerance: spec.tolerance)
    }
  }

  /// The estimates at the notes' steps, in double (the notes' arithmetic), for the double sweeps.
  static func lectureValues(_ c: ConvergenceSpec.Case, point: Double, outcome: SweepOutcome)
    -> [StepValue]
  {
    guard c.program == nil, outcome.precision == .double, outcome.derivative == 1,
      outcome.name == outcome.scheme.rawValue
    else { return [] }
    return lectureSteps.map { h in
      let estimate = SweepAnalysis.estimate(
        f: c.f, variables: [c.variable], point: [point], index: 0, scheme: outcome.scheme,
        precision: .double, step: h)
      return StepValue(h: h, estimate: Num(estimate), error: Num(abs(estimate - outcome.exact)))
    }
  }

  static func explain(_ s: ConvergenceSpec) -> [String] { explain(s, language: .en) }

  static func explain(_ s: ConvergenceSpec, language: Language) -> [String] {
    let stencils = s.stencils.map {
      "\($0.name) [\(distinctShort($0.offsets).joined(separator: ", "))]"
    }
    var lines = [
      language(
        .showSchemes(
          schemes: ([schemeList(s.schemes, language)] + stencils).joined(separator: ", "))),
      language(.showPrecision(precisions: precisionList(s.precisions, language))),
      language(
        .showSteps(
          count: s.grid.steps.count, from: short(s.grid.min), to: short(s.grid.max),
          perDecade: s.grid.perDecade)),
      language(
        .showExpect(
          expectations: describeExpectations(s.expectations, language: language),
          tolerance: "\(s.tolerance)")),
    ]
    for (i, c) in s.cases.enumerated() {
      if let program = c.program {
        lines += programLines(i + 1, c, program, language)
        continue
      }
      lines.append(
        language(
          .showCase(
            number: i + 1, variable: c.variable, f: "\(c.f)",
            points: c.points.map(short).joined(separator: ", "))))
      let d = c.f.readableDerivatives(withRespectTo: c.variable, upTo: 3).map {
        $0?.description ?? "⋯ (> \(Expression.readableNodeLimit) nodes)"
      }
      if c.derivative > 1 { lines.append(language(.showDerivativeEstimated(order: c.derivative))) }
      lines += ["  f'   = \(d[1])", "  f''  = \(d[2])", "  f''' = \(d[3])"]
      if let df = c.df { lines.append(language(.showGivenDerivative(df: "\(df)"))) }
    }
    return lines
  }
}
