import Foundation
import Testing

@testable import Plotting

/// The layout's room and placement rules at the default size and at slide size: axes' share
/// with a note beside the x label, axis labels with scripts clear of the tick labels, slope
/// guide labels and legends no line crosses, far-off paths clipped along their own line.
@Suite("Layout room")
struct LayoutRoomTests {
  static func resized(_ figure: Figure, slide: Bool) -> Figure {
    LayoutRulesTests.resized(figure, slide: slide)
  }

  /// A diverging descent on f = x0² + x1² from (-3, 4) with η = 1.1: every step flips through
  /// the origin and grows by 1.2, far beyond the frame.
  static var divergingPanel: Panel {
    var p = (x: -3.0, y: 4.0)
    var xs: [Double] = []
    var ys: [Double] = []
    for _ in 0..<60 {
      xs.append(p.x)
      ys.append(p.y)
      p = (-1.2 * p.x, -1.2 * p.y)
    }
    let slow = (0..<30).map { 1 - 0.02 * Double($0) }
    return Panel(
      xAxis: Axis("x_{0}", range: -4...1), yAxis: Axis("x_{1}", range: -0.5...4.5),
      series: [
        Series("η = 1.1: diverged", x: xs, y: ys, style: .line, color: 2),
        Series("η = 0.01: too slow", x: slow.map { -3 * $0 }, y: slow.map { 4 * $0 }, color: 0),
      ],
      equalAspect: true, notes: ["line style by gradient: central solid, user's gradient dashed"])
  }

  @Test(arguments: [false, true])
  func aPathFarOffTheFrameIsClippedAlongItsOwnLine(_ slide: Bool) throws {
    let figure = Self.resized(Figure(panels: [Self.divergingPanel]), slide: slide)
    let layout = try FigureLayout(figure)
    let (panel, _) = try #require(layout.panels.first)
    let origin = panel.toPixel(WorldPoint(x: 0, y: 0))
    let start = panel.toPixel(WorldPoint(x: -3, y: 4))
    let runs = panel.shown[0].segments.flatMap(panel.clippedRuns)
    #expect(!runs.isEmpty)
    for point in runs.joined() {
      // On the line through the origin and the start, inside the axes.
      let cross =
        (start.x - origin.x) * (point.y - origin.y) - (start.y - origin.y) * (point.x - origin.x)
      #expect(abs(cross) / hypot(start.x - origin.x, start.y - origin.y) < 1, "\(point)")
      let a = panel.axes
      #expect(point.x >= a.x - 1e-6 && point.x <= a.maxX + 1e-6)
      #expect(point.y >= a.y - 1e-6 && point.y <= a.maxY + 1e-6)
    }
  }

  @Test(arguments: [false, true])
  func noLineCrossesTheLegendAndScriptedAxisLabelsClearTheirTicks(_ slide: Bool) throws {
    let figure = Self.resized(Figure(panels: [Self.divergingPanel]), slide: slide)
    let layout = try FigureLayout(figure)
    let broken = LayoutRules.overlaps(layout.texts) + LayoutRules.crossings(layout)
    #expect(broken.isEmpty, "\(broken)")
  }

  // MARK: Room for the axes

  @Test(arguments: [false, true])
  func aSinglePanelKeepsSeventyPercentWithItsNoteBesideTheXLabel(_ slide: Bool) throws {
    let figure = Self.resized(LayoutRulesTests.seedsFigure, slide: slide)
    let layout = try FigureLayout(figure)
    #expect(layout.axesShare >= LayoutRules.minimumAxesShare, "\(layout.axesShare)")
    #expect(LayoutRules.axesShare(layout, figure: figure).isEmpty)
    let (panel, placement) = try #require(layout.panels.first)
    let beside = panel.noteBesideLabel
    #expect(beside)
    let label = try #require(placement.texts.first { $0.role == .axisLabel && !$0.vertical })
    let note = try #require(placement.texts.first { $0.role == .note })
    // On one line: the label at the axes' right end, the note from their left end.
    #expect(abs(label.y - note.y) < 1e-9)
    #expect(abs(label.box.maxX - panel.axes.maxX) < 1e-6)
    #expect(abs(note.box.x - panel.axes.x) < 1e-6)
    #expect(note.box.maxX < label.box.x)
    // The axes end where the last x tick label ends, not half a label short of the page.
    let ticks = placement.texts.filter { $0.role == .tickLabel && $0.box.y > panel.axes.maxY }
    let right = max(panel.axes.maxX, ticks.map(\.box.maxX).max() ?? 0)
    #expect(abs(right + panel.pad - panel.cell.maxX) < 1)
  }

