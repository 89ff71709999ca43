import Calculus
import Foundation

/// Runs `kind: partials`.
enum PartialsRunner {
  struct Job: Sendable {
    var pointIndex: Int
    var variableIndex: Int
    var precision: Precision
    var scheme: Scheme
  }

  /// One Hessian entry's sweep (central second differences, in Double).
  struct HessianOutcome: Sendable {
    var pointIndex: Int
    var i: Int
    var j: Int
    var exact: Double
    var samples: [(step: Double, estimate: Double, error: Double)]
    var fit: FitOutcome
    var prediction: TaylorPrediction
    var expected: Double?
    var passed: Bool
    var verdict: String
  }

  static func run(_ experiment: Experiment, _ spec: PartialsSpec, context: RunContext) throws
    -> ExperimentResult
  {
    let steps = spec.grid.steps
    let vars = spec.variables
    let derivatives = vars.map { SweepAnalysis.derivatives(of: spec.f, variable: $0) }
    var jobs: [Job] = []
    for p in spec.points.indices {
      for v in vars.indices {
        for precision in spec.precisions {
          for scheme in spec.schemes {
            jobs.append(Job(pointIndex: p, variableIndex: v, precision: precision, scheme: scheme))
          }
        }
      }
    }
    let jobList = jobs
    let outcomes = parallelMap(jobList.count) { k in
      let job = jobList[k]
      return SweepAnalysis.run(
        f: spec.f, derivatives: derivatives[job.variableIndex], variables: vars,
        point: spec.points[job.pointIndex], index: job.variableIndex, scheme: job.scheme,
        precision: job.precision, steps: steps, expectation: spec.expectations[job.scheme],
        tolerance: spec.tolerance)
    }

    var result = ExperimentResult(experiment: experiment)
    var json: [JSON] = []
    var table = CSVTable(columns: ["point", "at", "variable"] + SweepReporting.csvColumns)
    var terminalRows: [[String]] = []
    var markdownRows: [String] = []
    for (job, outcome) in zip(jobs, outcomes) {
      let point = spec.points[job.pointIndex]
      let variable = vars[job.variableIndex]
      let at = pointText(vars, point)
      let leading: [(String, JSON)] = [
        ("f", .string(spec.text)), ("at", atJSON(vars, point)), ("variable", .string(variable)),
        ("partial", .string(derivatives[job.variableIndex][1].description)),
      ]
      json.append(SweepReporting.json(outcome, leading: leading))
      for row in SweepReporting.csvRows(
        outcome, leading: [.int(job.pointIndex), .string(at), .string(variable)])
      {
        table.append(row)
      }
      terminalRows.append([at, "∂/∂\(variable)"] + SweepReporting.terminalRow(outcome))
      markdownRows.append(SweepReporting.markdownRow(outcome, leading: [at, "∂f/∂\(variable)"]))
      if let failure = SweepReporting.failure(outcome, subject: "∂f/∂\(variable) at \(at)") {
        result.failures.append(failure)
      }
    }

    // The gradient table: exact against each scheme at the seeds' steps.
    var gradients: [JSON] = []
    var gradientTable = CSVTable(columns: [
      "point", "at", "h", "scheme", "variable", "estimate", "exact", "error",
    ])
    var gradientLines: [String] = []
    for (p, point) in spec.points.enumerated() {
      var env: [String: Float80] = [:]
      for (name, value) in zip(vars, point) { env[name] = Float80(value) }
      let exact = derivatives.map { Double($0[1].evaluate(env) as Float80) }
      gradientLines.append(
        "  ∇f at \(pointText(vars, point)) = [\(exact.map { String(format: "%.10g", $0) }.joined(separator: ", "))] (exact)"
      )
      for h in spec.gradientSteps {
        var estimates: [(String, JSON)] = []
        for scheme in spec.schemes {
          let values = vars.indices.map { v in
            SweepAnalysis.estimate(
              f: spec.f, variables: vars, point: point, index: v, scheme: scheme,
              precision: .double, step: h)
          }
          estimates.append((scheme.rawValue, .array(values.map(JSON.num))))
          for v in vars.indices {
            gradientTable.append([
              .int(p), .string(pointText(vars, point)), .number(h), .string(scheme.rawValue),
              .string(vars[v]), .number(values[v]), .number(exact[v]),
              .number(abs(values[v] - exact[v])),
            ])
          }
          gradientLines.append(
            "    \(scheme.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) h = \(short(h)): [\(values.map { String(format: "%.15g", $0) }.joined(separator: ", "))]"
          )
        }
        gradients.append(
          .object([
            ("at", atJSON(vars, point)), ("exact", .array(exact.map(JSON.num))),
            ("estimates", .object(estimates)), ("h", .num(h)),
          ]))
      }
    }

    // The lecture's own numbers.
    var checks: [JSON] = []
    for check in spec.checks {
      let point = spec.points[check.pointIndex]
      let index = vars.firstIndex(of: check.variable)!
      let estimate = SweepAnalysis.estimate(
        f: spec.f, variables: vars, point: point, index: index, scheme: check.scheme,
        precision: .double, step: check.step)
      let gap = abs(estimate - check.equals)
      let passed = gap <= check.tolerance * max(1, abs(check.equals))
      checks.append(
        .object([
          ("at", atJSON(vars, point)), ("variable", .string(check.variable)),
          ("scheme", .string(check.scheme.rawValue)), ("h", .num(check.step)),
          ("estimate", .num(estimate)), ("equals", .num(check.equals)), ("difference", .num(gap)),
          ("passed", .bool(passed)),
        ]))
      let line = String(
        format: "check ∂f/∂%@ at %@, %@, h = %@: estimate %.15g, expected %.15g (difference %.3g)",
        check.variable, pointText(vars, point), check.scheme.rawValue, short(check.step), estimate,
        check.equals, gap)
      gradientLines.append("  " + line + (passed ? "  pass" : "  FAIL"))
      if !passed { result.failures.append(line) }
    }

    // The Hessian's central second differences, each entry with its own order fit.
    var hessians: [HessianOutcome] = []
    if spec.hessian {
      var pairs: [(Int, Int, Int)] = []
      for p in spec.points.indices {
        for i in vars.indices { for j in i..<vars.count { pairs.append((p, i, j)) } }
      }
      let pairList = pairs
      hessians = parallelMap(pairList.count) { k in
        hessianSweep(spec, point: pairList[k].0, pairList[k].1, pairList[k].2, steps: steps)
      }
    }
    var hessianJSON: [JSON] = []
    var hessianTable = CSVTable(columns: [
      "point", "at", "entry", "h", "estimate", "exact", "error",
    ])
    for o in hessians {
      let point = spec.points[o.pointIndex]
      let entry = "f_\(vars[o.i])\(vars[o.j])"
      let fit = o.fit.fit
      hessianJSON.append(
        .object([
          ("at", atJSON(vars, point)), ("entry", .string(entry)),
          ("scheme", .string("central second difference")),
          ("precision", .string("double")), ("status", .string(o.fit.status)),
          ("fitted_order", .num(fit?.order)),
          ("predicted_order", o.prediction.order.map { .int($0) } ?? .null),
          ("expected_order", .num(o.expected)),
          ("passed", .bool(o.passed)), ("verdict", .string(o.verdict)),
          ("explanation", .string(o.prediction.explanation)),
          (
            "fit_range",
            fit.map { .array([.num($0.range.lowerBound), .num($0.range.upperBound)]) } ?? .null
          ),
          ("r_squared", .num(fit?.rSquared)), ("error_constant", .num(fit?.constant)),
          ("predicted_constant", .num(o.prediction.isExact ? nil : o.prediction.constant)),
          ("exact", .num(o.exact)),
          (
            "best_h",
            .num(
              o.samples.filter { $0.error > 0 && $0.error.isFinite }.min { $0.error < $1.error }?
                .step)
          ),
        ]))
      for s in o.samples {
        hessianTable.append([
          .int(o.pointIndex), .string(pointText(vars, point)), .string(entry), .number(s.step),
          .number(s.estimate), .number(o.exact), .number(s.error),
        ])
      }
      let fitted = fit.map { String(format: "%.3f", $0.order) } ?? o.fit.status
      terminalRows.append([
        pointText(vars, point), entry, "central2", "double", fitted,
        o.prediction.order.map(String.init) ?? (o.prediction.isExact ? "exact" : "-"),
        o.expected.map { short($0) } ?? "-", fit.map { String(format: "%.4f", $0.rSquared) } ?? "-",
        "-", o.passed ? "pass" : "FAIL",
      ])
      if !o.passed {
        result.failures.append("Hessian \(entry) at \(pointText(vars, point)): \(o.verdict)")
      }
    }

    result.passed = result.failures.isEmpty
    result.summary = [
      ("f", .string(spec.text)), ("variables", .array(vars.map(JSON.string))),
      ("results", .array(json)), ("gradients", .array(gradients)),
    ]
    if !hessianJSON.isEmpty { result.summary.append(("hessian", .array(hessianJSON))) }
    if !checks.isEmpty { result.summary.append(("checks", .array(checks))) }
    result.tables = [("errors.csv", table), ("gradients.csv", gradientTable)]
    if !hessians.isEmpty { result.tables.append(("hessian.csv", hessianTable)) }
    result.terminal =
      alignedTable(header: ["at", "partial"] + SweepReporting.terminalHeader, rows: terminalRows)
      + gradientLines
    result.figures = PartialsFigures.make(
      spec: spec, jobs: jobs, outcomes: outcomes, hessians: hessians)
    result.markdown =
      markdownSection(experiment, result: result)
      + markdownTable(
        header: ["at", "partial"] + SweepReporting.terminalHeader, rows: markdownRows)
    return result
  }

