import Calculus
import Foundation

/// Runs `kind: descent`.
enum DescentRunner {
  struct Run: Sendable {
    var gradient: GradientSource
    var run: DescentRun
  }

  static func run(_ experiment: Experiment, _ spec: DescentSpec, context: RunContext) throws
    -> ExperimentResult
  {
    let vars = spec.variables
    let f: @Sendable ([Double]) -> Double = spec.f.compiled(variables: vars)
    let partials: [@Sendable ([Double]) -> Double] = vars.map {
      spec.f.derivative(withRespectTo: $0).compiled(variables: vars)
    }
    var jobs: [(GradientSource, Double)] = []
    for source in spec.gradients { for rate in spec.learningRates { jobs.append((source, rate)) } }
    let jobList = jobs
    let runs = parallelMap(jobList.count) { k -> Run in
      let (source, rate) = jobList[k]
      let gradient: ([Double]) -> [Double]
      if let scheme = source.scheme {
        gradient = { x in FiniteDifference.gradient(of: f, at: x, step: spec.step, scheme: scheme) }
      } else {
        gradient = { x in partials.map { $0(x) } }
      }
      return Run(
        gradient: source,
        run: GradientDescent.run(
          f: f, gradient: gradient, start: spec.start, learningRate: rate, steps: spec.steps,
          tolerance: spec.tolerance, divergenceBound: spec.divergenceBound))
    }

    var result = ExperimentResult(experiment: experiment)
    var json: [JSON] = []
    var table = CSVTable(columns: ["gradient", "learning_rate", "step"] + vars + ["f"])
    var rows: [[String]] = []
    for r in runs {
      let run = r.run
      json.append(
        .object([
          ("learning_rate", .num(run.learningRate)), ("gradient", .string(r.gradient.rawValue)),
          ("status", .string(run.status.rawValue)), ("steps", .int(run.stepsTaken)),
          ("final_point", .array(run.finalPoint.map(JSON.num))),
          ("final_value", .num(run.finalValue)),
          ("reason", .string(run.reason)),
        ]))
      for (k, (x, value)) in zip(run.iterates, run.values).enumerated() {
        table.append(
          [.string(r.gradient.rawValue), .number(run.learningRate), .int(k)] + x.map { .number($0) }
            + [.number(value)])
      }
      rows.append([
        r.gradient.rawValue, short(run.learningRate), run.status.rawValue, String(run.stepsTaken),
        String(format: "%.4g", run.finalValue), run.reason,
      ])
      let expected: DescentStatus? =
        spec.expectConverges.contains(run.learningRate)
        ? .converged
        : spec.expectDiverges.contains(run.learningRate)
          ? .diverged
          : spec.expectTooSlow.contains(run.learningRate) ? .tooSlow : nil
      if let expected, expected != run.status {
        result.failures.append(
          "learning rate \(short(run.learningRate)) (\(r.gradient.rawValue) gradient): expected \(expected.rawValue), got \(run.status.rawValue) (\(run.reason))"
        )
      }
    }

    // Paths of the other gradient sources against the first one, rate by rate.
    var agreement: [JSON] = []
    if spec.gradients.count > 1 {
      let reference = runs.filter { $0.gradient == spec.gradients[0] }
      for other in runs where other.gradient != spec.gradients[0] {
        guard let base = reference.first(where: { $0.run.learningRate == other.run.learningRate })
        else { continue }
        let common = min(base.run.iterates.count, other.run.iterates.count)
        var distance = 0.0
        for k in 0..<common {
          let d = zip(base.run.iterates[k], other.run.iterates[k]).map { ($0 - $1) * ($0 - $1) }
            .reduce(0, +).squareRoot()
          distance = max(distance, d)
        }
        agreement.append(
          .object([
            ("learning_rate", .num(other.run.learningRate)),
            ("gradient", .string(other.gradient.rawValue)),
            ("reference", .string(spec.gradients[0].rawValue)), ("max_distance", .num(distance)),
            ("common_steps", .int(common - 1)),
          ]))
        rows.append([
          "\(other.gradient.rawValue) vs \(spec.gradients[0].rawValue)",
          short(other.run.learningRate), "", "", String(format: "%.3g", distance),
          "largest distance between the two paths",
        ])
        if let bound = spec.expectPathAgreement, base.run.status == .converged, !(distance <= bound)
        {
          result.failures.append(
            String(
              format: "learning rate %@: the %@ path departs from the %@ path by %.3g > %.3g",
              short(other.run.learningRate), other.gradient.rawValue, spec.gradients[0].rawValue,
              distance, bound))
        }
      }
    }

    result.passed = result.failures.isEmpty
    result.summary = [
      ("f", .string(spec.text)), ("variables", .array(vars.map(JSON.string))),
      ("start", .array(spec.start.map(JSON.num))), ("runs", .array(json)),
    ]
    if !agreement.isEmpty { result.summary.append(("path_agreement", .array(agreement))) }
    result.tables = [("paths.csv", table)]
    let header = ["gradient", "learning rate", "status", "steps", "final f", "why"]
    result.terminal = alignedTable(header: header, rows: rows)
    result.figures = DescentFigures.make(spec: spec, runs: runs)
    result.markdown =
      markdownSection(experiment, result: result)
      + markdownTable(header: header, rows: rows.map { "| " + $0.joined(separator: " | ") + " |" })
    return result
  }
}
