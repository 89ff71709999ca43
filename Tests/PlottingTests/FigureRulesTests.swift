import Foundation
import Testing

@testable import Plotting

/// The figure model's rules, checked on the values the layout computes (no rasterizing).
@Suite("Figure rules")
struct FigureRulesTests {
  static func layout(_ panel: Panel, width: Int = 1200, height: Int = 900, fontScale: Double = 1)
    throws -> PanelLayout
  {
    let metrics = PageMetrics(width: width, height: height, fontScale: fontScale)
    let cell = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
    return PanelLayout(plan: try PanelPlan(panel, index: 0), metrics: metrics, cell: cell)
  }

  // MARK: Coinciding series

  @Test func coincidingSeriesGetAnotherDashAlternatingMarkersAndALegendNote() {
    let a = (0..<20).map { PixelPoint(x: Double($0) * 30, y: 400 - Double($0) * 10) }
    let b = a.map { PixelPoint(x: $0.x, y: $0.y + 0.2) }  // a fifth of a pixel away
    let c = a.map { PixelPoint(x: $0.x, y: $0.y + 40) }
    let d = Coincidence.drawings(
      [a, b, c], labels: ["backward", "forward", "central"], dashes: [.solid, .solid, .solid],
      joined: [true, true, true])
    #expect(d[0].dash == .solid && d[1].dash == .dashed && d[2].dash == .solid)
    #expect(d[1].label == "forward (= backward)" && d[0].label == "backward")
    #expect(d[2].label == "central" && d[2].markerAt.allSatisfy { $0 })
    // Each shared point shows one of the two markers, alternately.
    for i in 0..<20 {
      #expect(d[0].markerAt[i] != d[1].markerAt[i])
      #expect(d[0].markerAt[i] == (i % 2 == 0))
    }
  }

  @Test func markersOnALineThatDrawsNoneKeepEveryMarker() {
    // Measured points (markers only) on a line through them (no markers): nothing alternates
    // with the points' markers, so every one is drawn; two marked series on it still alternate.
    let points = (0..<6).map { PixelPoint(x: Double($0) * 80, y: 500 - Double($0) * 60) }
    let d = Coincidence.drawings(
      [points, points, points], labels: ["asymptotic", "fit", "again"],
      dashes: [.solid, .solid, .solid], joined: [false, true, false],
      marked: [true, false, true])
    #expect(d[0].markerAt.indices.allSatisfy { d[0].markerAt[$0] != d[2].markerAt[$0] })
    let alone = Coincidence.drawings(
      [points, points], labels: ["asymptotic", "fit"], dashes: [.solid, .solid],
      joined: [false, true], marked: [true, false])
    #expect(alone[0].markerAt.allSatisfy { $0 })
  }

  @Test func pathsWithinAPixelAreNearlyEqualAndPathsThatVisiblyDifferAreNot() {
    let a = (0..<40).map { PixelPoint(x: Double($0) * 15, y: 400 - Double($0) * 8) }
    let near = a.map { PixelPoint(x: $0.x, y: $0.y + 0.8) }
    // Most points on a, but a stretch of eight bends 3 pixels off: the eye sees two lines.
    let apart = a.enumerated().map { k, p in
      PixelPoint(x: p.x, y: p.y + ((20..<28).contains(k) ? 3 : 0))
    }
    // A path along the first half of a only: it shares a stretch, it is not a.
    let half = Array(a.prefix(20))
    let d = Coincidence.drawings(
      [a, near, apart, half], labels: ["η = 0.001", "η = 0.01", "η = 0.03", "η = 0.1"],
      dashes: [.solid, .solid, .solid, .solid], joined: [true, true, true, true])
    #expect(d[1].label == "η = 0.01 (≈ η = 0.001)")
    #expect(d[2].label == "η = 0.03" && d[2].remark == nil)
    #expect(d[3].label == "η = 0.1" && d[3].remark == nil)
  }

  @Test func seriesSharingOnlyAFewPointsAreLeftAlone() {
    let a = (0..<20).map { PixelPoint(x: Double($0) * 30, y: 400) }
    // Meets a at 5 of its 20 points, far from it elsewhere.
    let b = (0..<20).map { PixelPoint(x: Double($0) * 30, y: $0 < 5 ? 400 : 300) }
    let d = Coincidence.drawings(
      [a, b], labels: ["a", "b"], dashes: [.solid, .solid], joined: [true, true])
    #expect(d[1].dash == .solid && d[1].label == "b")
  }

