import Foundation

/// The house style's rules, checked on a figure's layout (no drawing): each broken rule is one
/// line of text naming it and what breaks it.
///
/// - No text box overlaps another (headings, titles, tick and axis labels, notes, labels at
///   lines and guides, annotations, legends).
/// - No text box inside the axes is crossed by a drawn line (series, model curves, fit
///   strokes, slope guides).
/// - At most two heading lines (`Figure.headed` joins a third into the second).
/// - A single flat panel's axes take at least `minimumAxesShare` of the page at font scales up
///   to `slideFontScale`.
/// - Any two labelled series of a panel (guides and fit strokes aside) differ in marker or
///   dash, so they can be told apart without colour.
enum LayoutRules {
  /// The least share of the page a single flat panel's axes take.
  static let minimumAxesShare = 0.70
  /// The largest font scale the axes' share is promised at (slides).
  static let slideFontScale = 1.3
  /// Boxes that overlap by less than this many pixels do not count (rounding).
  static let tolerance = 0.5

  static func violations(_ layout: FigureLayout, figure: Figure) -> [String] {
    overlaps(layout.texts) + crossings(layout) + headingLines(layout)
      + axesShare(layout, figure: figure) + lookalikes(layout)
  }

  /// Pairs of text boxes that overlap.
  static func overlaps(_ texts: [PlacedText]) -> [String] {
    var found: [String] = []
    let boxes = texts.map {
      $0.box.inset(left: tolerance, top: tolerance, right: tolerance, bottom: tolerance)
    }
    for i in texts.indices {
      for j in texts.indices where j > i && boxes[i].overlaps(boxes[j]) {
        found.append(
          "text overlaps text: \(texts[i].role.rawValue) '\(texts[i].text)' and "
            + "\(texts[j].role.rawValue) '\(texts[j].text)'")
      }
    }
    return found
  }

  /// Text boxes inside the axes that a drawn line crosses.
  static func crossings(_ layout: FigureLayout) -> [String] {
    layout.panels.flatMap { panel, placement -> [String] in
      let segments = panel.drawnSegments(guides: placement.guides)
      return placement.texts.filter { $0.box.overlaps(panel.axes) && $0.role != .tickLabel }
        .compactMap { text in
          guard segments.contains(where: { text.box.isCrossed(from: $0.0, to: $0.1) }) else {
            return nil
          }
          return "a line crosses \(text.role.rawValue) '\(text.text)'"
        }
    }
  }

  static func headingLines(_ layout: FigureLayout) -> [String] {
    layout.headings.count <= 2 ? [] : ["\(layout.headings.count) heading lines"]
  }

  /// A single flat panel's axes below the promised share of the page.
  static func axesShare(_ layout: FigureLayout, figure: Figure) -> [String] {
    guard figure.panels.count == 1, figure.fontScale <= slideFontScale,
      let panel = layout.panels.first, case .xy = panel.layout.panel.content,
      !panel.layout.panel.equalAspect
    else { return [] }
    let share = layout.axesShare
    guard share < minimumAxesShare else { return [] }
    return [String(format: "the axes take %.0f%% of the page (%.0f%% promised)", share * 100, minimumAxesShare * 100)]
  }

  /// Pairs of series of a panel drawn alike but for colour.
  static func lookalikes(_ layout: FigureLayout) -> [String] {
    layout.panels.flatMap { panel, _ -> [String] in
      let looks = panel.plan.series.indices.compactMap { i -> (Int, String)? in
        let source = panel.panel.series[i]
        // An unlabelled series repeats a labelled one (another gradient of the same rate).
        guard !source.label.isEmpty, !source.isGuide, !source.isHighlight, source.style != .bars
        else { return nil }
        return (i, look(panel.shown[i], dash: panel.drawings[i].dash))
      }
      var found: [String] = []
      for (a, (i, lookA)) in looks.enumerated() {
        for (j, lookB) in looks.dropFirst(a + 1) where lookA == lookB {
          found.append(
            "series '\(panel.panel.series[i].label)' and '\(panel.panel.series[j].label)' "
              + "differ only in colour (\(lookA))")
        }
      }
      return found
    }
  }

  /// What tells a series apart without colour: its marker shape and its dash.
  static func look(_ series: ResolvedSeries, dash: Dash) -> String {
    let marker = series.style == .line ? "no marker" : "marker \(series.marker)"
    let line = series.style == .markers ? "no line" : "\(dash)"
    return marker + ", " + line
  }
}
