import Calculus
import Foundation
import Plotting

/// Figures of `kind: convergence` (and the per-partial sweeps of `partials`).
enum ConvergenceFigures {
  static func make(spec: ConvergenceSpec, sweeps: [ConvergenceOutcome.Sweep])
    -> [Report.FigureEntry]
  {
    var figures: [Report.FigureEntry] = []
    let primary = spec.precisions.contains(.double) ? Precision.double : spec.precisions[0]
    for (i, c) in spec.cases.enumerated() {
      for point in c.points {
        let here = sweeps.filter { $0.caseNumber == i + 1 && $0.at == point }.map(\.outcome)
        let main = here.filter { $0.precision == primary }
        let base = "case\(i + 1)-\(c.variable)\(fileSafe(short(point)))"
        let title =
          "f(\(c.variable)) = \(mathText(clipped(c.text))) at \(c.variable) = \(short(point))"
        let q = c.derivative == 1 ? "f'" : "f^{(\(c.derivative))}"
        figures.append(
          Report.FigureEntry(
            name: base,
            caption:
              "\(clipped(c.text)) at \(c.variable) = \(short(point)): error against h "
              + "(\(primary.rawValue))",
            figure: Figure(
              title: title,
              panels: [
                errorPanel(
                  main,
                  title:
                    "|estimate − \(q)(\(c.variable))| against the step h, \(primary.rawValue) precision"
                )
              ])
          ))
        if spec.precisions.count > 1 {
          let names = spec.schemes.map(\.rawValue) + spec.stencils.map(\.name)
          let panels = names.map { name in precisionPanel(here.filter { $0.name == name }) }
          figures.append(
            Report.FigureEntry(
              name: base + "-precisions",
              caption: "\(clipped(c.text)) at \(c.variable) = \(short(point)): every precision",
              figure: Figure(
                title: title + ": the same schemes in every precision", panels: panels,
                columns: panels.count > 1 ? 2 : 1)
            ))
        }
      }
    }
    return figures
  }

  /// A log-log panel of error against h, one series per scheme, with reference slopes, the fit
  /// ranges shaded and the best steps marked.
  static func errorPanel(_ outcomes: [SweepOutcome], title: String) -> Panel {
    var series: [Series] = []
    var spans: [Span] = []
    var markers: [VerticalMarker] = []
    var annotations: [Annotation] = []
    // One reference slope per order shown, anchored above the top of the fit range of the
    // first scheme with that order.
    var anchors: [Int: (x: Double, y: Double)] = [:]
    let positional = outcomes.contains { $0.name != $0.scheme.rawValue }
    for (k, o) in outcomes.enumerated() {
      let color = schemeColor(o, index: k, positional: positional)
      let label: String
      switch o.fit {
      case .fitted(let fit): label = String(format: "%@: slope %.2f", o.name, fit.order)
      case .exact: label = "\(o.name): exact (round-off only)"
      case .noFit: label = "\(o.name): no fit"
      }
      let points = o.samples.filter { $0.estimate.isFinite }
      series.append(
        Series(
          label, x: points.map(\.effectiveStep), y: points.map(\.error), style: .lineAndMarkers,
          color: color, marker: color))
      if let curve = modelSeries(o, color: color) { series.append(curve) }
      if let exit = o.domainExit {
        markers.append(
          VerticalMarker(
            "\(o.name): leaves the domain from h = \(short(exit.firstStep))", x: exit.firstStep,
            dash: .dashDot, color: color))
      }
      if let fit = o.orderFit {
        spans.append(Span("\(o.name) fit range", x: fit.range, color: color))
        let order = Int(fit.order.rounded())
        let top = points.filter { fit.range.contains($0.effectiveStep) }.max {
          $0.effectiveStep < $1.effectiveStep
        }
        if let top, anchors[order] == nil, order > 0 {
          anchors[order] = (top.effectiveStep, top.error)
        }
      }
      if let best = o.best, best.error > 0 {
        markers.append(
          VerticalMarker(
            k == 0 ? "best h observed (dotted), predicted (dashed)" : "", x: best.effectiveStep,
            dash: .dotted, color: color))
      }
      if let predicted = o.prediction.bestStep, predicted > 0, predicted.isFinite {
        markers.append(VerticalMarker("", x: predicted, dash: .dashed, color: color))
      }
      if !o.prediction.explanation.isEmpty,
        o.prediction.order != (o.stencil?.order ?? o.scheme.order),
        let best = o.best
      {
        annotations.append(
          Annotation(
            "\(o.name): \(o.prediction.explanation)", x: best.effectiveStep,
            y: best.error, alignment: .left, color: color))
      }
    }
    var references: [ReferenceLine] = []
    for (p, anchor) in anchors.sorted(by: { $0.key < $1.key }) {
      references.append(
        ReferenceLine(
          p == 1 ? "O(h)" : "O(h^{\(p)})", slope: Double(p), through: (anchor.x, anchor.y * 5)))
    }
    return Panel(
      title: title, xAxis: Axis("step h", scale: .log10), yAxis: Axis("|error|", scale: .log10),
      series: series, referenceLines: references, spans: spans, verticalMarkers: markers,
      annotations: annotations, legend: .best)
  }

