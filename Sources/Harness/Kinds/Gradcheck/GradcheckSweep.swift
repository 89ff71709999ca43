import Calculus
import Foundation
import Learning

extension Gradcheck {
  /// The error of the directional derivative d/dt loss(θ + t d) at t = 0 against h, where the
  /// exact value is backprop's gradient · d, for a seeded unit direction d in the output layer
  /// (smooth: the orders are asserted) or in all parameters (relu kinks: reported only).
  static func sweep<S: BLASScalar>(
    _ net: Network<S>, inputs: Matrix<S>, labels: [UInt8], analytic: [S], grid: StepGrid,
    spec: GradcheckSpec, direction kind: GradcheckOutcome.DirectionSweep.Direction
  ) -> [GradcheckOutcome.DirectionSweep] {
    let outputLayerOnly = kind == .outputLayer
    var generator = Xoshiro256StarStar(seed: spec.network.configuration.seed &+ 11)
    var direction = (0..<net.parameterCount).map { _ in generator.nextNormal() }
    if outputLayerOnly {
      // Only the last layer's weights and biases (the last two tensors) move.
      let first = net.tensors[net.tensors.count - 2].offset
      for i in 0..<first { direction[i] = 0 }
    }
    let norm = direction.map { $0 * $0 }.reduce(0, +).squareRoot()
    direction = direction.map { $0 / norm }
    let exact = zip(analytic, direction).map { Double($0) * $1 }.reduce(0, +)
    let theta = net.parameters
    defer { net.parameters = theta }
    let f: (S) -> S = { t in
      net.parameters = zip(theta, direction).map { $0 + t * S($1) }
      return net.loss(inputs: inputs, labels: labels)
    }
    let value = Double(f(0))
    let precision: Precision = S.self == Double.self ? .double : .single
    // f(0) above left the parameters at theta.
    let kinkStep =
      outputLayerOnly
      ? nil
      : NetworkGradientCheck.kinkStep(net, inputs: inputs, along: direction.map { S($0) })
        .map(Double.init)
    return spec.sweepSchemes.map { scheme in
      let floor: (Double) -> Double = {
        Taylor.roundoffFloor(
          scheme: scheme, value: value, derivative: exact, epsilon: precision.epsilon, step: $0)
      }
      var samples: [SweepSample] = grid.steps.map { h in
        let estimate = Double(
          FiniteDifference.derivative(of: f, at: S(0), step: S(h), scheme: scheme))
        let effective = Double(S(h))
        return SweepSample(
          step: h, effectiveStep: effective, estimate: estimate, error: abs(estimate - exact),
          roundoffFloor: floor(effective), inFitRange: false)
      }
      let usable = samples.filter { $0.estimate.isFinite }
      let fit = OrderFitting.fit(
        steps: usable.map(\.effectiveStep), errors: usable.map(\.error), roundoffFloor: floor)
      if case .fitted(let r) = fit {
        for i in samples.indices {
          samples[i].inFitRange = r.range.contains(samples[i].effectiveStep)
        }
      }
      let prediction = TaylorPrediction(
        order: scheme.order, constant: .nan, leadingDerivative: nil, isExact: false,
        reason: .nominalOrder, bestStep: nil, bestError: nil)
      let expected: Double? =
        outputLayerOnly
        ? spec.expectations[scheme].map { e in
          if case .order(let p) = e { return p }
          return Double(scheme.order)
        } : nil
      return GradcheckOutcome.DirectionSweep(
        direction: kind, kinkStep: kinkStep,
        outcome: SweepOutcome(
          scheme: scheme, precision: precision, samples: samples, exact: exact, fit: fit,
          prediction: prediction, expectedOrder: expected,
          verdict: judge(fit, expected: expected, tolerance: spec.tolerance)))
    }
  }
}
