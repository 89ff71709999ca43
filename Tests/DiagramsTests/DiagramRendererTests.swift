import Calculus
import Foundation
import Learning
import Testing

@testable import Diagrams

@Suite(.serialized) struct DiagramRendererTests {
  /// A fresh directory under the temporary directory.
  static func directory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("diagrams-tests-\(ProcessInfo.processInfo.processIdentifier)")
      .appendingPathComponent(name)
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func chainRule() throws -> Diagram {
    let graph = try Expression(parsing: "exp(4*x^2)").reverseMode(at: ["x": 0.3])
    return Diagram(graph, title: "e^(4x²), t = 4x²")
  }

  /// Width and height from a PNG's IHDR chunk.
  static func pngSize(_ bytes: [UInt8]) -> (Int, Int) {
    func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (word(16), word(20))
  }

  @Test func chainRuleRendersToSVGWithItsLabels() throws {
    let dir = try Self.directory("svg")
    let files = try DiagramRenderer.write(
      try Self.chainRule(), into: dir, name: "graph", formats: [.svg, .png, .pdf])
    #expect(files.map(\.lastPathComponent) == ["graph.svg", "graph.png", "graph.pdf"])
    let svg = try String(contentsOf: files[0], encoding: .utf8)
    #expect(svg.contains("<svg"))
    // exp(0.36) = 1.4333, 8 x exp(0.36) x 0.3 = 3.44; local derivatives 2x = 0.6, 4, e^t.
    for text in [">exp<", ">×4<", ">^2<", ">4·x²<", ">v = 1.433<", ">∂f/∂x = 3.44<", ">∂ = 0.6<"] {
      #expect(svg.contains(text), "\(text)")
    }
    let png = try [UInt8](Data(contentsOf: files[1]))
    #expect(png.starts(with: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    let (width, height) = Self.pngSize(png)
    #expect(width > 600 && width > height, "\(width)x\(height)")
    let pdf = try [UInt8](Data(contentsOf: files[2]))
    #expect(pdf.starts(with: Array("%PDF".utf8)))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(leftovers.sorted() == ["graph.pdf", "graph.png", "graph.svg"])
  }

  @Test func inputsAreLeftOfTheOutput() throws {
    let graph = try Expression(parsing: "sigmoid(w*x + b)").reverseMode(
      at: ["w": 0.5, "x": 2, "b": -1])
    var diagram = Diagram(graph)
    diagram.arrangement = Diagram.Arrangement(.leftToRight)
    let svg = String(decoding: try DiagramRenderer.render(diagram, format: .svg), as: UTF8.self)
    // The x coordinate of each node's first text line (its heading).
    func x(of heading: String) throws -> Double {
      let range = try #require(svg.range(of: ">\(heading)</text>"))
      let before = svg[..<range.lowerBound]
      let tag = try #require(before.range(of: "<text", options: .backwards))
      let attributes = svg[tag.upperBound..<range.lowerBound]
      let start = try #require(attributes.range(of: "x=\""))
      let end = try #require(attributes[start.upperBound...].firstIndex(of: "\""))
      return try #require(Double(attributes[start.upperBound..<end]))
    }
    let output = try x(of: "sigmoid")
    for input in ["w", "x", "b"] { #expect(try x(of: input) < output) }
  }

  @Test func malformedLabelsAreShownAsText() throws {
    let strange = [
      "<b>unclosed & \"quoted\" </TABLE>", "back\\slash \\n", "tab\tand\nnewline", "",
      "가중치 W1 ∂L/∂W", "]]> <!-- -->",
    ]
    let diagram = Diagram(
      title: "<title>",
      nodes: strange.enumerated().map {
        Diagram.Node(id: "node \($0.offset) \"<>\"", lines: [Diagram.Line($0.element)])
      },
      edges: [Diagram.Edge(from: "node 0 \"<>\"", to: "node 1 \"<>\"", lines: [.init("<i>")])])
    let svg = String(decoding: try DiagramRenderer.render(diagram, format: .svg), as: UTF8.self)
    #expect(svg.contains("&lt;b&gt;unclosed &amp;"))
    #expect(svg.contains("가중치 W1 ∂L/∂W"))
    #expect(svg.contains("&lt;i&gt;"))
    #expect(svg.contains("<title>&lt;title&gt;</title>"))
    #expect(try DiagramRenderer.render(diagram, format: .png).count > 1000)
  }

  @Test func unknownDeviceIsAnErrorWithGraphvizMessage() throws {
    let error = #expect(throws: DiagramError.self) {
      _ = try DiagramRenderer.render(try Self.chainRule(), device: "nosuchformat", dpi: nil)
    }
    // Graphviz 2.42 says "Error: renderer for nosuchformat is unavailable".
    #expect(error?.message.hasPrefix("Error: ") == true, "\(String(describing: error))")
    #expect(error?.message.contains("nosuchformat is unavailable") == true)
    // The next diagram renders normally: no state is left behind.
    #expect(try DiagramRenderer.render(try Self.chainRule(), format: .svg).count > 1000)
  }

  @Test func edgesToUnknownNodesAndDuplicateIdsThrow() {
    let node = Diagram.Node(id: "a", lines: [.init("a")])
    #expect(throws: DiagramError(message: "an edge names 'z', which is not a node")) {
      _ = try DiagramRenderer.render(
        Diagram(nodes: [node], edges: [.init(from: "a", to: "z")]), format: .svg)
    }
    #expect(throws: DiagramError(message: "two nodes have the id 'a'")) {
      _ = try DiagramRenderer.render(Diagram(nodes: [node, node], edges: []), format: .svg)
    }
  }

  @Test func writingIntoAMissingDirectoryThrowsWithThePath() throws {
    let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/graph.svg")
    let error = #expect(throws: DiagramError.self) {
      try DiagramRenderer.write(try Self.chainRule(), to: url, format: .svg)
    }
    #expect(error?.path == url.path)
  }

  @Test func networkDiagramNamesEveryLayer() throws {
    let network = Network<Double>(NetworkConfiguration(layers: [12, 5, 3], seed: 1))
    var x = Matrix<Double>(rows: 4, columns: 12)
    for i in x.storage.indices { x.storage[i] = Double(i % 7) / 7 }
    let graph = NetworkGraph(network: network, inputs: x, labels: [0, 1, 2, 1])
    let svg = String(
      decoding: try DiagramRenderer.render(Diagram(graph, title: "12-5-3"), format: .svg),
      as: UTF8.self)
    for name in ["input", "W1", "b1", "affine1", "relu", "W2", "b2", "affine2", "softmax", "loss"] {
      #expect(svg.contains(">\(name)</text>"), "\(name)")
    }
    #expect(svg.contains(">X\u{1D40}·δ1<"))
  }
}
