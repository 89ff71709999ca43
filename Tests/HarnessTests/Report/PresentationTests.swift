import Foundation
import Plotting
import Testing

@testable import ExperimentCLI
@testable import Harness

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `language`, `figure` and their command-line options, and the figure rules the kinds adopt,
/// checked on the figure model and on the files a run writes.
@Suite(.serialized) struct PresentationTests {
  static let bowl = """
    kind: descent
    title: "그릇 모양 함수"
    f: "x0^2 + x1^2"
    start: {x0: -3, x1: 4}
    learning_rates: [0.01, 0.1, 1.05]
    steps: 100
    gradient: central
    expect: {converges: [0.1], diverges: [1.05], too_slow: [0.01]}
    """

  static let korean = """
    kind: convergence
    title: "미분 계수의 수렴"
    language: ko
    figure: {width: 900, height: 640, font_scale: 1.3}
    cases:
      - {f: "exp(x)", at: 0.5}
    schemes: [forward, central]
    h: {min: 1e-10, max: 1e-1, per_decade: 3}
    expect: {forward: 1, central: 2}
    """

  func session(_ output: URL, _ catalog: Catalog, overrides: PresentationOverrides = .init())
    -> (Session, Captured)
  {
    let captured = Captured()
    let session = Session(
      options: RunOptions(outputRoot: output, formats: [.png, .svg], presentation: overrides),
      catalog: catalog, out: { captured.append($0) }, err: { captured.append($0) })
    return (session, captured)
  }

