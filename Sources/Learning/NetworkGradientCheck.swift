import Calculus
import Dispatch
import RealModule
import Synchronization

/// Numerical gradients of a network's loss, relu-kink detection and their comparison with
/// backpropagation.
public enum NetworkGradientCheck {
  /// The seeds' numerical gradient: for every parameter in turn, set it to
  /// `original + offset * h'` for each point of the stencil, run the full forward pass, combine
  /// the losses with the stencil's weights (`(L(+h') - L(-h')) / 2h'` for `central`), and
  /// restore the original value bit for bit, through `NumericalGradient.Stencil`'s one
  /// perturbation mechanism (`h' = (original + h) - original`, the representable step).
  ///
  /// Error Bounds: truncation `c * h^p` of the scheme (order p) plus round-off of about
  /// `eps * |L| / h` per entry; wrong near a relu kink (see `kinkEntries`).
  ///
  /// Complexity: one forward pass per stencil point per parameter (2 * 39,760 passes for the
  /// seeds' network with `central`); the point at offset 0 is computed once. The parameters are
  /// shared between OpenBLAS's threads (`OPENBLAS_NUM_THREADS`), each with its own copy of the
  /// network; the result does not depend on the thread count. The first layer's products of
  /// some thirty passes at a time are formed by one wider product (`PerturbedPasses`), with the
  /// same bits as separate passes (checked as it runs; separate passes where they would differ).
  ///
  /// - Parameters:
  ///   - progress: called once per parameter with (done, total), serialised, from the
  ///     workers' threads.
  /// - Returns: one array per tensor (W1, b1, W2, b2, ...).
  public static func numericalGradientTextbook<S: BLASScalar>(
    _ net: Network<S>, inputs: Matrix<S>, labels: [UInt8], step h: S, scheme: Scheme = .central,
    progress: ((Int, Int) -> Void)? = nil
  ) -> [[S]] {
    net.split(
      numericalGradientTextbook(
        net, inputs: inputs, labels: labels, step: h, scheme: scheme,
        at: Array(0..<net.parameterCount), progress: progress))
  }

  /// The seeds' numerical gradient at the given flat parameter indices only (a sample of the
  /// parameters), in the order given.
  @_specialize(where S == Float)
  @_specialize(where S == Double)
  public static func numericalGradientTextbook<S: BLASScalar>(
    _ net: Network<S>, inputs: Matrix<S>, labels: [UInt8], step h: S, scheme: Scheme = .central,
    at indices: [Int], progress: ((Int, Int) -> Void)? = nil
  ) -> [S] {
    precondition(scheme.isStencil, "the network's loss is real: use a stencil scheme")
    precondition(h > 0, "the step is positive")
    let stencil = NumericalGradient.Stencil<S>(scheme)
    // The parameters are shared out in chunks between BLAS's threads, each worker with its own
    // copy of the network (its own parameters to perturb and buffers) and single-threaded BLAS.
    // Every entry is still one perturbation and one full forward pass per stencil point, by
    // the same operations whichever worker runs it.
    let workers = min(BLASThreads.budget, max(1, indices.count / 64))
    let twins = [net] + (1..<workers).map { _ in net.copy() }
    let chunkSize = max(1, min(256, indices.count / (workers * 8)))
    let chunks = (indices.count + chunkSize - 1) / chunkSize
    let next = Atomic(0)
    let done = Mutex(0)
    var result = [S](repeating: 0, count: indices.count)
    result.withUnsafeMutableBufferPointer { out in
      let (sharedTwins, sharedOut) = (UncheckedSendable(twins), UncheckedSendable(out.baseAddress!))
      let sharedProgress = UncheckedSendable(progress)
      BLASThreads.run(parts: workers) { worker in
        let (net, out, progress) = (
          sharedTwins.value[worker], sharedOut.value, sharedProgress.value
        )
        net.withBatch(inputs, labels) { x, y, ws in
          let base = net.forward(x, labels: y, ws, split: false)
          var parameters = UnsafeMutableBufferPointer(
            start: net.parameterStorage, count: net.parameterCount)
          let passes = PerturbedPasses(net, x, y, ws)
          while true {
            let chunk = next.add(1, ordering: .relaxed).oldValue
            guard chunk < chunks else { break }
            let range = chunk * chunkSize..<min((chunk + 1) * chunkSize, indices.count)
            textbookEntries(
              indices, range, stencil: stencil, step: h, base: base, in: &parameters,
              passes: passes, into: out)
            if let progress {
              done.withLock {
                for _ in range {
                  $0 += 1
                  progress($0, indices.count)
                }
              }
            }
          }
        }
      }
    }
    return result
  }

