import Calculus
import Foundation
import Plotting

/// The sweep figure every sweeping kind draws (convergence, partials, gradcheck): error against
/// h on log-log axes with fit ranges, error models, best-step ticks and slopes.
enum SweepFigures {
  static func sweepSeries(
    _ o: SweepOutcome, label: String, name: String? = nil, color: Int, dash: Dash = .solid
  ) -> Series {
    let steps = o.samples.map(\.effectiveStep).filter { $0 > 0 && $0.isFinite }
    let range = steps.min().flatMap { lo in steps.max().map { lo...$0 } }
    // A sweep with no truncation error is round-off only, mostly exact zeros: markers (zeros
    // marked at the axis' foot) rather than a line diving to the edge and back at each one.
    let roundOffOnly: Bool
    if case .exact = o.fit { roundOffOnly = true } else { roundOffOnly = false }
    return Series(
      label, x: o.samples.map(\.effectiveStep),
      y: o.samples.map { $0.estimate.isFinite ? $0.error : .nan },
      style: roundOffOnly ? .markers : .lineAndMarkers,
      dash: dash, color: color, marker: color, xRange: range, name: name)
  }

  /// The legend label of one sweep: its scheme and fitted slope (the best steps are in the
  /// table; the figure marks them in the scheme's colour).
  static func sweepLabel(_ o: SweepOutcome, language: Language) -> String {
    let name = displayName(o, language)
    switch o.fit {
    case .fitted(let fit): return language(.slope(scheme: name, order: fit.order))
    case .exact: return language(.exactRoundOff(scheme: name))
    case .noFit: return language(.noFit(scheme: name))
    }
  }

  /// A log-log panel of error against h, one series per scheme, with reference slopes, the fit
  /// ranges shaded and each scheme's best steps marked in its colour. A scheme whose order at
  /// the point is not its nominal one says why in short in its label, and in full in a note
  /// under the panel (one note for the schemes that give the same reason).
  static func errorPanel(_ outcomes: [SweepOutcome], title: String, language: Language) -> Panel {
    var parts = ErrorPanelParts(language: language)
    let positional = outcomes.contains { $0.name != $0.scheme.rawValue }
    for (k, o) in outcomes.enumerated() {
      parts.add(o, color: schemeColor(o, index: k, positional: positional))
    }
    let references = parts.anchors.sorted(by: { $0.key < $1.key }).map { p, anchor in
      ReferenceLine(
        p == 1 ? "O(h)" : "O(h^{\(p)})", slope: Double(p), through: (anchor.x, anchor.y * 5))
    }
    let markers = parts.markers
    return Panel(
      title: title, xAxis: Axis(language(.stepH), scale: .log10),
      yAxis: Axis(language(.absError), scale: .log10), series: parts.series,
      referenceLines: references, verticalMarkers: markers,
      // A sweep's curves reach every corner (round-off at the left, truncation at the right):
      // the legend goes beside the axes, where it covers nothing. Labels that say why an order
      // differs are long and seldom fit at their lines: the legend then goes inside where it
      // covers nothing, rather than under the axes, which the notes already make shorter.
      legend: parts.reasons.isEmpty ? .outsideRight : .best,
      notes: parts.reasonNotes
        + (markers.isEmpty ? [] : [language(.bestObserved) + ", " + language(.bestPredicted)]))
  }

  /// What an error panel draws, gathered sweep by sweep.
  struct ErrorPanelParts {
    var language: Language
    var series: [Series] = []
    var markers: [VerticalMarker] = []
    /// Why a scheme's order at the point is not its nominal one, in full, by scheme.
    var reasons: [(scheme: String, reason: String)] = []
    /// One reference slope per order shown, anchored above the top of the fit range of the
    /// first scheme with that order.
    var anchors: [Int: (x: Double, y: Double)] = [:]

    init(language: Language) { self.language = language }

