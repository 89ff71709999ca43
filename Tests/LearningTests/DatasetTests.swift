import Foundation
import Learning
import Testing

@Suite struct DatasetTests {
  /// A fresh temporary directory per test.
  let directory: String = {
    let d = FileManager.default.temporaryDirectory
      .appendingPathComponent("learning-tests-\(UUID().uuidString)").path
    try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
  }()

  func write(_ bytes: [UInt8], _ name: String, gzip: Bool) throws -> String {
    let path = "\(directory)/\(name)"
    if gzip {
      try GzipFile.writeCompressed(bytes, to: path)
    } else {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    return path
  }

  /// Three 2x2 images with pixels 0, 51, ..., and labels 7, 0, 9.
  func writeIDX(gzip: Bool, labels: [UInt8] = [7, 0, 9], prefix: String = "train") throws {
    let pixels: [UInt8] = (0..<12).map { UInt8($0 % 6 * 51) }
    let suffix = gzip ? ".gz" : ""
    _ = try write(
      IDXReader.encode(dimensions: [3, 2, 2], data: pixels),
      "\(prefix)-images-idx3-ubyte\(suffix)", gzip: gzip)
    _ = try write(
      IDXReader.encode(dimensions: [labels.count], data: labels),
      "\(prefix)-labels-idx1-ubyte\(suffix)", gzip: gzip)
  }

  @Test("IDX files load, gzip'd or not", arguments: [false, true])
  func idxValid(gzip: Bool) throws {
    try writeIDX(gzip: gzip)
    try writeIDX(gzip: gzip, prefix: "t10k")
    let (train, test) = try DataSource.idx(directory: directory).load(testCount: 2)
    #expect(train.count == 3 && test.count == 2 && train.featureCount == 4)
    #expect(train.labels == [7, 0, 9])
    #expect(train.images[0..<6] == [0, 0.2, 0.4, 0.6, 0.8, 1])
    let images = try IDXReader.readImages(
      "\(directory)/train-images-idx3-ubyte" + (gzip ? ".gz" : ""))
    #expect(images.count == 3 && images.rows == 2 && images.columns == 2)
  }

  @Test("corrupt IDX files throw errors that name the file and the reason")
  func idxCorrupt() throws {
    let good = IDXReader.encode(dimensions: [3, 2, 2], data: [UInt8](repeating: 1, count: 12))
    let cases: [([UInt8], String)] = [
      (Array(good.dropLast(3)), "truncated"),
      (Array(good.prefix(2)), "truncated"),
      ([0, 0, 8, 1] + good.dropFirst(4), "magic"),
      (IDXReader.encode(dimensions: [0, 2, 2], data: []), "zero"),
    ]
    for (n, (bytes, reason)) in cases.enumerated() {
      for gzip in [false, true] {
        let path = try write(bytes, "bad\(n)\(gzip)", gzip: gzip)
        let error = #expect(throws: DatasetError.self) { try IDXReader.readImages(path) }
        #expect(error?.file == path && error?.description.contains(reason) == true, "\(error!)")
      }
    }
    // A gzip stream cut short.
    let gz = try write(good + [UInt8](repeating: 9, count: 5000), "cut.gz", gzip: true)
    let compressed = try Data(contentsOf: URL(fileURLWithPath: gz))
    try compressed.prefix(compressed.count / 2).write(to: URL(fileURLWithPath: gz))
    let cut = #expect(throws: DatasetError.self) { try IDXReader.readImages(gz) }
    #expect(cut?.reason.contains("truncated") == true)
    let missing = #expect(throws: DatasetError.self) {
      try IDXReader.readLabels("\(directory)/nothing")
    }
    #expect(missing?.description == "\(directory)/nothing: no such file")
  }

