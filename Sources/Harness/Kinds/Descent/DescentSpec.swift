import Calculus
import Foundation

/// How a descent run gets its gradient.
public enum GradientSource: String, CaseIterable, Sendable, Codable {
  case analytic
  case forward
  case backward
  case central

  /// The finite-difference scheme, or nil for the symbolic gradient.
  public var scheme: Scheme? {
    switch self {
    case .analytic: return nil
    case .forward: return .forward
    case .backward: return .backward
    case .central: return .central
    }
  }
}

/// `kind: descent`: gradient descent from a start point for several learning rates.
public struct DescentSpec: Sendable {
  public var f: Expression
  public var text: String
  public var variables: [String]
  public var start: [Double]
  public var learningRates: [Double]
  public var steps: Int
  /// The first is the main one; any others are run too and their paths compared with it.
  public var gradients: [GradientSource]
  public var step: Double
  public var tolerance: Double
  public var divergenceBound: Double
  public var expectConverges: [Double]
  public var expectDiverges: [Double]
  public var expectTooSlow: [Double]
  /// Largest allowed distance between the paths of the gradients compared, asserted where the
  /// reference run converges (nil: not asserted).
  public var expectPathAgreement: Double?
}

extension DescentSpec: Decodable {
  static let keys = [
    "f", "variables", "start", "learning_rates", "steps", "gradient", "h", "tolerance",
    "divergence_bound", "expect",
  ]

  public init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: Experiment.commonKeys + Self.keys, in: "a descent experiment")
    let source = try c.required(
      "f", as: ExpressionSource.self, expected: "an expression in x0, x1, ... or x, y")
    f = source.expression
    text = source.text
    variables = try decodeVariables(c, f: source)
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
    if let list = try? c.decode([EnumValue<GradientSource>].self, forKey: AnyKey("gradient")) {
      gradients = list.map(\.value)
    } else {
      gradients = [
        try c.optional(
          "gradient", as: EnumValue<GradientSource>.self,
          expected: "analytic, forward, backward or central")?.value ?? .central
      ]
    }
    guard !gradients.isEmpty else {
      throw c.error("gradient", "'gradient' must name at least one source")
    }
    step = try c.optional("h", as: NumberValue.self, expected: "a positive step")?.value ?? 1e-4
    guard step > 0 else { throw c.error("h", "'h' must be > 0, got \(step)") }
    tolerance = try c.optional("tolerance", as: Double.self, expected: "a positive number") ?? 1e-6
    guard tolerance > 0 else { throw c.error("tolerance", "'tolerance' must be > 0") }
    divergenceBound =
      try c.optional("divergence_bound", as: Double.self, expected: "a positive number") ?? 1e8
    let expect = try c.optional("expect", as: Expect.self, expected: "a mapping") ?? Expect()
    let rates = learningRates
    for (key, list) in [
      ("converges", expect.converges), ("diverges", expect.diverges), ("too_slow", expect.tooSlow),
    ] {
      for rate in list where !rates.contains(rate) {
        throw ExperimentError(
          at: expect.mark,
          "expect.\(key) names learning rate \(rate), which is not in learning_rates")
      }
    }
    expectConverges = expect.converges
    expectDiverges = expect.diverges
    expectTooSlow = expect.tooSlow
    expectPathAgreement = expect.pathAgreement
  }

  struct Expect: Decodable {
    var converges: [Double] = []
    var diverges: [Double] = []
    var tooSlow: [Double] = []
    var pathAgreement: Double?
    var mark: (line: Int, column: Int)?
    init() {}
    init(from decoder: Decoder) throws {
      let c = try decoder.strictContainer(
        allowing: ["converges", "diverges", "too_slow", "path_agreement"], in: "'expect'")
      converges =
        try c.optional("converges", as: [Double].self, expected: "a list of learning rates") ?? []
      diverges =
        try c.optional("diverges", as: [Double].self, expected: "a list of learning rates") ?? []
      tooSlow =
        try c.optional("too_slow", as: [Double].self, expected: "a list of learning rates") ?? []
      pathAgreement = try c.optional("path_agreement", as: Double.self, expected: "a distance")
      mark = decoder.mark.map { ($0.line, $0.column) }
    }
  }
}

extension ExperimentError {
  init(at mark: (line: Int, column: Int)?, _ message: String) {
    self.init(line: mark?.line, column: mark?.column, message)
  }
}
