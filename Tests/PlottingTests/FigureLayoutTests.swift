import Foundation
import Testing

@testable import Plotting

/// The figure-level rules for slides: guides, short names, legend groups, shared legends,
/// whole-decade log ticks, width left by equal aspect, valid viewports at every size.
@Suite("Figure layout")
struct FigureLayoutTests {
  static let steps = SampleFigures.steps

  /// A convergence panel as the harness builds it: two schemes whose errors coincide, each with
  /// a model curve on top of it, and identical fit ranges.
  static func convergencePanel() -> Panel {
    let errors = steps.enumerated().map { SampleFigures.error(order: 1, constant: 1, h: $1, k: $0) }
    let model = steps.map { $0 + 1.1e-16 / $0 }
    var series: [Series] = []
    for (k, name) in ["forward", "backward"].enumerated() {
      series.append(
        Series("\(name): slope 1.00", x: steps, y: errors, color: k, marker: k, name: name))
      series.append(
        Series(
          "\(name): model", x: steps, y: model, style: .line, dash: .dashed, color: k,
          isGuide: true, legendGroup: "dashed: error model"))
    }
    return Panel(
      xAxis: Axis("h", scale: .log10), yAxis: Axis("|error|", scale: .log10), series: series,
      spans: [
        Span("forward fit range", x: 1e-6...1e-2, color: 0, legendGroup: "shaded: fit range"),
        Span("backward fit range", x: 1e-6...1e-2, color: 1, legendGroup: "shaded: fit range"),
      ], legend: .outsideRight)
  }

  static func layout(_ figure: Figure) throws -> FigurePainter.Layout {
    let plans = try figure.panels.enumerated().map { try PanelPlan($1, index: $0) }
    let painter = Painter(width: figure.width, height: figure.height, fontScale: figure.fontScale)
    return FigurePainter(figure: figure, plans: plans, painter: painter).layout()
  }

  static func panels(_ layout: FigurePainter.Layout) -> [PanelLayout] {
    layout.items.compactMap {
      if case .panel(let p) = $0 { return p }
      return nil
    }
  }

  // MARK: Guides and names

  @Test func modelCurvesNeverGetCoincidenceNotesAndNotesUseShortNames() throws {
    let figure = Figure(panels: [Self.convergencePanel()], width: 1600, height: 1000)
    let p = try #require(Self.panels(try Self.layout(figure)).first)
    let labels = p.legend.entries.map(\.label)
    #expect(labels.contains("backward: slope 1.00 (= forward)"), "\(labels)")
    #expect(!labels.contains { $0.contains("model (") || $0.contains("slope 1.00)") }, "\(labels)")
    // Model curves are guides: drawn as given, with no remark.
    for (series, drawing) in zip(figure.panels[0].series, p.drawings) where series.isGuide {
      #expect(drawing.remark == nil && drawing.dash == .dashed)
    }
  }

  @Test func groupedSeriesAndSpansShareOneGreyLegendEntryEach() throws {
    let figure = Figure(panels: [Self.convergencePanel()], width: 1600, height: 1000)
    let p = try #require(Self.panels(try Self.layout(figure)).first)
    let labels = p.legend.entries.map(\.label)
    // Forward is labelled at its line; the legend has the rest.
    #expect(p.directLabels.values.map(\.text) == ["forward: slope 1.00"])
    #expect(labels.count == 3, "\(labels)")
    #expect(labels.filter { $0 == "dashed: error model" }.count == 1)
    #expect(labels.filter { $0 == "shaded: fit range" }.count == 1)
    #expect(labels.last == "shaded: fit range")
  }