  @Test func aNoteTooLongToSitBesideTheLabelGoesUnderIt() throws {
    var figure = LayoutRulesTests.seedsFigure
    // Wider than the axes: it wraps, and a note of two lines goes under the label.
    figure.panels[0].notes = [String(repeating: "a long note on what the ticks mean, ", count: 5)]
    let layout = try FigureLayout(figure)
    let (panel, placement) = try #require(layout.panels.first)
    let beside = panel.noteBesideLabel
    #expect(!beside)
    let label = try #require(placement.texts.first { $0.role == .axisLabel && !$0.vertical })
    #expect(placement.texts.filter { $0.role == .note }.allSatisfy { $0.box.y >= label.box.maxY })
    #expect(LayoutRules.overlaps(layout.texts).isEmpty)
  }

  // MARK: Tick labels

  /// A calibration square: estimate against error on log axes of equal aspect, under a title
  /// wider than the axes.
  static var calibrationFigure: Figure {
    let values = (0..<30).map { pow(10, -15 + Double($0) / 10) }
    let panel = Panel(
      title: "double precision: points above the diagonal (estimate = error) are covered",
      xAxis: Axis("|error|", scale: .log10), yAxis: Axis("estimate", scale: .log10),
      series: [Series("cases", x: values, y: values.map { $0 * 1.7 }, style: .markers)],
      referenceLines: [ReferenceLine("", slope: 1, through: (1e-14, 1e-14))], equalAspect: true)
    return Figure(title: "Calibration of the error estimates", panels: [panel])
  }

  @Test(arguments: [false, true])
  func tickLabelsAtTheCornerAndUnderATitleDoNotTouch(_ slide: Bool) throws {
    let layout = try FigureLayout(Self.resized(Self.calibrationFigure, slide: slide))
    let broken = LayoutRules.overlaps(layout.texts)
    #expect(broken.isEmpty, "\(broken)")
  }

  // MARK: Slope guides

  /// Two fourth-order schemes whose errors climb steeply at the right, a steep slope guide over
  /// the whole axes, round-off noise at the left: the guide's usual places are crossed.
  static var steepGuideFigure: Figure {
    let steps = SampleFigures.steps.filter { $0 <= 0.1 }
    let series = [("central4: slope 3.94", 0.4), ("richardson: slope 3.94", 0.05)].enumerated()
      .map { k, scheme in
        Series(
          scheme.0, x: steps,
          y: steps.enumerated().map {
            SampleFigures.error(order: 4, constant: scheme.1, h: $1, k: $0 + k)
          },
          color: k, marker: k)
      }
    var panel = Panel(
      xAxis: Axis("step h", scale: .log10), yAxis: Axis("|error|", scale: .log10), series: series,
      referenceLines: [ReferenceLine("O(h^{4})", slope: 4, through: (1e-2, 1e-7))],
      notes: ["ticks on the h axis: best h observed (dotted), predicted (dashed)"])
    panel.title = ""
    return Figure(
      title: "A deeply nested composition", panels: [panel],
      subtitle: "x = 0.3: error of f'(x) against h, double precision")
  }

  @Test(arguments: [false, true])
  func aSteepGuidesLabelIsCrossedByNoLine(_ slide: Bool) throws {
    let layout = try FigureLayout(Self.resized(Self.steepGuideFigure, slide: slide))
    let (_, placement) = try #require(layout.panels.first)
    #expect(placement.guides.compactMap(\.label).map(\.text) == ["O(h^{4})"])
    let broken = LayoutRules.overlaps(layout.texts) + LayoutRules.crossings(layout)
    #expect(broken.isEmpty, "\(broken)")
  }

  /// A second- and a sixth-order scheme, each with its slope guide over the whole axes: the
  /// steep guide beside the steep line runs where that line's label would go.
  static var twoGuidesFigure: Figure {
    let steps = (0...28).map { pow(10, -8 + Double($0) / 4) }
    let schemes = [("central: slope 2.00", 2.0, 0.3), ("seven-point: slope 6.00", 6.0, 0.02)]
    let series = schemes.enumerated().map { k, scheme in
      Series(
        scheme.0, x: steps,
        y: steps.enumerated().map {
          SampleFigures.error(order: scheme.1, constant: scheme.2, h: $1, k: $0 + 3 * k)
        }, color: k, marker: k)
    }
    let panel = Panel(
      xAxis: Axis("step h", scale: .log10), yAxis: Axis("|error|", scale: .log10), series: series,
      referenceLines: [
        ReferenceLine("O(h^{2})", slope: 2, through: (1e-1, 3e-2)),
        ReferenceLine("O(h^{6})", slope: 6, through: (1e-1, 2e-7)),
      ])
    return Figure(title: "A seven-point first-derivative stencil reaches order 6", panels: [panel])
  }

  @Test(arguments: [false, true])
  func labelsAtLinesAndSteepGuidesKeepClearOfEachOther(_ slide: Bool) throws {
    let layout = try FigureLayout(Self.resized(Self.twoGuidesFigure, slide: slide))
    let broken = LayoutRules.overlaps(layout.texts) + LayoutRules.crossings(layout)
    #expect(broken.isEmpty, "\(broken)")
  }

