import Calculus
import Foundation
import Plotting

/// Figures of `kind: accuracy`: digits against evaluations (all cases, then one panel per case)
/// and the calibration of the error estimates.
enum AccuracyFigures {
  typealias Result = AccuracyOutcome.Result

  /// Cases per figure of the per-case grid.
  static let panelsPerFigure = 12

  static func make(spec: AccuracySpec, outcome o: AccuracyOutcome, language: Language)
    -> [Report.FigureEntry]
  {
    var figures = [overview(spec: spec, outcome: o, language: language)]
    figures += perCase(spec: spec, outcome: o, language: language)
    figures.append(calibration(spec: spec, outcome: o, language: language))
    return figures
  }

  /// A method's colour and marker: its place among all methods, the same in every figure.
  static func style(_ method: AccuracySpec.Method) -> Int {
    AccuracySpec.Method.allCases.firstIndex(of: method) ?? 0
  }

  /// Evaluations moved sideways by 5% per step of `shift`, so that methods of the same cost
  /// (forward, backward and central take 2, central4 and richardson 4) stay apart on the log
  /// axis; the others stay where they are.
  static func offset(_ evaluations: Int, _ method: AccuracySpec.Method) -> Double {
    let shift: Double
    switch method {
    case .forward: shift = -1
    case .central: shift = 1
    case .central4: shift = -0.5
    case .richardson: shift = 0.5
    case .backward, .complexStep, .adaptive: shift = 0
    }
    return Double(evaluations) * pow(1.05, shift)
  }

  static func digitsPanel(
    _ results: [Result], methods: [AccuracySpec.Method], title: String, legend: Bool,
    summaries: [AccuracyOutcome.MethodSummary], digitsLabel: String? = nil, language: Language
  ) -> Panel {
    let series = methods.map { method -> Series in
      let mine = results.filter { $0.method == method && $0.digits != nil }
      var label = language(.method(method))
      if let s = summaries.first(where: { $0.method == method }), let d = s.medianDigits,
        let n = s.medianEvaluations
      {
        label = language(.medianDigits(method: label, digits: d, evaluations: short(n)))
      }
      return Series(
        legend ? label : "", x: mine.map { offset($0.evaluations, method) },
        y: mine.map { $0.digits ?? .nan }, style: .markers, color: style(method),
        marker: style(method))
    }
    let cap = results.first?.precision.digitsCap ?? 16
    return Panel(
      title: title, xAxis: Axis(language(.evaluationsOfF), scale: .log10, range: 0.7...100),
      // Digits are whole numbers: ticks at integers only.
      yAxis: Axis(
        digitsLabel ?? language(.correctDigits), range: -0.5...(cap + 1), isInteger: true),
      series: series,
      legend: legend ? .lowerRight : .none)
  }

  /// A case's panel title: f at its points, or for a program (whose f reads the same in every
  /// case) the case's number and reference.
  static func panelTitle(_ c: AccuracySpec.Case, number: Int, language: Language) -> String {
    let at = c.points.map(short).joined(separator: ", ")
    guard let program = c.program else {
      return language(.functionAt(f: mathText(c.text), variable: c.variable, at: at))
    }
    return language(
      .programCaseAt(
        number: number, userDerivative: program.hasDerivative,
        variable: c.variable, at: at))
  }

  /// Every case in one panel per precision.
  static func overview(spec: AccuracySpec, outcome o: AccuracyOutcome, language: Language)
    -> Report.FigureEntry
  {
    let titles = spec.precisions.map {
      language(.everyCaseAndPoint(precision: language(.precisionName(precision: $0))))
    }
    // One panel: its title is the figure's second line; several: their titles are.
    let single = spec.precisions.count == 1
    let panels = spec.precisions.enumerated().map { k, p in
      digitsPanel(
        o.results.filter { $0.precision == p }, methods: spec.methods,
        title: single ? "" : titles[k], legend: true,
        summaries: o.summaries.filter { $0.precision == p }, language: language)
    }
    let count = o.results.filter { $0.precision == spec.precisions[0] }.count / spec.methods.count
    return Report.FigureEntry(
      name: "digits-evaluations",
      caption: language(.captionDigits(count: count)),
      figure: Figure(
        title: single ? titles[0] : nil, panels: panels, columns: min(panels.count, 2),
        width: panels.count > 1 ? 1600 : 1200, height: panels.count > 2 ? 1400 : 900))
  }

