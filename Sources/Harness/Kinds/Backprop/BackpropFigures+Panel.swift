import Calculus
import Foundation
import Plotting

extension BackpropFigures {
  /// One precision: the entries' relative differences by verdict, their floors, the
  /// tolerance, each tensor's name over its block.
  static func panel(
    _ entries: [BackpropOutcome.Entry], precision: Calculus.Precision, blocks: [Block],
    range: ClosedRange<Double>, spec: BackpropSpec, language: Language
  ) -> Panel {
    func place(_ e: BackpropOutcome.Entry) -> Double {
      blocks.first { $0.tensor == e.tensor }?.places[e.index] ?? .nan
    }
    func series(
      _ label: String, _ statuses: [DerivativeAgreement.Status], color: Int, marker: Int,
      value: (BackpropOutcome.Entry) -> Double?
    ) -> Series {
      let chosen = entries.filter { statuses.contains($0.agreement.status) }
        .compactMap { e in value(e).map { (place(e), $0) } }
      return Series(
        label, x: chosen.map(\.0), y: chosen.map(\.1), style: .markers, color: color,
        marker: marker)
    }
    let all: [DerivativeAgreement.Status] = [
      .agrees, .plateau, .plateauWithinTolerance, .wrongOrder,
    ]
    var drawn = [
      series(language(.floorSeries), all, color: 6, marker: 4, value: relativeFloor),
      series(
        language(.agreesSeries), [.agrees, .plateauWithinTolerance], color: 0, marker: 0,
        value: relativeDifference),
      series(
        language(.differsSeries), [.plateau], color: 1, marker: 5, value: relativeDifference),
    ]
    let other = series(
      language(.otherOrderSeries), [.wrongOrder], color: 4, marker: 3, value: relativeDifference)
    if !other.x.isEmpty { drawn.append(other) }
    let top = range.upperBound / 3
    let last = (blocks.last?.span.upperBound ?? 1) + 1
    // The tolerance across every tensor, named in the legend: a label on the line would cross
    // the tensors' separators (a section is narrower than the label at slide size).
    drawn.append(
      Series(
        language(.toleranceLine(tolerance: short(spec.tolerance))), x: [0, last],
        y: [spec.tolerance, spec.tolerance], style: .line, dash: .dashed, color: 6,
        isGuide: true))
    return Panel(
      title: language(.precisionPanel(precision: precision)),
      xAxis: Axis(language(.sampledEntry), range: 0...last, isInteger: true),
      yAxis: Axis(language(.relativeDifference), scale: .log10, range: range),
      series: drawn,
      verticalMarkers: blocks.dropFirst().map {
        VerticalMarker("", x: $0.span.lowerBound - 1, dash: .dotted)
      },
      annotations: blocks.map { b in
        Annotation(
          b.tensor + (spec.wrong.contains(b.tensor) ? " *" : ""),
          x: (b.span.lowerBound + b.span.upperBound) / 2, y: top, alignment: .center)
      },
      legend: .outsideRight, notes: notes(entries, spec: spec, language: language))
  }

  /// Which entries differ, by name, per tensor; the planted-bug mark; what was not drawn.
  static func notes(_ entries: [BackpropOutcome.Entry], spec: BackpropSpec, language: Language)
    -> [String]
  {
    var lines: [String] = []
    for tensor in Backprop.orderedTensors(BackpropOutcome(entries: entries)) {
      let mine = entries.filter { $0.tensor == tensor }
      let differing = mine.filter { $0.agreement.status == .plateau }.map(\.name)
      guard !differing.isEmpty else { continue }
      lines.append(
        language(.differingEntries(tensor: tensor, names: differing, of: mine.count)))
    }
    if lines.isEmpty { lines.append(language(.noneDiffer)) }
    if !spec.wrong.isEmpty { lines.append(language(.plantedMark)) }
    let undrawn = entries.filter { relativeDifference($0) == nil }.count
    if undrawn > 0 { lines.append(language(.notCheckedNote(count: undrawn))) }
    return lines
  }
}
