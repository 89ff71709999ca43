import RealModule

/// The layers of the network as functions on matrices (one sample per row).
///
/// `Network` calls the same kernels on its own reused buffers; these wrappers allocate their
/// results and exist for callers and tests that want one layer at a time.
public enum Layers {
  /// `x * w + b` (b added to every row).
  ///
  /// Complexity: O(rows * in * out), one BLAS `gemm`.
  public static func affine<S: BLASScalar>(_ x: Matrix<S>, _ w: Matrix<S>, _ b: [S]) -> Matrix<S> {
    precondition(b.count == w.columns, "one bias per output")
    var z = Matrix<S>(rows: x.rows, columns: w.columns)
    for r in 0..<x.rows {
      for c in 0..<w.columns { z.storage[r * w.columns + c] = b[c] }
    }
    Matrix.multiply(x, w, into: &z, beta: 1)
    return z
  }

  /// The activation applied entry by entry.
  public static func activate<S: BLASScalar>(_ z: Matrix<S>, _ activation: Activation)
    -> Matrix<S>
  {
    var a = z
    z.storage.withUnsafeBufferPointer { pz in
      a.storage.withUnsafeMutableBufferPointer { pa in
        Kernel.activate(
          activation, pz.baseAddress!, into: pa.baseAddress!, count: pz.count)
      }
    }
    return a
  }

  /// `max(0, z)` entry by entry.
  public static func relu<S: BLASScalar>(_ z: Matrix<S>) -> Matrix<S> { activate(z, .relu) }

  /// `1 / (1 + exp(-z))` entry by entry.
  public static func sigmoid<S: BLASScalar>(_ z: Matrix<S>) -> Matrix<S> {
    activate(z, .sigmoid)
  }

  /// Softmax of each row of `logits` and the mean cross-entropy against `labels`.
  ///
  /// Computed by log-sum-exp: for a row l with maximum m, the loss is
  /// `(m - l[label]) + log(sum(exp(l - m)))`, with no `+ 1e-7` inside the log.
  ///
  /// Error Bounds: a few ulps of each term; finite for any finite logits (1e4 or -1e4 alike).
  ///
  /// Edge Cases: a row holding a NaN or infinite logit gives a NaN or infinite loss.
  public static func softmaxCrossEntropy<S: BLASScalar>(_ logits: Matrix<S>, labels: [UInt8])
    -> (loss: S, probabilities: Matrix<S>)
  {
    precondition(labels.count == logits.rows, "one label per row")
    var p = Matrix<S>(rows: logits.rows, columns: logits.columns)
    let loss = logits.storage.withUnsafeBufferPointer { pl in
      p.storage.withUnsafeMutableBufferPointer { pp in
        labels.withUnsafeBufferPointer { py in
          Kernel.softmaxCrossEntropy(
            pl.baseAddress!, probabilities: pp.baseAddress!, labels: py.baseAddress!,
            rows: logits.rows, classes: logits.columns)
        }
      }
    }
    return (loss, p)
  }
}

/// The element-wise kernels on raw storage, specialised for Float and Double.
enum Kernel {
  @_specialize(where S == Float)
  @_specialize(where S == Double)
  static func activate<S: BLASScalar>(
    _ activation: Activation, _ z: UnsafePointer<S>, into a: UnsafeMutablePointer<S>,
    count: Int
  ) {
    switch activation {
    case .relu:
      for i in 0..<count { a[i] = z[i] > 0 ? z[i] : 0 }
    case .sigmoid:
      for i in 0..<count { a[i] = sigmoid(z[i]) }
    }
  }

  /// Adds `b` to every row of the `rows x columns` block `z` and, when `a` is given, writes
  /// the activation of the result to `a` in the same pass.
  @_specialize(where S == Float)
  @_specialize(where S == Double)
  static func addBias<S: BLASScalar>(
    _ b: UnsafePointer<S>, to z: UnsafeMutablePointer<S>, rows: Int, columns: Int,
    activation: Activation, into a: UnsafeMutablePointer<S>?
  ) {
    for r in 0..<rows {
      let zr = z + r * columns
      for c in 0..<columns { zr[c] += b[c] }
      guard let a else { continue }
      let ar = a + r * columns
      switch activation {
      case .relu:
        for c in 0..<columns { ar[c] = zr[c] > 0 ? zr[c] : 0 }
      case .sigmoid:
        for c in 0..<columns { ar[c] = sigmoid(zr[c]) }
      }
    }
  }

  /// `addBias` from the block's transpose: row r of `z` is column r of the `columns x rows`
  /// block `t` (row stride `stride`) plus `b`.
  @_specialize(where S == Float)
  @_specialize(where S == Double)
  static func addBias<S: BLASScalar>(
    _ b: UnsafePointer<S>, toTransposed t: UnsafePointer<S>, stride: Int, rows: Int,
    columns: Int, into z: UnsafeMutablePointer<S>, activation: Activation,
    into a: UnsafeMutablePointer<S>?
  ) {
    for r in 0..<rows {
      let zr = z + r * columns
      var tc = t + r
      for c in 0..<columns {
        zr[c] = tc.pointee + b[c]
        tc += stride
      }
    }
    guard let a else { return }
    activate(activation, z, into: a, count: rows * columns)
  }

  @inline(__always)
  static func sigmoid<S: BLASScalar>(_ z: S) -> S {
    // exp of a non-positive number only: no overflow for large |z|.
    if z >= 0 { return 1 / (1 + S.exp(-z)) }
    let e = S.exp(z)
    return e / (1 + e)
  }