  /// The textbook's entries `indices[range]` into `out[range]`: the stencil's perturbed values
  /// recorded, their losses computed (passes grouped by `passes`), then the stencil's estimates
  /// from those losses, handed back in the order it asks for them.
  private static func textbookEntries<S: BLASScalar>(
    _ indices: [Int], _ range: Range<Int>, stencil: NumericalGradient.Stencil<S>, step h: S,
    base: S, in parameters: inout UnsafeMutableBufferPointer<S>, passes: PerturbedPasses<S>,
    into out: UnsafeMutablePointer<S>
  ) {
    var points: [(index: Int, value: S)] = []
    for n in range {
      _ = stencil.derivative(at: indices[n], in: &parameters, step: h, centre: base) {
        points.append((indices[n], $0[indices[n]]))
        return 0
      }
    }
    let losses = passes.losses(points)
    var taken = 0
    for n in range {
      out[n] = stencil.derivative(at: indices[n], in: &parameters, step: h, centre: base) { _ in
        defer { taken += 1 }
        return losses[taken]
      }
    }
  }

  /// The same finite differences as `numericalGradientTextbook`, computed by recomputing only
  /// what one perturbed parameter changes.
  ///
  /// For `W1[i, j]` only hidden unit j of the samples with `x_i != 0` changes, by
  /// `delta_a = act(z + x_i * dw) - act(z)`; the sample's loss then changes by
  /// `G(delta_a) = log(sum_k p_k exp(delta_a * W2[j, k])) - delta_a * W2[j, label]`, the
  /// cumulant generating function of the row `W2[j, :]` under the sample's softmax `p`, less
  /// the label's term. G is evaluated by its cumulant series (six terms) when
  /// `|delta_a| * max_k |W2[j, k] - mean| <= 1e-3`, otherwise directly (log1p/expm1 or
  /// log-sum-exp). `b1`, `W2` and `b2` are treated the same way (for `W2[j, k]` only logit k
  /// moves). Each stencil point's loss is formed as `L0 + sum(changes) / batch` and combined
  /// with the stencil's weights by the textbook's own mechanism (`NumericalGradient.Stencil`),
  /// which perturbs the parameter in a per-worker copy of the parameters and hands over the
  /// exact perturbation `(w + offset * h') - w`.
  ///
  /// Only networks with one hidden layer (`layers.count == 3`) take this path; any other depth
  /// falls back to `numericalGradientTextbook`.
  ///
  /// Error Bounds: agrees with the textbook method to its round-off, about `eps * |L| / h`
  /// (below 1e-11 in Double for the seeds' network at h = 1e-4); the textbook's own error bounds
  /// apply.
  ///
  /// Edge Cases: the result does not depend on `threads` (each entry is computed by the same
  /// operations whichever worker computes it).
  ///
  /// Complexity: O(nnz(x) * hidden + batch * hidden * classes) per stencil point: for the seeds'
  /// network on MNIST-like batches some thousand times less work than the textbook method.
  ///
  /// - Parameters:
  ///   - threads: the number of workers (`DispatchQueue.concurrentPerform`, each taking
  ///     parameter chunks in turn, with its own scratch buffers and copy of the parameters).
  ///   - progress: called with (done, total) parameters as chunks finish (serialised; from the
  ///     workers' threads).
  public static func numericalGradientFast<S: BLASScalar>(
    _ net: Network<S>, inputs: Matrix<S>, labels: [UInt8], step h: S, scheme: Scheme = .central,
    threads: Int = 2, progress: ((Int, Int) -> Void)? = nil
  ) -> [[S]] {
    net.split(
      numericalGradientFastFlat(
        net, inputs: inputs, labels: labels, step: h, scheme: scheme, threads: threads,
        progress: progress))
  }