  @Test func aShortPathLyingOnALongOneIsDrawnOnTopOfIt() {
    // A slow path (a few points near the start) and a diverging one through it, on a line.
    let slow = (0..<5).map { PixelPoint(x: 100 + Double($0) * 5, y: 100 + Double($0) * 5) }
    let long = (0..<12).map { k -> PixelPoint in
      let d = Double(k % 2 == 0 ? k : -k) * 30
      return PixelPoint(x: 200 + d, y: 200 + d)
    }
    let order = Coincidence.order([slow, long], joined: [true, true], guides: [false, false])
    #expect(order == [1, 0])
    #expect(
      Coincidence.order([long, slow], joined: [true, true], guides: [false, false]) == [0, 1])
  }

  // MARK: Shared legend

  static func precisionFigure(slopes: Bool) -> Figure {
    let panels = [1.0, 2.0].map { order -> Panel in
      Panel(
        title: "order \(Int(order))", xAxis: Axis("h", scale: .log10),
        yAxis: Axis("|error|", scale: .log10),
        series: ["single", "double"].enumerated().map { k, name in
          Series(
            slopes ? "\(name): slope \(order + Double(k) / 10)" : name, x: steps,
            y: steps.enumerated().map {
              SampleFigures.error(order: order, constant: 1 + Double(k), h: $1, k: $0)
            }, color: k, marker: k)
        }, legend: .outsideRight, notes: ["dotted: best h observed", "slopes \(order)"])
    }
    return Figure(panels: panels + panels, columns: 2, width: 1600, height: 1000)
  }

  @Test func panelsWithTheSameLegendShareOneAndRepeatedNotesGoOnce() throws {
    let layout = try Self.layout(Self.precisionFigure(slopes: false))
    let shared = try #require(layout.sharedLegend)
    #expect(shared.box.entries.map(\.label) == ["single", "double"])
    #expect(shared.box.columns >= 2)
    for p in Self.panels(layout) {
      #expect(p.legendFrame == nil)
      #expect(!p.notes.contains("dotted: best h observed"))
      #expect(p.notes.contains { $0.hasPrefix("slopes") })
    }
    #expect(layout.sharedNotes == ["dotted: best h observed"])
  }

  @Test func aSharedLegendTakesTheGridsEmptyCell() throws {
    var figure = Self.precisionFigure(slopes: false)
    figure.panels.removeLast()
    let layout = try Self.layout(figure)
    let shared = try #require(layout.sharedLegend)
    let panels = Self.panels(layout)
    #expect(panels.count == 3)
    // Right of the third panel, within its row: no strip under the grid.
    #expect(shared.frame.x >= panels[2].cell.maxX - 1)
    #expect(shared.frame.y >= panels[2].cell.y - 1)
    #expect(shared.frame.maxY <= panels[2].cell.maxY + 1)
    // The panel above the legend writes the x label of its column; its row-mate keeps the
    // room, so the two axes line up.
    #expect(!panels[1].plan.panel.xAxis.label.isEmpty && panels[0].plan.panel.xAxis.label.isEmpty)
    #expect(abs(panels[0].axes.height - panels[1].axes.height) < 1)
    // The four-panel figure has no empty cell and keeps the strip under the grid.
    let full = try Self.layout(Self.precisionFigure(slopes: false))
    let strip = try #require(full.sharedLegend)
    #expect(Self.panels(full).allSatisfy { strip.frame.y >= $0.cell.maxY - 1 })
    #expect(panels[2].cell.height > Self.panels(full)[2].cell.height)
  }

  @Test func rowsOfAGridHaveAxesOfOneHeight() throws {
    // Only the bottom row writes the shared x label; its cells are taller by it.
    let panels = Self.panels(try Self.layout(Self.precisionFigure(slopes: false)))
    #expect(panels[0].plan.panel.xAxis.label.isEmpty && panels[2].plan.panel.xAxis.label == "h")
    let heights = panels.map(\.axes.height)
    // Their notes differ in number (a coincidence note on the right): the row reserves the most.
    #expect(heights.max()! - heights.min()! < 1, "\(heights)")
    #expect(panels[2].cell.height > panels[0].cell.height)
  }

  @Test func aTitleWiderThanThePageIsSetSmaller() throws {
    var figure = Self.precisionFigure(slopes: false)
    (figure.width, figure.height, figure.fontScale) = (800, 600, 2)
    figure.title = "미분 계수: f(x) = 2x² + 4eˣ + 15의 전방, 후방, 중앙 차분"
    let plans = try figure.panels.enumerated().map { try PanelPlan($1, index: $0) }
    let painter = Painter(width: figure.width, height: figure.height, fontScale: figure.fontScale)
    let figurePainter = FigurePainter(figure: figure, plans: plans, painter: painter)
    let title = try #require(figure.title)
    let em = figurePainter.acrossPage(title, em: HouseStyle.figureTitleEm)
    #expect(em < HouseStyle.figureTitleEm)
    #expect(painter.textWidth(title, em: em) <= painter.page.width * 0.96 + 1)
    #expect(figurePainter.acrossPage("short", em: 20) == 20)
  }

  @Test func panelsWithDifferentLegendsKeepTheirOwn() throws {
    let layout = try Self.layout(Self.precisionFigure(slopes: true))
    #expect(layout.sharedLegend == nil)
    // Each labels its own series, at their lines or in a legend of its own.
    #expect(
      Self.panels(layout).allSatisfy { $0.legendFrame != nil || $0.directLabels.count == 2 })
  }

  // MARK: Log ticks

  @Test(arguments: [
    [30.0, 120, 400], [1, 2000], [3e-5, 4e-4], [1e-14, 1], [2e-3, 8e-3],
  ])
  func logTicksAreWholeDecadesOnly(_ values: [Double]) throws {
    for height in [120, 300, 900] {
      let panel = Panel(
        xAxis: Axis("x"), yAxis: Axis("count", scale: .log10),
        series: [Series("c", x: values.indices.map(Double.init), y: values)])
      let layout = try FigureRulesTests.layout(panel, width: 600, height: height)
      let labelled = layout.y.ticks.filter { !layout.y.label(atWorld: $0).isEmpty }
      #expect(labelled.count >= 2, "\(values) at \(height): \(labelled)")
      #expect(labelled.allSatisfy { $0 == $0.rounded() })
      #expect(layout.y.intermediateLogLabels.isEmpty, "\(values) at \(height)")
    }
  }

  // MARK: Width and viewports

  /// The partials slice figure: a surface beside a tall equal-aspect slice with its legend.
  static var sliceFigure: Figure {
    let ts = (0...80).map { Double($0) / 20 }
    let flat = Panel(
      title: "slice y = −1: z = f(x, −1)", xAxis: Axis("x"), yAxis: Axis("z"),
      series: [
        Series("f on the plane y = −1", x: ts, y: ts.map { $0 * $0 + 2 }, style: .line),
        Series(
          "tangent, slope 4", x: [1, 3], y: [2, 10], style: .line, dash: .dashed, color: 1),
      ], legend: .outsideRight, equalAspect: true)
    var surface = SampleFigures.surface.panels[0]
    surface.equalAspect = true
    return Figure(
      title: "The partial derivative", panels: [surface, flat], columns: 2, width: 1600,
      height: 1000, fontScale: 1.3)
  }

  @Test func aPanelMadeNarrowByEqualAspectGivesItsWidthAway() throws {
    let figure = Self.sliceFigure
    let layout = try Self.layout(figure)
    let flat = try #require(Self.panels(layout).first)
    guard case .surface(let cell) = layout.items[0] else {
      Issue.record("the surface is not laid out first")
      return
    }
    // The slice keeps its equal aspect and the surface takes what it does not use.
    #expect(abs(flat.axes.width / flat.axes.height - flat.x.span / flat.y.span) < 0.01)
    let used = cell.width + flat.usedWidth
    #expect(used >= 0.85 * Double(figure.width), "\(used) of \(figure.width)")
    #expect(cell.width > 0.5 * Double(figure.width))
  }

  @Test func anEqualAspectPanelAloneIsCentred() throws {
    var figure = SampleFigures.contour
    figure.panels[0].equalAspect = true
    figure.panels[0].legend = .outsideRight
    figure.width = 1600
    figure.height = 1000
    let p = try #require(Self.panels(try Self.layout(figure)).first)
    let left = p.axes.x - p.cell.x
    let right = p.cell.maxX - (p.cell.x + p.usedWidth)
    #expect(left > 0.1 * p.cell.width, "left \(left)")
    #expect(right < left, "right \(right), left \(left)")
  }

  static let sizes = [(320, 240), (4000, 3000), (320, 3000), (4000, 240), (1600, 1000)]

  @Test(arguments: [0.25, 1, 1.3, 8])
  func viewportsAreValidAtEverySize(_ fontScale: Double) throws {
    let figures =
      SampleFigures.all.map(\.1) + [Self.sliceFigure, Self.precisionFigure(slopes: false)]
      + [Figure(panels: [Self.convergencePanel()])]
    for (w, h) in Self.sizes {
      let painter = Painter(width: w, height: h, fontScale: fontScale)
      for var figure in figures {
        (figure.width, figure.height, figure.fontScale) = (w, h, fontScale)
        let layout = try Self.layout(figure)
        var rects = Self.panels(layout).map(\.axes)
        rects += Self.panels(layout).compactMap(\.legendFrame)
        for rect in rects {
          #expect(rect.width > 0 && rect.height > 0, "\(w)x\(h) ×\(fontScale): \(rect)")
          let v = painter.limits(rect)
          #expect(0 <= v.xmin && v.xmin < v.xmax && v.xmax <= 1)
          #expect(0 <= v.ymin && v.ymin < v.ymax && v.ymax <= 1)
        }
      }
    }
  }

  @Test func limitsOfADegenerateRectangleAreStillValid() {
    let painter = Painter(width: 320, height: 240)
    for rect in [
      Rect(x: 100, y: 100, width: -50, height: -10), Rect(x: -40, y: 300, width: 10, height: 0),
      Rect(x: .nan, y: 0, width: 1, height: 1), Rect(x: 319.9, y: 239.9, width: 5, height: 5),
    ] {
      let v = painter.limits(rect)
      #expect(0 <= v.xmin && v.xmin < v.xmax && v.xmax <= 1, "\(rect)")
      #expect(0 <= v.ymin && v.ymin < v.ymax && v.ymax <= 1, "\(rect)")
    }
  }

  @Test(arguments: [(320, 240, 8.0), (4000, 3000, 0.25), (320, 240, 0.25), (4000, 3000, 8.0)])
  func extremeSizesRender(_ width: Int, _ height: Int, _ fontScale: Double) throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var figure = Self.precisionFigure(slopes: true)
    (figure.width, figure.height, figure.fontScale) = (width, height, fontScale)
    let report = try Renderer.render(
      figure, to: directory.appendingPathComponent("x"), formats: [.png])
    #expect(report.files.count == 1)
  }
}