    /// One sweep in `color`: its series and model curve, the step where it leaves the domain,
    /// its fit range, its best steps and the explanation of an unexpected order.
    mutating func add(_ o: SweepOutcome, color: Int) {
      let name = displayName(o, language)
      series.append(sweepSeries(o, label: label(o), name: name, color: color))
      // The model curves are guides: one grey legend entry for all, no coincidence notes.
      if var curve = modelSeries(o, label: language(.modelCurve(name: name)), color: color) {
        curve.legendGroup = language(.modelCurvesDashed)
        series.append(curve)
      }
      if let exit = o.domainExit {
        markers.append(
          VerticalMarker(
            language(.leavesDomainFrom(name: name, h: short(exit.firstStep))), x: exit.firstStep,
            dash: .dashDot, color: color))
      }
      if let fit = o.orderFit { addFit(o, fit, name: name, color: color) }
      if let best = o.best, best.error > 0 {
        markers.append(
          VerticalMarker("", x: best.effectiveStep, dash: .dotted, color: color, isTick: true))
      }
      if let predicted = o.prediction.bestStep, predicted > 0, predicted.isFinite {
        markers.append(
          VerticalMarker("", x: predicted, dash: .dashed, color: color, isTick: true))
      }
      // The explanation of an unexpected order (an exact scheme says so in its label already).
      if Self.showsOtherOrder(o) {
        reasons.append(
          (name, scriptedText(language(.taylorReason(reason: o.prediction.reason)))))
      }
    }

    /// The sweep's label: its slope, and when Taylor terms vanish at the point, which ones
    /// (`forward: slope 4.00, h¹–h³ terms vanish`); the note under the panel says the rest.
    func label(_ o: SweepOutcome) -> String {
      let plain = sweepLabel(o, language: language)
      guard Self.showsOtherOrder(o), case .leadingTerm(let t) = o.prediction.reason,
        !t.skipped.isEmpty
      else { return plain }
      return language(.vanishingTerms(label: plain, powers: t.skipped.map { $0 - t.estimated }))
    }

    /// Whether the sweep's order at the point differs from its scheme's (a Taylor term
    /// vanishes there), the scheme not being exact.
    static func showsOtherOrder(_ o: SweepOutcome) -> Bool {
      !o.prediction.isExact && o.prediction.order != (o.stencil?.order ?? o.scheme.order)
    }

    /// One note per distinct reason, naming the schemes that give it, in the schemes' order.
    var reasonNotes: [String] {
      var order: [String] = []
      var schemes: [String: [String]] = [:]
      for (scheme, reason) in reasons {
        if schemes[reason] == nil { order.append(reason) }
        schemes[reason, default: []].append(scheme)
      }
      return order.map { language(.schemesReason(schemes: schemes[$0] ?? [], reason: $0)) }
    }

    /// The fitted stretch of the sweep as a wide light stroke under its line (no shading over
    /// the axes), and the anchor of its order's reference slope.
    private mutating func addFit(_ o: SweepOutcome, _ fit: OrderFit, name: String, color: Int) {
      let fitted = o.samples.filter {
        fit.range.contains($0.effectiveStep) && $0.estimate.isFinite && $0.error > 0
      }
      series.append(
        Series(
          language(.fitRange(scheme: name)), x: fitted.map(\.effectiveStep),
          y: fitted.map(\.error), style: .line, color: color, name: name,
          legendGroup: language(.fitRangesWide), isHighlight: true))
      let order = Int(fit.order.rounded())
      let top = o.samples.filter { $0.estimate.isFinite && fit.range.contains($0.effectiveStep) }
        .max { $0.effectiveStep < $1.effectiveStep }
      if let top, anchors[order] == nil, order > 0 {
        anchors[order] = (top.effectiveStep, top.error)
      }
    }
  }

  /// One scheme in every precision: the series named by precision alone (the panels of a
  /// figure then share one legend), the fitted slopes in a note under the panel.
  static func precisionPanel(_ outcomes: [SweepOutcome], language: Language) -> Panel {
    let series = outcomes.enumerated().map { k, o -> Series in
      let name = language(.precisionName(precision: o.precision))
      let color = Precision.allCases.firstIndex(of: o.precision) ?? k
      return sweepSeries(o, label: name, name: name, color: color)
    }
    // A plain loop: a closure over the outcome's fit here crashes the 6.3 optimizer (-O).
    var slopes: [String] = []
    for o in outcomes {
      guard let order = o.fittedOrder else { continue }
      let name = language(.precisionName(precision: o.precision))
      slopes.append("\(name) \(String(format: "%.2f", order))")
    }
    let markers = outcomes.compactMap { o -> VerticalMarker? in
      guard let best = o.best else { return nil }
      return VerticalMarker(
        "", x: best.effectiveStep, dash: .dotted,
        color: Precision.allCases.firstIndex(of: o.precision), isTick: true)
    }
    // The scheme names the panel in its y label: the figure's line above says which case,
    // and a grid's panel titles would be a third heading line.
    let scheme = outcomes.first.map {
      language(
        .schemeOrder(
          scheme: displayName($0, language), order: $0.stencil?.order ?? $0.scheme.order))
    }
    return Panel(
      xAxis: Axis(language(.stepH), scale: .log10),
      yAxis: Axis(
        scheme.map { "\($0): \(language(.absError))" } ?? language(.absError), scale: .log10),
      series: series, verticalMarkers: markers,
      legend: .outsideRight,
      notes: (slopes.isEmpty ? [] : [language(.slopesNote(slopes: slopes.joined(separator: ", ")))])
        + (markers.isEmpty ? [] : [language(.bestObserved)]))
  }
}