  @Test("image and label counts must match")
  func countMismatch() throws {
    try writeIDX(gzip: true, labels: [1, 2])
    try writeIDX(gzip: true, prefix: "t10k")
    let error = #expect(throws: DatasetError.self) {
      try DataSource.idx(directory: directory).load()
    }
    #expect(error?.reason.contains("3 images but 2 labels") == true)
    let tooMany = #expect(throws: DatasetError.self) {
      try DataSource.idx(directory: directory).load(trainCount: 10)
    }
    #expect(tooMany != nil)
  }

  func csvText(rows: Int, width: Int = 4) -> String {
    var lines: [String] = []
    for r in 0..<rows {
      let pixels: [String] = (0..<width).map { c in String((c * 85 + r) % 256) }
      lines.append((pixels + [String(r % 10)]).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("label-last CSV loads, gzip'd or not", arguments: [false, true])
  func csvValid(gzip: Bool) throws {
    let path = try write(Array(csvText(rows: 10).utf8), "d.csv", gzip: gzip)
    let data = try CSVReader.readLabelLast(path, featureCount: 4)
    #expect(data.count == 10 && data.labels[3] == 3)
    #expect(data.images[0..<4] == [0, Float(85) / 255, Float(170) / 255, 1])
  }

  @Test(
    "malformed CSV rows throw errors naming the file and the row",
    arguments: [
      ("1,2,3,4,5\n1,2,3,4\n", 2, "fields"),
      ("1,2,3,4,5\n1,2,3,4,12\n", 2, "label"),
      ("1,2,x,4,5\n", 1, "not a number"),
      ("1,2,3,4,5\n\n1,2,300,4,5\n", 3, "outside 0...255"),
    ])
  func csvCorrupt(text: String, row: Int, reason: String) throws {
    let path = try write(Array(text.utf8), "bad.csv", gzip: false)
    let error = #expect(throws: DatasetError.self) {
      try CSVReader.readLabelLast(path, featureCount: 4)
    }
    #expect(error?.row == row && error?.reason.contains(reason) == true, "\(error!)")
    #expect(error?.description.hasPrefix("\(path): row \(row): ") == true)
  }

  @Test("a CSV source is shuffled then split 80/20, reproducibly")
  func csvSplit() throws {
    let path = try write(Array(csvText(rows: 50).utf8), "s.csv.gz", gzip: true)
    let rows = try CSVReader.readLabelLast(path, featureCount: 4)
    #expect(rows.count == 50)
    // DataSource.csv assumes 784 features: a 4-feature file is a row-width error.
    #expect(throws: DatasetError.self) { try DataSource.csv(file: path).load() }
    let (a, b) = rows.shuffled(seed: 3).split(trainCount: 40, testCount: 10)
    let (c, _) = rows.shuffled(seed: 3).split(trainCount: 40, testCount: 10)
    #expect(a == c && a.count == 40 && b.count == 10)
    #expect(Set(a.labels + b.labels) == Set(rows.labels))
    #expect(rows.shuffled(seed: 4).labels != a.labels + b.labels)
  }

  @Test(
    "the mnist-sample source: 4,000 train and 1,000 test digits of every class",
    .enabled(
      if: FileManager.default.fileExists(atPath: ".cache/data/mnist_5k.csv.gz"),
      ".cache/data/mnist_5k.csv.gz is missing (make data fetches it)"))
  func mnistSampleSource() throws {
    let (train, test) = try DataSource.mnistSample().load()
    #expect(train.count == 4000 && test.count == 1000 && train.featureCount == 784)
    #expect(Set(test.labels).count == 10)
    #expect(!train.images.contains { $0 < 0 || $0 > 1 })
  }

  @Test(
    "the fashion-mnist source reads Debian's files",
    .enabled(
      if: FileManager.default.fileExists(
        atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"),
      "dataset-fashion-mnist is not installed"))
  func fashionSource() throws {
    let (train, test) = try DataSource.fashionMNIST().load(trainCount: 100, testCount: 10_000)
    #expect(train.count == 100 && test.count == 10_000 && test.featureCount == 784)
    let perClass = (0..<10).map { c in test.labels.filter { $0 == c }.count }
    #expect(perClass == [Int](repeating: 1000, count: 10))
  }

  @Test("sample counts and IDX dimensions too large for an Int are errors, not traps")
  func countsThatOverflow() throws {
    // Dimensions 2^31 x 2^31 x 2^31 with no data: the product wraps to 0 in 64 bits.
    let huge: [UInt8] = [0, 0, 8, 3] + Array(repeating: [0x80, 0, 0, 0], count: 3).flatMap { $0 }
    let path = try write(huge, "huge-idx3-ubyte", gzip: false)
    let error = #expect(throws: DatasetError.self) { try IDXReader.readImages(path) }
    #expect(error?.reason.contains("the limit is 256 MiB") == true, "\(error!)")
    // trainCount + testCount would overflow.
    let csv = try write(Array(csvText(rows: 3, width: 784).utf8), "w.csv", gzip: false)
    let tooMany = #expect(throws: DatasetError.self) {
      try DataSource.csv(file: csv).load(trainCount: .max, testCount: 1)
    }
    #expect(tooMany?.reason.contains("asked for") == true)
    #expect(throws: DatasetError.self) {
      try DataSource.csv(file: csv).load(trainCount: 2, testCount: .max)
    }
    try writeIDX(gzip: false)
    try writeIDX(gzip: false, prefix: "t10k")
    #expect(throws: DatasetError.self) {
      try DataSource.idx(directory: directory).load(trainCount: .max)
    }
  }

  @Test("a file past the decompressed-size bound, or a row past its length bound, is refused")
  func boundsOnSizeAndRows() throws {
    let text = csvText(rows: 40, width: 4)
    for gzip in [false, true] {
      let path = try write(Array(text.utf8), "bound\(gzip).csv", gzip: gzip)
      let error = #expect(throws: DatasetError.self) {
        try CSVReader.readLabelLast(path, featureCount: 4, limit: text.utf8.count - 1)
      }
      #expect(error?.reason.contains("holds more than") == true, "\(error!)")
      #expect(try CSVReader.readLabelLast(path, featureCount: 4, limit: text.utf8.count).count == 40)
      let bytes = #expect(throws: DatasetError.self) {
        try GzipFile.read(path, limit: text.utf8.count - 1)
      }
      #expect(bytes?.file == path)
    }
    let long = try write(Array(String(repeating: "1", count: 400).utf8), "long.csv", gzip: false)
    let error = #expect(throws: DatasetError.self) {
      try CSVReader.readLabelLast(long, featureCount: 4)
    }
    #expect(error?.row == 1 && error?.reason.contains("longer than 320 bytes") == true)
    let idx = IDXReader.encode(dimensions: [3, 2, 2], data: [UInt8](repeating: 1, count: 12))
    let path = try write(idx, "small-idx3-ubyte", gzip: false)
    let refused = #expect(throws: DatasetError.self) {
      try IDXReader.readImages(path, limit: 20)
    }
    #expect(refused?.reason.contains("need 12 data bytes") == true, "\(refused!)")
  }
}
