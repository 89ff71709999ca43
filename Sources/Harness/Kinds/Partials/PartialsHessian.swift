import Calculus
import Foundation

extension Partials {
  /// One Hessian entry's sweep: central second differences in double, with the Taylor
  /// prediction of its h^2 term.
  static func hessianSweep(_ spec: PartialsSpec, point p: Int, _ i: Int, _ j: Int, steps: [Double])
    -> PartialsOutcome.HessianEntry
  {
    let vars = spec.variables
    let point = spec.points[p]
    let (exact, fValue, prediction) = SweepAnalysis.secondPartialPrediction(
      of: spec.f, variables: vars, point: point, i, j, epsilon: Double.ulpOfOne)
    let exact80 = Float80(exact)
    let g: @Sendable ([Double]) -> Double = spec.f.compiled(variables: vars)
    let samples = steps.map { h -> PartialsOutcome.HessianSample in
      let estimate = FiniteDifference.secondPartial(of: g, at: point, variables: i, j, step: h)
      return PartialsOutcome.HessianSample(
        step: h, estimate: estimate,
        error: estimate.isFinite ? Double(abs(Float80(estimate) - exact80)) : .nan)
    }
    let eps = Double.ulpOfOne
    let floor: (Double) -> Double = { h in
      (i == j ? 4 : 1) * eps * max(abs(fValue), .leastNormalMagnitude) / (h * h)
    }
    let isExact = prediction.isExact
    let usable = samples.filter { $0.error.isFinite }
    let fit = OrderFitting.fit(
      steps: usable.map(\.step), errors: usable.map(\.error), roundoffFloor: floor,
      truncationIsExact: isExact)
    let expected: Double?
    switch spec.hessianExpectation {
    case .order(let o)?: expected = o
    case .auto?: expected = prediction.order.map(Double.init)
    case nil: expected = nil
    }
    let verdict = judge(fit, expected: expected, tolerance: spec.tolerance)
    return PartialsOutcome.HessianEntry(
      pointNumber: p + 1, at: PointValues(vars, point), i: i, j: j,
      entry: "f_\(vars[i])\(vars[j])", exact: Double(exact80), samples: samples, fit: fit,
      prediction: prediction, expected: expected, verdict: verdict)
  }
}
