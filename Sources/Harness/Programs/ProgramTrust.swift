import Foundation

/// A spec that names the user's programs: what `experiment show` lists and `--no-programs`
/// refuses. A file that names a program runs code with the user's rights.
protocol StartsPrograms {
  /// Each program as it would start: its arguments and its working directory.
  var programs: [String] { get }
}

extension Experiment {
  /// The programs a run of this file would start (empty for expressions only).
  public var programs: [String] {
    func open<S: AnyKindSpec>(_ spec: S) -> [String] {
      (spec.value as? StartsPrograms)?.programs ?? []
    }
    return open(kindSpec)
  }
}

extension ProgramSource {
  /// "python3 model.py --derivative (in /path/to/folder)".
  var startLine: String {
    let argv = (try? arguments(variables: 1, outputs: 1)) ?? []
    return argv.joined(separator: " ") + " (in \(directory.path))"
  }
}

extension ConvergenceSpec: StartsPrograms {
  var programs: [String] {
    var lines: [String] = []
    for c in cases {
      guard let p = c.program else { continue }
      for source in [p.f] + (p.dfProgram.map { [$0] } ?? []) where !lines.contains(source.startLine)
      {
        lines.append(source.startLine)
      }
    }
    return lines
  }
}

extension BackpropSpec: StartsPrograms {
  var programs: [String] {
    let driver = Locations.pythonDriver()?.path ?? "python_driver.py"
    return ["\(model.interpreter) \(driver) --model \(model.target) (in \(model.directory.path))"]
  }
}
