import Foundation

/// A figure laid out, before anything is drawn: its heading lines, each panel's layout with
/// its texts and guides placed, the shared legend and notes. A pure value of the figure, its
/// size and its font scale (text measured by `TextWidthModel`); `FigureRules` checks it.
struct FigureLayout {
  let metrics: PageMetrics
  /// The figure's title and subtitle, placed (at most two lines: see `Figure.headed`).
  let headings: [PlacedText]
  /// The cells: panels laid out, surfaces' cells, the shared legend.
  let cells: FigurePainter.Layout
  /// Each cell's placed texts and guides (`nil` for a surface), in the order of `cells.items`.
  let placements: [PanelLayout.Placement?]
  /// The notes every panel carries, placed once under the panels.
  let sharedNotes: [PlacedText]

  init(_ painter: FigurePainter) {
    let figure = painter.figure
    let metrics = painter.painter.metrics
    self.metrics = metrics
    headings = Self.headings(figure, painter: painter)
    cells = painter.layout()
    placements = cells.items.map { item in
      if case .panel(let p) = item { return p.placement() }
      return nil
    }
    var y = cells.notesTop + HouseStyle.annotationEm * LayoutMetrics.firstNoteDropEms
      * metrics.textScale
    var notes: [PlacedText] = []
    for note in cells.sharedNotes {
      notes.append(
        PlacedText(
          note, role: .note, x: metrics.pageWidth / 2, y: y, em: HouseStyle.annotationEm,
          justify: 0.5, color: HouseStyle.reference,
          within: metrics.page.inset(left: 2, top: 2, right: 2, bottom: 2), metrics: metrics))
      y += HouseStyle.annotationEm * LayoutMetrics.noteLineEms * metrics.textScale
    }
    sharedNotes = notes
  }

  /// Lays out `figure` (with at most two heading lines) without drawing it.
  init(_ figure: Figure) throws(RenderError) {
    let figure = figure.headed()
    let plans = try Renderer.validatedPlans(figure)
    let painter = Painter(width: figure.width, height: figure.height, fontScale: figure.fontScale)
    self.init(FigurePainter(figure: figure, plans: plans, painter: painter))
  }

  /// The title and the subtitle under it.
  static func headings(_ figure: Figure, painter: FigurePainter) -> [PlacedText] {
    let (page, t) = (painter.painter.page, painter.painter.textScale)
    let bounds = page.inset(left: 2, top: 2, right: 2, bottom: 2)
    var texts: [PlacedText] = []
    var top = FigurePainter.margin * painter.painter.scale
    if let title = figure.title, !title.isEmpty {
      texts.append(
        PlacedText(
          title, role: .heading, x: page.width / 2,
          y: HouseStyle.figureTitleEm * FigurePainter.titleDropEms * t,
          em: painter.acrossPage(title, em: HouseStyle.figureTitleEm), justify: 0.5,
          within: bounds, metrics: painter.painter.metrics))
      top += HouseStyle.figureTitleEm * FigurePainter.titleBandEms * t
    }
    if let subtitle = figure.subtitle, !subtitle.isEmpty {
      texts.append(
        PlacedText(
          subtitle, role: .heading, x: page.width / 2,
          y: top + HouseStyle.subtitleEm * FigurePainter.subtitleDropEms * t + painter.subtitleDrop,
          em: painter.acrossPage(subtitle, em: HouseStyle.subtitleEm), justify: 0.5,
          within: bounds, metrics: painter.painter.metrics))
    }
    return texts
  }

  /// The laid-out panels with their placements.
  var panels: [(layout: PanelLayout, placement: PanelLayout.Placement)] {
    zip(cells.items, placements).compactMap { item, placement in
      guard case .panel(let p) = item, let placement else { return nil }
      return (p, placement)
    }
  }

  /// Every text of the figure: headings, the panels' texts, the shared legend and notes.
  var texts: [PlacedText] {
    var texts = headings + panels.flatMap(\.placement.texts) + sharedNotes
    if let (_, frame) = cells.sharedLegend {
      texts.append(
        PlacedText(
          "", role: .legend, x: frame.x, y: frame.y, em: 0, within: frame, metrics: metrics
        ).sized(frame))
    }
    return texts
  }

  /// The share of the page the axes take: the sum of the panels' data areas over the page's.
  var axesShare: Double {
    panels.map { $0.layout.axes.width * $0.layout.axes.height }.reduce(0, +)
      / (metrics.pageWidth * metrics.pageHeight)
  }
}

extension Figure {
  /// The figure with at most two heading lines, dropping no words: a single panel's title
  /// under both a title and a subtitle joins the subtitle ("subtitle · panel title"); scripts
  /// in headings are Unicode characters where they exist (`Markup.flattened`).
  func headed() -> Figure {
    var figure = self
    figure.title = title.map(Markup.flattened)
    figure.subtitle = subtitle.map(Markup.flattened)
    return figure.joiningPanelTitle()
  }

  private func joiningPanelTitle() -> Figure {
    guard panels.count == 1, let title, !title.isEmpty, let subtitle, !subtitle.isEmpty,
      !panels[0].title.isEmpty
    else { return self }
    var figure = self
    figure.subtitle = subtitle + " · " + Markup.flattened(panels[0].title)
    figure.panels[0].title = ""
    return figure
  }
}
