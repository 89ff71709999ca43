import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reading a user's file with the reason in words when it cannot be read: a directory, a loop
/// of symbolic links, no permission; and never more than a bound of bytes (`/dev/zero` as an
/// experiment file must not be read forever).
enum FileBytes {
  /// Up to `limit` bytes of the file at `path`.
  ///
  /// - Throws: `ExperimentError` naming the file and why it cannot be read.
  static func read(_ path: String, limit: Int) throws(ExperimentError) -> [UInt8] {
    var status = stat()
    guard stat(path, &status) == 0 else {
      throw ExperimentError(file: path, reason(errno))
    }
    guard (status.st_mode & S_IFMT) != S_IFDIR else {
      throw ExperimentError(file: path, "is a directory, not an experiment file")
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw ExperimentError(file: path, "cannot read the experiment file: \(reason(errno))")
    }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: limit)
    var count = 0
    while count < limit {
      let n = bytes.withUnsafeMutableBytes {
        Glibc.read(fd, $0.baseAddress! + count, limit - count)
      }
      if n < 0, errno == EINTR { continue }
      guard n >= 0 else {
        throw ExperimentError(file: path, "cannot read the experiment file: \(reason(errno))")
      }
      if n == 0 { break }
      count += n
    }
    return Array(bytes[0..<count])
  }

  /// Whether `path` itself is a symbolic link (dangling or not).
  static func isSymbolicLink(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
  }

  /// `errno` in words: "no such experiment file", "a loop of symbolic links", ...
  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such experiment file"
    case ELOOP: return "a loop of symbolic links, not an experiment file"
    default: return String(cString: strerror(code)).lowercased()
    }
  }
}
