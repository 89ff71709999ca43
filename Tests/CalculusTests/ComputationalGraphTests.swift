import RealModule
import Testing

@testable import Calculus

@Suite struct ComputationalGraphTests {
  /// Expressions of one to four variables with a point each, well conditioned there.
  static let cases: [(String, [String: Double])] = [
    ("exp(4*x^2)", ["x": 0.3]),
    ("sigmoid(w*x + b)", ["w": 0.5, "x": 2, "b": -1]),
    ("sigmoid(w*x + b) * log(1 + x^2)", ["w": 0.5, "x": 2, "b": -1]),
    ("sin(x^2) + cos(x^2)", ["x": 0.7]),
    ("x*y + y*z + z*x", ["x": 1.5, "y": -2, "z": 0.25]),
    ("x^y", ["x": 1.5, "y": 2.5]),
    ("x/y - y/x", ["x": 2, "y": 3]),
    ("sqrt(x0^2 + x1^2 + x2^2 + x3^2)", ["x0": 1, "x1": -2, "x2": 3, "x3": 0.5]),
    ("tanh(a*b) * atan(c - d)", ["a": 0.3, "b": 1.2, "c": 2, "d": -0.5]),
    ("log(x) * exp(-y) + x^3", ["x": 1.7, "y": 0.4]),
    ("abs(x - 1) * relu(y)", ["x": 0.5, "y": 2]),
    ("asin(x/2) + acos(y/3) + 2^x", ["x": 0.6, "y": -1.1]),
    ("x*x*x", ["x": -1.3]),
    ("(x + y)^2 * sinh(x) / cosh(y)", ["x": 0.8, "y": -0.6]),
    ("pow(x, -3) + tan(y) - 5*x*y*z", ["x": 1.1, "y": 0.4, "z": 2]),
  ]

  static func relativeError<T: Real>(_ a: T, _ b: T) -> T {
    a == b ? 0 : Swift.abs(a - b) / Swift.max(Swift.abs(a), Swift.abs(b))
  }

  @Test("adjoints in Double equal the symbolic partials (Float80) to 1e-12", arguments: cases)
  func adjointsMatchSymbolicPartials(text: String, point: [String: Double]) throws {
    let f = try Expression(parsing: text)
    let graph = f.reverseMode(at: point)
    let wide = point.mapValues { Float80($0) }
    #expect(Self.relativeError(Float80(graph.value), f.evaluate(wide)) <= 1e-14)
    for name in point.keys {
      let exact = f.derivative(withRespectTo: name).evaluate(wide)
      let adjoint = try #require(graph.gradient[name])
      #expect(Self.relativeError(Float80(adjoint), exact) <= 1e-12, "\(text) d/d\(name)")
    }
  }

  @Test("adjoints in Float80 equal the symbolic partials to 1e-16", arguments: cases)
  func float80Adjoints(text: String, point: [String: Double]) throws {
    let f = try Expression(parsing: text)
    let wide = point.mapValues { Float80($0) }
    let graph = f.reverseMode(at: wide)
    for name in point.keys {
      let exact = f.derivative(withRespectTo: name).evaluate(wide)
      #expect(Self.relativeError(graph.gradient[name]!, exact) <= 1e-16, "\(text) d/d\(name)")
    }
  }

  @Test("adjoints agree with central differences (h = 1e-5) to 1e-8", arguments: cases)
  func adjointsMatchCentralDifferences(text: String, point: [String: Double]) throws {
    let f = try Expression(parsing: text)
    let graph = f.reverseMode(at: point)
    for name in point.keys {
      let x = point[name]!
      let h = (x + 1e-5) - x
      var plus = point
      var minus = point
      plus[name] = x + h
      minus[name] = x - h
      let estimate = (f.evaluate(plus) - f.evaluate(minus)) / (2 * h)
      let adjoint = graph.gradient[name]!
      #expect(Swift.abs(estimate - adjoint) <= 1e-8 * Swift.max(1, Swift.abs(adjoint)), "\(text)")
    }
  }

