import Calculus
import Foundation

/// `kind: partials`: every partial derivative and the gradient of a function of several
/// variables, swept over h like `convergence`, plus the Hessian's central second differences.
enum Partials: ExperimentKindDefinition {
  static let name = "partials"

  static func run(_ spec: PartialsSpec, context: RunContext) throws -> PartialsOutcome {
    if let program = spec.program { return try runProgram(spec, program, context: context) }
    let vars = spec.variables
    let derivatives = vars.map { SweepAnalysis.derivatives(of: spec.f, variable: $0) }
    var jobs: [(point: Int, variable: Int, precision: Precision, scheme: Scheme)] = []
    for p in spec.points.indices {
      for v in vars.indices {
        for precision in spec.precisions {
          for scheme in spec.schemes { jobs.append((p, v, precision, scheme)) }
        }
      }
    }
    let jobList = jobs
    let steps = spec.grid.steps
    let outcomes = try parallelMap(jobList.count, context: context) { k in
      let job = jobList[k]
      return try SweepAnalysis.run(
        f: spec.f, variables: vars,
        point: spec.points[job.point], index: job.variable, scheme: job.scheme,
        precision: job.precision, steps: steps, expectation: spec.expectations[job.scheme],
        tolerance: spec.tolerance)
    }
    let results = zip(jobs, outcomes).map { job, outcome in
      PartialsOutcome.Sweep(
        pointNumber: job.point + 1, at: PointValues(vars, spec.points[job.point]),
        variable: vars[job.variable], partial: derivatives[job.variable][1].description,
        outcome: outcome)
    }
    var hessian: [PartialsOutcome.HessianEntry] = []
    if spec.hessian {
      var pairs: [(Int, Int, Int)] = []
      for p in spec.points.indices {
        for i in vars.indices { for j in i..<vars.count { pairs.append((p, i, j)) } }
      }
      let pairList = pairs
      hessian = try parallelMap(pairList.count, context: context) { k in
        hessianSweep(spec, point: pairList[k].0, pairList[k].1, pairList[k].2, steps: steps)
      }
    }
    return PartialsOutcome(
      f: spec.text, variables: vars, results: results,
      gradients: gradients(spec, derivatives: derivatives), hessian: hessian,
      checks: valueChecks(spec))
  }

  /// The gradient at the notes' steps: exact against each scheme, in double.
  static func gradients(_ spec: PartialsSpec, derivatives: [[Expression]])
    -> [PartialsOutcome.Gradient]
  {
    let vars = spec.variables
    var out: [PartialsOutcome.Gradient] = []
    for (p, point) in spec.points.enumerated() {
      var env: [String: ReferenceReal] = [:]
      for (name, value) in zip(vars, point) { env[name] = ReferenceReal(value) }
      let exact = derivatives.map { Double($0[1].evaluate(env) as ReferenceReal) }
      for h in spec.gradientSteps {
        var estimates: [String: [Num]] = [:]
        for scheme in spec.schemes {
          estimates[scheme.rawValue] = vars.indices.map { v in
            Num(
              SweepAnalysis.estimate(
                f: spec.f, variables: vars, point: point, index: v, scheme: scheme,
                precision: .double, step: h))
          }
        }
        out.append(
          PartialsOutcome.Gradient(
            pointNumber: p + 1, at: PointValues(vars, point), h: h, exact: exact.map(Num.init),
            estimates: estimates))
      }
    }
    return out
  }

  static func valueChecks(_ spec: PartialsSpec) -> [ValueCheck] {
    spec.checks.map { check in
      ValueCheck(
        "point", check.pointIndex + 1, f: spec.f, variables: spec.variables,
        point: spec.points[check.pointIndex],
        index: spec.variables.firstIndex(of: check.variable)!, scheme: check.scheme,
        step: check.step, equals: check.equals, tolerance: check.tolerance)
    }
  }

  static func explain(_ s: PartialsSpec) -> [String] { explain(s, language: .en) }

  static func explain(_ s: PartialsSpec, language: Language) -> [String] {
    var lines: [String] = []
    if let p = s.program {
      lines.append(
        language(
          .showProgram(
            variables: s.variables.joined(separator: ", "), program: p.f.display,
            folder: p.f.directory.path, precision: p.f.precision.rawValue)))
      lines.append(
        p.gradient.map { language(.showGradientProgram(program: $0.display)) }
          ?? language(.showAdaptiveReference))
    } else {
      lines.append("f(\(s.variables.joined(separator: ", "))) = \(s.f)")
      for v in s.variables { lines.append("  ∂f/∂\(v) = \(s.f.derivative(withRespectTo: v))") }
    }
    let points = s.points.map { p in
      "(" + zip(s.variables, p).map { "\($0) = \(short($1))" }.joined(separator: ", ") + ")"
    }
    lines.append(language(.showAt(points: points.joined(separator: "; "))))
    lines.append(
      language(.showSchemes(schemes: schemeList(s.schemes, language))) + "; "
        + language(
          .showExpect(
            expectations: describeExpectations(s.expectations, language: language), tolerance: nil))
    )
    if s.hessian { lines.append(language(.showHessian)) }
    return lines
  }
}
