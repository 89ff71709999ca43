import Calculus
import Foundation
import Plotting

/// The figure of `kind: backprop`: per tensor, each sampled entry's difference between the
/// gradient under test and the central differences, relative to the entry's size, against the
/// tolerance: a right gradient lies far below the dashed line, a planted bug's entries above.
enum BackpropFigures {
  static func make(_ spec: BackpropSpec, outcome o: BackpropOutcome, language: Language)
    -> [Report.FigureEntry]
  {
    let tensors = Backprop.orderedTensors(o)
    let drawn = o.entries.compactMap { e in relativeDifference(e).map { (e, $0) } }
    guard !drawn.isEmpty else { return [] }
    let logs = drawn.map { log10($0.1) } + [log10(spec.tolerance)]
    let range = pow(10, (logs.min() ?? -16).rounded(.down) - 0.5)...pow(
      10, (logs.max() ?? 0).rounded(.up) + 0.5)
    let panels = tensors.map { t in
      panel(
        t, o.entries.filter { $0.tensor == t }, shape: o.shapes[t] ?? [], range: range,
        spec: spec, language: language)
    }
    let columns = panels.count > 1 ? 2 : 1
    let rows = (panels.count + columns - 1) / columns
    return [
      Report.FigureEntry(
        name: "entries", caption: language(.captionEntries),
        figure: Figure(
          title: language(.figureTitle(model: spec.model.target)), panels: panels,
          columns: columns, width: columns == 1 ? 1000 : 1500,
          height: rows == 1 ? 650 : 520 * rows))
    ]
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

  /// One tensor: the agreeing entries of each precision side by side at their entry's place,
  /// the differing ones and those of another order marked apart, the tolerance dashed.
  static func panel(
    _ tensor: String, _ entries: [BackpropOutcome.Entry], shape: [Int],
    range: ClosedRange<Double>, spec: BackpropSpec, language: Language
  ) -> Panel {
    let places = Dictionary(
      Set(entries.map(\.index)).sorted().enumerated().map { ($1, Double($0 + 1)) }
    ) { a, _ in a }
    let shift = Dictionary(
      spec.precisions.enumerated().map { i, p in
        (p, spec.precisions.count == 1 ? 0 : 0.3 * (Double(i) / Double(spec.precisions.count - 1) - 0.5))
      }
    ) { a, _ in a }
    func points(_ chosen: [BackpropOutcome.Entry]) -> (x: [Double], y: [Double]) {
      let drawn = chosen.compactMap { e in
        relativeDifference(e).map { ((places[e.index] ?? 0) + (shift[e.precision] ?? 0), $0) }
      }
      return (drawn.map(\.0), drawn.map(\.1))
    }
    var series: [Series] = []
    for (i, precision) in spec.precisions.enumerated() {
      let agreeing = points(
        entries.filter {
          $0.precision == precision
            && [.agrees, .plateauWithinTolerance].contains($0.agreement.status)
        })
      series.append(
        Series(
          language(.agreesSeries(precision: precision)), x: agreeing.x, y: agreeing.y,
          style: .markers, color: i == 0 ? 0 : 2, marker: i == 0 ? 0 : 1))
    }
    let differing = points(entries.filter { $0.agreement.status == .plateau })
    series.append(
      Series(
        language(.differsSeries), x: differing.x, y: differing.y, style: .markers, color: 1,
        marker: 5))
    let other = points(entries.filter { $0.agreement.status == .wrongOrder })
    if !other.x.isEmpty {
      series.append(
        Series(
          language(.otherOrderSeries), x: other.x, y: other.y, style: .markers, color: 4,
          marker: 3))
    }
    return Panel(
      title: language(
        .panelTitle(
          tensor: tensor, shape: shape.map(String.init).joined(separator: "×"),
          expectWrong: spec.wrong.contains(tensor))),
      xAxis: Axis(
        language(.sampledEntry), range: 0.5...(Double(places.count) + 0.5), isInteger: true),
      yAxis: Axis(language(.relativeDifference), scale: .log10, range: range),
      series: series,
      referenceLines: [
        ReferenceLine(
          language(.toleranceLine(tolerance: short(spec.tolerance))), slope: 0,
          through: (1, spec.tolerance), dash: .dashed, color: 6)
      ],
      annotations: names(entries, places: places),
      legend: .outsideRight, notes: notes(entries, spec: spec, language: language))
  }

  /// The index of each differing entry, once, above its marks: "[47, 37]".
  static func names(_ entries: [BackpropOutcome.Entry], places: [Int: Double]) -> [Annotation] {
    var named: [Int: (text: String, y: Double)] = [:]
    for e in entries where e.agreement.status == .plateau {
      guard let y = relativeDifference(e) else { continue }
      let text = "[" + e.position.map(String.init).joined(separator: ", ") + "]"
      named[e.index] = (text, max(named[e.index]?.y ?? 0, y))
    }
    return named.sorted { $0.key < $1.key }.map { index, v in
      Annotation(v.text, x: places[index] ?? 0, y: v.y * 3, alignment: .center, color: 1)
    }
  }

  static func notes(_ entries: [BackpropOutcome.Entry], spec: BackpropSpec, language: Language)
    -> [String]
  {
    var counts: [String] = []
    for precision in spec.precisions {
      let mine = entries.filter { $0.precision == precision }
      counts.append(
        language(
          .differCount(
            differing: mine.filter { $0.agreement.status == .plateau }.count, of: mine.count,
            precision: precision)))
    }
    let undrawn = entries.filter { relativeDifference($0) == nil }.count
    return [counts.joined(separator: "; ")]
      + (undrawn > 0 ? [language(.notCheckedNote(count: undrawn))] : [])
  }
}
