import Foundation
@testable import Plotting
import Testing

@testable import ExperimentCLI
@testable import Harness

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Whole runs: exit codes, what is and is not written, links, determinism.
@Suite(.serialized) struct SessionTests {
  func session(_ output: URL, _ catalog: Catalog, formats: [Plotting.FigureFormat] = [.png])
    -> (Session, Captured)
  {
    let captured = Captured()
    let session = Session(
      options: RunOptions(outputRoot: output, formats: formats, jobs: 2), catalog: catalog,
      out: { captured.append($0) }, err: { captured.append($0) })
    return (session, captured)
  }

  @Test func passingFailingAndInvalidExitCodes() async throws {
    let (root, output, catalog) = try workspace([
      "good.yaml": Files.passing, "bad.yaml": Files.failing,
      "broken.yaml": "kind: convergence\ncases:\n  - {f: \"sin(x\", at: 1}\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let (s, captured) = session(output, catalog)
    #expect(await s.run(["good"], all: false) == .success)
    #expect(await s.run(["bad"], all: false) == .expectationMissed)
    #expect(await s.run(["broken"], all: false) == .invalidInput)
    #expect(await s.run(["nonexistent"], all: false) == .invalidInput)
    #expect(await s.run([], all: true) == .invalidInput)
    #expect(captured.text.contains("unknown experiment 'nonexistent'"))
    #expect(captured.text.contains("broken.yaml:3:"))

    let fm = FileManager.default
    #expect(fm.fileExists(atPath: output.appendingPathComponent("good/summary.json").path))
    #expect(fm.fileExists(atPath: output.appendingPathComponent("good/errors.csv").path))
    #expect(!fm.fileExists(atPath: output.appendingPathComponent("broken").path))
    let leftovers = try fm.contentsOfDirectory(atPath: output.path).filter {
      $0.hasPrefix(".") && $0 != ".lock"
    }
    #expect(leftovers.isEmpty, "no staging folders are left behind: \(leftovers)")

    let summary =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: output.appendingPathComponent("bad/summary.json"))) as! [String: Any]
    #expect(summary["passed"] as? Bool == false)
    let results = summary["results"] as! [[String: Any]]
    #expect(results[0]["expected_order"] as? Double == 2)
    #expect(abs((results[0]["fitted_order"] as! Double) - 1) < 0.1)
    #expect((summary["failures"] as! [String])[0].contains("expected 2"))
    let verdict = summary["verdict"] as! [String: Any]
    #expect(verdict["failed"] as? Int == 1 && verdict["checks"] as? Int == 1)

    let index = try String(contentsOf: output.appendingPathComponent("index.md"), encoding: .utf8)
    #expect(index.contains("## good") && index.contains("## bad"))
    #expect(index.contains("](./good/"))
  }

  /// Each class of invalid input, run alone: no output folder at all.
  @Test(arguments: [
    ("broken", ["broken.yaml": "kind: convergence\ncases:\n  - {f: \"sin(x\", at: 1}\n"]),
    ("nonexistent", ["good.yaml": Files.passing]),
    (
      "nodata",
      ["nodata.yaml": "kind: training\ndata: {source: {csv: missing.csv}}\noptimizer: {batch: 5}\n"]
    ),
    ("badkind", ["badkind.yaml": "kind: convergense\n"]),
  ])
  func nothingIsWrittenForAnInvalidInput(_ name: String, _ files: [String: String]) async throws {
    let (root, output, catalog) = try workspace(files)
    defer { try? FileManager.default.removeItem(at: root) }
    let (s, _) = session(output, catalog)
    #expect(await s.run([name], all: false) == .invalidInput)
    #expect(!FileManager.default.fileExists(atPath: output.path), "\(listing(output))")
  }

