import ArgumentParser
import Foundation
import Harness
import Learning
import Plotting

/// `experiment`: runs declarative experiment files on numerical derivatives.
public struct ExperimentCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "experiment",
    abstract: "Measure how numerical derivatives behave: sweeps, fitted orders, figures.",
    discussion: """
      Exit codes: 0 every experiment met its expectations; 1 an experiment missed one; \
      2 an experiment file, data file or name is invalid (nothing is written for it); \
      64 command-line usage; 130 interrupted (completed experiments stay). \
      The shipped experiments are found from any directory (the package holding the \
      executable, or EXPERIMENT_HOME); cached data in --data, DERIVATIVES_DATA or the \
      package's .cache/data.
      """,
    version: "\(Provenance.version)\nBLAS: \(BLASLibrary.summary)",
    subcommands: [List.self, Run.self, Show.self],
    defaultSubcommand: List.self)

  public init() {}
}

/// Options shared by the commands that find experiments.
public struct CatalogOptions: ParsableArguments {
  @Option(
    name: .customLong("experiments"),
    help: "The folder of shipped experiment files (default: the package's Experiments/).")
  public var experimentsDirectory: String?

  public init() {}

  var catalog: Catalog {
    experimentsDirectory.map { Catalog(directory: URL(fileURLWithPath: $0, isDirectory: true)) }
      ?? Catalog()
  }
}

extension FigureFormat: ExpressibleByArgument {}

