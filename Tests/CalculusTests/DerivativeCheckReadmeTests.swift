import Foundation
import Testing

@testable import Calculus

/// README's Swift example, compiled and run here; the test also checks README shows this very
/// text (between the markers), so the two cannot drift apart.
@Suite struct DerivativeCheckReadmeTests {
  @Test func theReadmeExampleRunsAndFindsTheWrongEntry() throws {
    // README example begins
    // f(x) = x sin x and the derivative written by hand
    let verdict = try DerivativeCheck.check(
      { x in x * sin(x) }, derivative: { x in sin(x) + x * cos(x) }, at: 0.8)
    #expect(verdict.passed)  // the differences fall at order 2 down to round-off

    // a gradient with a wrong second entry (it should be v[0]^2)
    let gradient = try DerivativeCheck.checkGradient(
      { v in v[0] * v[0] * v[1] }, gradient: { v in [2 * v[0] * v[1], 2 * v[0]] },
      at: [1.5, -0.5])
    #expect(gradient.differing == [1])
    #expect(gradient.entries[1].plateau! > 0.7)  // |2 * 1.5 - 1.5^2| = 0.75
    // README example ends
    #expect(abs((verdict.fittedOrder ?? 0) - 2) < 0.15)
  }

  @Test func readmeShowsTheExample() throws {
    let source = try String(contentsOfFile: #filePath, encoding: .utf8)
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let readme = try String(
      contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let begin = "    // README example begins\n"
    let end = "    // README example ends\n"
    let start = try #require(source.range(of: begin)).upperBound
    let stop = try #require(source.range(of: end, range: start..<source.endIndex)).lowerBound
    let example = source[start..<stop].split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n")
    #expect(
      readme.contains("import Calculus\n\n" + example),
      "README's Swift example must be:\n\(example)")
  }
}
