import Foundation
import Testing

@testable import Harness

@Suite struct WriterTests {
  @Test(arguments: [
    ("|x|", "\\|x\\|"),
    ("a*b_c", "a\\*b\\_c"),
    ("line\nbreak", "line<br>break"),
    ("[link](x)", "\\[link\\](x)"),
    ("<b>&", "&lt;b&gt;&amp;"),
  ])
  func markdownCellsAreEscaped(_ text: String, _ expected: String) {
    #expect(MarkdownWriter.cell(text) == expected)
  }

  @Test func aTableRowKeepsItsColumns() {
    let table = MarkdownWriter.markdownTable(
      header: ["f", "note"], rows: [["|x| + 1", "a | b\nc"]])
    let row = table.split(separator: "\n")[2]
    // Unescaped pipes delimit cells: 3 for two cells.
    var unescaped = 0
    var previous: Character = " "
    for c in row {
      if c == "|" && previous != "\\" { unescaped += 1 }
      previous = c
    }
    #expect(unescaped == 3)
  }

  @Test func verdictTextSaysHowMuchWasChecked() {
    let checks =
      (0..<12).map {
        Check(Composed.verbatim(text: "c\($0)"), .passed, Composed.verbatim(text: ""))
      } + [
        Check(Composed.verbatim(text: "a"), .notChecked, Composed.verbatim(text: "")),
        Check(Composed.verbatim(text: "b"), .notChecked, Composed.verbatim(text: "")),
      ]
    #expect(Verdict(checks).text == "12 of 14 checks passed, 2 not checked")
    #expect(Verdict(checks).passed)
    let failed = [
      Check(Composed.verbatim(text: "a"), .failed, Composed.verbatim(text: "")),
      Check(Composed.verbatim(text: "b"), .passed, Composed.verbatim(text: "")),
      Check(Composed.verbatim(text: "c"), .notChecked, Composed.verbatim(text: "")),
    ]
    #expect(Verdict(failed).text == "1 of 3 checks failed, 1 passed, 1 not checked")
    #expect(!Verdict(failed).passed)
    #expect(Verdict([]).text.hasPrefix("no checks"))
  }

  @Test func summaryJSONHasSortedKeysAndNullForNonFinite() throws {
    let experiment = try Experiment.parse(Files.failing, path: "x.yaml")
    var report = Report(outcome: ["value": Num(.nan), "other": Num(1)])
    report.checks = [Check(Composed.verbatim(text: "s"), .failed, Composed.verbatim(text: "d"))]
    let data = try SummaryDocument(
      experiment: experiment, report: report, extraNotes: [Composed.verbatim(text: "n")]
    )
    .serialized()
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"value\" : null"))
    let keys = try #require(
      try JSONSerialization.jsonObject(with: data) as? [String: Any]
    ).keys.sorted()
    #expect(
      keys
        == [
          "checks", "description", "failures", "file", "kind", "language", "name", "notes", "other",
          "passed", "title", "value", "verdict",
        ].sorted())
    let order = ["\"checks\"", "\"description\"", "\"failures\"", "\"file\""].map {
      text.range(of: $0)!.lowerBound
    }
    #expect(order == order.sorted())
  }
}
