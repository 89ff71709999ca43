import Calculus
import Foundation

extension Partials {
  /// One Hessian entry's sweep (`SweepAnalysis.secondPartialSweep`: central second
  /// differences in double, with the Taylor prediction of its h^2 term), as the kind reports it.
  static func hessianSweep(_ spec: PartialsSpec, point p: Int, _ i: Int, _ j: Int, steps: [Double])
    -> PartialsOutcome.HessianEntry
  {
    let vars = spec.variables
    let point = spec.points[p]
    let sweep = SweepAnalysis.secondPartialSweep(
      of: spec.f, variables: vars, point: point, i, j, steps: steps,
      expectation: spec.hessianExpectation, tolerance: spec.tolerance)
    let samples = sweep.analysis.samples.map {
      PartialsOutcome.HessianSample(step: $0.step, estimate: $0.estimate, error: $0.error)
    }
    return PartialsOutcome.HessianEntry(
      pointNumber: p + 1, at: PointValues(vars, point), i: i, j: j,
      entry: "f_\(vars[i])\(vars[j])", exact: sweep.exact, samples: samples,
      fit: sweep.analysis.fit, prediction: sweep.prediction, expected: sweep.expected,
      verdict: sweep.analysis.verdict)
  }
}
