import Foundation

/// The shipped experiments (`Experiments/*.yaml`) and how names and paths resolve.
public struct Catalog: Sendable {
  public var directory: URL

  public init(directory: URL = Locations.experimentsDirectory()) {
    self.directory = directory
  }

  /// Paths of every experiment file, sorted by name.
  public func allPaths() throws -> [String] {
    let fm = FileManager.default
    guard let entries = try? fm.contentsOfDirectory(atPath: directory.path) else {
      throw ExperimentError(
        file: directory.path,
        "cannot list the experiments folder (set \(Locations.homeVariable) to the package root, "
          + "pass --experiments DIR, or pass a file)")
    }
    return entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { Self.shown(directory.appendingPathComponent($0).path) }
  }

  /// The file for a name (`central-vs-forward`) or a path (`path/to/my.yaml`).
  public func resolve(_ nameOrPath: String) throws -> String {
    let fm = FileManager.default
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
      guard fm.fileExists(atPath: nameOrPath) else {
        throw ExperimentError(file: nameOrPath, "no such experiment file")
      }
      return nameOrPath
    }
    for ext in ["yaml", "yml"] {
      let path = Self.shown(directory.appendingPathComponent("\(nameOrPath).\(ext)").path)
      if fm.fileExists(atPath: path) { return path }
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
