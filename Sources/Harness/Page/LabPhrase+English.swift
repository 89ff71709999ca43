extension LabPhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .labHeading: return "Step-size lab"
    case .labIntro: return "Move x and h, pick the scheme and the precision: the estimate, its error and the curve " + "are computed here in the browser, every operation rounded to the chosen precision."
    case .caseLabel: return "Function"
    case .derivativeLabel: return "Derivative"
    case .pointLabel: return "Point x"
    case .stepLabel: return "Step h (log₁₀ h)"
    case .schemeLabel: return "Scheme"
    case .precisionLabel: return "Precision"
    case .estimateLabel: return "Estimate"
    case .exactLabel: return "Exact"
    case .errorLabel: return "Error"
    case .modelLabel: return "Model"
    case .truncationLabel: return "truncation"
    case .roundoffLabel: return "round-off"
    case .totalModelLabel: return "truncation + round-off model"
    case .measuredLabel: return "error computed here"
    case .notesStepsLabel: return "The notes' steps"
    case .zeroLabel: return "error exactly 0 (on the bottom edge)"
    case .stepColumn: return "h"
    case .estimateColumn: return "estimate"
    case .errorColumn: return "error"
    case .axisStep: return "step h"
    case .axisError: return "|error|"
    case .notFinite: return "not finite"
    case .exactTruncation: return "no truncation error (exact)"
    case .backToIndex: return "All results"
    case .half: return "half"
    case .single: return "single"
    case .double: return "double"
    case .forward: return "forward"
    case .backward: return "backward"
    case .central: return "central"
    case .central4: return "central, five points"
    case .richardson: return "Richardson"
    case .latency: return "update"
    }
  }
}
