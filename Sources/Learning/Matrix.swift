/// A dense row-major matrix whose products go through BLAS.
public struct Matrix<Scalar: BLASScalar>: Sendable, Equatable {
  /// The number of rows.
  public private(set) var rows: Int
  /// The number of columns.
  public private(set) var columns: Int
  /// The entries, row after row: entry (r, c) is `storage[r * columns + c]`.
  public var storage: [Scalar]

  /// A `rows x columns` matrix with every entry `value`.
  public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
    precondition(rows >= 0 && columns >= 0, "a matrix has non-negative dimensions")
    self.rows = rows
    self.columns = columns
    storage = Array(repeating: value, count: rows * columns)
  }

  /// A `rows x columns` matrix over the given row-major entries.
  public init(rows: Int, columns: Int, storage: [Scalar]) {
    precondition(storage.count == rows * columns, "storage must hold rows * columns entries")
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// Entry (r, c).
  @inlinable
  public subscript(r: Int, c: Int) -> Scalar {
    get { storage[r * columns + c] }
    set { storage[r * columns + c] = newValue }
  }

  /// The transpose (a copy).
  public var transposed: Matrix {
    var t = Matrix(rows: columns, columns: rows)
    for r in 0..<rows {
      for c in 0..<columns { t.storage[c * rows + r] = storage[r * columns + c] }
    }
    return t
  }

  /// `c = alpha * op(a) * op(b) + beta * c` by BLAS `gemm`, with `op` the transpose when asked
  /// (no copy is made: BLAS reads the stored matrix transposed).
  ///
  /// Edge Cases: with `beta == 0` the previous contents of `c` are ignored (even NaN).
  ///
  /// Complexity: O(m n k).
  public static func multiply(
    _ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
    into c: inout Matrix, alpha: Scalar = 1, beta: Scalar = 0
  ) {
    let m = transposeA ? a.columns : a.rows
    let k = transposeA ? a.rows : a.columns
    let kb = transposeB ? b.columns : b.rows
    let n = transposeB ? b.rows : b.columns
    precondition(k == kb, "inner dimensions differ: \(k) and \(kb)")
    precondition(c.rows == m && c.columns == n, "the product is \(m) x \(n)")
    guard m > 0, n > 0 else { return }
    if k == 0 {
      for i in c.storage.indices { c.storage[i] = beta == 0 ? 0 : beta * c.storage[i] }
      return
    }
    a.storage.withUnsafeBufferPointer { pa in
      b.storage.withUnsafeBufferPointer { pb in
        c.storage.withUnsafeMutableBufferPointer { pc in
          Scalar.gemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
            a: pa.baseAddress!, lda: a.columns, b: pb.baseAddress!, ldb: b.columns, beta: beta,
            c: pc.baseAddress!, ldc: c.columns)
        }
      }
    }
  }

  /// The product `op(a) * op(b)` in a new matrix.
  public static func product(
    _ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false
  ) -> Matrix {
    var c = Matrix(
      rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns)
    multiply(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
    return c
  }
}
