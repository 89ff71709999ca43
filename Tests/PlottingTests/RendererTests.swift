import Foundation
import Testing

@testable import Plotting

/// A fresh directory for one test's files.
func scratchDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("plotting-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

func contents(of directory: URL) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
}

/// PLplot keeps global state: every suite that renders runs its tests one at a time.
@Suite("Renderer", .serialized)
struct RendererTests {
  /// Renders every sample figure kind in all formats; with PLOTTING_SAMPLES set, into that
  /// directory (to look at them).
  @Test(arguments: SampleFigures.all.map(\.0))
  func rendersEachKind(_ name: String) throws {
    let figure = try #require(SampleFigures.all.first { $0.0 == name }?.1)
    let samples = ProcessInfo.processInfo.environment["PLOTTING_SAMPLES"]
    let directory = try samples.map { URL(fileURLWithPath: $0) } ?? scratchDirectory()
    let report = try Renderer.render(
      figure, to: directory.appendingPathComponent(name), formats: FigureFormat.allCases)
    #expect(
      report.files.map(\.lastPathComponent)
        == ["png", "svg", "pdf", "layout.json"].map { "\(name).\($0)" })
    #expect(report.droppedPoints.isEmpty)

    let pngBytes = try Data(contentsOf: report.files[0])
    #expect(Array(pngBytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    let png = try #require(PNGImage(path: report.files[0].path))
    #expect(png.width == figure.width && png.height == figure.height)
    #expect(png.rgb(x: 1, y: 1) == (255, 255, 255))  // white background

