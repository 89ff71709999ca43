/// The forward and backward passes over a batch, in parts between the BLAS threads.
extension Network {
  /// The forward pass into `ws`; returns the mean cross-entropy.
  ///
  /// The batch's rows are shared out between the BLAS threads when the largest layer's product
  /// is large (`split`); each part runs every layer on its rows (`rowPass`). With
  /// `firstProductFormed`, `ws.pre[0]` already holds the first layer's product `x W1` as
  /// `rowPass` would form it (see there).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  @discardableResult
  func forward(
    _ x: UnsafePointer<Scalar>, labels: UnsafePointer<UInt8>, _ ws: Workspace<Scalar>,
    split: Bool = true, firstProductFormed: Bool = false
  ) -> Scalar {
    rowPasses(
      x, labels: labels, ws, split: split, deltas: false, firstProductFormed: firstProductFormed)
  }

  /// `rowPass` over the whole batch, in parts between the BLAS threads when `split` and the
  /// largest layer's product is large; returns the mean cross-entropy (the rows' losses added in
  /// row order, whatever the parts).
  ///
  /// The parts are the batch's `units`, whole tiles of `unitRows(batch)` rows, a size that
  /// depends on the batch only: small products run tile by tile, so that every row meets the
  /// same `gemm` calls whatever the thread count (OpenBLAS picks its small-matrix kernel, whose
  /// rounding differs, by the product's size). Given `gradientShares` (with `deltas`), the
  /// halves' shares of the gradient follow, a half per thread (`formGradientShares`).
  func rowPasses(
    _ x: UnsafePointer<Scalar>, labels: UnsafePointer<UInt8>, _ ws: Workspace<Scalar>,
    split: Bool, deltas: Bool, firstProductFormed: Bool = false,
    gradientShares: UnsafeMutablePointer<Scalar>? = nil
  ) -> Scalar {
    let batch = ws.batch
    let (tile, units) = (Self.unitRows(batch), Self.units(batch))
    let threads = split ? passParts(batch: batch) : 1
    if deltas { _ = ws.backwardProducts() }  // allocated before the parts read it
    let shared = UncheckedSendable((self, x, labels, ws))
    BLASThreads.run(parts: threads > 1 ? units.count : 1) { part in
      let (net, x, labels, ws) = shared.value
      for unit in threads > 1 ? part..<part + 1 : units.indices {
        net.rowPass(
          x, labels: labels, ws, rows: units[unit], tile: tile, deltas: deltas,
          firstProductFormed: firstProductFormed)
      }
    }
    if deltas, let gradientShares {
      let halves = Self.halves(batch)
      let parts = min(threads, halves.count)
      let shared = UncheckedSendable((self, x, ws, gradientShares))
      BLASThreads.run(parts: parts) { part in
        let (net, x, ws, gradientShares) = shared.value
        let range = BLASThreads.range(part, of: parts, rows: halves.count)
        let rows = halves[range.lowerBound].lowerBound..<halves[range.upperBound - 1].upperBound
        net.formGradientShares(x, ws, rows: rows, into: gradientShares)
      }
    }
    var total: Scalar = 0
    for r in 0..<batch { total += ws.losses[r] }
    return total / Scalar(batch)
  }

  /// Whether an unsplit pass (`split: false`) at `batch` rows forms the first layer's product
  /// as one plain `x W1` over the whole batch (a wide layer, a batch below
  /// `transposedForwardBatch`): then a caller may form it and pass `firstProductFormed`.
  func formsFirstProductWhole(batch: Int) -> Bool {
    Self.isWide(inputs: layers[0], outputs: layers[1]) && batch < Self.transposedForwardBatch
  }

  /// The rows of a half of the batch (`halves`): half the batch rounded down to a multiple of
  /// 16, so that two threads get nearly equal parts (1000 rows: 496 and 496 + 8), with few small
  /// products per part. (OpenBLAS treats the rows past the last multiple of 16 of a product with
  /// other kernels: a part that starts on a multiple of 16 meets the same kernels as the whole
  /// product, measured.)
  static func tileRows(_ batch: Int) -> Int { 16 * max(1, batch / 32) }

