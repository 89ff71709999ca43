import Calculus
import Foundation

/// `kind: descent`: gradient descent from a start point for several learning rates and
/// gradient sources.
enum Descent: ExperimentKindDefinition {
  static let name = "descent"

  static func run(_ spec: DescentSpec, context: RunContext) throws -> DescentOutcome {
    let vars = spec.variables
    let functions = DescentFunctions(spec)
    defer { functions.stop() }
    var jobs: [(UpdateRule, GradientSource, Double)] = []
    for update in spec.updates {
      for source in spec.gradients {
        for rate in spec.learningRates { jobs.append((update, source, rate)) }
      }
    }
    let jobList = jobs
    let runs = try parallelMap(jobList.count, context: context) { k -> DescentOutcome.Run in
      let (update, source, rate) = jobList[k]
      return DescentOutcome.Run(
        gradient: source,
        run: try functions.descend(
          source, rate: rate, update: update, cancellation: context.cancellation))
    }

    return DescentOutcome(
      f: spec.text, variables: vars, updates: spec.updates, start: PointValues(vars, spec.start),
      runs: runs,
      pathAgreement: agreement(spec, runs: runs))
  }

  /// Each other gradient source's path against the first one's, rate by rate and rule by rule:
  /// the largest distance between iterates of the same step.
  static func agreement(_ spec: DescentSpec, runs: [DescentOutcome.Run])
    -> [DescentOutcome.PathAgreement]
  {
    guard spec.gradients.count > 1 else { return [] }
    let reference = runs.filter { $0.gradient == spec.gradients[0] }
    var out: [DescentOutcome.PathAgreement] = []
    for other in runs where other.gradient != spec.gradients[0] {
      guard
        let base = reference.first(where: {
          $0.run.learningRate == other.run.learningRate && $0.run.update == other.run.update
        })
      else { continue }
      let common = min(base.run.iterates.count, other.run.iterates.count)
      let distances = (0..<common).map { k -> Double in
        let squares = zip(base.run.iterates[k], other.run.iterates[k]).map { a, b -> Double in
          (a - b) * (a - b)
        }
        return squares.reduce(0, +).squareRoot()
      }
      var largest = 0.0
      for d in distances { largest = max(largest, d) }
      out.append(
        DescentOutcome.PathAgreement(
          learningRate: other.run.learningRate, update: other.run.update, gradient: other.gradient,
          reference: spec.gradients[0], maxDistance: Num(largest),
          commonSteps: common - 1, referenceConverged: base.run.status == .converged,
          distances: distances))
    }
    return out
  }

  static func explain(_ s: DescentSpec) -> [String] { explain(s, language: .en) }

  static func explain(_ s: DescentSpec, language: Language) -> [String] {
    var lines: [String] = []
    if let p = s.program.f {
      lines.append(
        language(
          .showProgramF(
            variables: s.variables.joined(separator: ", "), program: p.display,
            folder: p.directory.path, precision: p.precision.rawValue)))
    } else {
      lines.append("f(\(s.variables.joined(separator: ", "))) = \(s.f)")
      for v in s.variables { lines.append("  ∂f/∂\(v) = \(s.f.derivative(withRespectTo: v))") }
    }
    if let g = s.program.gradient { lines.append(language(.showUserGradient(program: g.display))) }
    let start = zip(s.variables, s.start).map { "\($0) = \(short($1))" }
    lines.append(language(.showStart(point: "(" + start.joined(separator: ", ") + ")")))
    let gradients = s.gradients.map {
      CommonPhrase.gradient($0).text(language)
    }
    lines.append(
      language(
        .showDescentRun(
          rates: s.learningRates.map(short).joined(separator: ", "), steps: s.steps,
          gradients: gradients.joined(separator: ", "),
          updates: s.updates.map { language(.updateRule(rule: $0)) }.joined(separator: ", "))))
    return lines
  }
}
