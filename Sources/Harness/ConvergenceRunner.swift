import Calculus
import Foundation

/// Runs `kind: convergence`.
enum ConvergenceRunner {
  /// One (case, point, precision, scheme) of the experiment.
  struct Job: Sendable {
    var caseIndex: Int
    var point: Double
    var precision: Precision
    var scheme: Scheme
  }

  static func run(_ experiment: Experiment, _ spec: ConvergenceSpec, context: RunContext) throws
    -> ExperimentResult
  {
    let steps = spec.grid.steps
    let derivatives = spec.cases.map { SweepAnalysis.derivatives(of: $0.f, variable: $0.variable) }
    var jobs: [Job] = []
    for (i, c) in spec.cases.enumerated() {
      for point in c.points {
        for precision in spec.precisions {
          for scheme in spec.schemes {
            jobs.append(Job(caseIndex: i, point: point, precision: precision, scheme: scheme))
          }
        }
      }
    }
    let jobList = jobs
    let outcomes = parallelMap(jobList.count) { k in
      let job = jobList[k]
      let c = spec.cases[job.caseIndex]
      return SweepAnalysis.run(
        f: c.f, derivatives: derivatives[job.caseIndex], variables: [c.variable],
        point: [job.point],
        index: 0, scheme: job.scheme, precision: job.precision, steps: steps,
        expectation: spec.expectedPrecisions.contains(job.precision)
          ? spec.expectations[job.scheme] : nil,
        tolerance: spec.tolerance)
    }

    var result = ExperimentResult(experiment: experiment)
    var json: [JSON] = []
    var table = CSVTable(columns: ["case", "f", "variable", "at"] + SweepReporting.csvColumns)
    var terminalRows: [[String]] = []
    var markdownRows: [String] = []
    for (job, outcome) in zip(jobs, outcomes) {
      let c = spec.cases[job.caseIndex]
      let subject = "\(c.text) at \(c.variable) = \(short(job.point))"
      var leading: [(String, JSON)] = [
        ("case", .int(job.caseIndex)), ("f", .string(c.text)),
        ("derivative", .string(derivatives[job.caseIndex][1].description)),
        ("variable", .string(c.variable)), ("at", .num(job.point)),
      ]
      leading.append(("at_steps", atSteps(outcome)))
      json.append(SweepReporting.json(outcome, leading: leading))
      for row in SweepReporting.csvRows(
        outcome,
        leading: [.int(job.caseIndex), .string(c.text), .string(c.variable), .number(job.point)])
      {
        table.append(row)
      }
      terminalRows.append([c.text, short(job.point)] + SweepReporting.terminalRow(outcome))
      markdownRows.append(
        SweepReporting.markdownRow(outcome, leading: ["`\(c.text)`", short(job.point)]))
      if let failure = SweepReporting.failure(outcome, subject: subject) {
        result.failures.append(failure)
      }
      if outcome.nonFiniteCount > 0 {
        result.notes.append(
          "\(subject), \(outcome.scheme.rawValue), \(outcome.precision.rawValue): "
            + "\(outcome.nonFiniteCount) step(s) gave a non-finite estimate (h below the precision's reach); excluded from the fit"
        )
      }
    }

    // The lecture's own numbers.
    var checks: [JSON] = []
    for check in spec.checks {
      let c = spec.cases[check.caseIndex]
      let estimate = SweepAnalysis.estimate(
        f: c.f, variables: [c.variable], point: [check.point], index: 0, scheme: check.scheme,
        precision: .double, step: check.step)
      let gap = abs(estimate - check.equals)
      let passed = gap <= check.tolerance * max(1, abs(check.equals))
      checks.append(
        .object([
          ("f", .string(c.text)), ("at", .num(check.point)),
          ("scheme", .string(check.scheme.rawValue)),
          ("h", .num(check.step)), ("estimate", .num(estimate)), ("equals", .num(check.equals)),
          ("difference", .num(gap)), ("passed", .bool(passed)),
        ]))
      let line = String(
        format: "check %@ at %@, %@, h = %@: estimate %@, expected %@ (difference %.3g)",
        c.text, short(check.point), check.scheme.rawValue, short(check.step), String(estimate),
        String(check.equals), gap)
      result.terminal.append("  " + line + (passed ? "  pass" : "  FAIL"))
      if !passed { result.failures.append(line) }
    }

    result.passed = result.failures.isEmpty
    result.summary = [("results", .array(json))]
    if !checks.isEmpty { result.summary.append(("checks", .array(checks))) }
    result.tables = [("errors.csv", table)]
    result.terminal =
      alignedTable(header: ["f", "at"] + SweepReporting.terminalHeader, rows: terminalRows)
      + result.terminal
    result.figures = ConvergenceFigures.make(
      spec: spec, jobs: jobs, outcomes: outcomes, derivatives: derivatives)
    result.markdown =
      markdownSection(experiment, result: result)
      + markdownTable(header: ["f", "at"] + SweepReporting.terminalHeader, rows: markdownRows)
    return result
  }

  /// The estimates at the lecture's step sizes (0.1, 1e-4, 1e-5) where the sweep has them.
  static func atSteps(_ outcome: SweepOutcome) -> JSON {
    .array(
      outcome.samples.filter { [1e-1, 1e-4, 1e-5].contains($0.step) }.map { s in
        .object([("h", .num(s.step)), ("estimate", .num(s.estimate)), ("error", .num(s.error))])
      })
  }
}

/// Where `OutputWriter` puts the figures of a section, in the formats it wrote.
let figureMarker = "<!-- figures -->\n"

/// The heading, description and figure list of an experiment's section in index.md.
func markdownSection(_ experiment: Experiment, result: ExperimentResult) -> String {
  var text =
    "## \(experiment.name)\n\n**\(experiment.title)** (`\(experiment.kind.rawValue)`, "
    + "[\(experiment.path)](../\(experiment.path))): \(result.passed ? "passed" : "**failed**")\n\n"
  if let description = experiment.description {
    text += description.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
  }
  text += figureMarker
  if !result.failures.isEmpty {
    text += result.failures.map { "- FAILED: \($0)" }.joined(separator: "\n") + "\n\n"
  }
  return text
}