  /// The batch in two: the first tile of `tileRows(batch)` rows and the rest of the batch (a
  /// second tile and the fewer than 32 rows past it), or the whole batch when it is one tile.
  static func halves(_ batch: Int) -> [Range<Int>] {
    let tile = tileRows(batch)
    return tile < batch ? [0..<tile, tile..<batch] : [0..<batch]
  }

  /// From this batch size on, `rowPasses` shares the batch out in units of 64 rows rather than
  /// in halves, in `Double`, so that a thread whose CPU runs slower (a busy host) leaves more of
  /// them to the other (the threads take units from either end, see `BLASThreads.run`). At
  /// 1000 rows, 13 alternated runs of 40 rounds against the halves gave per-round median
  /// ratios of 0.98-1.09, median 1.02: the gain comes in the host's phases where one CPU runs
  /// slower (a C model of the products: 6-14% then, within 1% otherwise). Not in `Float`, where
  /// a 64-row unit's first product is past OpenBLAS's small-matrix limit and packs `W1` once per
  /// unit: 2-4% slower. The gradient's shares are formed by halves afterwards (by units they
  /// would be 16 blocks to add up).
  static var unitBatch: Int { Scalar.self == Double.self ? 500 : .max }

  /// The rows of a unit of `rowPasses` (and of its tiles): 64 from `unitBatch` rows (a multiple
  /// of 16, as `tileRows`), else `tileRows(batch)`.
  static func unitRows(_ batch: Int) -> Int { batch >= unitBatch ? 64 : tileRows(batch) }

  /// The units of `rowPasses`: from `unitBatch` rows, tiles of `unitRows(batch)` in row order,
  /// the last one shorter; below, the `halves`.
  static func units(_ batch: Int) -> [Range<Int>] {
    guard batch >= unitBatch else { return halves(batch) }
    let tile = unitRows(batch)
    return stride(from: 0, to: batch, by: tile).map { $0..<min($0 + tile, batch) }
  }

  /// The number of parts a pass at `batch` rows is worth splitting into: as many as its largest
  /// layer's product asks (`BLASThreads.parts`).
  func passParts(batch: Int) -> Int {
    (0..<depth).map {
      BLASThreads.parts(rows: batch, work: batch * layers[$0] * layers[$0 + 1])
    }.max()!
  }

  /// Whether a layer's products are wide enough to run as one call per part rather than tile
  /// by tile (their rounding does not depend on the number of rows: measured).
  static func isWide(inputs n: Int, outputs m: Int) -> Bool { n * m >= 1 << 14 }