  /// `numericalGradientFast` in the network's flat parameter layout.
  @_specialize(where S == Float)
  @_specialize(where S == Double)
  public static func numericalGradientFastFlat<S: BLASScalar>(
    _ net: Network<S>, inputs: Matrix<S>, labels: [UInt8], step h: S, scheme: Scheme = .central,
    threads: Int = 2, progress: ((Int, Int) -> Void)? = nil
  ) -> [S] {
    precondition(scheme.isStencil, "the network's loss is real: use a stencil scheme")
    precondition(h > 0, "the step is positive")
    precondition(threads >= 1, "at least one thread")
    guard net.depth == 2 else {
      return numericalGradientTextbook(
        net, inputs: inputs, labels: labels, step: h, scheme: scheme,
        at: Array(0..<net.parameterCount), progress: progress)
    }
    return net.withBatch(inputs, labels) { x, y, ws in
      let base = net.forward(x, labels: y, ws)
      let problem = FastProblem(
        net: net, x: x, labels: y, workspace: ws, base: base, step: h, scheme: scheme)
      var result = [S](repeating: 0, count: net.parameterCount)
      result.withUnsafeMutableBufferPointer { out in
        problem.run(threads: threads, into: out.baseAddress!, progress: progress)
      }
      return result
    }
  }
}

/// A value handed to concurrent workers that only read it (or write disjoint parts of what it
/// points to).
struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

/// The cached forward pass and precomputed per-(hidden unit, sample) data of the fast
/// numerical gradient of a one-hidden-layer network.
private struct FastProblem<S: BLASScalar> {
  let batch: Int, inputs: Int, hidden: Int, classes: Int
  let activation: Activation
  let base: S
  let h: S
  /// The scheme's stencil; its centre point uses `base`.
  let stencil: NumericalGradient.Stencil<S>
  /// The network's flat parameters, copied by each worker for the stencil to perturb.
  let parameters: UnsafeBufferPointer<S>
  let x: UnsafePointer<S>
  let labels: UnsafePointer<UInt8>
  let w1: UnsafePointer<S>, b1: UnsafePointer<S>, w2: UnsafePointer<S>, b2: UnsafePointer<S>
  let activated: UnsafePointer<S>  // batch x hidden
  let probabilities: UnsafePointer<S>  // batch x classes
  /// Per (j, s) at `j * batch + s`: pre-activation, activation, series radius, 6 coefficients.
  var z: [S], a: [S], radius: [S], coefficients: [S]
  /// The nonzero inputs of each feature: samples `sampleIndex[start[i]..<start[i+1]]` with
  /// values `sampleValue[...]`.
  var start: [Int], sampleIndex: [Int], sampleValue: [S]
  let flatOffsets: (w1: Int, b1: Int, w2: Int, b2: Int)

  static var seriesLimit: S { 1e-3 }

  init(
    net: Network<S>, x: UnsafePointer<S>, labels: UnsafePointer<UInt8>, workspace ws: Workspace<S>,
    base: S, step: S, scheme: Scheme
  ) {
    batch = ws.batch
    (inputs, hidden, classes) = (net.layers[0], net.layers[1], net.layers[2])
    activation = net.configuration.activation
    self.base = base
    h = step
    stencil = NumericalGradient.Stencil(scheme)
    parameters = UnsafeBufferPointer(start: net.parameterStorage, count: net.parameterCount)
    self.x = x
    self.labels = labels
    (w1, b1, w2, b2) = (
      UnsafePointer(net.weights(0)), UnsafePointer(net.biases(0)), UnsafePointer(net.weights(1)),
      UnsafePointer(net.biases(1))
    )
    activated = UnsafePointer(ws.hidden[0])
    probabilities = UnsafePointer(ws.probabilities)
    flatOffsets = (
      net.layout[0].offset, net.layout[1].offset, net.layout[2].offset, net.layout[3].offset
    )
    let count = hidden * batch
    z = [S](repeating: 0, count: count)
    a = [S](repeating: 0, count: count)
    radius = [S](repeating: 0, count: count)
    coefficients = [S](repeating: 0, count: 6 * count)
    start = [0]
    sampleIndex = []
    sampleValue = []
    prepare(pre: ws.pre[0])
  }