  /// The SVG's text as a reader sees it: character references (`&#xac04;`) decoded.
  func svgText(_ url: URL) throws -> String {
    let raw = try String(contentsOf: url, encoding: .utf8)
    var out = ""
    var rest = Substring(raw)
    while let start = rest.range(of: "&#x") {
      out += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].firstIndex(of: ";"),
        let code = UInt32(rest[start.upperBound..<end], radix: 16),
        let scalar = Unicode.Scalar(code)
      else {
        out += "&#x"
        rest = rest[start.upperBound...]
        continue
      }
      out.unicodeScalars.append(scalar)
      rest = rest[rest.index(after: end)...]
    }
    return out + rest
  }

  /// Width and height from a PNG's IHDR chunk.
  func pngSize(_ url: URL) throws -> (Int, Int) {
    let bytes = [UInt8](try Data(contentsOf: url))
    try #require(bytes.count > 24)
    func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (int(16), int(20))
  }

  @Test func contourMapsAndSlicesKeepEqualAxes() throws {
    let descent = try run(Descent.self, Self.bowl).report
    let paths = try #require(descent.figures.first { $0.name == "paths" }?.figure)
    #expect(paths.panels.allSatisfy { $0.equalAspect })
    let partials = try run(
      Partials.self,
      """
      kind: partials
      f: "x^2 + 2*y^2"
      at: [{x: 2, y: -1}]
      slice: x
      schemes: [central]
      """
    ).report
    let slice = try #require(partials.figures.first { $0.name.contains("slice") }?.figure)
    #expect(slice.panels.count == 2)
    // The surface's base keeps x:y; the slice graphs z against x at the panel's own aspect
    // (equal units made it a 1:4 sliver).
    #expect(slice.panels[0].equalAspect && !slice.panels[1].equalAspect)
    // The surface shows the slicing plane y = -1 and marks the point (2, -1, 6).
    guard case .surface3D(_, let curves, let plane, _, _) = slice.panels[0].content else {
      Issue.record("the slice figure's first panel is not a surface")
      return
    }
    #expect(plane?.fixed == .y && plane?.value == -1)
    #expect(curves.contains { $0.style == .markers && $0.x == [2] && $0.y == [-1] && $0.z == [6] })
  }

  @Test func theLossSubtitleSaysTooLowJustRightTooHighOnlyWhenTrue() throws {
    let all = try run(Descent.self, Self.bowl).report
    let loss = try #require(all.figures.first { $0.name == "loss" }?.figure)
    #expect(loss.title?.contains("too low, just right, too high") == true)
    #expect(loss.panels[0].xAxis.isInteger)
    let none = try run(
      Descent.self,
      """
      kind: descent
      f: "x0^2 + x1^2"
      start: {x0: -3, x1: 4}
      learning_rates: [1.05, 1.2]
      steps: 30
      """
    ).report
    let title = try #require(none.figures.first { $0.name == "loss" }?.figure?.title)
    #expect(!title.contains("just right"))
  }

  @Test func sweepsShowTheWholeSweepAndKeepZeroErrors() throws {
    let report = try run(
      Convergence.self,
      """
      kind: convergence
      cases: [{f: "x^2 + 2*x + 1", df: "2*x + 2", at: 15}]
      schemes: [forward, central]
      h: {min: 1e-12, max: 1e-1, per_decade: 2}
      """
    ).report
    let panel = try #require(report.figures.first?.figure?.panels.first)
    // A fit range's highlight covers the fitted stretch only.
    for series in panel.series where !series.isHighlight {
      let range = try #require(series.xRange)
      // The effective steps (x + h) - x differ from the nominal ones by rounding only.
      #expect(abs(log10(range.lowerBound) - -12) < 1e-3)
      #expect(abs(log10(range.upperBound) - -1) < 1e-3)
      // Every sample of a sweep is drawn; the model curve stops below the data's ceiling.
      if !series.label.hasSuffix(": model") { #expect(series.x.count == 23) }
    }
    // Each scheme's best-h markers are in its own colour.
    let colors = Set(panel.verticalMarkers.compactMap(\.color))
    #expect(colors.count == Set(panel.series.compactMap(\.color)).count)
  }

  @Test func hangulReachesTheSVGAndTheFileSetsThePNGSize() async throws {
    let (root, output, catalog) = try workspace(["ko.yaml": Self.korean])
    defer { try? FileManager.default.removeItem(at: root) }
    let (s, captured) = session(output, catalog)
    #expect(await s.run(["ko"], all: false) == .success)
    let folder = output.appendingPathComponent("ko")
    let svg = try svgText(folder.appendingPathComponent("case1-x0.5.svg"))
    #expect(svg.contains("미분 계수의 수렴"))
    #expect(svg.contains("간격 h"))
    #expect(svg.contains("중앙 차분"))
    let (w, h) = try pngSize(folder.appendingPathComponent("case1-x0.5.png"))
    #expect(w == 900 && h == 640)
    let summary = try String(
      contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8)
    #expect(summary.contains("통과"))
    #expect(captured.text.contains("확인 2개 중 2개 통과"))
    // summary.json stays English for programs.
    let json = try String(
      contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8)
    #expect(json.contains("\"language\" : \"ko\""))
    #expect(!json.contains("통과"))
    let index = try String(contentsOf: output.appendingPathComponent("index.md"), encoding: .utf8)
    #expect(index.hasPrefix("# 실험 결과"))
  }

  @Test func theCommandLineOverridesTheFile() async throws {
    let run = try ExperimentCommand.Run.parse([
      "ko", "--language", "en", "--figure-size", "700x500", "--font-scale", "0.8",
    ])
    let overrides = try run.presentation()
    #expect(overrides.language == .en)
    #expect(overrides.size?.width == 700 && overrides.size?.height == 500)
    #expect(overrides.fontScale == 0.8)
    let (root, output, catalog) = try workspace(["ko.yaml": Self.korean])
    defer { try? FileManager.default.removeItem(at: root) }
    let (s, _) = session(output, catalog, overrides: overrides)
    #expect(await s.run(["ko"], all: false) == .success)
    let folder = output.appendingPathComponent("ko")
    let (w, h) = try pngSize(folder.appendingPathComponent("case1-x0.5.png"))
    #expect(w == 700 && h == 500)
    let svg = try svgText(folder.appendingPathComponent("case1-x0.5.svg"))
    #expect(svg.contains("step h"))
    #expect(!svg.contains("간격 h"))
  }

  @Test(arguments: [
    ["--language", "kr"], ["--figure-size", "1600"], ["--figure-size", "0x900"],
    ["--font-scale", "0"], ["--font-scale", "9"],
  ])
  func badCommandLineValuesAreUsageErrors(_ arguments: [String]) throws {
    #expect(throws: (any Error).self) {
      _ = try ExperimentCommand.Run.parse(["x"] + arguments)
    }
  }

  @Test(arguments: [
    ("language: kr", "3:11", "did you mean 'ko'"),
    ("language: korean", "3:11", "did you mean 'ko'"),
    ("figure: {width: 0, height: 600}", "3:17", "figure.width"),
    ("figure: {width: 1200, height: 90000}", "3:31", "figure.height"),
    ("figure: {font_scale: 10}", "3:22", "font_scale"),
    ("figure: {font_scale: 0.1}", "3:22", "font_scale"),
    ("figure: {width: 1200, heigth: 900}", "3:23", "did you mean 'height'"),
    ("figure: 1200x900", "3:9", "figure"),
  ])
  func badValuesAreLocatedErrorsAndWriteNothing(
    _ line: String, _ location: String, _ message: String
  ) async throws {
    let file = """
      kind: convergence
      cases: [{f: "sin(x)", at: 1}]
      \(line)
      """
    let (root, output, catalog) = try workspace(["bad.yaml": file])
    defer { try? FileManager.default.removeItem(at: root) }
    let (s, captured) = session(output, catalog)
    #expect(await s.run(["bad"], all: false) == .invalidInput)
    #expect(captured.text.contains("bad.yaml:\(location):"), "\(captured.text)")
    #expect(captured.text.contains(message), "\(captured.text)")
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("bad").path))
  }

  @Test func koreanTablesAlignByDisplayWidth() {
    let lines = alignedTable(header: ["차분", "x"], rows: [["forward", "1"], ["중앙 차분", "2"]])
    let columns = lines.map { line in
      displayWidth(String(line.prefix { $0 != "1" && $0 != "2" && $0 != "x" }))
    }
    #expect(columns[0] == columns[2] && columns[2] == columns[3])
  }

  @Test func theTrainingLossCurveEndsEachEpochAtTheTablesMean() {
    let losses = (0..<12).map { 3.0 - 0.2 * Double($0) }
    let means = TrainingFigures.epochMeans(losses, stepsPerEpoch: 4)
    for epoch in 1...3 {
      let mean = losses[(epoch - 1) * 4..<epoch * 4].reduce(0, +) / 4
      #expect(abs(means[epoch * 4 - 1] - mean) < 1e-12)
    }
  }
}
