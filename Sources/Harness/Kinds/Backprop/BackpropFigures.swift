import Calculus
import Foundation
import Plotting

/// The figure of `kind: backprop`: one panel per precision, the sampled entries in blocks by
/// tensor; each entry's difference between the gradient under test and the central
/// differences, relative to the entry's size, beside the round-off floor it could reach and the
/// tolerance. A right gradient sits on its floor (below the tolerance in double); a wrong entry
/// stands far above both, marked and named.
enum BackpropFigures {
  static func make(_ spec: BackpropSpec, outcome o: BackpropOutcome, language: Language)
    -> [Report.FigureEntry]
  {
    let drawn = o.entries.compactMap(relativeDifference) + o.entries.compactMap(relativeFloor)
    guard !drawn.isEmpty else { return [] }
    let logs = drawn.map(log10) + [log10(spec.tolerance)]
    let range =
      pow(
        10, (logs.min() ?? -16).rounded(.down) - 0.5)...pow(
        10, (logs.max() ?? 0).rounded(.up) + 1)
    let blocks = Self.blocks(o)
    let panels = spec.precisions.map { precision in
      panel(
        o.entries.filter { $0.precision == precision }, precision: precision, blocks: blocks,
        range: range, spec: spec, language: language)
    }
    return [
      Report.FigureEntry(
        name: "entries", caption: language(.captionEntries),
        figure: Figure(
          title: language(.figureTitle), panels: panels, columns: panels.count,
          width: panels.count == 1 ? 1000 : 1600, height: 700))
    ]
  }

  /// Each tensor's sampled entries at consecutive places, a gap of one between tensors: the
  /// tensor, the place of each flat index, and the block's span.
  typealias Block = (tensor: String, places: [Int: Double], span: ClosedRange<Double>)

  static func blocks(_ o: BackpropOutcome) -> [Block] {
    var blocks: [Block] = []
    var next = 1.0
    for tensor in Backprop.orderedTensors(o) {
      let indices = Set(o.entries.filter { $0.tensor == tensor }.map(\.index)).sorted()
      let places = Dictionary(indices.enumerated().map { ($1, next + Double($0)) }) { a, _ in a }
      blocks.append((tensor, places, next...(next + Double(max(indices.count - 1, 0)))))
      next += Double(indices.count) + 1
    }
    return blocks
  }

  /// A differing entry's plateau, an agreeing one's least difference over the steps, relative
  /// to the entry's scale; nil when the sweep gave nothing finite.
  static func relativeDifference(_ e: BackpropOutcome.Entry) -> Double? {
    let v = e.agreement
    let size =
      v.status == .plateau || v.status == .plateauWithinTolerance ? v.plateau : v.leastError
    guard let size, size.isFinite, e.scale > 0 else { return nil }
    // An exact agreement (0) is drawn at the bottom of the range rather than off the axis.
    return max(size / e.scale, 1e-17)
  }

  /// The round-off floor at the step of the least difference, relative to the entry's scale:
  /// how close the central differences could come to any gradient.
  static func relativeFloor(_ e: BackpropOutcome.Entry) -> Double? {
    let finite = e.sweep.filter { $0.difference.isFinite && $0.floor.isFinite && $0.floor > 0 }
    guard let best = finite.min(by: { abs($0.difference) < abs($1.difference) }), e.scale > 0
    else { return nil }
    return best.floor / e.scale
  }
}