extension ExperimentCommand {
  /// `experiment list`
  public struct List: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "List the shipped experiments.")
    @OptionGroup public var catalogOptions: CatalogOptions
    public init() {}

    public func run() throws {
      let paths: [String]
      do {
        paths = try catalogOptions.catalog.allPaths()
      } catch {
        throw fail(.invalidInput, "\(error)")
      }
      var rows: [[String]] = []
      var invalid = false
      for path in paths {
        do {
          let e = try Experiment.load(path: path)
          rows.append([e.name, e.kind, e.title])
        } catch {
          rows.append([
            URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, "invalid",
            "\(error)",
          ])
          invalid = true
        }
      }
      let widths = (0..<3).map { i in rows.map { $0[i].count }.max() ?? 0 }
      for row in rows {
        print(
          row.enumerated().map { i, c in
            i < 2 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : c
          }
          .joined(separator: "  "))
      }
      if invalid { throw ExitCode(ExitStatus.invalidInput.rawValue) }
    }
  }

  /// `experiment run NAME|FILE ... [--all] [--output DIR] [--jobs N] [--formats png,svg]`
  public struct Run: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Run experiments by name or file; write summary.json, CSV and figures.")

    @Argument(help: "Experiment names (from Experiments/) or paths to .yaml files.")
    public var experiments: [String] = []

    @Flag(help: "Run every experiment in the experiments folder.")
    public var all = false

    @Option(name: .shortAndLong, help: "Where results go: <output>/<name>/ and <output>/index.md.")
    public var output: String = "Output"

    @Option(name: .shortAndLong, help: "How many experiments run at once.")
    public var jobs: Int = 1

    @Option(
      parsing: .singleValue, help: "Figure formats, comma-separated (png, svg, pdf).",
      transform: { text in
        try text.split(separator: ",").map { part in
          guard let format = FigureFormat(rawValue: String(part)) else {
            throw ValidationError("unknown figure format '\(part)'; expected png, svg or pdf")
          }
          return format
        }
      })
    public var formats: [[FigureFormat]] = []

    @Option(
      help:
        "Where cached data sets live (default: DERIVATIVES_DATA, else the package's .cache/data).")
    public var data: String?

    @Option(
      help:
        "The language of figures, summary.md, index pages and tables: en or ko (over the file's)."
    )
    public var language: String?

    @Option(
      name: .customLong("figure-size"),
      help: "Every figure's size in pixels, WxH such as 1600x1000 (over the file's 'figure').")
    public var figureSize: String?

    @Option(
      name: .customLong("font-scale"),
      help: "A factor on every font and line width, 0.25 to 8 (1.3 for slides).")
    public var fontScale: Double?

    @Flag(
      name: .customLong("no-programs"),
      help: "Refuse any file that would start a program (f: {command} or {python}, a model).")
    public var noPrograms = false

    @Option(
      help: "Write JUnit XML here: one testsuite per experiment, one testcase per check.")
    public var junit: String?

    @Option(
      help: """
        An earlier output folder: a fitted order lower by more than 0.1, or digits fewer by \
        more than 1, than its summary.json is a failed check.
        """)
    public var baseline: String?

    @OptionGroup public var catalogOptions: CatalogOptions

    public init() {}

    /// `--junit`, `--baseline` and GitHub Actions' environment (`GITHUB_ACTIONS=true`:
    /// annotations; `GITHUB_STEP_SUMMARY`: the verdict table).
    func ci(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> CIOptions {
      let (github, summary) = CIOptions.github(environment)
      return CIOptions(
        junit: junit.map { URL(fileURLWithPath: $0) },
        baseline: baseline.map { URL(fileURLWithPath: $0, isDirectory: true) },
        githubActions: github, stepSummary: summary)
    }

    /// The presentation options, checked.
    func presentation() throws -> PresentationOverrides {
      var overrides = PresentationOverrides()
      if let language { overrides.language = try parseLanguage(language) }
      if let figureSize {
        guard let size = FigureSettings.parseSize(figureSize) else {
          let range = FigureSettings.pixelRange
          throw ValidationError(
            "--figure-size must be WxH with each side from \(range.lowerBound) to "
              + "\(range.upperBound) pixels, such as 1600x1000; got '\(figureSize)'")
        }
        overrides.size = size
      }
      if let fontScale {
        guard FigureSettings.fontScaleRange.contains(fontScale) else {
          throw ValidationError("--font-scale must be from 0.25 to 8, got \(fontScale)")
        }
        overrides.fontScale = fontScale
      }
      return overrides
    }

    public func validate() throws {
      _ = try presentation()
      guard all || !experiments.isEmpty else {
        throw ValidationError("name at least one experiment, or pass --all")
      }
      guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
      guard !output.isEmpty else {
        throw ValidationError("--output must name a folder (use --output . for this one)")
      }
    }

    public func run() async throws {
      let chosen = formats.flatMap { $0 }
      var options = RunOptions(
        outputRoot: URL(fileURLWithPath: output, isDirectory: true),
        formats: chosen.isEmpty
          ? [.png, .svg] : chosen.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
        jobs: jobs, showProgress: isatty(STDERR_FILENO) == 1,
        dataDirectory: Locations.dataDirectory(option: data), presentation: try presentation())
      options.ci = ci()
      let cancellation = Cancellation()
      Interrupt.install(cancellation)
      var session = Session(
        options: options, catalog: catalogOptions.catalog, cancellation: cancellation)
      session.refusePrograms = noPrograms
      let status = await session.run(experiments, all: all)
      if status != .success { throw ExitCode(status.rawValue) }
    }
  }

  /// `experiment show NAME`
  public struct Show: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Print a parsed experiment and the symbolic derivatives it uses.")
    @Argument(help: "An experiment name or a path to a .yaml file.")
    public var experiment: String
    @Option(help: "The language of the account: en or ko (over the file's).")
    public var language: String?
    @OptionGroup public var catalogOptions: CatalogOptions
    public init() {}

    public func validate() throws { _ = try overrides() }

    /// `--language`, checked.
    func overrides() throws -> PresentationOverrides {
      PresentationOverrides(language: try language.map(parseLanguage))
    }

    public func run() throws {
      do {
        let path = try catalogOptions.catalog.resolve(experiment)
        print(try Experiment.load(path: path).overridden(by: overrides()).explained())
      } catch let error as ExperimentError {
        throw fail(.invalidInput, "\(error)")
      }
    }
  }
}

/// `--language`'s value: en or ko.
func parseLanguage(_ text: String) throws -> Language {
  guard let value = Language(rawValue: text) else {
    throw ValidationError("unknown language '\(text)'; expected en or ko")
  }
  return value
}

/// Prints `message` on standard error and returns the exit code for `status`.
func fail(_ status: ExitStatus, _ message: String) -> ExitCode {
  FileHandle.standardError.write(Data("error: \(message)\n".utf8))
  return ExitCode(status.rawValue)
}

extension ExperimentCommand {
  /// Parses the process's arguments and runs the command (the async entry point; the
  /// synchronous `main()` that `ParsableCommand` also offers would refuse an async root).
  public static func start() async {
    let entry: () async -> Void = main
    await entry()
  }
}