  @Test func twoFilesWithOneNameWriteOnlyTheFirst() async throws {
    let (root, output, catalog) = try workspace([
      "a.yaml": "name: same\n" + Files.passing, "b.yaml": "name: same\n" + Files.failing,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let (s, captured) = session(output, catalog)
    #expect(await s.run(["a", "b"], all: false) == .invalidInput)
    #expect(captured.text.contains("already used"))
    let summary = try String(
      contentsOf: output.appendingPathComponent("same/summary.json"), encoding: .utf8)
    #expect(summary.contains("\"passed\" : true"))
  }

  @Test func linksResolveForAFileOutsideThePackage() async throws {
    let (root, output, _) = try workspace([:])
    defer { try? FileManager.default.removeItem(at: root) }
    let elsewhere = root.appendingPathComponent("somewhere/else")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let file = elsewhere.appendingPathComponent("mine.yaml")
    try Files.passing.write(to: file, atomically: true, encoding: .utf8)
    let (s, _) = session(output, Catalog(directory: root), formats: [.png, .svg])
    #expect(await s.run([file.path], all: false) == .success)
    for page in ["index.md", "mine/summary.md"] {
      let url = output.appendingPathComponent(page)
      let text = try String(contentsOf: url, encoding: .utf8)
      #expect(!text.contains("..//"))
      let links = markdownLinks(text)
      #expect(links.count >= 6, "\(page): \(links)")
      for link in links where !link.hasPrefix("#") {
        let target = url.deletingLastPathComponent().appendingPathComponent(link)
        #expect(FileManager.default.fileExists(atPath: target.path), "\(page): \(link)")
      }
    }
  }

  /// The targets of `[text](target)` and `![alt](target)`.
  func markdownLinks(_ text: String) -> [String] {
    var links: [String] = []
    var rest = Substring(text)
    while let start = rest.range(of: "](") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(of: ")") else { break }
      links.append(String(rest[..<end]))
      rest = rest[end...]
    }
    return links
  }

  @Test func indexHTMLParsesAndShowsEveryFigureWithTheTitle() async throws {
    let (root, output, catalog) = try workspace([
      "good.yaml": Files.passing, "partials.yaml": Files.partials,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let (s, _) = session(output, catalog, formats: [.png, .svg])
    #expect(await s.run(["good", "partials"], all: false) == .success)
    let page = output.appendingPathComponent("index.html")
    let parser = XMLParser(contentsOf: page)!
    let images = ImageSources()
    parser.delegate = images
    #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
    for src in images.sources {
      #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(src).path))
    }
    let figures = listing(output).filter { $0.hasSuffix(".svg") }
    #expect(figures.count >= 4)
    // Every figure in the sections (SVG here); the overview's cards show card-size copies of
    // each experiment's first PNG figure, 480 pixels wide.
    #expect(Set(images.sources.filter { $0.hasSuffix(".svg") }) == Set(figures))
    let thumbnails = images.sources.filter { $0.hasSuffix("/.thumbnail.png") }
    #expect(thumbnails.sorted() == ["good/.thumbnail.png", "partials/.thumbnail.png"])
    for thumbnail in thumbnails {
      let image = try #require(PNGImage(path: output.appendingPathComponent(thumbnail).path))
      #expect(image.width == 480)
    }
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("A | tricky *title*"))
    #expect(html.contains("&lt;b&gt;"))
    #expect(html.contains("expect: {forward: auto, central: 2}"), "the file's source")
    for svg in figures {
      let text = try String(contentsOf: output.appendingPathComponent(svg), encoding: .utf8)
      // The experiment's title is the figure's title; the figure's own is its subtitle.
      let title =
        svg.hasPrefix("good/") ? "<title>A | tricky *title*</title>" : "<title>partials</title>"
      #expect(text.contains(title), "\(svg) carries the experiment's title")
    }
  }

  @Test func sameSeedSameCSV() async throws {
    let (root, output, catalog) = try workspace(["good.yaml": Files.passing])
    defer { try? FileManager.default.removeItem(at: root) }
    let (s, _) = session(output, catalog)
    #expect(await s.run(["good"], all: false) == .success)
    let first = try Data(contentsOf: output.appendingPathComponent("good/errors.csv"))
    #expect(await s.run(["good"], all: false) == .success)
    let second = try Data(contentsOf: output.appendingPathComponent("good/errors.csv"))
    #expect(first == second)
  }

  @Test func twoRunsIntoOneFolderAtOnce() async throws {
    let (root, output, catalog) = try workspace([
      "a.yaml": Files.passing, "b.yaml": Files.partials, "c.yaml": Files.failing,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let (s1, _) = session(output, catalog)
    let (s2, _) = session(output, catalog)
    async let first = s1.run(["a", "c"], all: false)
    async let second = s2.run(["b", "a"], all: false)
    let statuses = await [first, second]
    #expect(statuses == [.expectationMissed, .success])
    let index = try String(contentsOf: output.appendingPathComponent("index.md"), encoding: .utf8)
    for name in ["a", "b", "c"] { #expect(index.contains("## \(name)\n")) }
    let hidden = try FileManager.default.contentsOfDirectory(atPath: output.path).filter {
      $0.hasPrefix(".") && $0 != ".lock"
    }
    #expect(hidden.isEmpty, "\(hidden)")
  }

  @Test func anUnwritableOutputIsAnInvalidInput() async throws {
    let (root, _, catalog) = try workspace(["good.yaml": Files.passing])
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("not-a-folder")
    try "x".write(to: file, atomically: true, encoding: .utf8)
    let (s, captured) = session(file, catalog)
    #expect(await s.run(["good"], all: false) == .invalidInput)
    #expect(captured.text.contains("not a directory"))
  }

  @Test func commandLineUsageErrors() throws {
    #expect(throws: (any Error).self) { try ExperimentCommand.parseAsRoot(["run"]) }
    do {
      _ = try ExperimentCommand.parseAsRoot(["run", "x", "--jobs", "0"])
      Issue.record("--jobs 0 was accepted")
    } catch {
      #expect(ExperimentCommand.exitCode(for: error).rawValue == 64)
    }
    do {
      _ = try ExperimentCommand.parseAsRoot(["run", "x", "--formats", "gif"])
      Issue.record("--formats gif was accepted")
    } catch {
      #expect(ExperimentCommand.exitCode(for: error).rawValue == 64)
      #expect(ExperimentCommand.message(for: error).contains("gif"))
    }
  }
}

/// Collects `<img src>` values.
final class ImageSources: NSObject, XMLParserDelegate, @unchecked Sendable {
  var sources: [String] = []
  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    if name == "img", let src = attributes["src"] { sources.append(src) }
  }
}
