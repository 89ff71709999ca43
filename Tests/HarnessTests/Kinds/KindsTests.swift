import Foundation
import Testing

@testable import Harness

/// The registry: what adding a kind needs besides its folder and one line in `Kinds.all`.
@Suite struct KindsTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func namesAreUniqueAndFound() {
    #expect(Set(Kinds.names).count == Kinds.all.count)
    for name in Kinds.names { #expect(Kinds.named(name)?.name == name) }
    #expect(Kinds.named("convergance") == nil)
  }

  /// README's table of keys has a row for every registered kind, and no other.
  @Test func readmeListsEveryKind() throws {
    let readme = try String(
      contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let header = "| kind | keys beyond the common ones |"
    let table = try #require(readme.components(separatedBy: header).dropFirst().first)
    let rows = table.split(separator: "\n").dropFirst().prefix { $0.hasPrefix("|") }
    let listed = rows.compactMap { row -> String? in
      let cell = row.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) ?? ""
      return cell.hasPrefix("`")
        ? cell.trimmingCharacters(in: CharacterSet(charactersIn: "`")) : nil
    }
    #expect(Set(listed) == Set(Kinds.names), "README lists \(listed)")
  }

  /// An experiment keeps its kind's spec typed: the kind's name and its spec come back.
  @Test func anExperimentKeepsItsKindsSpec() throws {
    let e = try Experiment.parse(Files.partials, path: "p.yaml")
    #expect(e.kind == "partials")
    #expect(e.spec(of: Partials.self)?.variables == ["x", "y"])
    #expect(e.spec(of: Convergence.self) == nil)
  }
}
