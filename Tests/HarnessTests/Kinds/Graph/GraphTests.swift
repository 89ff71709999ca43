import Calculus
import Diagrams
import Foundation
import Testing

@testable import Harness

@Suite struct GraphTests {
  /// Expressions of one to four variables at a point, with their exact partials.
  typealias Partial = @Sendable ([String: Double]) -> Double
  static let cases: [(f: String, at: String, partials: [String: Partial])] = [
    ("exp(4*x^2)", "{x: 0.3}", ["x": { 8 * $0["x"]! * exp(4 * $0["x"]! * $0["x"]!) }]),
    (
      "sin(x^2) + cos(x^2)", "{x: 0.7}",
      ["x": { 2 * $0["x"]! * (cos($0["x"]! * $0["x"]!) - sin($0["x"]! * $0["x"]!)) }]
    ),
    (
      "x*y + log(y)", "{x: 1.5, y: 2}",
      ["x": { $0["y"]! }, "y": { $0["x"]! + 1 / $0["y"]! }]
    ),
    (
      "sigmoid(w*x + b)", "{w: 0.5, x: 2, b: -1}",
      [
        "w": { v in GraphTests.sigmoidSlope(v) * v["x"]! },
        "x": { v in GraphTests.sigmoidSlope(v) * v["w"]! },
        "b": { v in GraphTests.sigmoidSlope(v) },
      ]
    ),
    (
      "x/y - z^3 + w*x*y", "{w: 2, x: 1.25, y: -0.5, z: 0.75}",
      [
        "w": { $0["x"]! * $0["y"]! },
        "x": { 1 / $0["y"]! + $0["w"]! * $0["y"]! },
        "y": { -$0["x"]! / ($0["y"]! * $0["y"]!) + $0["w"]! * $0["x"]! },
        "z": { -3 * $0["z"]! * $0["z"]! },
      ]
    ),
  ]

  /// σ'(w x + b) = σ(1 − σ).
  static func sigmoidSlope(_ v: [String: Double]) -> Double {
    let s = 1 / (1 + exp(-(v["w"]! * v["x"]! + v["b"]!)))
    return s * (1 - s)
  }

  @Test(arguments: cases.indices)
  func adjointsEqualTheExactPartials(_ index: Int) throws {
    let c = Self.cases[index]
    let (o, report) = try run(Graph.self, "kind: graph\nf: \"\(c.f)\"\nat: \(c.at)\n")
    #expect(report.verdict.passed, "\(report.checks.filter { $0.status != .passed })")
    let point = try #require(o.point)
    let values = Dictionary(uniqueKeysWithValues: zip(point.variables, point.values))
    #expect(Set(o.gradient.keys) == Set(c.partials.keys))
    for (name, partial) in c.partials {
      let exact = partial(values)
      let adjoint = try #require(o.gradient[name]?.value)
      #expect(abs(adjoint - exact) <= 1e-12 * max(1, abs(exact)), "\(c.f): ∂/∂\(name)")
    }
    #expect(o.nodes.filter(\.isInput).count == c.partials.count)
    #expect(report.data.map(\.name) == ["nodes.csv", "edges.csv"])
    #expect(report.figures.map(\.name) == ["graph"])
  }

  @Test func aSharedSubExpressionIsOneNodeWithBothUsesInItsAdjoint() throws {
    let (o, _) = try run(Graph.self, "kind: graph\nf: \"sin(x^2) + cos(x^2)\"\nat: {x: 0.7}\n")
    let square = o.nodes.filter { $0.detail == "x^2" }
    #expect(square.count == 1)
    let id = try #require(square.first?.id)
    #expect(o.edges.filter { $0.from == id }.count == 2)
    // The edges leaving x^2 carry cos(x²) and −sin(x²): its adjoint is their sum.
    let x2 = 0.49
    #expect(abs((square[0].adjoint.value ?? 0) - (cos(x2) - sin(x2))) <= 1e-15)
    #expect(o.nodes.count == 5)  // x, x^2, sin, cos, +
  }

  @Test func theNetworkGraphsW1GradientIsBackprops() throws {
    let file = try csvData(rows: 30)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (o, report) = try run(
      Graph.self,
      """
      kind: graph
      network: {layers: [784, 8, 10], activation: relu, init: he, seed: 5}
      data: {source: {csv: \(file)}, batch: 20}
      """)
    #expect(report.verdict.passed, "\(report.checks.filter { $0.status != .passed })")
    #expect(o.comparisons.map(\.name) == ["W1", "b1", "W2", "b2"])
    let w1 = try #require(o.comparisons.first)
    #expect((w1.backpropError?.value ?? 1) <= 1e-12)
    #expect((o.gradient["W1"]?.value ?? 0) > 0)
    #expect(o.nodes.map(\.label).contains("loss"))
    #expect(o.nodes.first { $0.label == "W1" }?.detail == "784×8")
  }
}