  /// An error curve of a V (round-off falling, truncation rising) with three long notes: under
  /// the axes at slide size they would leave the axes well under 70% of the page.
  static var notedPanel: Panel {
    let h = (0...40).map { pow(10, -12 + Double($0) / 4) }
    let reason =
      "forward, backward: f''(x) = 0 at this point: the h¹ term vanishes, next term is h²; "
      + "error ≈ 0.167 h² (c₃ = 1/6, f'''(x) = -1)"
    return Panel(
      xAxis: Axis("step h", scale: .log10), yAxis: Axis("|error|", scale: .log10),
      series: [Series("forward", x: h, y: h.map { 1e-16 / $0 + $0 * $0 })],
      notes: ["ticks on the h axis: best h observed (dotted)"]
        + ["", " (again)", " (thrice)"].map { reason + $0 })
  }

  /// The noted panel under a title, as the harness draws a convergence figure.
  static var notedFigure: Figure {
    var panel = notedPanel
    panel.title = "f(x) = sin(x) at x = 0: error of f'(x) against h"
    var figure = Figure(panels: [panel])
    figure.title = "When a point shows another order"
    return figure
  }

  @Test(arguments: [false, true])
  func notesThatWouldSqueezeTheAxesMoveIntoAnEmptyBoxInside(_ slide: Bool) throws {
    let figure = Self.resized(Self.notedFigure, slide: slide)
    let layout = try FigureLayout(figure)
    let (panel, placement) = try #require(layout.panels.first)
    let box = try #require(panel.notesBox)
    // The short note stays beside the x label; the long ones are inside, in their box.
    #expect(panel.notes == ["ticks on the h axis: best h observed (dotted)"])
    #expect(panel.insideNotes.joined(separator: " ").contains("(again)"))
    #expect(panel.axes.contains(box.x, box.y) && panel.axes.contains(box.maxX, box.maxY))
    let inside = placement.texts.filter { $0.role == .note && panel.axes.overlaps($0.box) }
    #expect(inside.count == panel.insideNotes.count)
    for text in inside { #expect(box.contains(text.box.x, text.box.y + text.box.height / 2)) }
    // The box covers no data, nothing overlaps or is crossed, and the axes get the room they
    // would have with the first note alone.
    #expect(!panel.occupiedPixels().contains { box.contains($0.x, $0.y) })
    #expect((LayoutRules.overlaps(layout.texts) + LayoutRules.crossings(layout)).isEmpty)
    var alone = figure
    alone.panels[0].notes = [Self.notedPanel.notes[0]]
    let share = try FigureLayout(alone).axesShare
    #expect(abs(layout.axesShare - share) < 1e-9 && share > 0.69)
  }

  @Test func notesStayUnderTheAxesWhenTheyLeaveThemTheHouseShare() throws {
    var panel = Self.notedPanel
    panel.notes = ["one short note"]
    let layout = try FigureLayout(Figure(panels: [panel]))
    let (laid, _) = try #require(layout.panels.first)
    #expect(laid.notesBox == nil && laid.insideNotes.isEmpty)
    #expect(laid.notes == ["one short note"])
  }

  @Test func aVerticalMarkerCountsAsADrawnLine() throws {
    let panel = Panel(
      xAxis: Axis("x", range: 0...10), yAxis: Axis("y", range: 0...10),
      series: [Series("s", x: [1, 2], y: [1, 2])],
      verticalMarkers: [VerticalMarker("", x: 5, dash: .dotted)])
    let layout = try FigureRulesTests.layout(panel)
    let top = layout.toPixel(WorldPoint(x: 5, y: 10))
    let bottom = layout.toPixel(WorldPoint(x: 5, y: 0))
    #expect(
      layout.drawnSegments().contains {
        abs($0.0.x - bottom.x) < 1e-6 && abs($0.0.y - bottom.y) < 1e-6
          && abs($0.1.y - top.y) < 1e-6
      })
  }

  @Test func panelsOfARowWithLegendsOfDifferentHeightsBelowLineUpTheirAxes() throws {
    let xs = (0..<30).map(Double.init)
    func panel(_ labels: [String]) -> Panel {
      Panel(
        xAxis: Axis("entry"), yAxis: Axis("d", scale: .log10),
        series: labels.enumerated().map { k, label in
          Series(
            label, x: xs, y: xs.map { pow(10, -Double(k) - $0.truncatingRemainder(dividingBy: 5)) },
            style: .markers, isGuide: true)
        }, legend: .outsideRight)
    }
    // Guides are named in the legend only; a tall legend goes under its panel.
    let figure = Figure(
      panels: [
        panel(["round-off floor", "agrees", "another order (kink)", "tolerance 1e-05"]),
        panel(["round-off floor", "tolerance 1e-05"]),
      ],
      columns: 2, width: 1600, height: 1000, fontScale: 1.3)
    let layout = try FigureLayout(figure)
    let axes = layout.panels.map(\.layout.axes)
    #expect(layout.panels.allSatisfy { $0.layout.side == .below })
    #expect(abs(axes[0].y - axes[1].y) < 0.5 && abs(axes[0].maxY - axes[1].maxY) < 0.5, "\(axes)")
  }
}
