import Testing

@testable import Learning

#if canImport(Glibc)
  import Glibc
#endif

/// Products large enough to be split between the BLAS threads (batch 200 of the seeds' network:
/// 7.8 million multiply-adds) go through the worker pool; the split must not change a bit.
@Suite struct SplitPassTests {
  @Test("split passes repeat bit for bit, also after the workers went to sleep, and add up")
  func splitPasses() {
    let net = Network<Double>(NetworkConfiguration(layers: [784, 50, 10], seed: 5))
    var generator = Xoshiro256StarStar(seed: 11)
    let rows = 200
    let x = Matrix<Double>(
      rows: rows, columns: 784, storage: (0..<rows * 784).map { _ in generator.nextUniform() })
    let y = (0..<rows).map { UInt8($0 % 10) }
    var first: [Double] = []
    let loss = net.gradient(inputs: x, labels: y, into: &first)
    usleep(20_000)  // the pool's workers stop spinning and sleep
    var again: [Double] = []
    #expect(net.gradient(inputs: x, labels: y, into: &again) == loss)
    #expect(again == first)
    // The mean over the batch is the mean of the two halves' means (different sums: 1e-12).
    func half(_ r: Range<Int>) -> [Double] {
      let part = Matrix<Double>(
        rows: r.count, columns: 784,
        storage: Array(x.storage[r.lowerBound * 784..<r.upperBound * 784]))
      var g: [Double] = []
      net.gradient(inputs: part, labels: Array(y[r]), into: &g)
      return g
    }
    let (a, b) = (half(0..<100), half(100..<200))
    let scale = first.map(abs).max()!
    let worst = zip(first, zip(a, b)).map { abs($0 - ($1.0 + $1.1) / 2) }.max()!
    #expect(worst <= 1e-12 * scale)
  }
}

/// The parts of a pass (whole tiles whose size depends on the batch only) give the very bits of
/// the whole pass in one part, as with one BLAS thread.
@Suite struct TiledPassTests {
  @Test("a pass in parts equals the pass in one part bit for bit", arguments: [100, 1000, 333])
  func partsEqualWhole(rows: Int) {
    let net = Network<Double>(NetworkConfiguration(layers: [784, 50, 10], seed: 8))
    let (x, y) = randomBatch(rows: rows, features: 784, classes: 10, seed: 4, as: Double.self)
    // From `sharedGradientBatch` rows, also each half's share of the gradient.
    let tiled = rows >= Network<Double>.sharedGradientBatch
    let shares = Network<Double>.halves(rows).count * net.parameterCount
    func pass(split: Bool) -> (Double, [[Double]]) {
      let tiles = UnsafeMutablePointer<Double>.allocate(capacity: shares)
      defer { tiles.deallocate() }
      tiles.initialize(repeating: .nan, count: shares)
      return net.withBatch(x, y) { x, y, ws in
        let loss = net.rowPasses(
          x, labels: y, ws, split: split, deltas: true, gradientShares: tiled ? tiles : nil)
        let buffers = [ws.pre[0], ws.pre[1], ws.hidden[0], ws.deltas[0], ws.deltas[1]]
        let counts = [50, 10, 50, 50, 10].map { rows * $0 } + [tiled ? shares : 0]
        return (
          loss,
          zip(buffers + [tiles], counts).map { Array(UnsafeBufferPointer(start: $0, count: $1)) }
        )
      }
    }
    let (whole, parts) = (pass(split: false), pass(split: true))
    #expect(parts.0 == whole.0)
    #expect(parts.1 == whole.1)
  }
}
