import Calculus
import Foundation

/// How a descent run gets its gradient.
enum GradientSource: String, CaseIterable, Sendable, Codable {
  case analytic
  case forward
  case backward
  case central
  /// The user's gradient, from a program (`gradient: {command: [...]}`).
  case user

  /// The finite-difference scheme, or nil for the symbolic gradient and the user's.
  var scheme: Scheme? {
    switch self {
    case .analytic, .user: return nil
    case .forward: return .forward
    case .backward: return .backward
    case .central: return .central
    }
  }
}

/// `kind: descent`: gradient descent from a start point for several learning rates.
struct DescentSpec: Sendable {
  var f: Expression
  var text: String
  var variables: [String]
  var start: [Double]
  var learningRates: [Double]
  var steps: Int
  /// The first is the main one; any others are run too and their paths compared with it.
  var gradients: [GradientSource]
  /// The update rules, each run at every rate and gradient source (default: standard).
  var updates: [UpdateRule]
  var step: Double
  var tolerance: Double
  var divergenceBound: Double
  /// `expect: {converges: [...], diverges: [...], too_slow: [...], oscillates: [...]}`: for every
  /// run.
  var expectations: StatusExpectations
  /// Expectations for the runs of one update rule (`expect: {multiplicative: {diverges: [0.1]}}`);
  /// they take the place of the flat lists for that rule's runs.
  var expectByUpdate: [UpdateRule: StatusExpectations]
  /// Largest allowed distance between the paths of the gradients compared, asserted where the
  /// reference run converges (nil: not asserted).
  var expectPathAgreement: Double?
  /// The user's programs: `f`, the gradient under test (the `user` path), either or both.
  var program = DescentProgram()
}

extension DescentSpec: Decodable {
  static let keys = [
    "f", "variables", "start", "learning_rates", "steps", "gradient", "update", "h", "tolerance",
    "divergence_bound", "expect",
  ]

  init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: Experiment.commonKeys + Self.keys, in: "a descent experiment")
    let (source, names, programF) = try ProgramRules.function(
      c, expected: "an expression in x0, x1, ... or x, y")
    variables = names
    program.f = programF
    f = source.expression
    text = source.text
    let starts = try decodePoints(c, key: "start", f: source, variables: variables)
    guard starts.count == 1 else { throw c.error("start", "'start' is one point") }
    start = starts[0]
    learningRates = try c.required(
      "learning_rates", as: [Double].self, expected: "a list of positive numbers")
    guard !learningRates.isEmpty else {
      throw c.error("learning_rates", "'learning_rates' must list at least one rate")
    }
    try checkCount(
      learningRates.count, of: "learning rates", limit: HarnessLimits.learningRates, c,
      key: "learning_rates")
    if let bad = learningRates.first(where: { !($0 > 0) || !$0.isFinite }) {
      throw c.error("learning_rates", "learning rates must be positive, got \(bad)")
    }
    steps = try c.optional("steps", as: Int.self, expected: "a positive whole number") ?? 100
    guard steps > 0 else { throw c.error("steps", "'steps' must be positive, got \(steps)") }
    guard steps <= HarnessLimits.descentSteps else {
      throw c.error(
        "steps",
        "too many steps: \(steps) asked for; the limit is \(HarnessLimits.descentSteps)")
    }
    (gradients, program.gradient) = try DescentProgram.gradients(c, programF: program.f != nil)
    updates = try Self.oneOrList(
      c, "update", default: .standard, expected: "standard, multiplicative or a list of both")
    step = try c.optional("h", as: NumberValue.self, expected: "a positive step")?.value ?? 1e-4
    guard step > 0 else { throw c.error("h", "'h' must be > 0, got \(step)") }
    tolerance = try c.positive("tolerance") ?? 1e-6
    divergenceBound = try c.positive("divergence_bound") ?? 1e8
    let expect = try c.optional("expect", as: Expect.self, expected: "a mapping") ?? Expect()
    try expect.lists.check(rates: learningRates, at: expect.mark, prefix: "expect")
    for (rule, lists) in expect.byUpdate {
      guard updates.contains(rule) else {
        throw ExperimentError(
          at: expect.mark,
          "expect.\(rule.rawValue) names an update rule that is not in 'update' ("
            + updates.map(\.rawValue).joined(separator: ", ") + ")")
      }
      try lists.check(rates: learningRates, at: expect.mark, prefix: "expect.\(rule.rawValue)")
    }
    expectations = expect.lists
    expectByUpdate = expect.byUpdate
    expectPathAgreement = expect.pathAgreement
  }

  /// `key: value` or `key: [value, ...]` of an enumeration (`gradient`, `update`): at least
  /// one, none twice.
  static func oneOrList<E: RawRepresentable & CaseIterable & Sendable & Hashable>(
    _ c: KeyedDecodingContainer<AnyKey>, _ key: String, default value: E, expected: String
  ) throws -> [E] where E.RawValue == String {
    let values: [E]
    if let list = try? c.decode([EnumValue<E>].self, forKey: AnyKey(key)) {
      values = list.map(\.value)
    } else {
      values = [try c.optional(key, as: EnumValue<E>.self, expected: expected)?.value ?? value]
    }
    guard !values.isEmpty else { throw c.error(key, "'\(key)' must name at least one") }
    guard Set(values).count == values.count else {
      throw c.error(key, "'\(key)' names one value twice")
    }
    return values
  }

  struct Expect: Decodable {
    var lists = StatusExpectations()
    var byUpdate: [UpdateRule: StatusExpectations] = [:]
    var pathAgreement: Double?
    var mark: (line: Int, column: Int)?
    init() {}
    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: StatusExpectations.keys + ["path_agreement"]
          + UpdateRule.allCases.map(\.rawValue),
        in: "'expect'")
      lists = try StatusExpectations(c)
      for rule in UpdateRule.allCases {
        guard
          let nested = try c.optional(
            rule.rawValue, as: NestedExpect.self,
            expected: "{converges: [...], diverges: [...], too_slow: [...], oscillates: [...]}")
        else { continue }
        byUpdate[rule] = nested.lists
      }
      pathAgreement = try c.positive("path_agreement", expected: "a distance")
      mark = decoder.mark.map { ($0.line, $0.column) }
    }
  }

  struct NestedExpect: Decodable {
    var lists: StatusExpectations
    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: StatusExpectations.keys, in: "an update rule's expectations")
      lists = try StatusExpectations(c)
    }
  }
}

