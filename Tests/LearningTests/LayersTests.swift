import Learning
import RealModule
import Testing

@Suite struct LayersTests {
  @Test("softmax cross-entropy is finite and right on logits of 1e4")
  func hugeLogits() {
    let logits = Matrix<Double>(
      rows: 3, columns: 3, storage: [1e4, 0, -1e4, 1e4, 1e4 - 1, 0, -1e4, -1e4, -1e4])
    let (loss, p) = Layers.softmaxCrossEntropy(logits, labels: [1, 1, 2])
    // Row 0: log(1 + e^-1e4 + ...) + 1e4 = 1e4; row 1: 1 + log(1 + e^-1); row 2: log 3.
    let expected = (1e4 + (1 + Double.log(onePlus: Double.exp(-1))) + Double.log(3)) / 3
    #expect(loss.isFinite && abs(loss - expected) <= 1e-12 * expected)
    #expect(!p.storage.contains { !$0.isFinite })
    #expect(abs(p[1, 0] - 1 / (1 + Double.exp(-1))) < 1e-15 && p[0, 0] == 1)
    let single = Layers.softmaxCrossEntropy(
      Matrix<Float>(rows: 1, columns: 2, storage: [1e4, -1e4]), labels: [0])
    #expect(single.loss == 0)
  }

  @Test("affine, relu and sigmoid")
  func elementwise() {
    let x = Matrix<Double>(rows: 2, columns: 2, storage: [1, 2, 3, 4])
    let w = Matrix<Double>(rows: 2, columns: 3, storage: [1, 0, -1, 0, 1, -1])
    let z = Layers.affine(x, w, [0.5, -10, 0])
    #expect(z.storage == [1.5, -8, -3, 3.5, -6, -7])
    #expect(Layers.relu(z).storage == [1.5, 0, 0, 3.5, 0, 0])
    let s = Layers.sigmoid(Matrix<Double>(rows: 1, columns: 3, storage: [0, 800, -800]))
    #expect(s.storage == [0.5, 1, 0])
  }

  @Test("gemm with transposes matches the naive product")
  func transposes() {
    var g = Xoshiro256StarStar(seed: 1)
    let a = Matrix<Double>(rows: 4, columns: 3, storage: (0..<12).map { _ in g.nextNormal() })
    let b = Matrix<Double>(rows: 4, columns: 5, storage: (0..<20).map { _ in g.nextNormal() })
    let c = Matrix.product(a, transposeA: true, b)  // 3 x 5
    let d = Matrix.product(b, transposeA: true, a)  // 5 x 3
    #expect(c.rows == 3 && c.columns == 5)
    for i in 0..<3 {
      for j in 0..<5 {
        let naive = (0..<4).reduce(0.0) { $0 + a[$1, i] * b[$1, j] }
        #expect(abs(c[i, j] - naive) < 1e-14)
        #expect(abs(d[j, i] - naive) < 1e-14)
      }
    }
    let e = Matrix.product(a.transposed, b.transposed, transposeB: true)
    #expect(!zip(e.storage, c.storage).contains { abs($0 - $1) >= 1e-14 })
  }
}
