import Foundation

/// A kind of experiment: a spec decoded strictly from the file, a runner that returns a typed
/// outcome (numbers, no sentences), and a report built from that outcome.
///
/// Adding a kind is one folder under `Kinds/` with a type conforming to this protocol, and one
/// line in `Kinds.all`; nothing else names the kinds (the file's `kind:`, `experiment show`,
/// summary.json and the pages go through the registry and `KindSpec`). README's table of keys
/// documents each kind, which `KindsTests` checks.
protocol ExperimentKindDefinition {
  associatedtype Spec: Decodable & Sendable
  associatedtype Outcome: Encodable & Sendable

  /// The value of `kind:` in a file.
  static var name: String { get }
  /// Runs the experiment; throws `ExperimentError` for bad data, `CancellationError` when
  /// interrupted.
  static func run(_ spec: Spec, context: RunContext) throws -> Outcome
  /// What a reader sees: tables, checks, notes and figures.
  static func report(_ outcome: Outcome, spec: Spec, experiment: Experiment) -> Report
  /// Lines for `experiment show`.
  static func explain(_ spec: Spec) -> [String]
  /// The same lines in `language`.
  static func explain(_ spec: Spec, language: Language) -> [String]
}

extension ExperimentKindDefinition {
  /// A kind that has not translated its lines shows them in English.
  static func explain(_ spec: Spec, language: Language) -> [String] { explain(spec) }
}

/// The spec of kind `K`: what `Experiment.kindSpec` holds, so that the spec keeps its kind's type
/// from the file to the runner, the report and `experiment show`.
struct KindSpec<K: ExperimentKindDefinition>: AnyKindSpec {
  typealias Kind = K
  var value: K.Spec
}

/// A spec together with its kind, whichever kind it is. The only conformance is `KindSpec`;
/// generic code opens it (`func open<S: AnyKindSpec>(_ spec: S)`) and has `S.Kind` and its
/// `Spec` as types.
protocol AnyKindSpec: Sendable {
  associatedtype Kind: ExperimentKindDefinition
  var value: Kind.Spec { get }
}

extension AnyKindSpec {
  /// The value of `kind:` in the file.
  var kindName: String { Kind.name }
}

/// The registry of kinds, one line each.
enum Kinds {
  nonisolated(unsafe) static let all: [any ExperimentKindDefinition.Type] = [
    Convergence.self,
    Partials.self,
    Descent.self,
    Gradcheck.self,
    Training.self,
    Accuracy.self,
    Graph.self,
    Backprop.self,
    Order.self,
  ]

  static var names: [String] { all.map { $0.name } }

  static func named(_ name: String) -> (any ExperimentKindDefinition.Type)? {
    all.first { $0.name == name }
  }

  /// Decodes the spec of `kind` from the file's top-level mapping.
  static func decodeSpec(_ kind: any ExperimentKindDefinition.Type, from decoder: Decoder) throws
    -> any AnyKindSpec
  {
    func open<K: ExperimentKindDefinition>(_: K.Type) throws -> any AnyKindSpec {
      KindSpec<K>(value: try K.Spec(from: decoder))
    }
    return try open(kind)
  }

  /// Runs `experiment` with its kind's runner and builds its report.
  static func execute(_ experiment: Experiment, context: RunContext) throws -> Report {
    func open<S: AnyKindSpec>(_ typed: S) throws -> Report {
      typealias K = S.Kind
      let spec = typed.value
      let outcome = try K.run(spec, context: context)
      return K.report(outcome, spec: spec, experiment: experiment)
    }
    return try open(experiment.kindSpec)
  }

  static func explain(_ experiment: Experiment) -> [String] {
    func open<S: AnyKindSpec>(_ typed: S) -> [String] {
      S.Kind.explain(typed.value, language: experiment.language)
    }
    return open(experiment.kindSpec)
  }
}
