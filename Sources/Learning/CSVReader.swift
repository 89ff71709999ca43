/// Reads label-last CSV (gzip'd or not): each row `featureCount` pixel values in 0...255, then
/// the label 0...9; no header; blank lines are skipped.
public enum CSVReader {
  /// The rows of the file as a data set, pixels divided by 255.
  ///
  /// Throws a `DatasetError` naming the file and the 1-based row for a row of the wrong width,
  /// a non-numeric field, a pixel outside 0...255 or a label outside 0...9; and for a missing,
  /// unreadable or empty file.
  ///
  /// Complexity: O(file size); integers are parsed without creating strings.
  public static func readLabelLast(_ path: String, featureCount: Int = 784)
    throws(DatasetError) -> Dataset
  {
    precondition(featureCount > 0, "a row has at least one feature")
    let bytes = try GzipFile.read(path)
    var images: [Float] = []
    var labels: [UInt8] = []
    var fields: [Double] = []
    fields.reserveCapacity(featureCount + 1)
    var row = 0
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      row += 1
      var lineEnd = end
      if lineEnd > start && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
      defer { start = end + 1 }
      if isBlank(bytes, start, lineEnd) { continue }
      fields.removeAll(keepingCapacity: true)
      var fieldStart = start
      for i in start...lineEnd where i == lineEnd || bytes[i] == UInt8(ascii: ",") {
        guard let value = number(bytes, fieldStart, i) else {
          let text = String(decoding: bytes[fieldStart..<i], as: UTF8.self)
          throw DatasetError(
            file: path,
            reason: "field \(fields.count + 1) is not a number: '\(text.prefix(20))'", row: row)
        }
        fields.append(value)
        fieldStart = i + 1
      }
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
    guard !labels.isEmpty else { throw DatasetError(file: path, reason: "no data rows") }
    return Dataset(images: images, labels: labels, featureCount: featureCount, name: path)
  }

  private static func isBlank(_ b: [UInt8], _ from: Int, _ to: Int) -> Bool {
    b[from..<to].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
  }

  /// The number in `b[from..<to]` (surrounding spaces allowed): digits by hand, anything else
  /// through `Double(String)`.
  private static func number(_ b: [UInt8], _ from: Int, _ to: Int) -> Double? {
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