extension SweepFigures {
  /// `panels` with one x range and one y range for all, each the union of what the panels
  /// draw (guides aside) with the fitted axis' 4% margin, so that panels side by side compare
  /// at a glance: the same decades at the same place, the same ticks.
  ///
  /// Edge Cases: zeros and non-finite values do not widen a log range (zeros are marked at
  /// its edge); an axis with nothing to draw keeps its own fitted range.
  static func sharingAxes(_ panels: [Panel]) -> [Panel] {
    func range(_ values: [Double], log: Bool) -> ClosedRange<Double>? {
      let world = values.filter { $0.isFinite && (!log || $0 > 0) }.map { log ? log10($0) : $0 }
      guard var lo = world.min(), var hi = world.max() else { return nil }
      if hi - lo < 1e-12 { (lo, hi) = (lo - 0.5, hi + 0.5) }
      let margin = 0.04 * (hi - lo)
      (lo, hi) = (lo - margin, hi + margin)
      return log ? pow(10, lo)...pow(10, hi) : lo...hi
    }
    let drawn = panels.flatMap { $0.series.filter { !$0.isGuide } }
    let logX = panels.first?.xAxis.scale == .log10
    let logY = panels.first?.yAxis.scale == .log10
    // A series' declared x-range counts: the axis shows the whole sweep.
    let xs = drawn.flatMap { s in s.x + (s.xRange.map { [$0.lowerBound, $0.upperBound] } ?? []) }
    let x = range(xs, log: logX)
    let y = range(drawn.flatMap(\.y), log: logY)
    return panels.map { panel in
      var panel = panel
      if let x { panel.xAxis.range = x }
      if let y { panel.yAxis.range = y }
      return panel
    }
  }

  /// A sweep's name for people: a named scheme in the report's language, a custom stencil by
  /// the name its file gave it.
  static func displayName(_ o: SweepOutcome, _ language: Language) -> String {
    SweepReporting.schemeName(o, language)
  }

  /// A named scheme's palette colour, the same in every figure; in a panel with custom
  /// stencils, the sweep's position (the palette has too few colours for both).
  static func schemeColor(_ o: SweepOutcome, index k: Int, positional: Bool) -> Int {
    guard !positional, let i = Scheme.allCases.firstIndex(of: o.scheme) else { return k }
    return i
  }

  /// The error model `C h^p + R ε |f| / h^q` over the sweep's steps, dashed in the scheme's
  /// colour ("name: model" in the legend), over the steps inside the domain; a guide, never
  /// noted as coinciding with the data it models.
  static func modelSeries(_ o: SweepOutcome, label: String, color: Int) -> Series? {
    guard let model = o.model else { return nil }
    // Inside the domain, and no higher than the errors drawn (the axis stays the data's).
    let inside = o.samples.filter { !$0.leavesDomain && $0.effectiveStep > 0 }
    let ceiling = 10 * (inside.map(\.error).filter(\.isFinite).max() ?? 0)
    let pairs = inside.map { ($0.effectiveStep, model.value(atStep: $0.effectiveStep)) }
      .filter { $0.1.isFinite && $0.1 <= ceiling }
    let (steps, values) = (pairs.map(\.0), pairs.map(\.1))
    guard values.contains(where: { $0.isFinite && $0 > 0 }) else { return nil }
    // The model spans what was swept, as the sweep's own series does.
    let swept = o.samples.map(\.effectiveStep).filter { $0 > 0 && $0.isFinite }
    let range = swept.min().flatMap { lo in swept.max().map { lo...$0 } }
    return Series(
      label, x: steps, y: values, style: .line, dash: .dashed, color: color, xRange: range,
      isGuide: true)
  }
}