  @Test func aDashedSeriesOverADashedOneTakesAThirdPattern() {
    let a = (0..<10).map { PixelPoint(x: Double($0) * 40, y: 100) }
    let d = Coincidence.drawings(
      [a, a, a], labels: ["analytic", "central", "forward"], dashes: [.solid, .dashed, .dashed],
      joined: [true, true, true])
    #expect(Set([d[0].dash, d[1].dash, d[2].dash]).count == 3)
    #expect(d[2].label == "forward (= analytic)")
    // Three members: each shared point shows exactly one of the three markers.
    for i in 0..<10 { #expect([d[0], d[1], d[2]].count { $0.markerAt[i] } == 1) }
  }

  @Test func theLossCurvesOfTwoRatesThatShrinkAlikeAreToldApart() throws {
    let k = (0...60).map(Double.init)
    let panel = Panel(
      xAxis: Axis("step k"), yAxis: Axis("f", scale: .log10),
      series: [0.1, 0.9].map { rate in
        Series("η = \(rate)", x: k, y: k.map { 25 * pow(abs(1 - 2 * rate), 2 * $0) }, style: .line)
      })
    let layout = try Self.layout(panel)
    #expect(layout.drawings[1].dash != layout.drawings[0].dash)
    #expect(layout.drawings[1].label == "η = 0.9 (= η = 0.1)")
    // The first is labelled at its line, the one on it in the legend.
    #expect(layout.directLabels[0]?.text == "η = 0.1")
    #expect(layout.legend.entries.map(\.label) == ["η = 0.9 (= η = 0.1)"])
  }

  // MARK: Equal aspect

  @Test(arguments: [(1200, 900), (1600, 1000), (900, 1200)])
  func circlesOfAContourMapAreCircles(_ width: Int, _ height: Int) throws {
    let grid = Grid2D(x: -4...4, y: -3...3, nx: 41, ny: 31) { $0 * $0 + $1 * $1 }
    let circle = (0...72).map { Double($0) * .pi / 36 }
    let panel = Panel(
      xAxis: Axis("x_{0}"), yAxis: Axis("x_{1}"),
      series: [Series("r = 2", x: circle.map { 2 * cos($0) }, y: circle.map { 2 * sin($0) })],
      legend: .outsideRight, content: .contour(grid, levels: .count(8)), equalAspect: true)
    let layout = try Self.layout(panel, width: width, height: height)
    let pixels = panel.series[0].x.indices.map {
      layout.toPixel(WorldPoint(x: panel.series[0].x[$0], y: panel.series[0].y[$0]))
    }
    let wide = pixels.map(\.x).max()! - pixels.map(\.x).min()!
    let tall = pixels.map(\.y).max()! - pixels.map(\.y).min()!
    #expect(abs(wide / tall - 1) < 0.01, "\(wide) x \(tall)")
    #expect(layout.axes.width / layout.axes.height > 1.3)  // 8 by 6 units
    let legend = try #require(layout.legendFrame)
    // Outside the axes: beside them, or under them in a tall cell; inside the canvas.
    #expect(legend.x >= layout.axes.maxX || legend.y >= layout.axes.maxY)
    #expect(legend.maxX <= Double(width) && legend.maxY <= Double(height))
  }

  @Test func withoutEqualAspectTheAxesFillTheCell() throws {
    let grid = Grid2D(x: -4...4, y: -4...4, nx: 11, ny: 11) { $0 * $0 + $1 * $1 }
    let panel = Panel(
      xAxis: Axis("x"), yAxis: Axis("y"), content: .contour(grid, levels: .count(4)))
    let layout = try Self.layout(panel)
    #expect(layout.axes.width / layout.axes.height > 1.2)
  }

  @Test func aSurfaceOfSharedUnitsKeepsTheGridRatioOnItsBase() {
    #expect(SurfacePainter.base(x: 8, y: 4, equal: true) == (x: 1, y: 0.5))
    #expect(SurfacePainter.base(x: 8, y: 4, equal: false) == (x: 1, y: 1))
    #expect(SurfacePainter.base(x: 1, y: 100, equal: true) == (x: 0.2, y: 1))
  }

  // MARK: Legend placement

  /// In every sample panel the legend box covers no data pixel.
  @Test(arguments: SampleFigures.all.map(\.0) + SampleFigures.issueCases.map(\.0))
  func theLegendCoversNoData(_ name: String) throws {
    let figure = try #require(
      (SampleFigures.all + SampleFigures.issueCases).first { $0.0 == name }?.1)
    for panel in figure.panels {
      guard case .surface3D = panel.content else {
        let layout = try Self.layout(
          panel, width: figure.width / figure.columns, height: figure.height)
        guard let frame = layout.legendFrame else { continue }
        let covered = layout.occupiedPixels().count { frame.contains($0.x, $0.y) }
        #expect(covered == 0, "\(name) '\(panel.title)': \(covered) pixels under the legend")
        #expect(frame.maxX <= Double(figure.width / figure.columns) + 0.5)
        continue
      }
    }
  }

