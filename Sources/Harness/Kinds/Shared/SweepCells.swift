import Calculus
import Foundation

/// "1.23456789 (1.2e-05)" for a table of the notes' steps.
func stepCell(_ v: StepValue, _ language: Language) -> String {
  let estimate =
    v.estimate.value.flatMap { $0.isFinite ? String(format: "%.10g", $0) : nil }
    ?? language(.notFinite)
  let error = v.error.value.flatMap { $0.isFinite ? String(format: "%.2e", $0) : nil } ?? "-"
  return "\(estimate) (\(error))"
}

/// The stencil's offsets, "[-1, 0, 1]" ("complex step" for the complex step).
func stencilCell(_ o: SweepOutcome, _ language: Language) -> String {
  guard let stencil = o.stencil else { return language(.complexStepCell) }
  return "[" + distinctShort(stencil.offsets).joined(separator: ", ") + "]"
}
