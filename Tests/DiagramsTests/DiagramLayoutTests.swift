import Calculus
import Foundation
import Learning
import Testing

@testable import Diagrams

/// A diagram is arranged for its canvas (direction and folding chosen from Graphviz's
/// layouts), its text is large enough on a slide, its inputs keep the expression's order and
/// no label is cut: measured on the layout Graphviz returns.
@Suite(.serialized) struct DiagramLayoutTests {
  /// The shipped graph experiments' diagrams: `chain-rule-graph`, `neuron-graph` and
  /// `network-graph` (the notes' 784-50-10 network on a batch of 100).
  static func shipped() throws -> [(name: String, diagram: Diagram)] {
    let chain = try Expression(parsing: "exp(4*x^2)").reverseMode(at: ["x": 0.3])
    let network = Network<Double>(NetworkConfiguration(layers: [784, 50, 10], seed: 42))
    var x = Matrix<Double>(rows: 100, columns: 784)
    for i in x.storage.indices { x.storage[i] = Double(i % 251) / 251 }
    let labels = (0..<100).map { UInt8($0 % 10) }
    let legend = GraphNotation.english.legend + ["f = … at (…): f = …"]
    return [
      (
        "chain-rule",
        Diagram(
          chain, title: "The chain rule as backprop computes it: f(x) = exp(4x²) at x = 0.3",
          notation: GraphNotation(legend: legend))
      ),
      (
        "neuron",
        Diagram(
          try neuron(),
          title: "One neuron as a computational graph: sigmoid(w1·x1 + w2·x2 + w3·x3 + b)",
          notation: GraphNotation(legend: legend))
      ),
      (
        "network",
        Diagram(
          NetworkGraph(network: network, inputs: x, labels: labels),
          title: "The notes' network as a computational graph: five steps forward, gradients back")
      ),
    ]
  }

  static func neuron() throws -> ComputationalGraph<Double> {
    try Expression(parsing: "sigmoid(w1*x1 + w2*x2 + w3*x3 + b)").reverseMode(at: [
      "x1": 1, "x2": 0.5, "x3": -1.5, "w1": 0.2, "w2": -0.4, "w3": 0.1, "b": 0.3,
    ])
  }

  /// The names of the nodes (their first line) by id.
  static func names(_ diagram: Diagram) -> [String: String] {
    Dictionary(uniqueKeysWithValues: diagram.nodes.map { ($0.id, $0.lines[0].text) })
  }

  @Test(arguments: [
    nil, Diagram.Canvas(width: 1600, height: 1000), .init(width: 800, height: 1400),
  ])
  func theInputsReadLikeTheNeuron(canvas: Diagram.Canvas?) throws {
    var diagram = Diagram(try Self.neuron())
    diagram.canvas = canvas
    let layout = try DiagramRenderer.layout(diagram)
    let names = Self.names(diagram)
    let inputs = diagram.nodes.filter { $0.style == .input }.map(\.id)
    // Along the first rank: downward when the arrows run left to right, else rightward.
    let along = { (id: String) -> Double in
      let box = layout.nodes[id]!
      return layout.arrangement.direction == .leftToRight ? -box.y : box.x
    }
    let drawn = inputs.sorted { along($0) < along($1) }.compactMap { names[$0] }
    // Each product's operands side by side, the input before its weight.
    #expect(drawn == ["x1", "w1", "x2", "w2", "x3", "w3", "b"], "\(layout.arrangement)")
  }

  @Test func noNodeLabelIsCut() throws {
    let diagram = Diagram(try Self.neuron())
    #expect(!diagram.nodes.contains { $0.lines.contains { $0.text.contains("…") } })
    let output = try #require(diagram.nodes.first { $0.style == .output })
    let expression = output.lines.filter { $0.tone == .muted }.map(\.text)
    #expect(expression.joined(separator: " ") == "sigmoid(w1·x1 + w2·x2 + w3·x3 + b)")
    // A long expression is wrapped into balanced lines, every character kept.
    let long = (1...12).map { "w\($0)*x\($0)" }.joined(separator: " + ")
    let lines = Diagram.wrapped(long, 40)
    #expect(lines.joined(separator: " ") == long)
    #expect(lines.count == 3 && lines.allSatisfy { $0.count <= 40 }, "\(lines)")
    #expect(Diagram.wrapped("a_very_long_single_word_that_has_no_space", 10).count == 1)
    // Graphviz sizes each node to its label: the box is wider than its longest line's
    // characters at half an em (a cut label would not need it).
    let layout = try DiagramRenderer.layout(diagram)
    let box = try #require(layout.nodes[output.id])
    #expect(box.width > Double(output.lines.map(\.text.count).max()!) * 12 * 0.5)
  }

