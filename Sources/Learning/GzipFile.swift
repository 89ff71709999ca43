internal import CZlib

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Reading files through zlib, which reads gzip'd and plain files alike, never more than a
/// bound of decompressed bytes: a small gzip that expands to gigabytes, or an endless stream
/// such as `/dev/zero`, is refused at the bound, not read whole.
public enum GzipFile {
  /// Every byte of the file, decompressed when it is gzip'd.
  ///
  /// Throws a `DatasetError` naming the file when it is missing, a directory, unreadable, a
  /// gzip stream that ends early or is corrupt, or more than `limit` bytes once decompressed
  /// (then at most `limit` + 1 MiB were held).
  public static func read(_ path: String, limit: Int = ResourceLimits.defaultFileBytes)
    throws(DatasetError) -> [UInt8]
  {
    let reader = try Reader(path, limit: limit)
    var bytes: [UInt8] = []
    while try reader.read(1 << 20, into: &bytes) > 0 {}
    return bytes
  }

  /// The file's size once decompressed, read through and discarded in chunks of 1 MiB (so
  /// nothing of it is held); throws a `DatasetError` as `Reader.read` does, as soon as the
  /// file holds more than `limit` bytes.
  public static func checkSize(_ path: String, limit: Int) throws(DatasetError) -> Int {
    let reader = try Reader(path, limit: limit)
    var chunk: [UInt8] = []
    chunk.reserveCapacity(1 << 20)
    while try reader.read(1 << 20, into: &chunk) > 0 { chunk.removeAll(keepingCapacity: true) }
    return reader.total
  }

  /// A file read in chunks through zlib, counting the decompressed bytes against `limit`.
  public final class Reader {
    /// The file's path, for errors.
    public let path: String
    /// The most decompressed bytes the file may hold.
    public let limit: Int
    /// The decompressed bytes read so far.
    public private(set) var total = 0
    private let file: gzFile
    private var chunk: [UInt8] = []

    /// Opens `path`; throws a `DatasetError` when it is missing, a directory or unreadable.
    public init(_ path: String, limit: Int) throws(DatasetError) {
      var status = stat()
      guard stat(path, &status) == 0 else {
        throw errno == ELOOP
          ? DatasetError(file: path, reason: "a loop of symbolic links")
          : DatasetError(file: path, reason: "no such file", isMissing: true)
      }
      guard (status.st_mode & S_IFMT) != S_IFDIR else {
        throw DatasetError(file: path, reason: "is a directory, not a file")
      }
      guard let file = gzopen(path, "rb") else {
        throw DatasetError(file: path, reason: "cannot be opened for reading")
      }
      gzbuffer(file, 1 << 18)
      self.path = path
      self.limit = limit
      self.file = file
    }

    deinit { gzclose(file) }

    /// Appends up to `count` next decompressed bytes to `bytes` and returns how many: 0 at
    /// the end of the file.
    ///
    /// Throws a `DatasetError` for corrupt or truncated gzip data, and as soon as the file
    /// holds more than `limit` bytes.
    public func read(_ count: Int, into bytes: inout [UInt8]) throws(DatasetError) -> Int {
      let wanted = max(0, min(count, limit + 1 - total, Int(UInt32.max)))
      guard wanted > 0 else { throw tooLarge() }
      if chunk.count < wanted { chunk = [UInt8](repeating: 0, count: wanted) }
      let n = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32(wanted)) }
      if n < 0 {
        throw DatasetError(
          file: path, reason: "unreadable gzip data (\(GzipFile.errorMessage(file)))")
      }
      total += Int(n)
      guard total <= limit else { throw tooLarge() }
      if n == 0 { try checkEnd() }
      bytes += chunk[0..<Int(n)]
      return Int(n)
    }

    private func tooLarge() -> DatasetError {
      DatasetError(
        file: path,
        reason: "holds more than \(ResourceLimitError.mebibytes(limit)) (decompressed); the "
          + "limit is \(ResourceLimitError.mebibytes(limit))")
    }

    private func checkEnd() throws(DatasetError) {
      var code: Int32 = 0
      _ = gzerror(file, &code)
      if code == Z_BUF_ERROR {
        throw DatasetError(file: path, reason: "truncated gzip stream (unexpected end of file)")
      }
      if code != Z_OK {
        throw DatasetError(
          file: path, reason: "unreadable gzip data (\(GzipFile.errorMessage(file)))")
      }
    }
  }

  fileprivate static func errorMessage(_ file: gzFile) -> String {
    var code: Int32 = 0
    guard let message = gzerror(file, &code) else { return "zlib error \(code)" }
    return String(cString: message)
  }

  /// Writes `bytes` gzip-compressed to `path` (replacing the file).
  public static func writeCompressed(_ bytes: [UInt8], to path: String) throws(DatasetError) {
    guard let file = gzopen(path, "wb") else {
      throw DatasetError(file: path, reason: "cannot be opened for writing")
    }
    let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
    let closed = gzclose(file)
    guard written == Int32(bytes.count) || bytes.isEmpty, closed == Z_OK else {
      throw DatasetError(file: path, reason: "cannot be written")
    }
  }
}