  private mutating func prepare(pre: UnsafePointer<S>) {
    for s in 0..<batch {
      let p = probabilities + s * classes
      var total: S = 0
      for k in 0..<classes { total += p[k] }
      let y = Int(labels[s])
      for j in 0..<hidden {
        let at = j * batch + s
        z[at] = pre[s * hidden + j]
        a[at] = activated[s * hidden + j]
        let w = w2 + j * classes
        var mean: S = 0
        for k in 0..<classes { mean += p[k] * w[k] }
        mean /= total
        var (m2, m3, m4, m5, m6, r): (S, S, S, S, S, S) = (0, 0, 0, 0, 0, 0)
        for k in 0..<classes {
          let d = w[k] - mean
          let d2 = d * d
          let q = p[k]
          m2 += q * d2
          m3 += q * d2 * d
          m4 += q * d2 * d2
          m5 += q * d2 * d2 * d
          m6 += q * d2 * d2 * d2
          r = max(r, abs(d))
        }
        (m2, m3, m4, m5, m6) = (m2 / total, m3 / total, m4 / total, m5 / total, m6 / total)
        let c = 6 * at
        coefficients[c] = mean - w[y]
        coefficients[c + 1] = m2 / 2
        coefficients[c + 2] = m3 / 6
        coefficients[c + 3] = (m4 - 3 * m2 * m2) / 24
        coefficients[c + 4] = (m5 - 10 * m3 * m2) / 120
        coefficients[c + 5] = (m6 - 15 * m4 * m2 - 10 * m3 * m3 + 30 * m2 * m2 * m2) / 720
        radius[at] = r
      }
    }
    for i in 0..<inputs {
      for s in 0..<batch where x[s * inputs + i] != 0 {
        sampleIndex.append(s)
        sampleValue.append(x[s * inputs + i])
      }
      start.append(sampleIndex.count)
    }
  }

  /// The work items: W1 rows 0..<inputs, then b1, then W2 rows, then b2.
  var itemCount: Int { inputs + 1 + hidden + 1 }

  /// A cost estimate of item `item` (for balancing the chunks).
  func cost(_ item: Int) -> Int {
    if item < inputs { return (start[item + 1] - start[item]) * hidden + 1 }
    if item == inputs { return batch * hidden }
    return batch * classes * 8
  }

  func parameterCount(_ item: Int) -> Int {
    item <= inputs ? hidden : classes
  }

  /// Contiguous chunks of items of roughly equal cost, several per thread so that a slow one
  /// does not idle the others: the bounds, first item of each chunk then `itemCount`.
  func chunkBounds(threads: Int) -> [Int] {
    let chunkCount = threads == 1 ? 1 : threads * 8
    let costs = (0..<itemCount).map(cost)
    let total = costs.reduce(0, +)
    var bounds = [0]
    var acc = 0
    for (item, c) in costs.enumerated() {
      acc += c
      if acc * chunkCount >= total * bounds.count && bounds.count < chunkCount {
        bounds.append(item + 1)
      }
    }
    if bounds.last != itemCount { bounds.append(itemCount) }
    return bounds
  }

