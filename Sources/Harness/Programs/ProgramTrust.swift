import Foundation

/// A spec that names the user's programs: what `experiment show` lists and `--no-programs`
/// refuses. A file that names a program runs code with the user's rights.
protocol StartsPrograms {
  /// Each program as it would start: its arguments and its working directory.
  var startedPrograms: [StartedProgram] { get }
}

/// A program a run would start: its command line and the folder it starts in.
struct StartedProgram: Equatable, Sendable {
  var command: String
  var directory: String

  /// "python3 model.py --derivative (in /path/to/folder)".
  var line: String { ProgramPhrase.showProgramLine(command: command, directory: directory).english }
}

extension Experiment {
  /// The programs a run of this file would start (empty for expressions only).
  var startedPrograms: [StartedProgram] {
    func open<S: AnyKindSpec>(_ spec: S) -> [StartedProgram] {
      (spec.value as? StartsPrograms)?.startedPrograms ?? []
    }
    return open(kindSpec)
  }

  /// The same as lines: "python3 model.py --derivative (in /path/to/folder)".
  public var programs: [String] { startedPrograms.map(\.line) }
}

extension ProgramSource {
  /// "python3 model.py --derivative" in the experiment file's folder.
  var started: StartedProgram {
    let argv = (try? arguments(variables: 1, outputs: 1)) ?? []
    return StartedProgram(command: argv.joined(separator: " "), directory: directory.path)
  }
}

extension Sequence where Element == ProgramSource {
  /// Each distinct program of these sources once, in order.
  var startedPrograms: [StartedProgram] {
    var started: [StartedProgram] = []
    for source in self where !started.contains(source.started) { started.append(source.started) }
    return started
  }
}

extension ConvergenceSpec: StartsPrograms {
  var startedPrograms: [StartedProgram] {
    cases.flatMap { $0.program?.sources ?? [] }.startedPrograms
  }
}

extension BackpropSpec: StartsPrograms {
  var startedPrograms: [StartedProgram] {
    let driver = Locations.pythonDriver()?.path ?? "python_driver.py"
    return [
      StartedProgram(
        command: "\(model.interpreter) \(driver) --model \(model.target)",
        directory: model.directory.path)
    ]
  }
}
