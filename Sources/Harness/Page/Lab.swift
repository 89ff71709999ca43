import Calculus
import Foundation

/// `lab.html`: the step-size lab of a convergence experiment, one offline page beside its
/// summary.json. The page carries the experiment's functions compiled to JavaScript
/// (`JavaScript.body`), the tool's stencils (offsets, integer numerators and denominator,
/// moments for the truncation model) and the swept steps, and computes every estimate in the
/// browser in half, single or double precision, rounding after every operation.
enum Lab {
  /// The file name in the experiment's folder.
  static let fileName = "lab.html"
  /// Derivatives of f compiled beyond the highest q offered (the case's own, at least 2): enough
  /// for the leading truncation term of a fourth-order stencil, and one more where it vanishes.
  static let extraDerivatives = 6
  /// Symbolic derivatives stop growing the page past this many nodes (nested compositions).
  static let nodeBudget = 3_000

  /// Writes `lab.html` into `folder` when `experiment` is a convergence experiment.
  static func write(_ experiment: Experiment, into folder: URL) throws {
    guard let spec = experiment.spec(of: Convergence.self) else { return }
    try Data(page(experiment, spec).utf8).write(to: folder.appendingPathComponent(fileName))
  }

  /// The whole page.
  static func page(_ experiment: Experiment, _ spec: ConvergenceSpec) -> String {
    let language = experiment.language.rawValue
    let model = data(experiment, spec)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = (try? encoder.encode(model)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    let functions = spec.cases.map { c in
      "[" + compiledFunctions(c).map { "function(x,k){return \($0);}" }.joined(separator: ",\n")
        + "]"
    }
    return LabTemplate.html(
      language: language, title: PageText.escaped(experiment.title),
      heading: PageText.escaped(LabPhrase.labHeading.text(language)),
      data: json.replacingOccurrences(of: "</", with: "<\\/"),
      functions: "[" + functions.joined(separator: ",\n") + "]")
  }

  /// `[f as written, f', f'', ...]` as JavaScript bodies: f exactly as the sweep evaluates
  /// it, the derivatives simplified (they are evaluated in double for the exact value and the
  /// model).
  static func compiledFunctions(_ c: ConvergenceSpec.Case) -> [String] {
    var bodies = [JavaScript.body(c.f, variable: c.variable)]
    var current = c.f.simplified()
    for _ in 0..<(highestDerivative(c) + extraDerivatives) {
      current = current.derivative(withRespectTo: c.variable)
      guard current.nodeCount <= nodeBudget else { break }
      bodies.append(JavaScript.body(current, variable: c.variable))
    }
    return bodies
  }

  /// The highest derivative the lab offers for a case: its own, and at least the second.
  static func highestDerivative(_ c: ConvergenceSpec.Case) -> Int { max(2, c.derivative) }

  struct Model: Encodable {
    struct Case: Encodable {
      var f: String
      var variable: String
      var points: [Double]
      var derivative: Int
      var derivatives: [Int]
    }
    struct Method: Encodable {
      var name: String
      var label: String
      var derivative: Int
      var offsets: [Double]
      var numerators: [Double]
      var denominator: Double
      var moments: [Double]
      var weightSum: Double
    }
    var title: String
    var language: String
    var cases: [Case]
    var methods: [Method]
    var schemes: [String]
    var precisions: [String]
    var steps: [Double]
    var notesSteps: [Double]
    var words: [String: String]
  }

  static func data(_ experiment: Experiment, _ spec: ConvergenceSpec) -> Model {
    let language = experiment.language.rawValue
    let orders = Set(spec.cases.flatMap { 1...highestDerivative($0) }).sorted()
    let named: [Scheme] = [.forward, .backward, .central, .central4, .richardson]
    var methods: [Model.Method] = []
    for q in orders {
      for scheme in named {
        if let s = try? scheme.stencil(derivative: q) { methods.append(method(s, language)) }
      }
      for custom in spec.stencils {
        if let s = try? Stencil(name: custom.name, offsets: custom.offsets, derivative: q) {
          methods.append(method(s, language))
        }
      }
    }
    let lab: [Precision] = [.half, .single, .double]
    let swept = spec.precisions.filter { lab.contains($0) }
    return Model(
      title: experiment.title, language: language,
      cases: spec.cases.map {
        Model.Case(
          f: $0.text, variable: $0.variable, points: $0.points, derivative: $0.derivative,
          derivatives: Array(1...highestDerivative($0)))
      },
      methods: methods,
      schemes: spec.schemes.filter(\.isStencil).map(\.rawValue) + spec.stencils.map(\.name),
      precisions: (swept + lab.filter { !swept.contains($0) }).map(\.rawValue),
      steps: spec.grid.steps, notesSteps: StepGrid.seedSteps,
      words: LabPhrase.all(language))
  }

  static func method(_ s: Stencil, _ language: String) -> Model.Method {
    let label = LabPhrase(rawValue: s.name)?.text(language) ?? s.name
    let keep = min(s.moments.count, s.derivative + extraDerivatives + 1)
    return Model.Method(
      name: s.name, label: label, derivative: s.derivative, offsets: s.offsets,
      numerators: s.numerators ?? s.weights, denominator: s.denominator ?? 1,
      moments: Array(s.moments.prefix(keep)), weightSum: s.weightSum)
  }
}
