internal import CZlib

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Reading whole files through zlib, which reads gzip'd and plain files alike.
public enum GzipFile {
  /// Every byte of the file, decompressed when it is gzip'd.
  ///
  /// Throws a `DatasetError` naming the file when it is missing, unreadable, or a gzip stream
  /// that ends early or is corrupt.
  public static func read(_ path: String) throws(DatasetError) -> [UInt8] {
    var status = stat()
    guard stat(path, &status) == 0 else {
      throw DatasetError(file: path, reason: "no such file")
    }
    guard (status.st_mode & S_IFMT) != S_IFDIR else {
      throw DatasetError(file: path, reason: "is a directory, not a file")
    }
    guard let file = gzopen(path, "rb") else {
      throw DatasetError(file: path, reason: "cannot be opened for reading")
    }
    defer { gzclose(file) }
    gzbuffer(file, 1 << 18)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(status.st_size))
    let chunk = 1 << 20
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
      let n = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32(chunk)) }
      if n < 0 {
        throw DatasetError(file: path, reason: "unreadable gzip data (\(errorMessage(file)))")
      }
      if n == 0 { break }
      bytes += buffer[0..<Int(n)]
    }
    var code: Int32 = 0
    _ = gzerror(file, &code)
    if code == Z_BUF_ERROR {
      throw DatasetError(file: path, reason: "truncated gzip stream (unexpected end of file)")
    }
    if code != Z_OK {
      throw DatasetError(file: path, reason: "unreadable gzip data (\(errorMessage(file)))")
    }
    return bytes
  }

  private static func errorMessage(_ file: gzFile) -> String {
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