  static func hessianSweep(_ spec: PartialsSpec, point p: Int, _ i: Int, _ j: Int, steps: [Double])
    -> HessianOutcome
  {
    let vars = spec.variables
    let point = spec.points[p]
    let (exact, fValue, prediction) = SweepAnalysis.secondPartialPrediction(
      of: spec.f, variables: vars, point: point, i, j, epsilon: Double.ulpOfOne)
    let exact80 = Float80(exact)
    let g: @Sendable ([Double]) -> Double = spec.f.compiled(variables: vars)
    let samples = steps.map { h -> (Double, Double, Double) in
      let estimate = FiniteDifference.secondPartial(of: g, at: point, variables: i, j, step: h)
      return (h, estimate, estimate.isFinite ? Double(abs(Float80(estimate) - exact80)) : .nan)
    }
    let eps = Double.ulpOfOne
    let floor: (Double) -> Double = { h in
      (i == j ? 4 : 1) * eps * max(abs(fValue), .leastNormalMagnitude) / (h * h)
    }
    let isExact = prediction.isExact
    let usable = samples.filter { $0.2.isFinite }
    let fit = OrderFitting.fit(
      steps: usable.map(\.0), errors: usable.map(\.2), roundoffFloor: floor,
      truncationIsExact: isExact)
    let expected: Double?
    switch spec.hessianExpectation {
    case .order(let o)?: expected = o
    case .auto?: expected = prediction.order.map(Double.init)
    case nil: expected = nil
    }
    let (passed, verdict) = judge(fit, expected: expected, tolerance: spec.tolerance)
    return HessianOutcome(
      pointIndex: p, i: i, j: j, exact: Double(exact80), samples: samples, fit: fit,
      prediction: prediction, expected: expected, passed: passed, verdict: verdict)
  }
}

func pointText(_ vars: [String], _ point: [Double]) -> String {
  "(" + zip(vars, point).map { "\($0)=\(short($1))" }.joined(separator: ", ") + ")"
}

func atJSON(_ vars: [String], _ point: [Double]) -> JSON {
  .object(zip(vars, point).map { ($0, JSON.num($1)) })
}
