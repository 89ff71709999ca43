import Foundation

/// A kind of experiment: a spec decoded strictly from the file, a runner that returns a typed
/// outcome (numbers, no sentences), and a report built from that outcome.
///
/// Adding a kind is one folder under `Kinds/` with a type conforming to this protocol, and one
/// line in `Kinds.all`.
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
    Order.self,
  ]

  static var names: [String] { all.map { $0.name } }

  static func named(_ name: String) -> (any ExperimentKindDefinition.Type)? {
    all.first { $0.name == name }
  }

  /// Decodes the spec of `kind` from the file's top-level mapping.
  static func decodeSpec(_ kind: any ExperimentKindDefinition.Type, from decoder: Decoder) throws
    -> any Sendable
  {
    func open<K: ExperimentKindDefinition>(_: K.Type) throws -> any Sendable {
      try K.Spec(from: decoder)
    }
    return try open(kind)
  }

  /// Runs `experiment` with its kind's runner and builds its report.
  static func execute(_ experiment: Experiment, context: RunContext) throws -> Report {
    func open<K: ExperimentKindDefinition>(_: K.Type) throws -> Report {
      let spec = experiment.spec as! K.Spec
      let outcome = try K.run(spec, context: context)
      var report = K.report(outcome, spec: spec, experiment: experiment)
      if experiment.language != .en {
        // summary.json stays English: the same outcome reported once more in English.
        var english = experiment
        english.language = .en
        let machine = K.report(outcome, spec: spec, experiment: english)
        report.machine = (machine.checks, machine.notes)
      }
      return report
    }
    return try open(experiment.definition)
  }

  static func explain(_ experiment: Experiment) -> [String] {
    func open<K: ExperimentKindDefinition>(_: K.Type) -> [String] {
      K.explain(experiment.spec as! K.Spec, language: experiment.language)
    }
    return open(experiment.definition)
  }
}