  /// The smallest node text (a muted line, 12 points times the font scale) and the body
  /// (14 points times it), in pixels of a 1600 × 1000 PNG.
  @Test(arguments: [1.0, 1.3])
  func nodeTextIsAtLeast14PixelsOnASlide(fontScale: Double) throws {
    for (name, var diagram) in try Self.shipped() {
      diagram.canvas = Diagram.Canvas(width: 1600, height: 1000)
      diagram.fontScale = fontScale
      let layout = try DiagramRenderer.layout(diagram)
      let body = layout.pixels(ofPoints: 14 * fontScale)
      let smallest = layout.pixels(ofPoints: 12 * fontScale)
      #expect(body >= 14, "\(name): \(body) px in \(layout.arrangement)")
      if fontScale >= 1.3 { #expect(smallest >= 14, "\(name): \(smallest) px") }
    }
  }

  @Test(arguments: [(1600, 1000), (1200, 900), (900, 1400)])
  func theDrawingTakesTheCanvasAspect(width: Int, height: Int) throws {
    for (name, var diagram) in try Self.shipped() {
      diagram.canvas = Diagram.Canvas(width: width, height: height)
      let layout = try DiagramRenderer.layout(diagram)
      let target = Double(width) / Double(height)
      #expect(abs(layout.aspect / target - 1) < 0.015, "\(name): \(layout.aspect)")
      // The layout's measure is the PNG's: its size from the zoom Graphviz reported.
      let (w, h) = DiagramRendererTests.pngSize(try DiagramRenderer.render(diagram, format: .png))
      #expect(abs(Double(w) - layout.width * layout.zoom * 150 / 72) <= 2, "\(name)")
      #expect(abs(Double(h) - layout.height * layout.zoom * 150 / 72) <= 2, "\(name)")
      // The arrangement chosen has text at least as large as the one band left to right.
      var old = diagram
      old.arrangement = Diagram.Arrangement(.leftToRight)
      let oldZoom = try DiagramRenderer.layout(old).zoom
      #expect(layout.zoom >= oldZoom * 0.99, "\(name)")
    }
  }

  /// The chain rule's heading is wider than its four nodes in a row: every arrangement has
  /// text of about one size, and the fold, nearer the slide's aspect, is drawn.
  @Test func betweenTextsOfOneSizeTheNearestAspectIsDrawn() throws {
    var (_, diagram) = try Self.shipped()[0]
    diagram.canvas = Diagram.Canvas(width: 1600, height: 1000)
    diagram.fontScale = 1.3
    let layout = try DiagramRenderer.layout(diagram)
    #expect(layout.arrangement.fold != nil, "\(layout.arrangement)")
    var row = diagram
    row.arrangement = Diagram.Arrangement(.leftToRight)
    let rowZoom = try DiagramRenderer.layout(row).zoom
    #expect(layout.zoom >= rowZoom * 0.99)
  }

  @Test func aFoldRunsBackBesideTheFirstBand() throws {
    let (_, diagram) = try Self.shipped()[2]
    #expect(diagram.arrangements().contains(Diagram.Arrangement(.leftToRight, fold: 2)))
    var folded = diagram
    folded.arrangement = Diagram.Arrangement(.leftToRight, fold: 2)
    let layout = try DiagramRenderer.layout(folded)
    let names = Self.names(diagram)
    let box = { (name: String) in layout.nodes[names.first { $0.value == name }!.key]! }
    // affine1 turns to relu, the rightmost; the second band runs back, right to left.
    #expect(box("relu").x > box("affine1").x && box("relu").x > box("affine2").x)
    #expect(box("loss").x < box("softmax").x && box("softmax").x < box("affine2").x)
  }
}
