import Foundation
import Testing

@testable import Learning

@Suite struct PerturbedPassesTests {
  /// Perturbations of every tensor of the seeds' network (W1 first, its last entries, b1, W2,
  /// b2), more than two groups' worth, with a short last group.
  static func points(_ net: Network<Double>) -> [(index: Int, value: Double)] {
    let w1 = 784 * 50
    let indices =
      Array(0..<40) + [w1 - 1, w1 - 50, w1, w1 + 49, w1 + 50, w1 + 555, 39_759]
      + stride(from: 7, to: w1, by: 1999)
    let storage = net.parameters
    return indices.flatMap { i in [(i, storage[i] + 1e-4), (i, storage[i] - 1e-4)] }
  }

  /// The losses of grouped passes are those of separate `Network.forward` passes to the bit,
  /// whether the group's wide product is used (batch 100) or fallen back from (any batch whose
  /// products OpenBLAS would round differently); the parameters are restored.
  @Test(arguments: [100, 20, 7])
  func groupedLossesAreSeparatePasses(batch: Int) {
    let net = Network<Double>(NetworkConfiguration(layers: [784, 50, 10], seed: 42))
    let (x, y) = randomBatch(rows: batch, features: 784, classes: 10, seed: 5, as: Double.self)
    let before = net.parameters.map(\.bitPattern)
    let points = Self.points(net)
    let (grouped, separate) = net.withBatch(x, y) { x, y, ws in
      let passes = PerturbedPasses(net, x, y, ws)
      let grouped = passes.losses(points)
      let separate = points.map { point in
        let p = net.parameterStorage + point.index
        let saved = p.pointee
        p.pointee = point.value
        defer { p.pointee = saved }
        return net.forward(x, labels: y, ws, split: false)
      }
      return (grouped, separate)
    }
    #expect(grouped.map(\.bitPattern) == separate.map(\.bitPattern))
    #expect(net.parameters.map(\.bitPattern) == before)
  }

  /// With OpenBLAS's SkylakeX kernels (CPUs with AVX-512), the seeds' batch of 100 is formed
  /// in groups all along (skipped elsewhere: there the check may fall back).
  @Test(.enabled(if: BLASLibrary.kernel.uppercased().hasPrefix("SKYLAKEX")))
  func theSeedsBatchIsGrouped() {
    let net = Network<Double>(NetworkConfiguration(layers: [784, 50, 10], seed: 42))
    let (x, y) = randomBatch(rows: 100, features: 784, classes: 10, seed: 5, as: Double.self)
    net.withBatch(x, y) { x, y, ws in
      let passes = PerturbedPasses(net, x, y, ws)
      #expect(passes.group > 1)
      _ = passes.losses(Self.points(net))
      #expect(passes.isGrouping)
    }
  }
}