  /// Writes the softmax of each row into `probabilities` and returns the mean cross-entropy;
  /// writes each row's cross-entropy to `losses` when given.
  @_specialize(where S == Float)
  @_specialize(where S == Double)
  @discardableResult
  static func softmaxCrossEntropy<S: BLASScalar>(
    _ logits: UnsafePointer<S>, probabilities p: UnsafeMutablePointer<S>,
    labels: UnsafePointer<UInt8>, rows: Int, classes: Int,
    losses: UnsafeMutablePointer<S>? = nil
  ) -> S {
    var total: S = 0
    for r in 0..<rows {
      let l = logits + r * classes
      let q = p + r * classes
      var m = l[0]
      for c in 1..<classes where l[c] > m { m = l[c] }
      var sum: S = 0
      for c in 0..<classes {
        let e = S.exp(l[c] - m)
        q[c] = e
        sum += e
      }
      let label = Int(labels[r])
      precondition(label < classes, "label \(label) is not one of the \(classes) classes")
      let loss = (m - l[label]) + S.log(sum)
      losses?[r] = loss
      total += loss
      let inverse = 1 / sum
      for c in 0..<classes { q[c] *= inverse }
    }
    return total / S(rows)
  }
}

extension Kernel {
  /// `delta = (probabilities - onehot(labels)) / batch` for `rows` rows, the gradient of the
  /// mean cross-entropy over `batch` samples with respect to their logits.
  @_specialize(where S == Float)
  @_specialize(where S == Double)
  static func outputDelta<S: BLASScalar>(
    _ p: UnsafePointer<S>, labels: UnsafePointer<UInt8>, rows: Int, classes: Int, batch: Int,
    into delta: UnsafeMutablePointer<S>
  ) {
    let scale = 1 / S(batch)
    for r in 0..<rows {
      for c in 0..<classes { delta[r * classes + c] = p[r * classes + c] * scale }
      delta[r * classes + Int(labels[r])] -= scale
    }
  }

  /// The sums over `rows` rows of the columns `columns` of a row-major matrix with row stride
  /// `stride`, into `sums[columns]` (added row by row, in order).
  @_specialize(where S == Float)
  @_specialize(where S == Double)
  static func columnSums<S: BLASScalar>(
    _ m: UnsafePointer<S>, rows: Int, columns: Range<Int>, stride: Int,
    into sums: UnsafeMutablePointer<S>
  ) {
    let (s, first) = (sums + columns.lowerBound, m + columns.lowerBound)
    s.update(repeating: 0, count: columns.count)
    for r in 0..<rows {
      let row = first + r * stride
      for c in 0..<columns.count { s[c] += row[c] }
    }
  }

  /// `delta = product * activation'(pre)`, using the stored activation where that is cheaper.
  ///
  /// `product` and `delta` are separate buffers: in place, the compiler turns ReLU's select
  /// back into a branch per entry (storing zero or nothing), which mispredicts on the coin toss
  /// of the pre-activation's sign; into another buffer it is a vector select (measured: the
  /// branch was 3.7% of a single-threaded backprop pass at 1000 rows).
  @_specialize(where S == Float)
  @_specialize(where S == Double)
  static func multiplyByActivationDerivative<S: BLASScalar>(
    _ activation: Activation, _ product: UnsafePointer<S>, pre: UnsafePointer<S>,
    activated: UnsafePointer<S>, count: Int, into delta: UnsafeMutablePointer<S>
  ) {
    switch activation {
    case .relu:
      for i in 0..<count {
        let p = product[i]  // loaded before the select: a load in its arm makes it a branch
        delta[i] = pre[i] > 0 ? p : 0
      }
    case .sigmoid:
      for i in 0..<count { delta[i] = product[i] * (activated[i] * (1 - activated[i])) }
    }
  }

  /// Writes the columns `columns` of the `rows x stride` row-major block `t` transposed into
  /// the `stride x rows` block `into` (its rows `columns`), or, given `rate`, subtracts `rate`
  /// times them from it.
  @_specialize(where S == Float)
  @_specialize(where S == Double)
  static func transpose<S: BLASScalar>(
    _ t: UnsafePointer<S>, rows: Int, columns: Range<Int>, stride: Int,
    into out: UnsafeMutablePointer<S>, subtracting rate: S?
  ) {
    for i in columns {
      let o = out + i * rows
      var ti = t + i
      if let rate {
        for j in 0..<rows {
          o[j] -= rate * ti.pointee
          ti += stride
        }
      } else {
        for j in 0..<rows {
          o[j] = ti.pointee
          ti += stride
        }
      }
    }
  }

  /// Adds `blocks - 1` blocks, `blockStride` apart after `first`, to `first`, in their order
  /// (entry by entry `(b0 + b1) + b2 ...`), on the columns `columns` of their `rows` rows of
  /// row stride `stride`.
  @_specialize(where S == Float)
  @_specialize(where S == Double)
  static func accumulate<S: BLASScalar>(
    _ first: UnsafeMutablePointer<S>, blocks: Int, blockStride: Int, rows: Int,
    columns: Range<Int>, stride: Int
  ) {
    for b in 1..<max(1, blocks) {
      for j in 0..<rows {
        let (sum, term) = (first + j * stride, UnsafePointer(first + b * blockStride + j * stride))
        for i in columns { sum[i] += term[i] }
      }
    }
  }
}
