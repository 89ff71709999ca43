import Foundation

/// Where the shipped experiments and the cached data are, from any working directory.
///
/// The package root is `EXPERIMENT_HOME` when set, else the first folder holding both
/// `Package.swift` and `Experiments/` found walking up from the executable (the binary lives
/// in `.build/<config>/` inside the package), else from the working directory.
public enum Locations {
  /// The environment variable naming the package root.
  static let homeVariable = "EXPERIMENT_HOME"
  /// The environment variable naming the data folder.
  static let dataVariable = "DERIVATIVES_DATA"

  static func packageRoot(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL? {
    if let home = environment[homeVariable], !home.isEmpty {
      return URL(fileURLWithPath: home, isDirectory: true).standardizedFileURL
    }
    var starts: [URL] = []
    if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
      starts.append(executable.deletingLastPathComponent())
    }
    starts.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
    let fm = FileManager.default
    for start in starts {
      var folder = start.standardizedFileURL
      while true {
        if fm.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
          fm.fileExists(atPath: folder.appendingPathComponent("Experiments").path)
        {
          return folder
        }
        let parent = folder.deletingLastPathComponent()
        if parent.path == folder.path { break }
        folder = parent
      }
    }
    return nil
  }

  /// The shipped experiments: `<package root>/Experiments`, else `./Experiments`.
  static func experimentsDirectory(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    if let root = packageRoot(environment: environment) {
      return root.appendingPathComponent("Experiments", isDirectory: true)
    }
    return URL(fileURLWithPath: "Experiments", isDirectory: true)
  }

  /// The data folder: `option` (`--data`), else `DERIVATIVES_DATA`, else
  /// `<package root>/.cache/data`, else `./.cache/data`.
  public static func dataDirectory(
    option: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    if let option, !option.isEmpty { return URL(fileURLWithPath: option, isDirectory: true) }
    if let value = environment[dataVariable], !value.isEmpty {
      return URL(fileURLWithPath: value, isDirectory: true)
    }
    if let root = packageRoot(environment: environment) {
      return root.appendingPathComponent(".cache/data", isDirectory: true)
    }
    return URL(fileURLWithPath: ".cache/data", isDirectory: true)
  }
}
