/// The gradient of a large batch, formed half by half by the parts that ran the halves' rows.
extension Network {
  /// From this batch size on, `gradientPass` forms each of the batch's `halves`' share of the
  /// gradient where `rowPasses` has just computed the half's deltas (`formGradientShares`),
  /// then adds the shares (`addGradientShares`).
  ///
  /// Each part so multiplies only rows its own forward pass read (the weight gradient split by
  /// the rows of `W` made each part read every row of the batch), in products over a half's
  /// rows (`delta^T x` at 50 x 784 x 496: 0.71 ms against 0.78 ms for a part's 50 x 392 x
  /// 1000, single-threaded, measured; now in pieces of `shareRows`). The halves, their pieces
  /// and the order of the sums depend on the batch only, so the thread count changes no bit;
  /// the sums differ from one product over the whole batch by rounding (a few ulps of the
  /// largest term).
  static var sharedGradientBatch: Int { 500 }

  /// The rows of each product of a share of a layer's weight gradient over `rows` rows: the
  /// most, in multiples of 8, that keep `out x in x rows` within OpenBLAS's small-matrix limit
  /// (`smallProduct`), where its kernel reads the operands in place instead of packing them
  /// and adds into the share without first clearing it (784 x 50: 24 rows; 0.92 against 0.97
  /// ms for one product over 496 rows, measured); all `rows` when that is one such product or
  /// a layer too wide for 8 rows.
  static func shareRows(inputs n: Int, outputs m: Int, rows: Int) -> Int {
    let most = smallProduct / (n * m) / 8 * 8
    return rows * n * m <= smallProduct || most == 0 ? rows : most
  }

  /// The shares of the halves among `rows` (whole halves) in the gradient, into each half's
  /// parameter-shaped block of `shares` (half `h` at `h * parameterCount`): per layer the
  /// weight gradient transposed, `delta^T input` (`out x in`: at 496 rows 20% faster than
  /// `input^T delta`, whose `M` is the narrow layer), and the column sums of `delta`.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  func formGradientShares(
    _ x: UnsafePointer<Scalar>, _ ws: Workspace<Scalar>, rows: Range<Int>,
    into shares: UnsafeMutablePointer<Scalar>
  ) {
    for (h, half) in Self.halves(ws.batch).enumerated() where rows.contains(half.lowerBound) {
      let (first, count, block) = (half.lowerBound, half.count, shares + h * parameterCount)
      for k in 0..<depth {
        let (n, m) = (layers[k], layers[k + 1])
        let input = k == 0 ? x : UnsafePointer(ws.hidden[k - 1])
        let delta = UnsafePointer(ws.deltas[k] + first * m)
        Self.blocks(0..<count, tile: Self.shareRows(inputs: n, outputs: m, rows: count)) {
          at, rows in
          Scalar.gemm(
            transposeA: true, transposeB: false, m: m, n: n, k: rows, alpha: 1,
            a: delta + at * m, lda: m, b: input + (first + at) * n, ldb: n,
            beta: at == 0 ? 0 : 1, c: block + layout[2 * k].offset, ldc: n)
        }
        Kernel.columnSums(
          delta, rows: count, columns: 0..<m, stride: m, into: block + layout[2 * k + 1].offset)
      }
    }
  }

  /// The halves' blocks of `shares` (`formGradientShares`) added in order into the first, and
  /// the sum transposed into `target` (flat layout), or subtracted `rate` times from it; split
  /// between the BLAS threads by the rows of each weight matrix and the entries of each bias.
  func addGradientShares(
    _ shares: UnsafeMutablePointer<Scalar>, batch: Int,
    into target: UnsafeMutablePointer<Scalar>, subtracting rate: Scalar?
  ) {
    let parts = passParts(batch: batch)
    let halves = Self.halves(batch).count
    let shared = UncheckedSendable((self, shares, target, rate))
    BLASThreads.run(parts: parts) { part in
      let (net, shares, target, rate) = shared.value
      // A weight matrix's block is `out x in` (its transpose), a bias's `1 x out`.
      for (k, tensor) in net.layout.enumerated() {
        let (rows, columns) = k % 2 == 0 ? (tensor.shape[1], tensor.shape[0]) : (1, tensor.count)
        let share = BLASThreads.range(part, of: parts, rows: columns)
        let first = shares + tensor.offset
        Kernel.accumulate(
          first, blocks: halves, blockStride: net.parameterCount, rows: rows, columns: share,
          stride: columns)
        Kernel.transpose(
          first, rows: rows, columns: share, stride: columns, into: target + tensor.offset,
          subtracting: rate)
      }
    }
  }
}
