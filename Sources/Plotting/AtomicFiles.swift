import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files written under temporary names in their final directory, renamed into place together.
struct AtomicFiles {
  private var staged: [(temporary: URL, target: URL)] = []

  /// Makes sure `directory` exists and is a directory.
  static func prepare(_ directory: URL) throws(RenderError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw RenderError(path: directory.path, reason: "not a directory")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw RenderError(
        path: directory.path, reason: "cannot create the directory (\(Self.reason(error)))")
    }
  }

  /// Creates an empty temporary file beside `target` and returns its URL.
  mutating func reserve(for target: URL) throws(RenderError) -> URL {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw RenderError(path: target.path, reason: "a directory is in the way")
    }
    let name = ".\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
    let temporary = target.deletingLastPathComponent().appendingPathComponent(name)
    let fd = open(temporary.path, O_CREAT | O_EXCL | O_WRONLY, 0o644)
    guard fd >= 0 else {
      throw RenderError(path: target.path, reason: String(cString: strerror(errno)))
    }
    close(fd)
    staged.append((temporary, target))
    return temporary
  }

  /// Renames every temporary file onto its target; returns the targets.
  mutating func commit() throws(RenderError) -> [URL] {
    for (temporary, target) in staged {
      guard rename(temporary.path, target.path) == 0 else {
        throw RenderError(path: target.path, reason: String(cString: strerror(errno)))
      }
    }
    let targets = staged.map(\.target)
    staged = []
    return targets
  }

  /// Removes the temporary files still staged.
  mutating func discard() {
    for (temporary, _) in staged { unlink(temporary.path) }
    staged = []
  }

  private static func reason(_ error: Error) -> String {
    (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
  }
}

/// Final touches to the SVG PLplot writes: a size in pixels, the figure's title, and the house
/// fonts named for the viewer (PLplot writes only the generic `sans-serif`), so that Hangul
/// is drawn from a CJK font wherever the viewer has one.
enum SVGFile {
  static let fontFamily = HouseStyle.fontFamilies.map { $0.contains(" ") ? "'\($0)'" : $0 }
    .joined(separator: ", ")

  static func finish(_ path: String, width: Int, height: Int, title: String?) throws(RenderError) {
    do {
      var text = try String(contentsOfFile: path, encoding: .utf8)
      text = text.replacingOccurrences(of: "width=\"\(width)pt\"", with: "width=\"\(width)px\"")
        .replacingOccurrences(of: "height=\"\(height)pt\"", with: "height=\"\(height)px\"")
        .replacingOccurrences(
          of: "font-family=\"sans-serif\"", with: "font-family=\"\(fontFamily)\"")
      if let title, !title.isEmpty, let open = text.range(of: "<svg"),
        let close = text[open.upperBound...].range(of: ">")
      {
        text.insert(
          contentsOf: "\n  <title>\(escaped(Markup.plain(title)))</title>", at: close.upperBound)
      }
      try text.write(toFile: path, atomically: false, encoding: .utf8)
    } catch {
      throw RenderError(path: path, reason: "cannot finish the SVG (\(error))")
    }
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