    let texts = try #require(try SVGText.texts(inFile: report.files[1]))
    for panel in figure.panels {
      for label in [panel.xAxis.label, panel.yAxis.label, panel.title] where !label.isEmpty {
        #expect(texts.contains(Markup.plain(label)), "axis label \(label)")
      }
    }
    #expect(
      String(decoding: try Data(contentsOf: report.files[2]).prefix(5), as: UTF8.self) == "%PDF-")
    if samples == nil { try FileManager.default.removeItem(at: directory) }
  }

  /// The issue's figures at the default size and at slide size (1600x1000, font scale 1.3),
  /// in English and Korean; with PLOTTING_SAMPLES set, into that directory.
  @Test(arguments: (SampleFigures.issueCases + SampleFigures.all).map(\.0), [false, true])
  func rendersTheIssueFiguresAtBothSizes(_ name: String, slides: Bool) throws {
    var figure = try #require(
      (SampleFigures.issueCases + SampleFigures.all).first { $0.0 == name }?.1)
    if slides {
      figure = figure.applying(
        FigureOptions(
          title: figure.title, size: (1600, 1000), fontScale: 1.3,
          words: name.hasSuffix("-ko") ? SampleFigures.koreanWords : .english))
    }
    let samples = ProcessInfo.processInfo.environment["PLOTTING_SAMPLES"]
    let directory = try samples.map { URL(fileURLWithPath: $0) } ?? scratchDirectory()
    defer { if samples == nil { try? FileManager.default.removeItem(at: directory) } }
    let base = directory.appendingPathComponent(name + (slides ? "-slides" : ""))
    let report = try Renderer.render(figure, to: base, formats: [.png, .svg, .pdf])
    let png = try #require(PNGImage(path: report.files[0].path))
    #expect(
      png.width == (slides ? 1600 : figure.width) && png.height == (slides ? 1000 : figure.height))
    let texts = try #require(try SVGText.texts(inFile: report.files[1]))
    for panel in figure.panels where !panel.yAxis.label.isEmpty {
      #expect(texts.contains(Markup.plain(panel.yAxis.label)))
    }
    if name.hasSuffix("-ko") {
      #expect(
        texts.contains {
          $0.contains("간격 h") || $0.contains("에폭") || $0.contains("경사") || $0.contains("전방")
        })
      let svg = try String(contentsOf: report.files[1], encoding: .utf8)
      #expect(svg.contains("'Noto Sans CJK KR'"))
    }
  }

  @Test func svgHasLegendEntriesAndPowerOfTenTicksAsText() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = try Renderer.render(
      SampleFigures.convergence, to: directory.appendingPathComponent("c"), formats: [.svg])
    let texts = try #require(try SVGText.texts(inFile: report.files[0]))
    for entry in [
      // Five-point meets central only in the round-off range: no "≈" (it is not one line).
      "forward, O(h)", "central, O(h2)", "five-point, O(h4)",
      "central fit range",
      "best h observed", "best h predicted ≈ ∛ε", "O(h2)",
    ] {
      #expect(texts.contains(entry), "legend entry \(entry)")
    }
    // h runs over 1e-12...1e-1 and the errors over 1e-13...1e-1: every decade is labelled.
    for exponent in 1...12 { #expect(texts.contains("10\u{2212}\(exponent)"), "10^-\(exponent)") }
    #expect(texts.contains("10\u{2212}13"))
  }

  @Test func thinnedLogTicksStayPowersOfTenAtEvenSteps() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let x = (0...40).map { pow(10, Double($0) - 30) }
    let figure = Figure(
      panels: [
        Panel(
          xAxis: Axis("x", scale: .log10), yAxis: Axis("y"),
          series: [Series("s", x: x, y: x.indices.map(Double.init))])
      ],
      width: 400, height: 300)
    let report = try Renderer.render(
      figure, to: directory.appendingPathComponent("t"), formats: [.svg])
    let texts = try #require(try SVGText.texts(inFile: report.files[0]))
    let exponents = texts.compactMap { text -> Int? in
      guard text.hasPrefix("10"), text.count > 2 else { return nil }
      return Int(text.dropFirst(2).replacingOccurrences(of: "\u{2212}", with: "-"))
    }
    #expect(exponents.count >= 3 && exponents.count <= 10, "\(exponents)")
    let gaps = Set(zip(exponents.dropFirst(), exponents).map { $0 - $1 })
    #expect(gaps.count == 1 && gaps.first! > 1, "\(exponents)")
  }

  @Test func paletteColoursAppearInThePNG() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = try Renderer.render(
      SampleFigures.convergence, to: directory.appendingPathComponent("c"), formats: [.png])
    let png = try #require(PNGImage(path: report.files[0].path))
    // The three series take the first three Okabe-Ito colours.
    for hex: UInt32 in [0x0072B2, 0xD55E00, 0x009E73] {
      #expect(png.count(of: hex, tolerance: 6) > 500, "colour \(String(hex, radix: 16))")
    }
    // Yellow (the eighth colour) is not used, so it must not appear.
    #expect(png.count(of: 0xF0E442, tolerance: 6) == 0)
  }

  @Test func exactPixelSizeForAnySize() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var figure = SampleFigures.histogram
    figure.width = 641
    figure.height = 377
    let report = try Renderer.render(
      figure, to: directory.appendingPathComponent("h"), formats: [.png, .svg])
    let png = try #require(PNGImage(path: report.files[0].path))
    #expect(png.width == 641 && png.height == 377)
    let svg = try String(contentsOf: report.files[1], encoding: .utf8)
    #expect(svg.contains("width=\"641px\"") && svg.contains("height=\"377px\""))
  }

  @Test func droppedPointsAreCountedPerSeries() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let x: [Double] = [1, 2, 3, 4, 5, 6]
    let panel = Panel(
      xAxis: Axis("x"), yAxis: Axis("y", scale: .log10),
      series: [
        Series("log", x: x, y: [1e-3, .nan, -1, 0, 1e-2, .infinity]),
        Series("fine", x: x, y: [1, 2, 3, 4, 5, 6]),
        Series("bad x", x: [1, .nan, 3], y: [1, 1, 1]),
      ])
    let second = Panel(
      xAxis: Axis("x", scale: .log10), yAxis: Axis("y"),
      series: [Series("log", x: [0, 1, 10], y: [1, 2, 3])])
    let report = try Renderer.render(
      Figure(panels: [panel, second], width: 500, height: 600),
      to: directory.appendingPathComponent("d"),
      formats: [.png])
    #expect(report.droppedPoints == ["log": 5, "bad x": 1])
  }

  @Test func unwritableDirectoryThrowsAndLeavesNothing() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let blocker = directory.appendingPathComponent("a-file")
    try Data("x".utf8).write(to: blocker)
    let figure = SampleFigures.histogram
    // A directory that cannot exist: its parent is a regular file.
    let error = try #require(throws: RenderError.self) {
      try Renderer.render(figure, to: blocker.appendingPathComponent("sub/fig"), formats: [.png])
    }
    #expect(error.description.contains(blocker.path))
    #expect(try contents(of: directory) == ["a-file"])
    // A directory the process may not create files in (even as root): /proc.
    let procError = try #require(throws: RenderError.self) {
      try Renderer.render(
        figure, to: URL(fileURLWithPath: "/proc/plotting-fig"), formats: [.png, .svg])
    }
    #expect(procError.description.contains("/proc/plotting-fig.png"))
    #expect(!FileManager.default.fileExists(atPath: "/proc/plotting-fig.png"))
  }

  @Test func aFailingFormatLeavesNoFileOfAnyFormat() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("fig.svg"), withIntermediateDirectories: false)
    #expect(throws: RenderError.self) {
      try Renderer.render(
        SampleFigures.histogram, to: directory.appendingPathComponent("fig"), formats: [.png, .svg])
    }
    #expect(try contents(of: directory) == ["fig.svg"])
  }

  @Test func inconsistentFiguresThrow() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let bad = Figure(panels: [
      Panel(xAxis: Axis(), yAxis: Axis(), series: [Series("s", x: [1, 2], y: [1])])
    ])
    let error = try #require(throws: RenderError.self) {
      try Renderer.render(bad, to: directory.appendingPathComponent("b"), formats: [.png])
    }
    #expect(error.description.contains("2 x values and 1 y values"))
    #expect(throws: RenderError.self) {
      try Renderer.render(
        Figure(panels: []), to: directory.appendingPathComponent("e"), formats: [.png])
    }
    #expect(try contents(of: directory).isEmpty)
  }

  @Test func concurrentRendersAllSucceed() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: 6) { i in
      var figure = i % 2 == 0 ? SampleFigures.twoPanels : SampleFigures.contour
      figure.width = 400 + 10 * i
      figure.height = 300
      let base = directory.appendingPathComponent("run\(i)")
      results.append(i, Result { try Renderer.render(figure, to: base, formats: [.png, .svg]) })
    }
    let all = results.sorted
    #expect(all.count == 6)
    for (i, result) in all {
      let report = try result.get()
      let png = try #require(PNGImage(path: report.files[0].path))
      #expect(png.width == 400 + 10 * i && png.height == 300)
      #expect(try SVGText.texts(inFile: report.files[1]) != nil)
    }
  }
}

/// Results gathered from several threads.
private final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [(Int, Result<RenderReport, any Error>)] = []

  func append(_ i: Int, _ result: Result<RenderReport, any Error>) {
    lock.lock()
    items.append((i, result))
    lock.unlock()
  }

  var sorted: [(Int, Result<RenderReport, any Error>)] {
    lock.lock()
    defer { lock.unlock() }
    return items.sorted { $0.0 < $1.0 }
  }
}