  /// One panel per case, in double (else the first precision), at most twelve to a figure.
  static func perCase(spec: AccuracySpec, outcome o: AccuracyOutcome, language: Language)
    -> [Report.FigureEntry]
  {
    let precision = spec.precisions.contains(.double) ? Precision.double : spec.precisions[0]
    let mine = o.results.filter { $0.precision == precision }
    // The panels' titles (the cases) are the second heading line; the precision, when the
    // experiment has several, is in the digits axis' label.
    let digitsLabel =
      spec.precisions.count > 1
      ? language(.digitsIn(precision: language(.precisionName(precision: precision)))) : nil
    // As few figures as twelve panels allow, the cases shared out evenly (27 cases: 9 each).
    let count = spec.cases.count
    let size =
      (count + (count + panelsPerFigure - 1) / panelsPerFigure - 1)
      / ((count + panelsPerFigure - 1) / panelsPerFigure)
    let chunks = stride(from: 0, to: count, by: size).map {
      Array(spec.cases.indices[$0..<min($0 + size, count)])
    }
    return chunks.enumerated().map { k, indices in
      let panels = indices.map { i in
        let c = spec.cases[i]
        return digitsPanel(
          mine.filter { $0.caseNumber == i + 1 }, methods: spec.methods,
          title: panelTitle(c, number: i + 1, language: language),
          // Every panel has the same legend: the figure draws it once, under the grid.
          legend: true, summaries: [], digitsLabel: digitsLabel, language: language)
      }
      let columns = min(panels.count, 3)
      let rows = (panels.count + columns - 1) / columns
      let name = chunks.count == 1 ? "digits-cases" : "digits-cases-\(k + 1)"
      return Report.FigureEntry(
        name: name,
        caption: language(
          .captionDigitsPerCase(
            precision: language(.precisionName(precision: precision)), first: indices[0] + 1,
            last: indices[indices.count - 1] + 1)),
        figure: Figure(
          panels: panels,
          // One row at least 800 tall: text scales with the shorter side (560 set it at 0.62).
          columns: columns, width: 1500, height: max(800, 460 * rows)))
    }
  }

  /// Error estimate against true error, log-log, with the diagonal; one panel per precision.
  static func calibration(spec: AccuracySpec, outcome o: AccuracyOutcome, language: Language)
    -> Report.FigureEntry
  {
    var hidden = 0
    var shares: [String] = []
    let panels = spec.precisions.map { p -> Panel in
      let series = spec.methods.map { method -> Series in
        let mine = o.results.filter { $0.precision == p && $0.method == method }
        let drawn = mine.filter {
          ($0.covers != nil) && $0.error > 0 && $0.error.isFinite && ($0.errorEstimate ?? 0) > 0
            && ($0.errorEstimate ?? .infinity).isFinite
        }
        hidden += mine.filter { $0.covers != nil }.count - drawn.count
        let s = o.summaries.first { $0.precision == p && $0.method == method }
        var label = language(.method(method))
        if let s, s.withEstimate > 0 {
          let share = language(.covered(covered: s.covered, total: s.withEstimate))
          shares.append("\(label) \(share)")
          label += ": " + share
        }
        return Series(
          label, x: drawn.map(\.error), y: drawn.map { $0.errorEstimate ?? .nan },
          style: .markers, color: style(method), marker: style(method))
      }
      return Panel(
        title: language(.calibrationPanel(precision: language(.precisionName(precision: p)))),
        xAxis: Axis(language(.trueError), scale: .log10),
        yAxis: Axis(language(.errorEstimate), scale: .log10), series: series,
        // The diagonal without a label on it (its own line would cross the label): the
        // panel's title names it.
        referenceLines: [ReferenceLine("", slope: 1, through: (1, 1))],
        // Both axes are errors: a decade is as long on each, so the diagonal is at 45°.
        legend: .upperLeft, equalAspect: true)
    }
    var caption = language(.captionCalibration(shares: shares.joined(separator: ", ")))
    if hidden > 0 { caption += "; " + language(.notDrawnOnLog(count: hidden)) }
    // Square panels: a canvas about as tall as wide per panel, the legend inside.
    let columns = min(panels.count, 2)
    let rows = (panels.count + columns - 1) / columns
    // The experiment's title (the digits and cost of each method) does not describe the
    // calibration of the estimates: the figure's own title heads it.
    var entry = Report.FigureEntry(
      name: "calibration", caption: caption,
      figure: Figure(
        title: language(.calibrationTitle), panels: panels, columns: columns,
        width: 900 * columns, height: 60 + 860 * rows))
    entry.underExperimentTitle = false
    return entry
  }
}
