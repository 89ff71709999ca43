import Calculus
import Foundation
import Yams

/// `f: {command: [...]}` or `f: {python: "FILE:NAME"}` (and the same for `df` and
/// `gradient`): a function computed by the user's program, as decoded from the file.
struct ProgramSource: Decodable, Sendable, Hashable {
  enum Form: Sendable, Hashable {
    /// argv, run without a shell.
    case command([String])
    /// FILE (relative to the experiment file) and NAME, served by the tool's Python driver.
    case python(file: String, name: String, interpreter: String, vector: Bool)
  }

  static let keys = ["command", "python", "interpreter", "vector", "precision", "timeout"]

  var form: Form
  /// The precision the program computes in: the round-off floor to expect.
  var precision: Calculus.Precision
  /// Seconds per batch.
  var timeout: Double
  /// Where the program starts: the experiment file's folder.
  var directory: URL
  var line: Int?
  var column: Int?

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: Self.keys, in: "a program ({command: [...]} or {python: \"FILE:NAME\"})")
    line = decoder.mark?.line
    column = decoder.mark?.column
    directory = decoder.baseDirectory ?? URL(fileURLWithPath: ".")
    switch (c.has("command"), c.has("python")) {
    case (true, false):
      let argv = try c.required("command", as: [String].self, expected: "a list of arguments")
      guard let first = argv.first, !first.isEmpty else {
        throw c.error("command", "'command' must name a program: [\"python3\", \"model.py\"]")
      }
      for key in ["interpreter", "vector"] where c.has(key) {
        throw c.error(key, "'\(key)' belongs to {python: \"FILE:NAME\"}, not to a command")
      }
      form = .command(argv)
    case (false, true):
      let (file, name) = try Self.fileAndName(c, example: "model.py:loss")
      form = .python(
        file: file, name: name,
        interpreter: try c.optional("interpreter", as: String.self, expected: "a program")
          ?? "python3",
        vector: try c.optional("vector", as: Bool.self, expected: "true or false") ?? false)
    default:
      throw ExperimentError(
        at: decoder.mark, "a program is {command: [...]} or {python: \"FILE:NAME\"}, one of them")
    }
    precision =
      try c.optional("precision", as: EnumValue<Calculus.Precision>.self, expected: "a precision")?
      .value ?? .double
    timeout = try c.optional("timeout", as: Double.self, expected: "seconds") ?? 60
    guard timeout > 0, timeout.isFinite else { throw c.error("timeout", "'timeout' must be > 0") }
  }

  /// `python: "FILE:NAME"` split at its last colon.
  static func fileAndName(_ c: KeyedDecodingContainer<AnyKey>, example: String) throws
    -> (file: String, name: String)
  {
    let target = try c.required("python", as: String.self, expected: "\"FILE:NAME\"")
    guard let colon = target.lastIndex(of: ":"), colon != target.startIndex,
      target.index(after: colon) != target.endIndex
    else {
      throw c.error("python", "'python' is FILE:NAME, such as \"\(example)\"; got \"\(target)\"")
    }
    return (String(target[..<colon]), String(target[target.index(after: colon)...]))
  }

  /// How messages and `experiment show` name it: `python3 model.py --derivative`, or
  /// `model.py:loss (Python)`.
  var display: String {
    switch form {
    case .command(let argv): return argv.joined(separator: " ")
    case .python(let file, let name, _, _): return "\(file):\(name) (Python)"
    }
  }

  /// The argv that starts it, for a function of `variables` values answering `outputs`.
  func arguments(variables: Int, outputs: Int) throws -> [String] {
    switch form {
    case .command(let argv):
      return argv
    case .python(let file, let name, let interpreter, let vector):
      guard let driver = Locations.pythonDriver() else {
        throw ExperimentError(
          line: line, column: column,
          "the tool's Python driver (Sources/Harness/Programs/python_driver.py) was not found; "
            + "set \(Locations.homeVariable) to the package's folder")
      }
      return [
        interpreter, driver.path, file, name, "--variables", "\(variables)",
        "--outputs", "\(outputs)",
      ] + (vector ? ["--vector"] : [])
    }
  }

  /// The driver frames each batch with a `points P` line; a command gets bare lines.
  var framesBatches: Bool {
    if case .python = form { return true }
    return false
  }

  func error(_ message: String) -> ExperimentError {
    ExperimentError(line: line, column: column, message)
  }
}

