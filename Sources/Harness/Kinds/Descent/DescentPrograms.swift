import Calculus
import Foundation

/// The user's programs of a descent: `f` (then the gradients are finite differences of the
/// program's values; `analytic` needs an expression), and the gradient under test, a program
/// answering one number per variable, run as one more path (`user`) compared with the others.
struct DescentProgram: Sendable {
  var f: ProgramSource?
  var gradient: ProgramSource?

  var sources: [ProgramSource] { [f, gradient].compactMap { $0 } }

  /// One entry of `gradient:`: a method's name, or the user's program.
  enum Item: Decodable {
    case method(GradientSource)
    case program(ProgramSource)

    init(from decoder: Decoder) throws {
      switch try FunctionSource(from: decoder) {
      case .program(let p): self = .program(p)
      case .expression:
        let method = try EnumValue<GradientSource>(from: decoder).value
        guard method != .user else {
          throw ExperimentError(
            at: decoder.mark,
            "'user' is the path of your gradient: give the program, {command: [...]} or "
              + "{python: \"FILE:NAME\"}")
        }
        self = .method(method)
      }
    }
  }

  /// `gradient:`: a method, a program, or a list of them (at most one program; a program
  /// alone is compared with central differences, the first path).
  static func gradients(_ c: KeyedDecodingContainer<AnyKey>, programF: Bool) throws
    -> ([GradientSource], ProgramSource?)
  {
    guard c.has("gradient") else { return ([.central], nil) }
    let expected = "analytic, forward, backward, central, a program, or a list of them"
    let items: [Item]
    if let list = try? c.decode([Item].self, forKey: AnyKey("gradient")) {
      items = list
    } else {
      items = [try c.required("gradient", as: Item.self, expected: expected)]
    }
    var sources: [GradientSource] = []
    var program: ProgramSource?
    for item in items {
      switch item {
      case .method(let m): sources.append(m)
      case .program(let p):
        guard program == nil else {
          throw c.error("gradient", "'gradient' names two programs; one is your gradient")
        }
        program = p
        sources.append(.user)
      }
    }
    if sources == [.user] { sources.insert(.central, at: 0) }
    guard !sources.isEmpty else { throw c.error("gradient", "'gradient' must name at least one") }
    guard Set(sources).count == sources.count else {
      throw c.error("gradient", "'gradient' names one value twice")
    }
    if programF, sources.contains(.analytic) {
      throw c.error(
        "gradient",
        "analytic needs an expression (its symbolic gradient); a program's f cannot: use "
          + "forward, backward or central, or give your gradient as a program")
    }
    return (sources, program)
  }
}

extension DescentSpec: StartsPrograms {
  var startedPrograms: [StartedProgram] { program.sources.startedPrograms }
}

/// The functions a descent's runs call: `f` and each gradient source, from the expression or
/// from the user's programs (started on first use, shared by the parallel runs, stopped by
/// `stop()`).
final class DescentFunctions: @unchecked Sendable {
  let spec: DescentSpec
  private let compiled: @Sendable ([Double]) -> Double
  private let partials: [@Sendable ([Double]) -> Double]
  private let f: ProgramFunction?
  private let gradient: ProgramFunction?

  init(_ spec: DescentSpec) {
    self.spec = spec
    let vars = spec.variables
    compiled = spec.f.compiled(variables: vars)
    partials =
      spec.program.f == nil
      ? vars.map { spec.f.derivative(withRespectTo: $0).compiled(variables: vars) } : []
    f = spec.program.f.map { ProgramFunction($0, key: "f", variables: vars) }
    gradient = spec.program.gradient.map {
      ProgramFunction($0, key: "gradient", variables: vars, outputs: vars.count)
    }
  }

  func stop() {
    f?.stop()
    gradient?.stop()
  }

  /// One run of gradient descent with `source`'s gradient.
  ///
  /// - Throws: the first failure of a program, located (the run is then not reported).
  func descend(
    _ source: GradientSource, rate: Double, update: UpdateRule, cancellation: Cancellation
  ) throws -> DescentRun {
    var failure: (any Error)?
    func guarded<T>(_ fallback: T, _ body: () throws -> T) -> T {
      guard failure == nil else { return fallback }
      do { return try body() } catch {
        failure = error
        return fallback
      }
    }
    let n = spec.variables.count
    let value: ([Double]) -> Double = { x in
      guard let f = self.f else { return self.compiled(x) }
      return guarded(.nan) { try f.evaluate([x], cancellation: cancellation)[0][0] }
    }
    let gradient: ([Double]) -> [Double] = { x in
      guarded([Double](repeating: .nan, count: n)) {
        try self.gradient(source, at: x, cancellation: cancellation)
      }
    }
    let run = GradientDescent.run(
      f: value, gradient: gradient, start: spec.start, learningRate: rate, steps: spec.steps,
      tolerance: spec.tolerance, divergenceBound: spec.divergenceBound, update: update)
    if let failure { throw failure }
    return run
  }

  /// `source`'s gradient at `x`: the user's program, the symbolic partials, or finite
  /// differences of the expression or (every point of the stencils in one batch) the program.
  private func gradient(_ source: GradientSource, at x: [Double], cancellation: Cancellation)
    throws -> [Double]
  {
    guard let scheme = source.scheme else {
      if source == .user, let gradient {
        return try gradient.evaluate([x], cancellation: cancellation)[0]
      }
      return partials.map { $0(x) }
    }
    guard let f else {
      return FiniteDifference.gradient(of: compiled, at: x, step: spec.step, scheme: scheme)
    }
    var planned: [[Double]] = []
    _ = FiniteDifference.gradient(
      of: { (p: [Double]) -> Double in
        planned.append(p)
        return 0
      }, at: x, step: spec.step, scheme: scheme)
    let table = try f.table(planned, cancellation: cancellation)
    return FiniteDifference.gradient(
      of: { table[$0.pointKey]?[0] ?? .nan }, at: x, step: spec.step, scheme: scheme)
  }
}
