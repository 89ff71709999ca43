/// Reads label-last CSV (gzip'd or not): each row `featureCount` pixel values in 0...255, then
/// the label 0...9; no header; blank lines are skipped.
public enum CSVReader {
  /// The most bytes one row may take per field (a pixel written as `  2.5500000000000000e+02`
  /// takes 25): a longer line is refused at once instead of being read on (`/dev/zero` has no
  /// line end at all).
  public static let bytesPerField = 64

  /// The rows of the file as a data set, pixels divided by 255.
  ///
  /// Throws a `DatasetError` naming the file and the 1-based row for a row of the wrong width,
  /// a row longer than `bytesPerField` per field, a non-numeric field, a pixel outside
  /// 0...255 or a label outside 0...9; and for a missing, unreadable or empty file, or one of
  /// more than `limit` bytes once decompressed.
  ///
  /// Complexity: O(file size), read twice in chunks of 1 MiB (first to check its size against
  /// `limit`, then to parse it; the file is never held whole);
  /// integers are parsed without creating strings.
  public static func readLabelLast(
    _ path: String, featureCount: Int = 784, limit: Int = ResourceLimits.defaultFileBytes
  ) throws(DatasetError) -> Dataset {
    precondition(featureCount > 0, "a row has at least one feature")
    _ = try GzipFile.checkSize(path, limit: limit)
    let reader = try GzipFile.Reader(path, limit: limit)
    let longest = (featureCount + 1).saturatingMultiply(bytesPerField)
    var rows = Rows(path: path, featureCount: featureCount)
    var buffer: [UInt8] = []
    var start = 0
    var scan = 0
    var atEnd = false
    while !atEnd || start < buffer.count {
      if let newline = buffer[scan...].firstIndex(of: UInt8(ascii: "\n")) {
        try rows.parse(buffer, start, newline)
        start = newline + 1
        scan = start
        continue
      }
      guard buffer.count - start <= longest else {
        throw DatasetError(
          file: path, reason: "the row is longer than \(longest) bytes (\(featureCount + 1) "
            + "fields of at most \(bytesPerField))", row: rows.row + 1)
      }
      if atEnd {
        try rows.parse(buffer, start, buffer.count)
        break
      }
      buffer.removeSubrange(0..<start)
      (start, scan) = (0, buffer.count)
      atEnd = try reader.read(1 << 20, into: &buffer) == 0
    }
    guard !rows.labels.isEmpty else { throw DatasetError(file: path, reason: "no data rows") }
    return Dataset(
      images: rows.images, labels: rows.labels, featureCount: featureCount, name: path)
  }

  /// The rows parsed so far.
  private struct Rows {
    let path: String
    let featureCount: Int
    var images: [Float] = []
    var labels: [UInt8] = []
    var fields: [Double] = []
    var row = 0

    init(path: String, featureCount: Int) {
      self.path = path
      self.featureCount = featureCount
      fields.reserveCapacity(featureCount + 1)
    }

    /// Parses the line `bytes[start..<end]` (a trailing carriage return dropped).
    mutating func parse(_ bytes: [UInt8], _ start: Int, _ end: Int) throws(DatasetError) {
      row += 1
      var lineEnd = end
      if lineEnd > start && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
      if CSVReader.isBlank(bytes, start, lineEnd) { return }
      fields.removeAll(keepingCapacity: true)
      var fieldStart = start
      for i in start...lineEnd where i == lineEnd || bytes[i] == UInt8(ascii: ",") {
        guard let value = CSVReader.number(bytes, fieldStart, i) else {
          let text = String(decoding: bytes[fieldStart..<i], as: UTF8.self)
          throw DatasetError(
            file: path,
            reason: "field \(fields.count + 1) is not a number: '\(text.prefix(20))'", row: row)
        }
        fields.append(value)
        fieldStart = i + 1
      }
      try append()
    }

    /// Checks the row's fields and appends its pixels and label.
    private mutating func append() throws(DatasetError) {
      guard fields.count == featureCount + 1 else {
        throw DatasetError(
          file: path,
          reason: "\(fields.count) fields, expected \(featureCount + 1) (\(featureCount) pixels "
            + "then the label)", row: row)
      }
      let label = fields[featureCount]
      guard label >= 0, label <= 9, label == label.rounded() else {
        throw DatasetError(file: path, reason: "label \(label) is not one of 0...9", row: row)
      }
      for c in 0..<featureCount {
        let v = fields[c]
        guard v >= 0, v <= 255 else {
          throw DatasetError(
            file: path, reason: "pixel \(c + 1) is \(v), outside 0...255", row: row)
        }
        images.append(Float(v / 255))
      }
      labels.append(UInt8(label))
    }
  }

  fileprivate static func isBlank(_ b: [UInt8], _ from: Int, _ to: Int) -> Bool {
    b[from..<to].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
  }

  /// The number in `b[from..<to]` (surrounding spaces allowed): digits by hand, anything else
  /// through `Double(String)`.
  fileprivate static func number(_ b: [UInt8], _ from: Int, _ to: Int) -> Double? {
    var lo = from
    var hi = to
    while lo < hi && b[lo] == UInt8(ascii: " ") { lo += 1 }
    while hi > lo && b[hi - 1] == UInt8(ascii: " ") { hi -= 1 }
    guard lo < hi else { return nil }
    var value = 0
    var allDigits = hi - lo <= 15
    for i in lo..<hi where allDigits {
      let d = b[i] &- UInt8(ascii: "0")
      if d > 9 { allDigits = false } else { value = value * 10 + Int(d) }
    }
    if allDigits { return Double(value) }
    guard let v = Double(String(decoding: b[lo..<hi], as: UTF8.self)), v.isFinite else {
      return nil
    }
    return v
  }
}
