import Learning

/// Random inputs and labels for small-network tests: features uniform in [0, 1), a fraction
/// of them zero (like image pixels).
func randomBatch<S: BLASScalar>(
  rows: Int, features: Int, classes: Int, seed: UInt64, zeroFraction: Double = 0.3,
  as type: S.Type = S.self
) -> (inputs: Matrix<S>, labels: [UInt8]) {
  var g = Xoshiro256StarStar(seed: seed)
  var x = Matrix<S>(rows: rows, columns: features)
  for i in x.storage.indices {
    x.storage[i] = g.nextUniform() < zeroFraction ? 0 : S(g.nextUniform())
  }
  let labels = (0..<rows).map { _ in UInt8(g.nextInt(below: classes)) }
  return (x, labels)
}

/// A batch of real digits when the mnist-sample file is present.
func mnistSample(count: Int) -> Dataset? {
  guard let (train, _) = try? DataSource.mnistSample().load(trainCount: 4000, testCount: 1000)
  else { return nil }
  return train.subset(0..<count)
}

func maxAbsDifference<S: BLASScalar>(_ a: [[S]], _ b: [[S]]) -> Double {
  zip(a, b).map { zip($0, $1).map { Double(abs($0 - $1)) }.max() ?? 0 }.max() ?? 0
}
