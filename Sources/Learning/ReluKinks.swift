import Calculus

/// Where a finite-difference step crosses a relu kink: one computation for the parameters
/// whose ±h step crosses one (`kinkEntries`) and for the step at which a sweep along a
/// direction first crosses one (`kinkStep(_:inputs:along:)`).
extension NetworkGradientCheck {
  /// The smallest `|t|` at which the relu pre-activation `z + t * rate` reaches zero (its kink),
  /// moving either way: `|z| / |rate|`.
  ///
  /// Every kink question of the gradient check comes down to this: a parameter direction moves
  /// each hidden pre-activation `z` at a rate `dz/dt`, and a stencil point at `t = o * h`
  /// evaluates the relu on the other side of its kink once `|t|` passes this step.
  ///
  /// Error Bounds: one rounding of the quotient (half an ulp).
  ///
  /// Edge Cases:
  /// - `rate == 0`: `+infinity` (the pre-activation does not move), even when `z == 0`.
  /// - `z == 0` with `rate != 0`: 0 (the point sits on the kink).
  /// - NaN in either gives NaN.
  ///
  /// Complexity: O(1).
  @inlinable
  public static func kinkStep<S: FloatingPoint>(preActivation z: S, rate: S) -> S {
    rate == 0 ? .infinity : abs(z) / abs(rate)
  }

  /// The parameters whose finite-difference step crosses a relu kink, as flat indices within
  /// each tensor (W1, b1, W2, b2, ...).
  ///
  /// With `reach = h * max|offset|` of the scheme's stencil, a parameter is listed when, for
  /// some sample, `kinkStep(preActivation:rate:)` of a hidden pre-activation it moves is at
  /// most `reach`: `W_k[i, j]` moves `z_j` at the rate `a_i` (the layer's input), `b_k[j]` at
  /// rate 1. The output layer has no kink; sigmoid networks have none.
  ///
  /// Edge Cases: only the direct effect is checked: in networks with several hidden layers a
  /// weight that moves a later pre-activation across zero through the layers in between is not
  /// listed.
  ///
  /// Complexity: one forward pass and O(batch * sum(in * out)) comparisons.
  public static func kinkEntries<S: BLASScalar>(
    _ net: Network<S>, inputs: Matrix<S>, step h: S, scheme: Scheme = .central
  ) -> [[Int]] {
    var kinks = [[Int]](repeating: [], count: net.layout.count)
    guard net.configuration.activation == .relu else { return kinks }
    let reach = h * S(scheme.stencil.map { abs($0.offset) }.max() ?? 1)
    let labels = [UInt8](repeating: 0, count: inputs.rows)
    net.withBatch(inputs, labels) { x, y, ws in
      net.forward(x, labels: y, ws)
      for k in 0..<(net.depth - 1) {
        let (n, m) = (net.layers[k], net.layers[k + 1])
        let a = k == 0 ? x : UnsafePointer(ws.hidden[k - 1])
        let z = ws.pre[k]
        var weightFlags = [Bool](repeating: false, count: n * m)
        var biasFlags = [Bool](repeating: false, count: m)
        for s in 0..<ws.batch {
          let zs = z + s * m
          for j in 0..<m where kinkStep(preActivation: zs[j], rate: 1) <= reach {
            biasFlags[j] = true
          }
          for i in 0..<n where a[s * n + i] != 0 {
            let rate = a[s * n + i]
            for j in 0..<m where kinkStep(preActivation: zs[j], rate: rate) <= reach {
              weightFlags[i * m + j] = true
            }
          }
        }
        kinks[2 * k] = weightFlags.indices.filter { weightFlags[$0] }
        kinks[2 * k + 1] = biasFlags.indices.filter { biasFlags[$0] }
      }
    }
    return kinks
  }

  /// The smallest `|t|` at which some hidden pre-activation of some sample changes sign along
  /// the line `θ + t * direction` in parameter space (θ the network's parameters, `direction`
  /// in its flat layout): the step beyond which a finite difference along `direction` crosses
  /// a relu kink.
  ///
  /// One forward pass gives every pre-activation `z`; a forward-mode pass gives its rate
  /// `dz/dt = a_(k-1) · dW_k + da_(k-1) · W_k + db_k` (with `da = relu'(z) * dz`, in `Double`);
  /// the answer is the least `kinkStep(preActivation: z, rate: dz/dt)`.
  ///
  /// Error Bounds: exact up to rounding for the first hidden layer, whose pre-activations are
  /// affine in t. A deeper layer's pre-activation is a polynomial in t (degree k for layer k,
  /// until an earlier layer crosses a kink); its step is the tangent line's root, first-order
  /// accurate in the step.
  ///
  /// Edge Cases: nil for a sigmoid network, a network without hidden layers, or a direction
  /// that moves no hidden pre-activation. A pre-activation exactly 0 that moves gives 0.
  ///
  /// Complexity: one forward pass and O(batch * parameterCount) operations; inputs equal to
  /// zero are skipped (MNIST images are mostly zeros).
  ///
  /// - Precondition: `direction.count == net.parameterCount`.
  public static func kinkStep<S: BLASScalar>(
    _ net: Network<S>, inputs: Matrix<S>, along direction: [S]
  ) -> S? {
    precondition(direction.count == net.parameterCount, "one direction entry per parameter")
    guard net.configuration.activation == .relu, net.depth > 1 else { return nil }
    let labels = [UInt8](repeating: 0, count: inputs.rows)
    return net.withBatch(inputs, labels) { x, y, ws in
      net.forward(x, labels: y, ws)
      var best = Double.infinity
      var rates = [Double](repeating: 0, count: ws.batch * net.layers[0])
      for k in 0..<(net.depth - 1) {
        let a = k == 0 ? x : UnsafePointer(ws.hidden[k - 1])
        rates = preActivationRates(net, layer: k, inputs: a, inputRates: rates, direction)
        let (m, z) = (net.layers[k + 1], ws.pre[k])
        for at in 0..<(ws.batch * m) {
          best = min(best, kinkStep(preActivation: Double(z[at]), rate: rates[at]))
          if z[at] <= 0 { rates[at] = 0 }  // da = relu'(z) * dz, with relu'(0) = 0
        }
      }
      return best.isFinite ? S(best) : nil
    }
  }

  /// `dz_k/dt = a · dW_k + da · W_k + db_k` for every sample (row-major `batch x out`), with the
  /// layer's inputs `a` (`batch x in`) and their rates `da`, in `Double`.
  private static func preActivationRates<S: BLASScalar>(
    _ net: Network<S>, layer k: Int, inputs a: UnsafePointer<S>, inputRates da: [Double],
    _ direction: [S]
  ) -> [Double] {
    let (n, m) = (net.layers[k], net.layers[k + 1])
    let batch = da.count / n
    let weights = net.weights(k)
    let (dw, db) = (net.layout[2 * k].offset, net.layout[2 * k + 1].offset)
    var rates = [Double](repeating: 0, count: batch * m)
    for s in 0..<batch {
      for j in 0..<m { rates[s * m + j] = Double(direction[db + j]) }
      for i in 0..<n {
        let (ai, dai) = (Double(a[s * n + i]), da[s * n + i])
        guard ai != 0 || dai != 0 else { continue }
        for j in 0..<m {
          rates[s * m + j] +=
            ai * Double(direction[dw + i * m + j]) + dai * Double(weights[i * m + j])
        }
      }
    }
    return rates
  }
}
