/// Reads the IDX format of MNIST and Fashion-MNIST (gzip'd or not): a big-endian magic number
/// `0x0000 08 nd` (unsigned bytes, `nd` dimensions), `nd` big-endian 32-bit sizes, the data.
public enum IDXReader {
  /// The images of an `idx3-ubyte` file: count, rows, columns and the pixels, image after image,
  /// row-major.
  ///
  /// Throws a `DatasetError` for a missing or truncated file, a wrong magic number or a
  /// dimension of zero, or dimensions that need more than `limit` bytes (checked on the header,
  /// before the data is allocated).
  public static func readImages(_ path: String, limit: Int = ResourceLimits.defaultFileBytes)
    throws(DatasetError) -> (count: Int, rows: Int, columns: Int, pixels: [UInt8])
  {
    let (dimensions, data) = try read(path, dimensions: 3, limit: limit)
    return (dimensions[0], dimensions[1], dimensions[2], data)
  }

  /// The labels of an `idx1-ubyte` file.
  public static func readLabels(_ path: String) throws(DatasetError) -> [UInt8] {
    try read(path, dimensions: 1).data
  }

  /// The dimensions and data of an IDX file of `rank` dimensions: the header is read first and
  /// the data's size checked against `limit` before the data is allocated.
  static func read(
    _ path: String, dimensions rank: Int, limit: Int = ResourceLimits.defaultFileBytes
  ) throws(DatasetError) -> (dimensions: [Int], data: [UInt8]) {
    let reader = try GzipFile.Reader(path, limit: limit)
    let header = 4 + 4 * rank
    var bytes: [UInt8] = []
    while bytes.count < header, try reader.read(header - bytes.count, into: &bytes) > 0 {}
    guard bytes.count >= 4 else {
      throw DatasetError(file: path, reason: "truncated: \(bytes.count) bytes, no IDX header")
    }
    let magic = bigEndian(bytes, at: 0)
    let expected = 0x0800 | rank
    guard magic == expected else {
      let kind = rank == 3 ? "images (idx3-ubyte)" : "labels (idx1-ubyte)"
      throw DatasetError(
        file: path,
        reason: "wrong IDX magic number \(hex(magic)) for \(kind), expected \(hex(expected))")
    }
    guard bytes.count >= header else {
      throw DatasetError(
        file: path, reason: "truncated: \(bytes.count) bytes, the header needs \(header)")
    }
    let dimensions = (0..<rank).map { bigEndian(bytes, at: 4 + 4 * $0) }
    if let zero = dimensions.firstIndex(of: 0) {
      throw DatasetError(file: path, reason: "dimension \(zero + 1) of \(dimensions) is zero")
    }
    // A product that overflows is more than any file holds: saturate rather than wrap.
    let size = dimensions.reduce(1) { $0.saturatingMultiply($1) }
    guard size <= limit - header else {
      throw DatasetError(
        file: path,
        reason: "dimensions \(dimensions) need \(size) data bytes; the limit is "
          + "\(ResourceLimitError.mebibytes(limit)) per file")
    }
    return (dimensions, try readData(reader, size: size, dimensions: dimensions))
  }

  /// Exactly `size` bytes from `reader`, then its end.
  private static func readData(_ reader: GzipFile.Reader, size: Int, dimensions: [Int])
    throws(DatasetError) -> [UInt8]
  {
    var data: [UInt8] = []
    data.reserveCapacity(size)
    while data.count < size, try reader.read(size - data.count, into: &data) > 0 {}
    guard data.count == size else {
      throw DatasetError(
        file: reader.path,
        reason: "truncated: dimensions \(dimensions) need \(size) data bytes, found "
          + "\(data.count)")
    }
    var rest: [UInt8] = []
    var extra = 0
    while try reader.read(1 << 20, into: &rest) > 0 {
      extra += rest.count
      rest.removeAll(keepingCapacity: true)
    }
    guard extra == 0 else {
      throw DatasetError(
        file: reader.path,
        reason: "\(extra) bytes after the \(size) data bytes of dimensions \(dimensions)")
    }
    return data
  }

  private static func bigEndian(_ b: [UInt8], at i: Int) -> Int {
    Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
  }

  private static func hex(_ v: Int) -> String {
    let s = String(v, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - s.count)) + s
  }

  /// The bytes of an IDX file holding `data` with the given dimensions (for writing test files
  /// and small data sets).
  public static func encode(dimensions: [Int], data: [UInt8]) -> [UInt8] {
    precondition(dimensions.reduce(1, *) == data.count, "the dimensions hold the data")
    var bytes: [UInt8] = [0, 0, 8, UInt8(dimensions.count)]
    for d in dimensions {
      bytes += [
        UInt8(d >> 24 & 0xFF), UInt8(d >> 16 & 0xFF), UInt8(d >> 8 & 0xFF), UInt8(d & 0xFF),
      ]
    }
    return bytes + data
  }
}
