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
    let second = spec.f.derivative(withRespectTo: vars[i]).derivative(withRespectTo: vars[j])
    // Leading truncation term: f_iiii h^2/12 on the diagonal, (f_iiij + f_ijjj) h^2/6 off it.
    let lead: Expression
    let factor: Double
    if i == j {
      lead = second.derivative(withRespectTo: vars[i]).derivative(withRespectTo: vars[i])
      factor = 1.0 / 12
    } else {
      lead = Expression.sum([
        second.derivative(withRespectTo: vars[i]).derivative(withRespectTo: vars[i]),
        second.derivative(withRespectTo: vars[j]).derivative(withRespectTo: vars[j]),
      ]).simplified()
      factor = 1.0 / 6
    }
    var env: [String: Float80] = [:]
    for (name, value) in zip(vars, point) { env[name] = Float80(value) }
    let exact80: Float80 = second.evaluate(env)
    let leadValue = Double(lead.evaluate(env) as Float80)
    let fValue = Double(spec.f.evaluate(env) as Float80)
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
    let isExact = lead.simplified().isIdenticallyZero
    let scale = max(abs(Double(exact80)), abs(fValue), 1e-300)
    let vanishes = !isExact && abs(leadValue) <= Taylor.vanishingTolerance * scale
    let constant = abs(leadValue) * factor
    let bestStep =
      isExact || vanishes ? nil : pow((i == j ? 4 : 1) * eps * abs(fValue) / constant, 0.25)
    let prediction = TaylorPrediction(
      order: isExact || vanishes ? nil : 2, constant: constant,
      leadingDerivative: isExact ? nil : 4,
      isExact: isExact,
      explanation: isExact
        ? "the fourth derivatives vanish identically: no truncation error"
        : vanishes ? "the h^2 coefficient vanishes at this point: a higher order shows" : "",
      bestStep: bestStep, bestError: nil)
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
    let (passed, verdict) = judge(fit, expected: expected, tolerance: spec.tolerance)
    return PartialsOutcome.HessianEntry(
      pointNumber: p + 1, at: PointValues(vars, point), i: i, j: j,
      entry: "f_\(vars[i])\(vars[j])", exact: Double(exact80), samples: samples, fit: fit,
      prediction: prediction, expected: expected, passed: passed, verdict: verdict)
  }
}
