import Foundation

/// Notes that would squeeze a single panel's axes, moved into an empty box inside them.
extension PanelLayout {
  /// A single panel whose notes under the axes leave them less than the house share of the
  /// page (``LayoutRules/minimumAxesShare``) moves the notes below the x label's line into the
  /// emptiest box inside the axes, wrapped to ``LayoutMetrics/insideNotesWidthShares`` of their
  /// width (or a narrower share, in more lines), where that box covers no data and no legend,
  /// label or annotation. Where no box does, the notes stay under the axes, as laid out before.
  ///
  /// `given` are the panel's notes before wrapping, the one beside the x label first.
  mutating func moveNotesInside(_ given: [String]) {
    let page = metrics.page.width * metrics.page.height
    guard options.noteBesideLabel, !options.sharesLegend, notesBelow > 0,
      axes.width * axes.height < LayoutRules.minimumAxesShare * page
    else { return }
    let saved = self
    let kept = noteBesideLabel ? Array(given.prefix(1)) : []
    notes = kept
    firstNoteIsOneLine = !kept.isEmpty
    (legendFrame, directLabels, side, legendColumns) = (nil, [:], .inside, 1)
    layOut(.inside)
    labelLines()
    placeLegend()
    let moved = Array(given.dropFirst(kept.count))
    let (pixels, inset) = (occupiedPixels(), LegendBox.paddingLength * t)
    let taken =
      (legendFrame.map { [$0] } ?? []) + directLabels.values.map(\.box)
      + annotationTexts().map(\.box)
    // Wide and short first, then narrower and taller.
    for share in LayoutMetrics.insideNotesWidthShares {
      let lines = Self.wrapped(moved, width: axes.width * share, metrics: metrics)
      let width =
        (lines.map { metrics.textWidth($0, em: HouseStyle.annotationEm) }.max() ?? 0) + 2 * inset
      let height = Double(lines.count) * noteLineHeight + 2 * inset
      let boxes = Self.noteCandidates(
        width: width, height: height, in: axes, inset: LegendBox.insetLength * t
      ).filter { box in !taken.contains { $0.overlaps(box) } }
      guard !boxes.isEmpty, width <= axes.width, height <= axes.height else { continue }
      let (box, covered) = LegendBox.emptiest(
        boxes, avoiding: pixels, margin: LegendBox.dataMargin * t)
      if covered == 0 {
        (insideNotes, notesBox) = (lines, box)
        return
      }
    }
    self = saved
  }

  /// Where a box of notes may go: the legend's candidates first, then along the top and the
  /// bottom of the axes at eighths of the free width (notes are wider than most legends, so
  /// the corners are often taken).
  static func noteCandidates(width w: Double, height h: Double, in axes: Rect, inset: Double)
    -> [Rect]
  {
    let free = axes.width - w - 2 * inset
    var along: [Rect] = []
    for k in 1..<8 {
      let left: Double = axes.x + inset + Double(k) / 8 * free
      along.append(Rect(x: left, y: axes.y + inset, width: w, height: h))
      along.append(Rect(x: left, y: axes.maxY - inset - h, width: w, height: h))
    }
    return LegendBox.candidates(width: w, height: h, in: axes, inset: inset) + along
  }

  /// The notes inside the axes, placed in their box.
  func insideNoteTexts() -> [PlacedText] {
    guard let box = notesBox else { return [] }
    let inset = LegendBox.paddingLength * t
    return insideNotes.enumerated().map { k, line in
      PlacedText(
        line, role: .note, x: box.x + inset,
        y: box.y + inset + (Double(k) + 0.5) * noteLineHeight, em: HouseStyle.annotationEm,
        color: HouseStyle.reference, within: axes, metrics: metrics)
    }
  }
}
