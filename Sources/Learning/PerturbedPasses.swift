/// The textbook numerical gradient's forward passes, several at a time: the losses of parameter
/// vectors that each differ from the network's in one entry, every one a full forward pass.
///
/// The first layer's products of a group of passes are formed by one `gemm`,
/// `x [W1' | W1'' | ...]`, against a matrix of the group's first-layer weights side by side
/// (each a copy of `W1`, with the pass's own entry perturbed when it lies in `W1`); the rest
/// of each pass (bias, activation, later layers, softmax and loss) runs pass by pass as
/// `Network.forward` runs it. Every pass still multiplies all of `x` by all of its `W1`: the
/// work is the textbook's, in fewer and wider calls (OpenBLAS packs `x` once per group instead
/// of once per pass, and runs its kernel on wider panels).
///
/// Error Bounds: the losses are `Network.forward`'s to the bit, or this is not used: OpenBLAS
/// computes each entry of a product as one chain over `k` that does not depend on the other
/// columns (measured for the SkylakeX kernels: wide and separate products agree to the bit),
/// and the first group of every size is checked against separate passes; on any difference
/// the worker falls back to separate passes for the rest of the run.
///
/// Complexity: the textbook's floating-point work; memory for `group` copies of `W1` and
/// `batch x group * width` products.
final class PerturbedPasses<S: BLASScalar> {
  private let net: Network<S>
  private let x: UnsafePointer<S>, labels: UnsafePointer<UInt8>, ws: Workspace<S>
  /// Passes per group (1: every pass on its own).
  let group: Int
  private let (inputs, width): (Int, Int)
  /// `inputs x group * width`: the group's first-layer weights side by side.
  private let wide: UnsafeMutablePointer<S>
  /// `batch x group * width`: their products with `x`.
  private let products: UnsafeMutablePointer<S>
  /// Group sizes whose wide products agreed with separate passes.
  private var verified: Set<Int> = []
  private var batched: Bool

  /// Whether passes are still formed in groups (not fallen back to separate passes).
  var isGrouping: Bool { batched && group > 1 }

  /// Columns of a group's product (some thousand: wide enough for OpenBLAS's panels, small
  /// enough for the cache).
  static var groupColumns: Int { 1536 }

  init(_ net: Network<S>, _ x: UnsafePointer<S>, _ labels: UnsafePointer<UInt8>, _ ws: Workspace<S>)
  {
    (self.net, self.x, self.labels, self.ws) = (net, x, labels, ws)
    (inputs, width) = (net.layers[0], net.layers[1])
    let eligible = net.formsFirstProductWhole(batch: ws.batch) && width < Self.groupColumns / 2
    group = eligible ? min(64, Self.groupColumns / width) : 1
    batched = eligible
    let columns = group * width
    wide = .allocate(capacity: eligible ? inputs * columns : 1)
    products = .allocate(capacity: eligible ? ws.batch * columns : 1)
    guard eligible else { return }
    let w1 = net.weights(0)
    for i in 0..<inputs {
      for g in 0..<group {
        (wide + i * columns + g * width).initialize(from: w1 + i * width, count: width)
      }
    }
  }

  deinit {
    wide.deallocate()
    products.deallocate()
  }

  /// The loss with `parameters[index] = value` for each pair, in order; on return every
  /// parameter holds its original bits.
  func losses(_ points: [(index: Int, value: S)]) -> [S] {
    var result: [S] = []
    result.reserveCapacity(points.count)
    var start = 0
    while start < points.count {
      let part = Array(points[start..<min(start + group, points.count)])
      result += losses(ofGroup: part)
      start += part.count
    }
    return result
  }

  private func losses(ofGroup part: [(index: Int, value: S)]) -> [S] {
    guard batched else { return part.map(separate) }
    let together = widePasses(part)
    if verified.contains(part.count) { return together }
    let apart = part.map(separate)
    let same = zip(together, apart).allSatisfy {
      $0.sign == $1.sign && $0.exponentBitPattern == $1.exponentBitPattern
        && $0.significandBitPattern == $1.significandBitPattern
    }
    if same {
      verified.insert(part.count)
    } else {
      batched = false
    }
    return apart
  }

  /// One pass by `Network.forward`, the textbook's own.
  private func separate(_ point: (index: Int, value: S)) -> S {
    let p = net.parameterStorage + point.index
    let saved = p.pointee
    p.pointee = point.value
    defer { p.pointee = saved }
    return net.forward(x, labels: labels, ws, split: false)
  }

  private func widePasses(_ part: [(index: Int, value: S)]) -> [S] {
    let (batch, columns, weights) = (ws.batch, group * width, inputs * width)
    let w1 = net.weights(0)
    for (g, point) in part.enumerated() where point.index < weights {
      wide[point.index / width * columns + g * width + point.index % width] = point.value
    }
    S.gemm(
      transposeA: false, transposeB: false, m: batch, n: part.count * width, k: inputs, alpha: 1,
      a: x, lda: inputs, b: wide, ldb: columns, beta: 0, c: products, ldc: columns)
    for (g, point) in part.enumerated() where point.index < weights {
      wide[point.index / width * columns + g * width + point.index % width] = w1[point.index]
    }
    return part.enumerated().map { g, point in
      for r in 0..<batch {
        (ws.pre[0] + r * width).update(from: products + r * columns + g * width, count: width)
      }
      let p = net.parameterStorage + point.index
      let saved = p.pointee
      if point.index >= weights { p.pointee = point.value }
      defer { p.pointee = saved }
      return net.forward(x, labels: labels, ws, split: false, firstProductFormed: true)
    }
  }
}
