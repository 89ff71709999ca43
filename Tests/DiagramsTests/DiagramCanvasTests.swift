import Calculus
import Foundation
import Learning
import Testing

@testable import Diagrams

/// A diagram's size follows the figure's (`Diagram.Canvas`), its fonts the font scale, and its
/// words the notation's language.
@Suite(.serialized) struct DiagramCanvasTests {
  static func network() -> NetworkGraph<Double> {
    let network = Network<Double>(NetworkConfiguration(layers: [12, 5, 3], seed: 1))
    var x = Matrix<Double>(rows: 4, columns: 12)
    for i in x.storage.indices { x.storage[i] = Double(i % 7) / 7 }
    return NetworkGraph(network: network, inputs: x, labels: [0, 1, 2, 1])
  }

  /// The PNG of `diagram` fitted into `canvas`: width and height.
  static func pngSize(_ diagram: Diagram, _ canvas: Diagram.Canvas?) throws -> (Int, Int) {
    var diagram = diagram
    diagram.canvas = canvas
    return DiagramRendererTests.pngSize(try DiagramRenderer.render(diagram, format: .png))
  }

  @Test(arguments: [(1600, 1000), (1200, 760), (800, 1400), (3000, 2000)])
  func theDrawingFillsTheCanvas(width: Int, height: Int) throws {
    for diagram in [try DiagramRendererTests.chainRule(), Diagram(Self.network())] {
      let (w, h) = try Self.pngSize(diagram, Diagram.Canvas(width: width, height: height))
      // One side equals the canvas's (within 2 px of rounding), the other is within 1.5% of
      // it: the nodes are spread to the canvas's aspect, not letterboxed.
      let fitsWidth = abs(w - width) <= 2 && abs(Double(h) / Double(height) - 1) < 0.015
      let fitsHeight = abs(h - height) <= 2 && abs(Double(w) / Double(width) - 1) < 0.015
      #expect(fitsWidth || fitsHeight, "\(w)x\(h) in \(width)x\(height)")
    }
  }

  @Test(arguments: [Diagram.Canvas(width: 1600, height: nil), .init(width: nil, height: 900)])
  func withOneSideGivenThatSideDecidesAndTheAspectIsTheDrawings(canvas: Diagram.Canvas) throws {
    for diagram in [try DiagramRendererTests.chainRule(), Diagram(Self.network())] {
      let (w0, h0) = try Self.pngSize(diagram, nil)
      let (w, h) = try Self.pngSize(diagram, canvas)
      if let width = canvas.width { #expect(abs(w - width) <= 2, "\(w)x\(h)") }
      if let height = canvas.height { #expect(abs(h - height) <= 2, "\(w)x\(h)") }
      // Not spread: the aspect of the natural layout, within a pixel's rounding.
      let aspect = Double(w0) / Double(h0)
      #expect(abs(Double(w) / Double(h) - aspect) <= aspect * 2.5 / Double(min(w, h)))
    }
  }

  @Test func aFontScaleMultipliesEveryFontAndLine() throws {
    var diagram = try DiagramRendererTests.chainRule()
    func sizes(_ scale: Double) throws -> [Double] {
      diagram.fontScale = scale
      let svg = String(decoding: try DiagramRenderer.render(diagram, format: .svg), as: UTF8.self)
      return svg.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.1) }
    }
    // Graphviz's SVG rounds font sizes to whole points: a scale of 2 keeps them exact.
    let base = try sizes(1)
    let scaled = try sizes(2)
    #expect(!base.isEmpty && base.count == scaled.count)
    for (a, b) in zip(base, scaled) { #expect(abs(b - 2 * a) <= 0.01, "\(a) -> \(b)") }
    #expect(Set(base).isSuperset(of: [17, 14, 12]), "\(Set(base))")
    diagram.fontScale = 2
    let svg = String(decoding: try DiagramRenderer.render(diagram, format: .svg), as: UTF8.self)
    #expect(svg.contains("stroke-width=\"2.8\""), "edges at 2 x 1.4")
  }

  /// Korean words, as the caller (Harness) gives them.
  static let korean = NetworkNotation(
    legend: [
      "노드: 층, 모양, |v| = 값의 노름, |∂L/∂v| = 손실함수 기울기의 노름",
      "화살표: 오차역전파 규칙, ← 거꾸로 전달되는 기울기의 노름",
    ], names: [.input: "입력", .loss: "손실"], scalar: "스칼라")

  @Test func aKoreanNetworkDiagramNamesItsNodesInKorean() throws {
    let svg = String(
      decoding: try DiagramRenderer.render(
        Diagram(Self.network(), notation: Self.korean), format: .svg), as: UTF8.self)
    for text in [">입력</text>", ">손실</text>", ">스칼라</text>", ">W1</text>", ">relu</text>"] {
      #expect(svg.contains(text), "\(text)")
    }
    for english in [">input<", ">loss<", ">scalar<", "node:", "arrow:"] {
      #expect(!svg.contains(english), "\(english)")
    }
    #expect(svg.contains("⊙ relu′(Z1)"))
    #expect(svg.contains("노드: 층, 모양") && svg.contains("화살표: 오차역전파 규칙"))
  }
}
