import Calculus
import Foundation

/// `model: {python: "two_layer_net.py:TwoLayerNet", arguments: {...}}`: the student's class,
/// built by the tool's Python driver in the experiment file's folder.
struct ModelSource: Decodable, Sendable {
  static let keys = [
    "python", "arguments", "seed", "params", "loss", "gradient", "interpreter", "timeout",
  ]

  /// FILE:CLASS.
  var target: String
  /// Keyword arguments of the class, as JSON.
  var arguments: String
  var seed: Int
  var params: String
  var loss: String
  var gradient: String
  var interpreter: String
  var timeout: Double
  var directory: URL
  var line: Int?
  var column: Int?

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(allowing: Self.keys, in: "a model")
    line = decoder.mark?.line
    column = decoder.mark?.column
    directory = decoder.baseDirectory ?? URL(fileURLWithPath: ".")
    let (file, name) = try ProgramSource.fileAndName(c, example: "two_layer_net.py:TwoLayerNet")
    target = file + ":" + name
    let given = try c.optional("arguments", as: [String: ArgumentValue].self, expected: "a mapping")
    arguments =
      "{"
      + (given ?? [:]).sorted { $0.key < $1.key }
      .map { "\(ArgumentValue.quoted($0.key)): \($0.value.json)" }.joined(separator: ", ") + "}"
    seed = try c.optional("seed", as: Int.self, expected: "a whole number") ?? 0
    params = try c.optional("params", as: String.self, expected: "an attribute name") ?? "params"
    loss = try c.optional("loss", as: String.self, expected: "a method name") ?? "loss"
    gradient = try c.optional("gradient", as: String.self, expected: "a method name") ?? "gradient"
    interpreter = try c.optional("interpreter", as: String.self, expected: "a program") ?? "python3"
    timeout = try c.optional("timeout", as: Double.self, expected: "seconds") ?? 60
    guard timeout > 0, timeout.isFinite else { throw c.error("timeout", "'timeout' must be > 0") }
  }

  /// The driver's settings: everything but the target, as one JSON argument.
  func settings(precision: Calculus.Precision, data: String) -> String {
    "{\"arguments\": \(arguments), \"seed\": \(seed), \"params\": \(ArgumentValue.quoted(params)), "
      + "\"loss\": \(ArgumentValue.quoted(loss)), \"gradient\": \(ArgumentValue.quoted(gradient)), "
      + "\"dtype\": \"\(precision.rawValue)\", \"data\": \(data)}"
  }

  func error(_ message: String) -> ExperimentError {
    ExperimentError(line: line, column: column, message)
  }
}

/// A keyword argument's value: a whole number stays whole (numpy shapes need ints).
enum ArgumentValue: Decodable, Sendable {
  case int(Int)
  case double(Double)
  case bool(Bool)
  case string(String)

  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let v = try? c.decode(Int.self) {
      self = .int(v)
    } else if let v = try? c.decode(Double.self) {
      self = .double(v)
    } else if let v = try? c.decode(Bool.self) {
      self = .bool(v)
    } else if let v = try? c.decode(String.self) {
      self = .string(v)
    } else {
      throw ExperimentError(at: decoder.mark, "an argument is a number, true/false or a string")
    }
  }

  var json: String {
    switch self {
    case .int(let v): return String(v)
    case .double(let v): return v.isFinite ? String(format: "%.17g", v) : "null"
    case .bool(let v): return v ? "true" : "false"
    case .string(let v): return Self.quoted(v)
    }
  }

  static func quoted(_ text: String) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
    return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
  }
}

/// `kind: backprop`: a student's model (a params dict, `loss(x, t)`, `gradient(x, t)`) checked
/// entry by entry against the numerical gradient over a sweep of steps.
struct BackpropSpec: Sendable {
  var model: ModelSource
  /// The driver's `data` settings as JSON: `{"batch": 100, "seed": 1}` or `{"npz": FILE}`.
  var data: String
  var precisions: [Calculus.Precision]
  /// Entries sampled per tensor; nil for all.
  var parameters: Int?
  var samplingSeed: UInt64
  var grid: StepGrid
  /// Tensors whose gradient is expected wrong (a planted bug): found, and found only there.
  var wrong: [String]
  /// A plateau below this times |g| (or the tensor's median |g| when larger) is within
  /// tolerance: reported, not a failure.
  var tolerance: Double
}

extension BackpropSpec: Decodable {
  static let keys = [
    "model", "data", "precision", "parameters", "seed", "h", "expect", "tolerance",
  ]

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: Experiment.commonKeys + Self.keys, in: "a backprop experiment")
    model = try c.required("model", as: ModelSource.self, expected: "{python: \"FILE:CLASS\"}")
    data = try Self.decodeData(c)
    precisions =
      try c.optional("precision", as: [EnumValue<Calculus.Precision>].self, expected: "precisions")?
      .map(\.value) ?? [.double]
    if let other = precisions.first(where: { $0 != .double && $0 != .single }) {
      throw c.error(
        "precision", "the driver runs a model in double or single, not \(other.rawValue)")
    }
    if c.has("parameters"), (try? c.required("parameters", as: String.self, expected: "")) == "all"
    {
      parameters = nil
    } else {
      parameters = try c.optional("parameters", as: Int.self, expected: "a number or all") ?? 10
      guard (parameters ?? 1) >= 1 else { throw c.error("parameters", "'parameters' must be >= 1") }
    }
    samplingSeed = UInt64(try c.optional("seed", as: Int.self, expected: "a whole number") ?? 7)
    grid =
      try c.optional("h", as: StepGridSpec.self, expected: "{min, max, per_decade}")?.grid
      ?? StepGrid(min: 1e-10, max: 1e-1, perDecade: 3)
    let expect = try c.optional("expect", as: [String: [String]].self, expected: "{wrong: [W1]}")
    if let keys = expect?.keys, let stray = keys.first(where: { $0 != "wrong" }) {
      throw c.error(
        "expect",
        "unknown expectation '\(stray)'; expected: wrong (the tensors a planted bug makes wrong)")
    }
    wrong = expect?["wrong"] ?? []
    tolerance =
      try c.optional("tolerance", as: Double.self, expected: "a relative difference") ?? 1e-5
    guard tolerance >= 0, tolerance.isFinite else {
      throw c.error("tolerance", "'tolerance' must be >= 0")
    }
  }

  static func decodeData(_ c: KeyedDecodingContainer<AnyKey>) throws -> String {
    guard c.has("data") else { return "{\"batch\": 100, \"seed\": 1}" }
    let given = try c.required(
      "data", as: [String: ArgumentValue].self, expected: "{batch, seed} or {npz: FILE}")
    if let stray = given.keys.first(where: { !["batch", "seed", "npz"].contains($0) }) {
      throw c.error(
        "data",
        "unknown key '\(stray)' in data; expected batch, seed (random data) or npz (a file with x and t)"
      )
    }
    return "{"
      + given.sorted { $0.key < $1.key }
      .map { "\(ArgumentValue.quoted($0.key)): \($0.value.json)" }.joined(separator: ", ") + "}"
  }
}
