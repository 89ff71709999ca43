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
    // f(0) above left the parameters at theta.
    let kinkStep =
      outputLayerOnly
      ? nil
      : NetworkGradientCheck.kinkStep(net, inputs: inputs, along: direction.map { S($0) })
        .map(Double.init)
    return spec.sweepSchemes.map { scheme in
      let expected =
        outputLayerOnly ? spec.expectations[scheme]?.order(predicted: scheme.order) : nil
      return GradcheckOutcome.DirectionSweep(
        direction: kind, kinkStep: kinkStep,
        outcome: SweepAnalysis.run(
          f, at: 0, exact: exact, value: value, scheme: scheme, steps: grid.steps,
          expected: expected, tolerance: spec.tolerance))
    }
  }
}