/// An `f` (or `df`, `gradient`) as the file gives it: an expression, or a program.
enum FunctionSource: Decodable, Sendable {
  case expression(ExpressionSource)
  case program(ProgramSource)

  init(from decoder: Decoder) throws {
    if case .mapping? = decoder.root?.locate(decoder.codingPath) {
      self = .program(try ProgramSource(from: decoder))
    } else {
      self = .expression(try ExpressionSource(from: decoder))
    }
  }

  var program: ProgramSource? {
    if case .program(let p) = self { return p }
    return nil
  }
}

extension Locations {
  /// The Python driver shipped in the package (`Sources/Harness/Programs/python_driver.py`),
  /// found the way the shipped experiments are.
  static func pythonDriver(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL? {
    guard let root = packageRoot(environment: environment) else { return nil }
    let url = root.appendingPathComponent("Sources/Harness/Programs/python_driver.py")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }
}

extension ExpressionSource {
  /// The stand-in of a program's `f` where a kind keeps an expression: its messages point at
  /// the program's mapping.
  init(standIn expression: Expression, for program: ProgramSource) {
    self.expression = expression
    text = program.display
    line = program.line
    column = program.column
  }
}

/// What a program's `f` cannot do: the keys and methods that need an expression, refused when
/// the file is decoded, the same words in every kind.
enum ProgramRules {
  /// The tool's emulated precisions and the complex step need an expression.
  static func check(
    precisions: [Calculus.Precision], schemes: [Scheme], _ c: KeyedDecodingContainer<AnyKey>,
    schemesKey: String = "schemes"
  ) throws {
    if precisions != [.double] {
      throw c.error(
        "precision",
        "'precision' emulates arithmetic on an expression; a program computes in its own "
          + "precision: drop 'precision' and say `precision: single` (or half, double) on the f "
          + "mapping")
    }
    if schemes.contains(.complexStep) {
      throw c.error(
        schemesKey, "complex-step needs an expression (f at a complex point); a program's f takes"
          + " real points only: drop complex-step")
    }
  }

  /// Refuses each of `keys` the file gives: `why` says what each needs.
  static func refuse(_ keys: [(key: String, why: String)], _ c: KeyedDecodingContainer<AnyKey>)
    throws
  {
    for (key, why) in keys where c.has(key) {
      throw c.error(key, "'\(key)' \(why); a program's f cannot: drop '\(key)'")
    }
  }

  /// `variables:` of a program's `f`: required (a program has no names to read them from),
  /// in the order the program reads its arguments.
  static func variables(_ c: KeyedDecodingContainer<AnyKey>) throws -> [String] {
    guard
      let listed = try c.optional(
        "variables", as: [String].self, expected: "a list of variable names")
    else {
      throw c.error(
        "f",
        "a program f needs 'variables:', its arguments in the order it reads them, such as "
          + "variables: [x, y]")
    }
    guard !listed.isEmpty else { throw c.error("variables", "'variables' must name at least one") }
    try c.checkVariableNames(listed)
    guard Set(listed).count == listed.count else {
      throw c.error("variables", "'variables' lists a name twice")
    }
    return listed
  }

  /// `f` of a kind of several variables: an expression and its variables, or a program, its
  /// `variables:` and an expression standing in for it (its messages point at the mapping).
  static func function(_ c: KeyedDecodingContainer<AnyKey>, expected: String) throws
    -> (source: ExpressionSource, variables: [String], program: ProgramSource?)
  {
    switch try c.required("f", as: FunctionSource.self, expected: expected + ", or a program") {
    case .expression(let e):
      return (e, try decodeVariables(c, f: e), nil)
    case .program(let p):
      let variables = try Self.variables(c)
      return (ExpressionSource(standIn: .variable(variables[0]), for: p), variables, p)
    }
  }
}
