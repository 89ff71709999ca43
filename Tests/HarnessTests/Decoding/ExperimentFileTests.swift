import Foundation
import Testing

@testable import Harness

/// Bad experiment files: each gets one located error, never a crash or a silent default.
@Suite struct ExperimentFileTests {
  /// Parses `yaml` and returns the error's description, or nil when it parsed.
  func error(_ yaml: String) -> String? {
    do {
      _ = try Experiment.parse(yaml, path: "Experiments/x.yaml")
      return nil
    } catch {
      return "\(error)"
    }
  }

  static let good = """
    kind: convergence
    cases:
      - f: "sin(x)"
        at: 1.0
    schemes: [forward, central]
    """

  @Test func aGoodFileParses() throws {
    let e = try Experiment.parse(Self.good, path: "Experiments/good.yaml")
    #expect(e.name == "good")
    #expect(e.kind == "convergence")
    guard let spec = e.spec(of: Convergence.self) else {
      Issue.record("not a convergence spec")
      return
    }
    #expect(spec.schemes == [.forward, .central])
    #expect(spec.cases[0].points == [1.0])
    #expect(spec.precisions == [.double])
    #expect(spec.tolerance == 0.15)
  }

  @Test(arguments: [
    // (file text, expected error text)
    (
      "kind: convergence\ncases:\n  - f: \"sin(x)\"\n    at: 1\nschemes: [forward, centrl]\n",
      "Experiments/x.yaml:5:20: unknown scheme 'centrl' (did you mean 'central'?)"
    ),
    (
      "kind: convergence\ncases:\n  - f: \"sin(x)\"\n    at: 1\nschemez: [forward]\n",
      "Experiments/x.yaml:5:1: unknown key 'schemez' in a convergence experiment (did you mean 'schemes'?)"
    ),
    (
      "kind: convergence\ncases:\n  - f: \"sin(x)\"\n    at: 1\nprecision: [duoble]\n",
      "Experiments/x.yaml:5:13: unknown precision 'duoble' (did you mean 'double'?)"
    ),
    (
      "kind: convergense\n",
      "Experiments/x.yaml:1:7: unknown kind 'convergense' (did you mean 'convergence'?)"
    ),
    (
      "kind: convergence\ncases:\n  - f: \"sinn(x)\"\n    at: 1\n",
      "Experiments/x.yaml:3:9: in expression \"sinn(x)\": unknown function 'sinn' (did you mean 'sin'?)"
    ),
    (
      "kind: convergence\ncases:\n  - f: \"2*x +* 3\"\n    at: 1\n",
      "Experiments/x.yaml:3:14: in expression \"2*x +* 3\": missing operand after '+', found '*'"
    ),
    (
      "kind: convergence\ncases:\n  - f: \"sin(x)\"\n    at: 1\nh: {min: 1e-2, max: 1e-3}\n",
      "Experiments/x.yaml:5:21: h.min must be < h.max, got min 0.01 >= max 0.001"
    ),
    (
      "kind: convergence\ncases:\n  - f: \"sin(x)\"\n    at: 1\nh: {min: 0, max: 1e-3}\n",
      "h.min must be > 0"
    ),
    (
      "kind: convergence\ncases:\n  - f: \"log(x)\"\n    at: -1\n",
      "Experiments/x.yaml:4:9: x = -1.0 is outside the domain of \"log(x)\""
    ),
    (
      "kind: convergence\ncases:\n  - f: \"abs(x)\"\n    at: 0\n",
      "Experiments/x.yaml:4:9: the derivative of \"abs(x)\" does not exist at x = 0.0"
    ),
    (
      "kind: convergence\ncases:\n  - f: \"abs(x) + x\"\n    at: 1\nschemes: [central, complex-step]\n",
      "Experiments/x.yaml:3:8: complex-step needs a function that is analytic"
    ),
    (
      "kind: convergence\ncases:\n  - f: \"exp(4*x^2)\"\n    df: \"4*x*exp(4*x^2)\"\n    at: 0.3\n",
      "Experiments/x.yaml:4:9: df disagrees with the symbolic derivative 8*x*exp(4*x^2)"
    ),
    ("kind: convergence\ncases:\n  - f: \"x*y\"\n    at: 1\n", "use kind: partials"),
    (
      "kind: convergence\ncases:\n  - f: \"sin(x)\"\n    at: 1\nexpect: {central4: 4}\n",
      "expect names 'central4', which is not among the schemes swept"
    ),
    ("kind: convergence\n  cases: [\n", "Experiments/x.yaml:2:8: invalid YAML"),
    ("title: no kind\n", "Experiments/x.yaml:1:1: missing key 'kind'"),
  ])
  func badConvergenceFiles(_ text: String, _ expected: String) {
    let message = error(text)
    #expect(
      message?.hasPrefix(expected) == true || message?.contains(expected) == true,
      "got: \(message ?? "no error")")
  }

  @Test(arguments: [
    (
      "kind: partials\nf: \"x^2 + 2*y^2\"\nat: {x: 2}\n",
      "Experiments/x.yaml:3:5: 'at' is missing a value for y"
    ),
    (
      "kind: partials\nf: \"x^2 + 2*y^2\"\nat: {x: 2, y: 1, z: 3}\n",
      "'at' names 'z', which \"x^2 + 2*y^2\" does not use"
    ),
    (
      "kind: partials\nf: \"x^1.5 + y^2\"\nat: {x: 0, y: 1}\nhessian: true\n",
      "Experiments/x.yaml:3:5: the Hessian of \"x^1.5 + y^2\" does not exist at this point"
    ),
    (
      "kind: descent\nf: \"log(x0) + x1^2\"\nstart: {x0: -1, x1: 1}\nlearning_rates: [0.1]\n",
      "Experiments/x.yaml:3:8: x0 = -1.0, x1 = 1.0 is outside the domain"
    ),
    (
      "kind: descent\nf: \"x0^2 + x1^2\"\nstart: {x0: 1, x1: 1}\nlearning_rates: [0.1, -0.5]\n",
      "Experiments/x.yaml:4:17: learning rates must be positive, got -0.5"
    ),
    (
      "kind: descent\nf: \"x0^2 + x1^2\"\nstart: {x0: 1, x1: 1}\nlearning_rates: [0.1]\nsteps: 0\n",
      "Experiments/x.yaml:5:8: 'steps' must be positive"
    ),
    (
      "kind: descent\nf: \"x0^2 + x1^2\"\nstart: {x0: 1, x1: 1}\nlearning_rates: [0.1]\ngradient: centre\n",
      "unknown gradient 'centre' (did you mean 'central'?)"
    ),
  ])
  func badMultivariateFiles(_ text: String, _ expected: String) {
    let message = error(text)
    #expect(message?.contains(expected) == true, "got: \(message ?? "no error")")
  }

  @Test func constantExpressionsAreAcceptedAsNumbers() throws {
    let e = try Experiment.parse(
      "kind: convergence\ncases:\n  - {f: \"sin(x)\", at: \"pi/2\"}\n", path: "a.yaml")
    let spec = try #require(e.spec(of: Convergence.self))
    #expect(spec.cases[0].points == [Double.pi / 2])
  }

  @Test func naturalVariableOrder() {
    #expect(naturalOrder(["x10", "x2", "x0", "x1"]) == ["x0", "x1", "x2", "x10"])
    #expect(naturalOrder(["z", "y", "x"]) == ["x", "y", "z"])
  }
}
