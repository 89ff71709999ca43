import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Who owns a staging folder: the process id and its start time (so a reused id is not taken
/// for the owner), written into the folder as `.owner`. A run that was killed (SIGKILL, a
/// crash) leaves its staging folder; the next run into the same output folder removes it once
/// its owner is gone, and never a live run's.
struct StagingOwner: Equatable {
  static let fileName = ".owner"

  var pid: Int32
  /// Clock ticks after boot at which the process started (`/proc/<pid>/stat`, field 22); nil
  /// where there is no `/proc`.
  var startTime: UInt64?

  /// This process.
  static var current: StagingOwner { StagingOwner(pid: getpid(), startTime: startTime(of: getpid())) }

  /// `pid startTime`.
  var text: String { "\(pid) \(startTime.map(String.init) ?? "-")\n" }

  init(pid: Int32, startTime: UInt64?) {
    self.pid = pid
    self.startTime = startTime
  }

  init?(text: String) {
    let parts = text.split(whereSeparator: \.isWhitespace)
    guard parts.count == 2, let pid = Int32(parts[0]), pid > 0 else { return nil }
    self.init(pid: pid, startTime: UInt64(parts[1]))
  }

  /// Whether the process that wrote this is still running (the same pid with the same start
  /// time).
  var isAlive: Bool {
    guard kill(pid, 0) == 0 || errno == EPERM else { return false }
    guard let startTime else { return true }
    return Self.startTime(of: pid) == startTime
  }

  /// Field 22 of `/proc/<pid>/stat` (after the parenthesized command name, which may hold
  /// spaces).
  static func startTime(of pid: Int32) -> UInt64? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    // fields[0] is field 3 (the state), so field 22 is fields[19].
    return fields.count > 19 ? UInt64(fields[19]) : nil
  }

  /// Removes every `.staging-*` folder in `root` whose `.owner` names a process that is gone
  /// (a folder without `.owner` may be one being created, and stays).
  static func removeDeadStaging(in root: URL) {
    let fm = FileManager.default
    let names = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
    for name in names where name.hasPrefix(".staging-") {
      let folder = root.appendingPathComponent(name, isDirectory: true)
      guard
        let text = try? String(
          contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8),
        let owner = StagingOwner(text: text), !owner.isAlive
      else { continue }
      try? fm.removeItem(at: folder)
    }
  }
}