  @Test func aPanelFullOfDataPutsTheLegendOutside() throws {
    let x = (0...400).map { Double($0) / 400 }
    let panel = Panel(
      xAxis: Axis("x"), yAxis: Axis("y"),
      series: (0..<12).map { k in
        Series("wave \(k)", x: x, y: x.map { sin(40 * $0 + Double(k)) }, style: .line)
      })
    let layout = try Self.layout(panel)
    let frame = try #require(layout.legendFrame)
    #expect(frame.x >= layout.axes.maxX)
  }

  @Test func aCornerAskedForGivesWayWhenItWouldCoverData() throws {
    let x = (0...40).map { Double($0) / 40 }
    // Data high on the left, low on the right: the upper left corner is full.
    let panel = Panel(
      xAxis: Axis("x"), yAxis: Axis("y"), series: [Series("s", x: x, y: x.map { 1 - $0 })],
      legend: .upperLeft)
    let layout = try Self.layout(panel)
    let frame = try #require(layout.legendFrame)
    #expect(layout.occupiedPixels().count { frame.contains($0.x, $0.y) } == 0)
    #expect(frame.x > layout.axes.x + layout.axes.width / 2)
    // Where it is free, the corner asked for is kept.
    let free = Panel(
      xAxis: Axis("x"), yAxis: Axis("y"), series: [Series("s", x: x, y: x)], legend: .upperLeft)
    let kept = try Self.layout(free)
    #expect(
      kept.legendFrame?.x
        == LegendBox(entries: kept.legend.entries, painter: Painter(width: 1200, height: 900))
        .frame(in: kept.axes, placement: .upperLeft)?.x)
  }

  @Test func histogramLegendAvoidsTheTallestBars() throws {
    let values = (0..<500).map { i in -8 + 2 * sin(Double(i)) * cos(0.37 * Double(i)) }
    let panel = Panel(
      xAxis: Axis("log_{10} error"), yAxis: Axis("count"),
      series: [Series.histogram("W_{1}", values: values, bins: 24)])
    let layout = try Self.layout(panel)
    let frame = try #require(layout.legendFrame)
    #expect(layout.occupiedPixels().count { frame.contains($0.x, $0.y) } == 0)
  }

  // MARK: Shades

  @Test func everyLabelledSpanIsInTheLegendAsATintOfItsColourNeverHatched() throws {
    let h = (0...20).map { pow(10, -10 + 0.5 * Double($0)) }
    let panel = Panel(
      xAxis: Axis("h", scale: .log10), yAxis: Axis("e", scale: .log10),
      series: [Series("forward", x: h, y: h)],
      spans: [
        Span("forward fit", x: 1e-6...1e-1, color: 0),
        Span("central fit", x: 1e-4...1e-1, color: 1),
      ])
    let layout = try Self.layout(panel)
    // Overlapping spans once took hatching at two angles; a legend box is now only a colour.
    let shades = layout.legend.entries.compactMap { entry -> HouseStyle.RGB? in
      if case .box(let rgb) = entry.sample { return rgb }
      return nil
    }
    #expect(shades == [HouseStyle.color(0), HouseStyle.color(1)])
  }

  // MARK: Ranges and what is not drawn

  @Test func theXAxisShowsTheWholeSweepAndTheNoteSaysWhatIsMissing() throws {
    let h = (0...44).map { pow(10, -12 + Double($0) / 4) }
    // Central differences of a quadratic: exactly zero error at the smallest steps.
    let error = h.map { $0 < 1e-8 ? 0 : 1e-16 / $0 }
    let panel = Panel(
      xAxis: Axis("h", scale: .log10), yAxis: Axis("|error|", scale: .log10),
      series: [Series("central", x: h, y: error)])
    let plan = try PanelPlan(panel, index: 0)
    #expect(plan.x.lower <= -12 && plan.x.upper >= -1)
    #expect(plan.series[0].segments.count == 1)  // one unbroken curve
    let en = PanelLayout.undrawnNote(plan, words: .english)
    #expect(en == ["Not drawn at their value — central: 16 at 0 or ±∞, marked at the edge"])
    #expect(
      PanelLayout.undrawnNote(plan, words: SampleFigures.koreanWords)
        == ["제 값에 그리지 못한 점 — central: 16개는 0 또는 ±∞라 가장자리에 표시"])
    // The panel's legend explains the edge marks, so its note leaves them out; without a
    // legend, the note says it.
    let layout = try Self.layout(panel)
    #expect(layout.notes.isEmpty)
    #expect(layout.legend.entries.map(\.label) == [FigureWords.english.edgeMark])
    var bare = panel
    bare.legend = .none
    #expect(try Self.layout(bare).notes == en)
    // Series with the same counts share one entry.
    let three = Panel(
      xAxis: Axis("h", scale: .log10), yAxis: Axis("|error|", scale: .log10),
      series: ["forward", "backward", "central"].map { Series($0, x: h, y: error) }
        + [Series("central4", x: h, y: h.map { $0 < 1e-10 ? 0 : $0 })])
    let shared = try PanelPlan(three, index: 0)
    #expect(
      PanelLayout.undrawnNote(shared, words: .english)
        == [
          "Not drawn at their value — forward, backward, central: 16 each at 0 or ±∞, marked at"
            + " the edge; central4: 8 at 0 or ±∞, marked at the edge"
        ])
    #expect(
      PanelLayout.undrawnNote(shared, words: SampleFigures.koreanWords)
        == [
          "제 값에 그리지 못한 점 — forward, backward, central: 각 16개는 0 또는 ±∞라 가장자리에 표시;"
            + " central4: 8개는 0 또는 ±∞라 가장자리에 표시"
        ])
    // The curve leaves through the bottom once: one edge mark.
    #expect(layout.edgeMarks.map(\.side) == [.bottom])
  }

  /// A line past a fixed axis's range leaves it at an edge mark, and the note counts its
  /// points there; a guide running past it is not counted.
  @Test func theNoteCountsALinePastAFixedRange() throws {
    let x = (0...10).map(Double.init)
    let panel = Panel(
      xAxis: Axis("step"), yAxis: Axis("loss", range: 0...3),
      series: [
        Series("η = 8", x: x, y: x.map { $0 < 3 ? 2 + 2 * $0 : 2.5 }, style: .line),
        Series("η = 0.1", x: x, y: x.map { 2.5 - 0.2 * $0 }, style: .line),
        Series("O(h)", x: x, y: x.map { 5 * $0 }, style: .line, isGuide: true),
      ])
    let plan = try PanelPlan(panel, index: 0)
    #expect(plan.series.map(\.beyond) == [2, 0, 0])  // 4 and 6 at x = 1 and 2; 3 is on the edge
    expectNote(
      plan, "η = 8: 2 beyond the axes, marked where the line leaves them",
      "η = 8: 2개는 축 밖이라 선이 나가는 곳에 표시")
    // Two lines of one name (its paths by two gradients) are counted together, named once.
    var twice = panel
    twice.series.insert(panel.series[0], at: 1)
    #expect(
      PanelLayout.undrawnNote(try PanelPlan(twice, index: 0), words: .english) == [
        "Not drawn at their value — η = 8: 4 beyond the axes, marked where the line leaves them"
      ])
  }

  /// Markers past a fixed axis's range are not drawn (no line leaves to mark them), and the
  /// note says so: the count the painter leaves out, a marker on the edge drawn and not counted.
  @Test func theNoteCountsMarkersPastAFixedRange() throws {
    let x = (0...6).map(Double.init)
    let panel = Panel(
      xAxis: Axis("step"), yAxis: Axis("order", range: 0...3),
      series: [
        Series("fitted", x: x, y: [1, 2, 3, 4, 5, -1, 2], style: .markers),
        Series("expected", x: x, y: x.map { _ in 2 }, style: .line),
      ])
    let plan = try PanelPlan(panel, index: 0)
    #expect(plan.series.map(\.hidden) == [3, 0])  // 4, 5 and -1; 3 is on the edge
    #expect(plan.series.map(\.beyond) == [0, 0])
    expectNote(plan, "fitted: 3 beyond the axes, not drawn", "fitted: 3개는 축 밖이라 그리지 않음")
  }

  /// The panel's note on undrawn points is the one line `english` (after its head) and, in
  /// Korean, `korean`.
  private func expectNote(
    _ plan: PanelPlan, _ english: String, _ korean: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      PanelLayout.undrawnNote(plan, words: .english)
        == [FigureWords.english.undrawnHead + english], sourceLocation: sourceLocation)
    #expect(
      PanelLayout.undrawnNote(plan, words: SampleFigures.koreanWords)
        == [SampleFigures.koreanWords.undrawnHead + korean], sourceLocation: sourceLocation)
  }

  /// A note is wrapped to what one text call draws, however wide the page: no line is cut.
  @Test func noNoteLineIsLongerThanOneTextCallDraws() {
    let note = (1...40).map { "series \($0): 1 beyond the axes" }.joined(separator: "; ")
    let metrics = PageMetrics(width: 20_000, height: 1000)
    let lines = PanelLayout.wrapped([note], width: 19_000, metrics: metrics)
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { $0.count <= Markup.maximumCharacters })
    #expect(lines.joined(separator: " ") == note)
  }

  @Test func aDeclaredRangeWidensTheAxis() throws {
    let panel = Panel(
      xAxis: Axis("h", scale: .log10), yAxis: Axis("e", scale: .log10),
      series: [Series("s", x: [1e-6, 1e-3], y: [1, 2], xRange: 1e-12...1e-1)])
    let plan = try PanelPlan(panel, index: 0)
    #expect(plan.x.lower <= -12 && plan.x.upper >= -1)
  }

  @Test func aDivergingPathIsMarkedWhereItLeavesTheFrame() throws {
    let xs: [Double] = [1, -1.5, 2.2, -3.5, 5]
    let panel = Panel(
      xAxis: Axis("x_{0}", range: -4...4), yAxis: Axis("x_{1}", range: -4...4),
      series: [Series("η = 1.05", x: xs, y: xs)], equalAspect: true)
    let layout = try Self.layout(panel)
    let marks = layout.edgeMarks
    #expect(marks.count == 1)
    let corner = layout.toPixel(WorldPoint(x: 4, y: 4))
    #expect(abs(marks[0].point.x - corner.x) < 1 && abs(marks[0].point.y - corner.y) < 1)
    let exits = FrameExits.exits(
      [WorldPoint(x: 0, y: 0), WorldPoint(x: 10, y: 1)], x: -4...4, y: -4...4)
    #expect(exits.count == 1 && exits[0].side == .right && abs(exits[0].point.y - 0.4) < 1e-12)
  }

  @Test func anEmptyPanelIsSaidToBeEmpty() throws {
    let panel = Panel(
      xAxis: Axis(), yAxis: Axis("e", scale: .log10), series: [Series("b2", x: [], y: [])])
    #expect(try PanelPlan(panel, index: 0).isEmpty)
  }

  // MARK: Ticks

  @Test func epochsGetWholeTicks() throws {
    let epochs = (1...20).map { Double($0) / 4 }  // 0.25 ... 5
    let panel = Panel(
      xAxis: Axis("epoch", isInteger: true), yAxis: Axis("loss"),
      series: [Series("loss", x: epochs, y: epochs.map { 2 / $0 })])
    for width in [1200, 500, 300] {
      let layout = try Self.layout(panel, width: width, height: 400)
      #expect(layout.x.step >= 1 && layout.x.step == layout.x.step.rounded(), "\(layout.x.step)")
    }
    // Data that are all whole numbers count as an integer quantity by themselves.
    let steps = Panel(
      xAxis: Axis("step"), yAxis: Axis("f"),
      series: [Series("f", x: [0, 1, 2, 3], y: [4, 3, 2, 1])])
    #expect(try PanelPlan(steps, index: 0).x.step == 1)
  }

  @Test func aLogAxisOfLittleMoreThanADecadeHasSeveralLabels() throws {
    let panel = Panel(
      xAxis: Axis("x"), yAxis: Axis("count", scale: .log10),
      series: [Series("c", x: [1, 2, 3], y: [30, 120, 400])])
    let layout = try Self.layout(panel)
    // Widened to whole decades (10 to 1000): labels at powers of ten only.
    let decades = layout.y.ticks.filter { !layout.y.label(atWorld: $0).isEmpty }
    #expect(decades == [1, 2, 3])
    #expect(layout.y.intermediateLogLabels.isEmpty)
  }

  @Test func anAccuracyAxisCanIncludeZeroAndOne() throws {
    let panel = Panel(
      xAxis: Axis("epoch"), yAxis: Axis("accuracy", including: [0, 1]),
      series: [Series("test", x: [1, 2, 3], y: [0.49, 0.58, 0.64])])
    let plan = try PanelPlan(panel, index: 0)
    #expect(plan.y.lower <= 0 && plan.y.upper >= 1)
  }

  // MARK: Text and options

  @Test func textIsMovedInsideTheCanvas() {
    #expect(Painter.clampedLeft(1150, width: 100, within: 0...1200) == 1100)
    #expect(Painter.clampedLeft(-30, width: 100, within: 0...1200) == 0)
    #expect(Painter.clampedLeft(500, width: 100, within: 0...1200) == 500)
  }

  @Test func fontScaleScalesTextAndLegend() throws {
    let panel = SampleFigures.twoPanels.panels[1]
    let base = try Self.layout(panel, width: 1600, height: 1000)
    let big = try Self.layout(panel, width: 1600, height: 1000, fontScale: 1.3)
    let ratio = big.legend.width / base.legend.width
    // Glyph advances are rounded up to whole pixels at each size: a little over 1.3.
    #expect(abs(ratio - 1.3) < 0.06, "\(ratio)")
  }

  @Test func hangulIsMeasuredFromACJKFont() {
    // Noto Sans CJK KR sets a Hangul syllable about 0.92 em wide; a character no font has
    // is measured as DejaVu's missing-glyph box, 0.6 em.
    let em = 20.0
    let hangul = TextMetrics.width(of: "간격", em: em)
    let box = TextMetrics.width(of: "\u{10FFFD}\u{10FFFD}", em: em)  // no font has it
    #expect((0.85...1.05).contains(hangul / (2 * em)), "\(hangul)")
    #expect(abs(box / (2 * em) - 0.6) < 0.05, "\(box)")
    #expect(TextMetrics.scriptRuns("간격 h").map(\.cjk) == [true, false])
  }

  @Test func optionsSetTitleSizeScaleAndLanguage() {
    let figure = Figure(title: "f(x) = e^{x} at x = 1", panels: [], width: 1200, height: 900)
    let options = FigureOptions(
      title: "전방 차분과 중앙 차분", size: (1600, 1000), fontScale: 1.3,
      words: SampleFigures.koreanWords)
    let applied = figure.applying(options)
    #expect(applied.title == "전방 차분과 중앙 차분" && applied.subtitle == "f(x) = e^{x} at x = 1")
    #expect(applied.width == 1600 && applied.height == 1000 && applied.fontScale == 1.3)
    #expect(applied.words == SampleFigures.koreanWords)
    #expect(figure.applying(FigureOptions()).width == 1200)
  }

  @Test func aSharedLegendExplainsTheEdgeMarksOfEveryPanel() throws {
    let h = (0...44).map { pow(10, -12 + Double($0) / 4) }
    let error = h.map { $0 < 1e-8 ? 0 : 1e-16 / $0 }
    let panels = ["∂f/∂x", "∂f/∂y"].map { y in
      Panel(
        xAxis: Axis("h", scale: .log10), yAxis: Axis(y, scale: .log10),
        series: [Series("central", x: h, y: error), Series("forward", x: h, y: h)])
    }
    let layout = try FigureLayout(Figure(panels: panels, columns: 2, width: 1600, height: 700))
    let (box, _) = try #require(layout.cells.sharedLegend)
    #expect(box.entries.map(\.label).contains(FigureWords.english.edgeMark))
    for (panel, _) in layout.panels { #expect(panel.notes.isEmpty, "\(panel.notes)") }
  }

  @Test func wrappingNeverCutsAnEquationAtItsSign() {
    let metrics = PageMetrics(width: 1200, height: 900, fontScale: 1)
    let note = "error ≈ 0.167 h² (c₃ = 1/6, f'''(x) = -1) and f''(x) = 0 at this point"
    for width in stride(from: 60.0, through: 400, by: 10) {
      let lines = PanelLayout.wrapped([note], width: width, metrics: metrics)
      #expect(lines.joined(separator: " ") == note)
      for line in lines {
        #expect(!line.hasPrefix("=") && !line.hasPrefix("≈") && !line.hasSuffix("="), "\(lines)")
      }
    }
  }
}