  @Test func chainRuleOfTheNotes() throws {
    // e^(4x^2) with t = 4x^2: x -> x^2 -> t -> e^t, local derivatives 2x, 4, e^t.
    let x = 0.3
    let graph = try Expression(parsing: "exp(4*x^2)").reverseMode(at: ["x": x])
    #expect(graph.nodes.map(\.label) == ["x", "^2", "×4", "exp"])
    #expect(graph.nodes.map(\.inputs) == [[], [0], [1], [2]])
    let t = 4 * (x * x)
    #expect(graph.nodes[2].value == t)
    #expect(graph.edges.map(\.localDerivative) == [2 * x, 4, Double.exp(t)])
    #expect(graph.nodes[3].adjoint == 1 && graph.nodes[2].adjoint == Double.exp(t))
    #expect(Self.relativeError(graph.gradient["x"]!, 8 * x * Double.exp(t)) <= 1e-15)
  }

  @Test func sharedSubexpressionIsOneNode() throws {
    let x = 0.7
    let graph = try Expression(parsing: "sin(x^2) + cos(x^2)").reverseMode(at: ["x": x])
    #expect(graph.nodes.map(\.label) == ["x", "^2", "sin", "cos", "+"])
    let square = graph.nodes[1]
    #expect(graph.edges.filter { $0.from == square.id }.map(\.to) == [2, 3])
    // Its adjoint gathers both paths: cos(x^2) - sin(x^2).
    let expected = Double.cos(x * x) - Double.sin(x * x)
    #expect(Self.relativeError(square.adjoint, expected) <= 1e-15)
    // A repeated operand is one edge whose local derivative is the sum: d(x*x)/dx = 2x.
    let product = try Expression(parsing: "(x + y)*(x + y)").reverseMode(at: ["x": 1, "y": 2])
    #expect(product.nodes.count == 4)
    #expect(product.edges.count == 3)
    #expect(product.edges.last?.localDerivative == 6)
    #expect(product.gradient == ["x": 6, "y": 6])
  }

  @Test("every adjoint is the sum of the contributions on its outgoing edges", arguments: cases)
  func adjointsAreSumsOfContributions(text: String, point: [String: Double]) throws {
    let graph = try Expression(parsing: text).reverseMode(at: point)
    for node in graph.nodes.dropLast() {
      let outgoing = graph.edges.filter { $0.from == node.id }
      #expect(!outgoing.isEmpty)
      let sum = outgoing.reduce(0) { $0 + $1.contribution }
      #expect(Swift.abs(sum - node.adjoint) <= 1e-15 * Swift.max(1, Swift.abs(node.adjoint)))
      #expect(outgoing.allSatisfy { $0.to > node.id })
    }
  }

  @Test func constantsAreFoldedIntoTheirOperation() throws {
    let graph = try Expression(parsing: "2*pi*x + log(2) - x/3").reverseMode(at: ["x": 1.5])
    #expect(!graph.nodes.contains { $0.operation == .constant })
    #expect(graph.nodes.first?.operation == .input("x"))
    #expect(graph.nodes.count(where: { $0.operation == .input("x") }) == 1)
    let exact = 2 * Double.pi - 1.0 / 3
    #expect(Self.relativeError(graph.gradient["x"]!, exact) <= 1e-15)
    // A constant expression is one node with no edge; unused point variables get 0.
    let constant = try Expression(parsing: "2 + 3").reverseMode(at: ["x": 1.0])
    #expect(constant.nodes.count == 1 && constant.edges.isEmpty)
    #expect(constant.value == 5 && constant.gradient == ["x": 0])
  }

  @Test func kinkConventionsFollowTheSymbolicDerivative() throws {
    let graph = try Expression(parsing: "abs(x) + relu(y)").reverseMode(at: ["x": 0.0, "y": 0.0])
    #expect(graph.gradient == ["x": 0, "y": 0])
  }
}

@Suite struct AdjointCheckTests {
  @Test("checks report the symbolic and central errors", arguments: ComputationalGraphTests.cases)
  func checksOfEveryCase(text: String, point: [String: Double]) throws {
    let f = try Expression(parsing: text)
    let checks = f.reverseMode(at: point).checks(of: f, at: point)
    #expect(checks.map(\.variable) == point.keys.sorted())
    for check in checks {
      #expect(check.symbolicError <= 1e-12, "\(text) \(check.variable)")
      #expect(check.centralError <= 1e-8, "\(text) \(check.variable)")
    }
  }

  @Test func aWrongAdjointIsCaught() throws {
    let f = try Expression(parsing: "x^3")
    var graph = f.reverseMode(at: ["x": 2.0])
    graph.gradient["x"] = 12 * (1 + 1e-9)
    let check = try #require(graph.checks(of: f, at: ["x": 2]).first)
    #expect(Swift.abs(check.symbolicError - 1e-9) <= 1e-15)
    #expect(check.symbolic == 12)
  }
}
