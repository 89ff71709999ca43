import Foundation
import Plotting
import Yams

/// A parsed, validated experiment file.
public struct Experiment: Sendable {
  /// Names the output folder; the file's stem unless the file says otherwise.
  public var name: String
  public var title: String
  var description: String?
  /// The language of every text the tool writes for this experiment (`language:`).
  var language: Language
  /// Size and font scale of its figures (`figure:`).
  var figure: FigureSettings
  /// The file as given on the command line or found in `Experiments/`.
  var path: String
  /// The file's text, shown on index.html.
  var source: String
  /// The kind's own settings, typed: the `Spec` of the kind's definition.
  var kindSpec: any AnyKindSpec

  /// The value of `kind:`, one of `Kinds.names`.
  public var kind: String { kindSpec.kindName }

  /// The folder paths in the file are relative to.
  var directory: URL { URL(fileURLWithPath: path).deletingLastPathComponent() }

  /// The spec when the experiment is of kind `K`.
  func spec<K: ExperimentKindDefinition>(of _: K.Type) -> K.Spec? {
    (kindSpec as? KindSpec<K>)?.value
  }

  /// Keys every kind accepts.
  static let commonKeys = ["name", "kind", "title", "description", "language", "figure"]

  /// Reads and validates the experiment file at `path`.
  ///
  /// - Throws: `ExperimentError` naming the file, line and column of the first problem.
  public static func load(path: String) throws -> Experiment {
    try decode(checked: ExperimentText.load(path: path), path: path)
  }

  /// Parses experiment text; `path` names it in errors and gives the default name. The text
  /// goes through the same checks as a file's bytes in `load(path:)` (`ExperimentText`).
  public static func parse(_ text: String, path: String) throws -> Experiment {
    try parse(Array(text.utf8), path: path)
  }

  /// Parses the raw bytes of an experiment file, as `load(path:)` does after reading them.
  public static func parse(_ bytes: [UInt8], path: String) throws -> Experiment {
    try decode(checked: ExperimentText.decode(bytes, path: path), path: path)
  }

  /// Composes and decodes text that `ExperimentText` has checked.
  private static func decode(checked text: String, path: String) throws -> Experiment {
    let node: Node
    do {
      guard let composed = try Yams.compose(yaml: text) else {
        throw ExperimentError(file: path, line: 1, column: 1, "the file is empty")
      }
      node = composed
    } catch let error as YamlError {
      throw yamlError(error, path: path)
    }
    let decoder = YAMLDecoder()
    let document: ExperimentDocument
    do {
      document = try decoder.decode(
        ExperimentDocument.self, from: node,
        userInfo: [
          .rootNode: RootNode(node),
          .baseDirectory: URL(fileURLWithPath: path).deletingLastPathComponent(),
        ])
    } catch let error as ExperimentError {
      throw error.inFile(path)
    } catch let error as DecodingError {
      throw decodingError(error, root: RootNode(node), path: path)
    }
    let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let name = document.name ?? stem
    if document.name == nil, let problem = OutputName.problem(stem) {
      throw ExperimentError(
        file: path, line: 1, column: 1,
        "\(problem); the name comes from the file's name: rename the file or set 'name:'")
    }
    return Experiment(
      name: name, title: document.title ?? name,
      description: document.description, language: document.language, figure: document.figure,
      path: path, source: text, kindSpec: document.spec)
  }

  private static func yamlError(_ error: YamlError, path: String) -> ExperimentError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return ExperimentError(
        file: path, line: mark.line, column: mark.column, "invalid YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return ExperimentError(
        file: path, line: context.mark.line, column: context.mark.column,
        "duplicate key '\(duplicates.joined(separator: "', '"))'")
    default:
      return ExperimentError(file: path, "invalid YAML: \(error)")
    }
  }

  private static func decodingError(_ error: DecodingError, root: RootNode, path: String)
    -> ExperimentError
  {
    let context: DecodingError.Context
    switch error {
    case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c),
      .dataCorrupted(let c):
      context = c
    @unknown default:
      return ExperimentError(file: path, "\(error)")
    }
    let mark = root.locate(context.codingPath)?.mark
    let keyPath = context.codingPath.map(\.stringValue).joined(separator: ".")
    return ExperimentError(
      file: path, line: mark?.line, column: mark?.column,
      "invalid value at '\(keyPath)': \(context.debugDescription)")
  }
}

/// The top-level mapping: the common keys, then the kind's own spec from the same mapping.
struct ExperimentDocument: Decodable {
  var name: String?
  var kind: String
  var title: String?
  var description: String?
  var language: Language
  var figure: FigureSettings
  var spec: any AnyKindSpec

  init(from decoder: Decoder) throws {
    guard let c = try? decoder.container(keyedBy: AnyKey.self) else {
      throw ExperimentError(
        at: decoder.mark, "an experiment file is a mapping with at least 'kind'")
    }
    guard c.has("kind") else {
      throw ExperimentError(
        line: 1, column: 1,
        "missing key 'kind' (one of: \(Kinds.names.joined(separator: ", ")))")
    }
    kind = try c.required("kind", as: String.self, expected: "a kind")
    guard let definition = Kinds.named(kind) else {
      throw c.error(
        "kind",
        "unknown kind '\(kind)'\(suggestion(for: kind, in: Kinds.names)); expected one of: "
          + Kinds.names.joined(separator: ", "))
    }
    name = try c.optional("name", as: String.self, expected: "a string")
    if let problem = name.flatMap(OutputName.problem) { throw c.error("name", problem) }
    title = try c.optional("title", as: String.self, expected: "a string")
    description = try c.optional("description", as: String.self, expected: "a string")
    language =
      try c.optional("language", as: LanguageValue.self, expected: "en or ko")?.value ?? .en
    figure =
      try c.optional(
        "figure", as: FigureSettings.self, expected: "a mapping {width, height, font_scale}")
      ?? FigureSettings()
    spec = try Kinds.decodeSpec(definition, from: decoder)
  }
}

/// A short reason from a Foundation error.
func describe(_ error: Error) -> String {
  let nsError = error as NSError
  if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
    let reason = String(validatingCString: strerror(Int32(underlying.code)))
  {
    return reason.lowercased()
  }
  return nsError.localizedDescription
}