  /// One scheme in every precision.
  static func precisionPanel(_ outcomes: [SweepOutcome]) -> Panel {
    let series = outcomes.enumerated().map { k, o -> Series in
      let points = o.samples.filter { $0.estimate.isFinite }
      let slope = o.fittedOrder.map { String(format: ", slope %.2f", $0) } ?? ""
      let color = Precision.allCases.firstIndex(of: o.precision) ?? k
      return Series(
        "\(o.precision.rawValue)\(slope)", x: points.map(\.effectiveStep), y: points.map(\.error),
        color: color, marker: color)
    }
    let markers = outcomes.compactMap { o -> VerticalMarker? in
      guard let best = o.best else { return nil }
      return VerticalMarker(
        "", x: best.effectiveStep, dash: .dotted,
        color: Precision.allCases.firstIndex(of: o.precision))
    }
    return Panel(
      title: outcomes.first.map { "\($0.name) (order \($0.stencil?.order ?? $0.scheme.order))" }
        ?? "",
      xAxis: Axis("step h", scale: .log10),
      yAxis: Axis("|error|", scale: .log10), series: series, verticalMarkers: markers, legend: .best
    )
  }
}

extension ConvergenceFigures {
  /// A named scheme's palette colour, the same in every figure; in a panel with custom
  /// stencils, the sweep's position (the palette has too few colours for both).
  static func schemeColor(_ o: SweepOutcome, index k: Int, positional: Bool) -> Int {
    guard !positional, let i = Scheme.allCases.firstIndex(of: o.scheme) else { return k }
    return i
  }

  /// The error model `C h^p + R ε |f| / h^q` over the sweep's steps, dashed in the scheme's
  /// colour ("name: model" in the legend), over the steps inside the domain.
  static func modelSeries(_ o: SweepOutcome, color: Int) -> Series? {
    guard let model = o.model else { return nil }
    // Inside the domain, and no higher than the errors drawn (the axis stays the data's).
    let inside = o.samples.filter { !$0.leavesDomain && $0.effectiveStep > 0 }
    let ceiling = 10 * (inside.map(\.error).filter(\.isFinite).max() ?? 0)
    let pairs = inside.map { ($0.effectiveStep, model.value(atStep: $0.effectiveStep)) }
      .filter { $0.1.isFinite && $0.1 <= ceiling }
    let (steps, values) = (pairs.map(\.0), pairs.map(\.1))
    guard values.contains(where: { $0.isFinite && $0 > 0 }) else { return nil }
    return Series(
      "\(o.name): model", x: steps, y: values, style: .line, dash: .dashed, color: color)
  }
}

/// An expression as figure text: `x^2` becomes `x^{2}` for the renderer's superscripts.
func mathText(_ text: String) -> String {
  var out = ""
  var chars = Array(text.replacingOccurrences(of: " ", with: ""))
  chars = Array(String(chars).replacingOccurrences(of: "*", with: "·"))
  var i = 0
  while i < chars.count {
    if chars[i] == "^" {
      var j = i + 1
      if j < chars.count, chars[j] == "(" {
        var depth = 0
        while j < chars.count {
          if chars[j] == "(" { depth += 1 }
          if chars[j] == ")" {
            depth -= 1
            if depth == 0 { break }
          }
          j += 1
        }
        out += "^{" + String(chars[(i + 2)..<min(j, chars.count)]) + "}"
        i = j + 1
        continue
      }
      while j < chars.count, chars[j].isNumber || chars[j] == "." || chars[j].isLetter { j += 1 }
      out += "^{" + String(chars[(i + 1)..<j]) + "}"
      i = j
      continue
    }
    out.append(chars[i])
    i += 1
  }
  // Identifiers such as x0 or x12 print as x_{0}, x_{12}.
  var result = ""
  let characters = Array(out)
  var k = 0
  while k < characters.count {
    let c = characters[k]
    result.append(c)
    let startsIdentifier =
      c.isLetter
      && (k == 0
        || !(characters[k - 1].isLetter || characters[k - 1].isNumber || characters[k - 1] == "{"))
    if startsIdentifier, k + 1 < characters.count, characters[k + 1].isNumber,
      k + 1 == characters.count - 1 || !(characters[k + 2].isLetter || characters[k + 2] == ".")
        || characters[k + 2].isNumber
    {
      var j = k + 1
      while j < characters.count, characters[j].isNumber { j += 1 }
      if j == characters.count || !characters[j].isLetter {
        result += "_{" + String(characters[(k + 1)..<j]) + "}"
        k = j
        continue
      }
    }
    k += 1
  }
  return result.replacingOccurrences(of: "+", with: " + ")
}

/// A file-name-safe rendering of a number or label.
func fileSafe(_ text: String) -> String {
  String(text.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
}
