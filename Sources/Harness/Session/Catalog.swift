import Foundation

/// The shipped experiments (`Experiments/*.yaml`) and how names and paths resolve.
public struct Catalog: Sendable {
  var directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  /// The shipped experiments' folder (`Locations.experimentsDirectory()`).
  public init() { self.init(directory: Locations.experimentsDirectory()) }

  /// Paths of every experiment file, sorted by name: the folder's own files, then those of
  /// its subfolders one level down (`Experiments/ko/` holds the Korean twins).
  public func allPaths() throws -> [String] {
    let fm = FileManager.default
    guard let entries = try? fm.contentsOfDirectory(atPath: directory.path) else {
      throw ExperimentError(
        file: directory.path,
        "cannot list the experiments folder (set \(Locations.homeVariable) to the package root, "
          + "pass --experiments DIR, or pass a file)")
    }
    var paths = Self.experimentFiles(entries).map { directory.appendingPathComponent($0).path }
    for folder in entries.sorted() where !folder.hasPrefix(".") {
      let sub = directory.appendingPathComponent(folder, isDirectory: true)
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: sub.path, isDirectory: &isDirectory), isDirectory.boolValue,
        let inner = try? fm.contentsOfDirectory(atPath: sub.path)
      else { continue }
      paths += Self.experimentFiles(inner).map { sub.appendingPathComponent($0).path }
    }
    return paths.map(Self.shown)
  }

  private static func experimentFiles(_ names: [String]) -> [String] {
    names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
      .sorted()
  }

  /// The file for a name (`central-vs-forward`) or a path (`path/to/my.yaml`).
  public func resolve(_ nameOrPath: String) throws -> String {
    let fm = FileManager.default
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
      // A dangling link or a loop of links is left to the reader, which says which.
      guard fm.fileExists(atPath: nameOrPath) || FileBytes.isSymbolicLink(nameOrPath) else {
        throw ExperimentError(file: nameOrPath, "no such experiment file")
      }
      return nameOrPath
    }
    // `ko-seeds-derivative` is also `ko/seeds-derivative.yaml` (the name those files declare).
    var candidates = [nameOrPath]
    if let dash = nameOrPath.firstIndex(of: "-") {
      candidates.append(
        nameOrPath[..<dash] + "/" + nameOrPath[nameOrPath.index(after: dash)...])
    }
    for candidate in candidates {
      for ext in ["yaml", "yml"] {
        let path = Self.shown(directory.appendingPathComponent("\(candidate).\(ext)").path)
        if fm.fileExists(atPath: path) { return path }
      }
    }
    let names = ((try? allPaths()) ?? []).map {
      URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent
    }
    throw ExperimentError(
      "unknown experiment '\(nameOrPath)'\(suggestion(for: nameOrPath, in: names)); "
        + "`experiment list` shows them, or pass a path to a .yaml file")
  }

  /// `path` relative to the working directory when it lies inside it (messages then read
  /// `Experiments/x.yaml:7:5`), else as given.
  static func shown(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
