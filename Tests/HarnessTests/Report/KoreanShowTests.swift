import Foundation
import Testing

@testable import Harness

/// `experiment show` speaks the file's language (or `--language`'s): the held-out Korean files
/// of every kind are explained without English prose, and the same files in English keep
/// their English account.
@Suite struct KoreanShowTests {
  /// The explained form of the held-out file of `kind`, in `language` (nil: the file's).
  static func explained(_ kind: String, _ language: Language? = nil) throws -> (String, String) {
    let yaml = try #require(KoreanCoverageTests.files[kind]).replacingOccurrences(
      of: "DATA", with: "/tmp/digits.csv")
    let (root, _, catalog) = try workspace(["held-out.yaml": yaml])
    defer { try? FileManager.default.removeItem(at: root) }
    let experiment = try Experiment.load(path: try catalog.resolve("held-out"))
      .overridden(by: PresentationOverrides(language: language))
    // A program's command line is code, not prose: its flags stay as the program reads them.
    let text = experiment.startedPrograms.reduce(experiment.explained()) {
      $0.replacingOccurrences(of: $1.command, with: "")
    }
    return (text, yaml)
  }

  /// Every kind of the held-out Korean files.
  static let kinds = KoreanCoverageTests.files.keys.sorted()

  @Test(arguments: kinds)
  func everyKindIsExplainedInKorean(_ kind: String) throws {
    let (text, yaml) = try Self.explained(kind)
    #expect(text.contains { $0.isHangul })
    let allowed = KoreanCoverageTests.vocabulary.union(KoreanCoverageTests.quotedWords(yaml))
    let english = KoreanCoverageTests.untranslated(text, allowed: allowed)
    #expect(english.isEmpty, "\(kind): \(english.joined(separator: " | "))")
  }

  @Test func theLanguageOptionOverridesTheFile() throws {
    let (english, _) = try Self.explained("gradcheck", .en)
    #expect(english.contains("network: 784-6-10 relu, he, seed 9"))
    #expect(english.contains("h: 0.0001, scheme central, method both, parameters: all"))
    #expect(!english.contains { $0.isHangul && !"기울기확인".contains($0) })
    let (korean, _) = try Self.explained("gradcheck")
    #expect(korean.contains("신경망: 784-6-10 relu, he, 시드 9"))
    #expect(korean.contains("h: 0.0001, 차분 중앙 차분, 방법 두 방식 모두, 매개변수: 전부"))
  }
}
