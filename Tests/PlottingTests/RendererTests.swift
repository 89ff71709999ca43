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

@Suite("Renderer", .serialized)
struct RendererTests {
  /// Renders every sample figure kind; with PLOTTING_SAMPLES set, into that directory.
  @Test(arguments: SampleFigures.all.map(\.0))
  func rendersEachKind(_ name: String) throws {
    let figure = try #require(SampleFigures.all.first { $0.0 == name }?.1)
    let samples = ProcessInfo.processInfo.environment["PLOTTING_SAMPLES"]
    let directory = try samples.map { URL(fileURLWithPath: $0) } ?? scratchDirectory()
    let report = try Renderer.render(
      figure, to: directory.appendingPathComponent(name), formats: FigureFormat.allCases)
    #expect(report.files.map(\.pathExtension) == ["png", "svg", "pdf"])
    let png = try #require(PNGImage(path: report.files[0].path))
    #expect(png.width == figure.width && png.height == figure.height)
  }
}