/// Bad input: a located error, exit 2, nothing written.
@Suite(.serialized) struct GraphInputTests {
  static let bad: [(name: String, yaml: String, message: String)] = [
    (
      "missing", "kind: graph\nf: \"x*y + z\"\nat: {x: 1, y: 2}\n",
      "t.yaml:3:5: 'at' is missing a value for z"
    ),
    ("domain", "kind: graph\nf: \"log(x - 1)\"\nat: {x: 0.5}\n", "outside the domain"),
    (
      "both", "kind: graph\nf: \"x^2\"\nat: {x: 1}\nnetwork: {layers: [784, 10]}\n",
      "t.yaml:4:10: 'f' and 'network' cannot both be given"
    ),
    ("neither", "kind: graph\n", "needs 'f' and 'at'"),
  ]

  @Test(arguments: bad.indices)
  func aBadFileIsALocatedErrorAndWritesNothing(_ index: Int) async throws {
    let c = Self.bad[index]
    #expect {
      _ = try Experiment.parse(c.yaml, path: "t.yaml")
    } throws: { error in
      "\(error)".contains(c.message)
    }
    let (root, output, catalog) = try workspace(["\(c.name).yaml": c.yaml])
    defer { try? FileManager.default.removeItem(at: root) }
    let session = Session(
      options: RunOptions(outputRoot: output, formats: [.png]), catalog: catalog, out: { _ in },
      err: { _ in })
    #expect(await session.run([c.name], all: false) == .invalidInput)
    #expect(!FileManager.default.fileExists(atPath: output.path), "\(listing(output))")
  }

  @Test func aNetworkWhoseLayersDoNotMatchTheDataIsLocatedAndWritesNothing() async throws {
    let file = try csvData(rows: 10)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let yaml = "kind: graph\nnetwork: {layers: [100, 8, 10]}\ndata: {source: {csv: \(file)}}\n"
    let (root, output, catalog) = try workspace(["mismatch.yaml": yaml])
    defer { try? FileManager.default.removeItem(at: root) }
    let captured = Captured()
    let session = Session(
      options: RunOptions(outputRoot: output, formats: [.png]), catalog: catalog,
      out: { captured.append($0) }, err: { captured.append($0) })
    #expect(await session.run(["mismatch"], all: false) == .invalidInput)
    #expect(captured.text.contains("mismatch.yaml:2:"), "\(captured.text)")
    #expect(captured.text.contains("the first layer must be 784"), "\(captured.text)")
    #expect(!FileManager.default.fileExists(atPath: output.path), "\(listing(output))")
  }

  @Test func aGraphWritesItsFiguresAndTables() async throws {
    let (root, output, catalog) = try workspace([
      "g.yaml": "kind: graph\nf: \"exp(4*x^2)\"\nat: {x: 0.3}\n"
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let session = Session(
      options: RunOptions(outputRoot: output, formats: [.png, .svg, .pdf]), catalog: catalog,
      out: { _ in }, err: { _ in })
    #expect(await session.run(["g"], all: false) == .success)
    let files = Set(listing(output.appendingPathComponent("g")))
    #expect(
      files.isSuperset(of: [
        "graph.png", "graph.svg", "graph.pdf", "nodes.csv", "edges.csv", "summary.json",
      ]), "\(files)")
    let nodes = try String(
      contentsOf: output.appendingPathComponent("g/nodes.csv"), encoding: .utf8)
    #expect(nodes.split(separator: "\n").count == 5)  // header, x, x^2, ×4, exp
    let summary =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: output.appendingPathComponent("g/summary.json"))) as! [String: Any]
    let gradient = try #require(summary["gradient"] as? [String: Double])
    #expect(abs(gradient["x"]! - 8 * 0.3 * exp(0.36)) <= 1e-12)
    #expect((summary["edges"] as? [[String: Any]])?.first?["local_derivative"] != nil)
  }

  @Test func aDiagramGraphvizCannotDrawIsAnErrorAndWritesNothing() throws {
    let experiment = try Experiment.parse(
      "kind: graph\nf: \"x^2\"\nat: {x: 1}\n", path: "t.yaml")
    var report = Report(outcome: [String: Int]())
    report.diagram(
      "graph", "an edge to a node that does not exist",
      Diagram(
        title: "broken", caption: [], nodes: [Diagram.Node(id: "a", lines: [])],
        edges: [Diagram.Edge(from: "a", to: "missing")]))
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "graph-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    #expect {
      try OutputWriter.write(
        report, of: experiment, to: root, formats: [.png], cancellation: Cancellation())
    } throws: { error in
      "\(error)".contains("Graphviz could not draw graph")
    }
    #expect(listing(root).filter { !$0.hasPrefix(".lock") }.isEmpty, "\(listing(root))")
  }
}
