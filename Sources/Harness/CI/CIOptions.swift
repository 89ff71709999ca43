import Foundation

/// What a run writes for continuous integration, besides its results (`experiment run
/// --junit FILE --baseline DIR`, and GitHub Actions' environment).
public struct CIOptions: Sendable {
  /// `--junit FILE`: JUnit XML, one testsuite per experiment, one testcase per check.
  public var junit: URL?
  /// `--baseline DIR`: an earlier output folder whose summary.json files a run is held to.
  public var baseline: URL?
  /// `GITHUB_ACTIONS=true`: one `::error` workflow command per failed check on standard output.
  public var githubActions: Bool
  /// `GITHUB_STEP_SUMMARY`: the file the verdict table is appended to.
  public var stepSummary: URL?

  public init(
    junit: URL? = nil, baseline: URL? = nil, githubActions: Bool = false, stepSummary: URL? = nil
  ) {
    self.junit = junit
    self.baseline = baseline
    self.githubActions = githubActions
    self.stepSummary = stepSummary
  }

  /// The GitHub Actions part from `environment` (`GITHUB_ACTIONS`, `GITHUB_STEP_SUMMARY`).
  public static func github(_ environment: [String: String]) -> (Bool, URL?) {
    let on = environment["GITHUB_ACTIONS"] == "true"
    let summary = environment["GITHUB_STEP_SUMMARY"].flatMap {
      $0.isEmpty ? nil : URL(fileURLWithPath: $0)
    }
    return (on, summary)
  }
}

/// One experiment's checks as CI sees them: English subjects and details, and the file's line
/// that set each expectation.
struct CIRecord: Sendable {
  var name: String
  var kind: String
  var title: String
  /// The experiment file, as annotations name it (relative to the working directory when it
  /// is inside it).
  var file: String
  var checks: [Check]
  /// The line of each check's expectation; `defaultLine` for the others.
  var lines: [String: Int]
  var defaultLine: Int
  var seconds: Double
  /// Why the file could not be loaded or run (exit 2), when it could not: it then has no
  /// checks, and CI reports one error at `defaultLine`.
  var error: String? = nil

  /// The name CI gives the one test of a file that could not be loaded or run.
  static let fileTestName = "the experiment file"

  var verdict: Verdict { Verdict(checks) }

  func line(of check: Check) -> Int { lines[check.subject.english] ?? defaultLine }

  init(_ experiment: Experiment, _ report: Report, seconds: Double) {
    name = experiment.name
    kind = experiment.kind
    title = experiment.title
    file = Self.relative(experiment.path)
    checks = report.checks
    lines = report.expectationLines
    defaultLine = Self.expectationLine(experiment.source)
    self.seconds = seconds
  }

  /// A file that could not be loaded or run: `error` (located at its line when it has one).
  init(invalid path: String, _ error: Error, seconds: Double = 0) {
    let located = (error as? ExperimentError)?.inFile(path)
    name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    kind = ""
    title = name
    file = Self.relative(path)
    checks = []
    lines = [:]
    defaultLine = located?.line ?? 1
    self.seconds = seconds
    self.error = located?.message ?? "\(error)"
  }

  /// The line of the top-level `expect` key (else `tolerance`, else 1).
  static func expectationLine(_ source: String) -> Int {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    for key in ["expect:", "tolerance:"] {
      if let i = lines.firstIndex(where: { $0.hasPrefix(key) }) { return i + 1 }
    }
    return 1
  }

  /// `path` relative to the working directory when inside it.
  static func relative(_ path: String) -> String {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
      .path
    let prefix = here.hasSuffix("/") ? here : here + "/"
    return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : path
  }
}

/// The records of a run, gathered as experiments finish (any order), sorted by name at the end.
final class CIRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var records: [CIRecord] = []

  func add(_ record: CIRecord) {
    lock.lock()
    records.append(record)
    lock.unlock()
  }

  var all: [CIRecord] {
    lock.lock()
    defer { lock.unlock() }
    return records.sorted { $0.name < $1.name }
  }
}
