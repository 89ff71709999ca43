import Foundation
import Testing

@testable import Harness

/// The lab page of the notes' quadratic: the contract's controls, the swept steps with the
/// notes' ones, and the tool's stencils.
@Suite struct LabTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func experiment(_ name: String) throws -> Experiment {
    try Experiment.load(path: Self.root.appendingPathComponent("Experiments/\(name).yaml").path)
  }

  @Test func theContractsElements() throws {
    let e = try experiment("seeds-quadratic")
    let spec = try #require(e.spec(of: Convergence.self))
    let page = Lab.page(e, spec)
    for id in [
      "input type=\"range\" id=\"x\"", "id=\"h\"", "select id=\"scheme\"",
      "select id=\"precision\"", "id=\"estimate\"", "id=\"error\"",
    ] {
      #expect(page.contains(id), "\(id)")
    }
    // Nothing loaded from elsewhere (the SVG namespace is a name, not a request).
    #expect(!page.contains("src=\"http") && !page.contains("href=\"http"))
  }

  @Test func theDataHasTheStepsAndStencils() throws {
    let e = try experiment("seeds-quadratic")
    let spec = try #require(e.spec(of: Convergence.self))
    let model = Lab.data(e, spec)
    for h in [0.1, 1e-4, 1e-5] { #expect(model.steps.contains(h)) }
    #expect(model.precisions == ["double", "half", "single"])
    let forward = try #require(model.methods.first { $0.name == "forward" && $0.derivative == 1 })
    #expect(forward.offsets == [1, 0])
    #expect(forward.numerators == [1, -1])
    #expect(forward.denominator == 1)
    let central4 = try #require(model.methods.first { $0.name == "central4" && $0.derivative == 2 })
    #expect(central4.weightSum > 0)
  }

  @Test func aKoreanLabSpeaksKorean() throws {
    let e = try experiment("ko/seeds-derivative")
    let spec = try #require(e.spec(of: Convergence.self))
    let page = Lab.page(e, spec)
    #expect(page.contains("lang=\"ko\""))
    #expect(page.contains(LabPhrase.labHeading.text("ko")))
  }

  /// f and enough of its derivatives for the truncation model (f''' and beyond vanish for the
  /// quadratic, and are compiled as zero).
  @Test func compiledFunctions() throws {
    let e = try experiment("seeds-quadratic")
    let spec = try #require(e.spec(of: Convergence.self))
    let functions = Lab.compiledFunctions(spec.cases[0])
    #expect(functions.count == Lab.highestDerivative(spec.cases[0]) + Lab.extraDerivatives + 1)
    #expect(functions[3] == "k.c(0.0)")
  }
}
