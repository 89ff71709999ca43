import Foundation

/// Where a result came from: the tool's version, the package's commit when it is a git
/// checkout, the date and the command line of the run.
public enum Provenance {
  /// The tool's version (`experiment --version` prints it).
  public static let version = "0.1.0"

  /// The package's commit (`git rev-parse --short HEAD` in the package root), or nil when the
  /// package is not a git checkout or git is missing. Asked once per process.
  static let commit: String? = {
    guard let root = Locations.packageRoot(),
      FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path)
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", root.path, "rev-parse", "--short", "HEAD"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return process.terminationStatus == 0 && !text.isEmpty ? text : nil
  }()

  /// Now, in UTC to the minute: "2026-12-05 18:20 UTC".
  static func date(_ now: Date = Date()) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return formatter.string(from: now)
  }

  /// The command line of this run, the executable by its file name.
  static var command: String {
    let arguments = CommandLine.arguments
    guard let first = arguments.first else { return "experiment" }
    return ([URL(fileURLWithPath: first).lastPathComponent] + arguments.dropFirst())
      .map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
  }
}