  func run(threads: Int, into out: UnsafeMutablePointer<S>, progress: ((Int, Int) -> Void)?) {
    // The partition changes which worker computes an entry, never how.
    let chunks = chunkBounds(threads: threads)
    let totalParameters = (0..<itemCount).reduce(0) { $0 + parameterCount($1) }
    let next = Atomic(0)
    let done = Mutex(0)
    // The workers write disjoint entries of `out`, perturb only their own copy of the
    // parameters and only read the rest; `progress` is called under the lock, one at a time.
    let shared = UncheckedSendable((problem: self, out: out, progress: progress))
    let work = { @Sendable (_: Int) in
      let (problem, out, progress) = shared.value
      var scratch = [S](repeating: 0, count: problem.classes)
      var copy = Array(problem.parameters)
      copy.withUnsafeMutableBufferPointer { copy in
        while true {
          let chunk = next.add(1, ordering: .relaxed).oldValue
          guard chunk < chunks.count - 1 else { break }
          var finished = 0
          for item in chunks[chunk]..<chunks[chunk + 1] {
            problem.compute(item, into: out, parameters: &copy, scratch: &scratch)
            finished += problem.parameterCount(item)
          }
          if let progress {
            done.withLock {
              $0 += finished
              progress($0, totalParameters)
            }
          }
        }
      }
    }
    let workers = min(threads, chunks.count - 1)
    if workers <= 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers, execute: work)
    }
  }

  /// The derivative at flat index `target` (current value `w`) by the stencil, whose loss at
  /// each point is `base + change(perturbation) / batch`.
  @inline(__always)
  func derivative(
    at target: Int, _ w: S, in parameters: inout UnsafeMutableBufferPointer<S>,
    change: (S) -> S
  ) -> S {
    let batch = S(self.batch)
    return stencil.derivative(at: target, in: &parameters, step: h, centre: base) {
      base + change($0[target] - w) / batch
    }
  }

  func compute(
    _ item: Int, into out: UnsafeMutablePointer<S>,
    parameters: inout UnsafeMutableBufferPointer<S>, scratch: inout [S]
  ) {
    if item <= inputs {
      // W1 row `item` or b1 (x = 1 for every sample).
      let isBias = item == inputs
      let range = isBias ? 0..<batch : start[item]..<start[item + 1]
      for j in 0..<hidden {
        let w = isBias ? b1[j] : w1[item * hidden + j]
        let target = isBias ? flatOffsets.b1 + j : flatOffsets.w1 + item * hidden + j
        out[target] = derivative(at: target, w, in: &parameters) { dw in
          var change: S = 0
          for n in range {
            let s = isBias ? n : sampleIndex[n]
            let t = isBias ? dw : sampleValue[n] * dw
            let da = activationChange(j * batch + s, t)
            if da != 0 { change += lossChange(j: j, s: s, da, scratch: &scratch) }
          }
          return change
        }
      }
    } else {
      // W2 row j, or b2 (activation 1 for every sample): only logit k moves.
      let j = item - inputs - 1
      let isBias = j == hidden
      for k in 0..<classes {
        let w = isBias ? b2[k] : w2[j * classes + k]
        let target = isBias ? flatOffsets.b2 + k : flatOffsets.w2 + j * classes + k
        out[target] = derivative(at: target, w, in: &parameters) { dw in
          var change: S = 0
          for s in 0..<batch {
            let act = isBias ? 1 : activated[s * hidden + j]
            if act == 0 { continue }
            let delta = act * dw
            let q = probabilities[s * classes + k]
            change += Self.logOnePlusShift(q, delta) - (Int(labels[s]) == k ? delta : 0)
          }
          return change
        }
      }
    }
  }

  /// `act(z + t) - act(z)` for hidden unit and sample at `at`.
  @inline(__always)
  func activationChange(_ at: Int, _ t: S) -> S {
    let zz = z[at]
    switch activation {
    case .relu:
      let moved = zz + t
      if zz > 0 { return moved > 0 ? t : -zz }
      return moved > 0 ? moved : 0
    case .sigmoid:
      return Kernel.sigmoid(zz + t) - a[at]
    }
  }

  /// The change of sample s's loss when hidden unit j's activation changes by `da`.
  @inline(__always)
  func lossChange(j: Int, s: Int, _ da: S, scratch: inout [S]) -> S {
    let at = j * batch + s
    if abs(da) * radius[at] <= Self.seriesLimit {
      let c = 6 * at
      let c1 = coefficients[c]
      let c2 = coefficients[c + 1]
      let c3 = coefficients[c + 2]
      let c4 = coefficients[c + 3]
      let c5 = coefficients[c + 4]
      let c6 = coefficients[c + 5]
      return da * (c1 + da * (c2 + da * (c3 + da * (c4 + da * (c5 + da * c6)))))
    }
    // Directly: log(sum_k p_k exp(da * w_k)) - da * w_label.
    let p = probabilities + s * classes
    let w = w2 + j * classes
    var total: S = 0
    for k in 0..<classes { total += p[k] }
    var largest: S = 0
    for k in 0..<classes { largest = max(largest, abs(da * w[k])) }
    let y = Int(labels[s])
    if largest <= 1 {
      var sum: S = 0
      for k in 0..<classes { sum += p[k] * S.expMinusOne(da * w[k]) }
      return S.log(onePlus: sum / total) - da * w[y]
    }
    var m = -S.infinity
    for k in 0..<classes {
      scratch[k] = S.log(p[k] / total) + da * w[k]
      m = max(m, scratch[k])
    }
    var sum: S = 0
    for k in 0..<classes { sum += S.exp(scratch[k] - m) }
    return m + S.log(sum) - da * w[y]
  }

  /// `log(1 + q * (exp(delta) - 1))`: a sample's log-sum-exp change when one logit of
  /// softmax probability q moves by delta.
  @inline(__always)
  static func logOnePlusShift(_ q: S, _ delta: S) -> S {
    if delta <= 1 { return S.log(onePlus: q * S.expMinusOne(delta)) }
    return delta + S.log(q + (1 - q) * S.exp(-delta))
  }
}