/// The learning rates expected to converge, diverge, be too slow or oscillate.
struct StatusExpectations: Sendable {
  var converges: [Double] = []
  var diverges: [Double] = []
  var tooSlow: [Double] = []
  var oscillates: [Double] = []

  static let keys = ["converges", "diverges", "too_slow", "oscillates"]

  init() {}

  init(_ c: KeyedDecodingContainer<AnyKey>) throws {
    converges =
      try c.optional("converges", as: [Double].self, expected: "a list of learning rates") ?? []
    diverges =
      try c.optional("diverges", as: [Double].self, expected: "a list of learning rates") ?? []
    tooSlow =
      try c.optional("too_slow", as: [Double].self, expected: "a list of learning rates") ?? []
    oscillates =
      try c.optional("oscillates", as: [Double].self, expected: "a list of learning rates") ?? []
  }

  /// Each list with the status it expects, in the order a rate is looked up.
  private var lists: [(key: String, rates: [Double], status: DescentStatus)] {
    [
      ("converges", converges, .converged), ("diverges", diverges, .diverged),
      ("too_slow", tooSlow, .tooSlow), ("oscillates", oscillates, .oscillating),
    ]
  }

  /// The status expected of a run of `rule` at `rate`: the rule's own lists when the file gives
  /// them, else the flat ones.
  static func status(
    at rate: Double, rule: UpdateRule, flat: StatusExpectations,
    byUpdate: [UpdateRule: StatusExpectations]
  ) -> DescentStatus? {
    (byUpdate[rule] ?? flat).status(at: rate)
  }

  /// The status expected at `rate`, if any.
  func status(at rate: Double) -> DescentStatus? {
    lists.first { $0.rates.contains(rate) }?.status
  }

  /// Every rate named must be one of the runs'.
  func check(rates: [Double], at mark: (line: Int, column: Int)?, prefix: String) throws {
    for (key, list, _) in lists {
      for rate in list where !rates.contains(rate) {
        throw ExperimentError(
          at: mark, "\(prefix).\(key) names learning rate \(rate), which is not in learning_rates")
      }
    }
  }
}

extension ExperimentError {
  init(at mark: (line: Int, column: Int)?, _ message: String) {
    self.init(line: mark?.line, column: mark?.column, message)
  }
}
