import Calculus
import Foundation
import Plotting

/// Figures of `kind: convergence` (and the per-partial sweeps of `partials`).
enum ConvergenceFigures {
  static func make(
    spec: ConvergenceSpec, sweeps: [ConvergenceOutcome.Sweep], heading: FigureHeading,
    language: Language
  ) -> [Report.FigureEntry] {
    var figures: [Report.FigureEntry] = []
    let primary = spec.precisions.contains(.double) ? Precision.double : spec.precisions[0]
    let precisionName = language(.precisionName(precision: primary))
    for (i, c) in spec.cases.enumerated() {
      // The function once: in the second line, unless the experiment's title states it.
      let f = heading.formula(clipped(c.text))
      for point in c.points {
        let here = sweeps.filter { $0.caseNumber == i + 1 && $0.at == point }.map(\.outcome)
        let main = here.filter { $0.precision == primary }
        let base = "case\(i + 1)-\(c.variable)\(fileSafe(short(point)))"
        let at = "\(c.variable) = \(short(point))"
        // One panel: the figure's second line is its heading; the panel has no title.
        let panel = SweepFigures.errorPanel(main, title: "", language: language)
        let title = language(
          .caseHeading(
            variable: c.variable, f: f, at: short(point), derivative: c.derivative,
            precision: spec.precisions.count > 1 ? precisionName : nil))
        figures.append(
          Report.FigureEntry(
            name: base,
            caption: language(.captionError(f: clipped(c.text), at: at, precision: precisionName)),
            figure: Figure(title: title, panels: [panel])))
        if spec.precisions.count > 1 {
          let names = spec.schemes.map(\.rawValue) + spec.stencils.map(\.name)
          let panels = SweepFigures.sharingAxes(
            names.map { name in
              SweepFigures.precisionPanel(here.filter { $0.name == name }, language: language)
            })
          figures.append(
            Report.FigureEntry(
              name: base + "-precisions",
              caption: language(.captionPrecisions(f: clipped(c.text), at: at)),
              figure: Figure(
                title: language(.casePrecisions(variable: c.variable, f: f, at: short(point))),
                panels: panels, columns: panels.count > 1 ? 2 : 1)
            ))
        }
      }
    }
    return figures
  }

  /// A sweep as a series: every sample at its effective step, zero errors included (the
  /// renderer marks them at the axis' edge and says so), non-finite estimates as gaps; the x
  /// axis covers the whole sweep.
}
