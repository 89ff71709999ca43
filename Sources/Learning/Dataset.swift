/// Labelled samples: `count` rows of `featureCount` features in [0, 1] and a class label each.
public struct Dataset: Sendable, Equatable {
  /// The features, row-major: sample s is `images[s * featureCount ..< (s + 1) * featureCount]`.
  public var images: [Float]
  /// The class of each sample.
  public var labels: [UInt8]
  /// The number of features per sample (784 for 28 x 28 images).
  public var featureCount: Int
  /// A name for messages and results (`fashion-mnist/train`, ...).
  public var name: String

  public init(images: [Float], labels: [UInt8], featureCount: Int, name: String) {
    precondition(featureCount > 0, "a sample has at least one feature")
    precondition(images.count == labels.count * featureCount, "featureCount values per label")
    self.images = images
    self.labels = labels
    self.featureCount = featureCount
    self.name = name
  }

  /// The number of samples.
  public var count: Int { labels.count }

  /// The samples at `range`.
  public func subset(_ range: Range<Int>) -> Dataset {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of the data")
    return Dataset(
      images: Array(images[range.lowerBound * featureCount..<range.upperBound * featureCount]),
      labels: Array(labels[range]), featureCount: featureCount, name: name)
  }

  /// The samples at `indices`, in that order.
  public func batch<C: Collection<Int>>(_ indices: C) -> Dataset {
    var out = [Float]()
    out.reserveCapacity(indices.count * featureCount)
    for i in indices { out += images[i * featureCount..<(i + 1) * featureCount] }
    return Dataset(
      images: out, labels: indices.map { labels[$0] }, featureCount: featureCount, name: name)
  }

  /// The samples in a Fisher-Yates order drawn from `Xoshiro256StarStar(seed: seed)`.
  public func shuffled(seed: UInt64) -> Dataset {
    var generator = Xoshiro256StarStar(seed: seed)
    return batch(generator.permutation(count))
  }

  /// The first `trainCount` samples and the last `testCount` samples.
  public func split(trainCount: Int, testCount: Int) -> (train: Dataset, test: Dataset) {
    precondition(
      trainCount >= 0 && testCount >= 0 && trainCount <= count && testCount <= count - trainCount)
    return (subset(0..<trainCount), subset(count - testCount..<count))
  }

  /// Every feature as a matrix of `S`, one sample per row.
  public func inputs<S: BLASScalar>(as type: S.Type = S.self) -> Matrix<S> {
    var m = Matrix<S>(rows: 0, columns: 0)
    var l: [UInt8] = []
    fill(&m, labels: &l, rows: 0..<count)
    return m
  }

  /// Copies the samples at `rows` into `inputs` and `labels`, reusing their storage when it has
  /// the right size.
  func fill<S: BLASScalar>(_ inputs: inout Matrix<S>, labels out: inout [UInt8], rows: Range<Int>) {
    fill(&inputs, labels: &out, indices: rows)
  }

  /// Copies the samples at `indices` into `inputs` and `labels` (reusing storage of the right
  /// size: no allocation in a training loop).
  func fill<S: BLASScalar, C: Collection<Int>>(
    _ inputs: inout Matrix<S>, labels out: inout [UInt8], indices: C
  ) {
    let n = indices.count
    if inputs.rows != n || inputs.columns != featureCount {
      inputs = Matrix(rows: n, columns: featureCount)
    }
    if out.count != n { out = [UInt8](repeating: 0, count: n) }
    let f = featureCount
    // Rows gathered from all over the data set are memory-bound: large batches are shared
    // between the BLAS threads (each row is converted alike whoever converts it).
    let parts = n * f >= 1 << 15 ? min(BLASThreads.budget, n) : 1
    images.withUnsafeBufferPointer { src in
      inputs.storage.withUnsafeMutableBufferPointer { dst in
        let shared = UncheckedSendable((src.baseAddress!, dst.baseAddress!, indices))
        BLASThreads.run(parts: parts) { part in
          let (src, dst, indices) = shared.value
          let range = BLASThreads.range(part, of: parts, rows: n)
          let first = indices.index(indices.startIndex, offsetBy: range.lowerBound)
          let rows = indices[first..<indices.index(first, offsetBy: range.count)]
          Kernel.convert(src, indices: rows, featureCount: f, into: dst + range.lowerBound * f)
        }
      }
    }
    for (r, i) in indices.enumerated() { out[r] = labels[i] }
  }
}

extension Kernel {
  @_specialize(where S == Float, C == Range<Int>)
  @_specialize(where S == Double, C == Range<Int>)
  @_specialize(where S == Float, C == ArraySlice<Int>)
  @_specialize(where S == Double, C == ArraySlice<Int>)
  static func convert<S: BLASScalar, C: Collection<Int>>(
    _ src: UnsafePointer<Float>, indices: C, featureCount f: Int, into dst: UnsafeMutablePointer<S>
  ) {
    for (r, i) in indices.enumerated() {
      let from = src + i * f
      let to = dst + r * f
      for c in 0..<f { to[c] = S(from[c]) }
    }
  }
}