  /// Everything of a pass that is local to the samples `rows` (whole tiles of `tile` rows):
  /// per layer the product (formed transposed for large batches, see `transposedForwardBatch`),
  /// bias and activation, then the softmax and each sample's loss; with `deltas`, also the
  /// output delta and, layer by layer back, `delta W^T` times the activation's derivative.
  /// With `firstProductFormed` the first layer's product is taken from `ws.pre[0]` (only the
  /// bias and activation are applied to it; the caller has checked `formsFirstProductWhole`).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  func rowPass(
    _ x: UnsafePointer<Scalar>, labels: UnsafePointer<UInt8>, _ ws: Workspace<Scalar>,
    rows: Range<Int>, tile: Int, deltas: Bool, firstProductFormed: Bool = false
  ) {
    let batch = ws.batch
    let activation = configuration.activation
    func blocks(whole: Bool, _ body: (Int, Int) -> Void) {
      Self.blocks(rows, tile: tile, whole: whole, body)
    }
    var previous = x
    for k in 0..<depth {
      let (n, m) = (layers[k], layers[k + 1])
      let out: UnsafeMutablePointer<Scalar>? = k < depth - 1 ? ws.hidden[k] : nil
      let (w, b) = (UnsafePointer(weights(k)), UnsafePointer(biases(k)))
      let wide = Self.isWide(inputs: n, outputs: m)
      blocks(whole: wide) { first, count in
        let z = ws.pre[k] + first * m
        if wide && batch >= Self.transposedForwardBatch {
          let t = ws.transposedActivations + first
          Self.blocks(0..<count, tile: Self.transposedForwardRows(inputs: n, outputs: m)) {
            at, rows in
            Scalar.gemm(
              transposeA: true, transposeB: true, m: m, n: rows, k: n, alpha: 1, a: w, lda: m,
              b: previous + (first + at) * n, ldb: n, beta: 0, c: t + at, ldc: batch)
          }
          Kernel.addBias(
            b, toTransposed: t, stride: batch, rows: count, columns: m, into: z,
            activation: activation, into: out.map { $0 + first * m })
        } else {
          if k > 0 || !firstProductFormed {
            Scalar.gemm(
              transposeA: false, transposeB: false, m: count, n: m, k: n, alpha: 1,
              a: previous + first * n, lda: n, b: w, ldb: m, beta: 0, c: z, ldc: m)
          }
          Kernel.addBias(
            b, to: z, rows: count, columns: m, activation: activation,
            into: out.map { $0 + first * m })
        }
      }
      if let out { previous = UnsafePointer(out) }
    }
    let (first, count, classes) = (rows.lowerBound, rows.count, layers[depth])
    let (probabilities, at) = (ws.probabilities + first * classes, first * classes)
    Kernel.softmaxCrossEntropy(
      ws.pre[depth - 1] + at, probabilities: probabilities, labels: labels + first, rows: count,
      classes: classes, losses: ws.losses + first)
    guard deltas else { return }
    Kernel.outputDelta(
      probabilities, labels: labels + first, rows: count, classes: classes, batch: batch,
      into: ws.deltas[depth - 1] + at)
    backwardRows(ws, rows: rows, tile: tile)
  }

  /// The deltas of the samples `rows` (whole tiles of `tile` rows) layer by layer back from
  /// the output delta: `delta W^T` (into `ws.backwardProducts()`, allocated by the caller
  /// before it split the pass) times the activation's derivative.
  private func backwardRows(_ ws: Workspace<Scalar>, rows: Range<Int>, tile: Int) {
    for k in stride(from: depth - 1, to: 0, by: -1) {
      let (n, m) = (layers[k], layers[k + 1])
      Self.blocks(rows, tile: tile, whole: Self.isWide(inputs: n, outputs: m)) { first, count in
        let product = ws.backwardProducts() + first * n
        Scalar.gemm(
          transposeA: false, transposeB: true, m: count, n: n, k: m, alpha: 1,
          a: ws.deltas[k] + first * m, lda: m, b: weights(k), ldb: m, beta: 0, c: product,
          ldc: n)
        Kernel.multiplyByActivationDerivative(
          configuration.activation, product, pre: ws.pre[k - 1] + first * n,
          activated: ws.hidden[k - 1] + first * n, count: count * n,
          into: ws.deltas[k - 1] + first * n)
      }
    }
  }

  /// `body(first, count)` once for the whole of `rows`, or tile by tile.
  @inline(__always)
  static func blocks(
    _ rows: Range<Int>, tile: Int, whole: Bool = false, _ body: (Int, Int) -> Void
  ) {
    if whole { return body(rows.lowerBound, rows.count) }
    for first in stride(from: rows.lowerBound, to: rows.upperBound, by: tile) {
      body(first, min(tile, rows.upperBound - first))
    }
  }

  /// From this batch size on, wide layers' pre-activations are formed transposed (`W^T x^T`:
  /// 0.46 ms instead of 0.52 ms for `x W` at 500 x 784 x 50, slower at 50 rows) and transposed
  /// back while the bias is added.
  static var transposedForwardBatch: Int { 500 }

  /// OpenBLAS's small-matrix limit: a product of at most this many multiply-adds runs with its
  /// small-matrix kernel (SkylakeX kernels), which reads the operands in place instead of
  /// packing them.
  static var smallProduct: Int { 1_000_000 }

  /// The rows of each product of a transposed forward pass (`transposedForwardBatch`): 16 in
  /// `Double`, for layers whose 16-row product is small (`smallProduct`), which
  /// OpenBLAS then runs with its small-matrix kernel, reading `x` in place instead of packing
  /// it (784 x 50 at 496 rows, single-threaded: 0.74 ms in 16-row products against 0.90 ms in
  /// one, measured); otherwise the part's rows in one product, also in `Float`, where the
  /// small-matrix kernel is the slower (16-row products 17% slower than one). The products
  /// start on multiples of 16 whatever the part (parts start on tiles), so the thread count
  /// changes no bit.
  static func transposedForwardRows(inputs n: Int, outputs m: Int) -> Int {
    Scalar.self == Double.self && 16 * n * m <= smallProduct ? 16 : Int.max
  }

  /// Where `gradientPass` puts the gradient.
  enum GradientSink {
    /// Into this flat buffer.
    case buffer(UnsafeMutablePointer<Scalar>)
    /// Straight into the parameters, `p -= learningRate * g` entry by entry (the same rounding
    /// as `update(gradient:learningRate:)` after a gradient into a buffer).
    case descent(learningRate: Scalar)
  }

  /// The loss and the backward pass: `rowPasses` with the deltas, then the weights' and
  /// biases' gradients into `sink`; returns the mean cross-entropy.
  ///
  /// From `sharedGradientBatch` rows each half of the batch's share of the gradient is formed
  /// within `rowPasses` and the shares are added up afterwards (`addGradientShares`). Below it, a large layer's
  /// weight gradient `input^T delta` is split between the BLAS threads by the rows of the
  /// weight matrix; small layers' go to the first part; every part sums its share of each
  /// layer's bias columns. A descent step (`.descent`) that meets a loss that is not finite
  /// changes nothing.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  func gradientPass(
    _ x: UnsafePointer<Scalar>, labels: UnsafePointer<UInt8>, _ ws: Workspace<Scalar>,
    into sink: GradientSink
  ) -> Scalar {
    let batch = ws.batch
    let shares =
      batch >= Self.sharedGradientBatch
      ? ws.gradientShares(count: Self.halves(batch).count * parameterCount) : nil
    let loss = rowPasses(
      x, labels: labels, ws, split: true, deltas: true, gradientShares: shares)
    let (target, rate): (UnsafeMutablePointer<Scalar>, Scalar?) =
      switch sink {
      case .buffer(let g): (g, nil)
      case .descent(let learningRate): (parameterStorage, learningRate)
      }
    if rate != nil && !loss.isFinite { return loss }
    if let shares {
      addGradientShares(shares, batch: batch, into: target, subtracting: rate)
      return loss
    }
    let split = (0..<depth).map {
      BLASThreads.parts(rows: layers[$0], work: batch * layers[$0] * layers[$0 + 1]) > 1
    }
    let parts = split.contains(true) ? BLASThreads.budget : 1
    let shared = UncheckedSendable((self, x, ws, target, rate, split))
    BLASThreads.run(parts: parts) { part in
      let (net, x, ws, target, rate, split) = shared.value
      for k in 0..<net.depth where split[k] || part == 0 {
        net.weightGradient(
          k, x, ws,
          rows: BLASThreads.range(
            split[k] ? part : 0, of: split[k] ? parts : 1,
            rows: net.layers[k]), into: target, subtracting: rate)
      }
      for k in 0..<net.depth {
        let columns = BLASThreads.range(part, of: parts, rows: net.layers[k + 1])
        let biases = target + net.layout[2 * k + 1].offset
        if let rate {
          let sums = ws.gradientScratch + net.layout[2 * k + 1].offset
          Kernel.columnSums(
            ws.deltas[k], rows: batch, columns: columns, stride: net.layers[k + 1], into: sums)
          for j in columns { biases[j] -= rate * sums[j] }
        } else {
          Kernel.columnSums(
            ws.deltas[k], rows: batch, columns: columns, stride: net.layers[k + 1],
            into: biases)
        }
      }
    }
    return loss
  }

  /// Rows `rows` of layer `k`'s weight gradient `input^T delta` into `target` (or subtracted
  /// `rate` times from it).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  func weightGradient(
    _ k: Int, _ x: UnsafePointer<Scalar>, _ ws: Workspace<Scalar>, rows: Range<Int>,
    into target: UnsafeMutablePointer<Scalar>, subtracting rate: Scalar?
  ) {
    let (batch, n, m) = (ws.batch, layers[k], layers[k + 1])
    let input = k == 0 ? x : UnsafePointer(ws.hidden[k - 1])
    let (delta, gw) = (UnsafePointer(ws.deltas[k]), target + layout[2 * k].offset)
    Scalar.gemm(
      transposeA: true, transposeB: false, m: rows.count, n: m, k: batch,
      alpha: rate.map { -$0 } ?? 1, a: input + rows.lowerBound, lda: n, b: delta, ldb: m,
      beta: rate == nil ? 0 : 1, c: gw + rows.lowerBound * m, ldc: m)
  }
}
