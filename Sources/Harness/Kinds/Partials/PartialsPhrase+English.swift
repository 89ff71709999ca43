extension PartialsPhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .tablePartial: return "partial"
    case .tableGradientAtSteps: return "the gradient at the notes' steps (double): estimate (|error|)"
    case .hessianEntryAt(let entry, let at): return "Hessian \(entry) at \(at)"
    case .hessianEntry(let a, let b): return "f_{\(a)\(b)}"
    case .partialAt(let variable, let at): return "∂f/∂\(variable) at \(at)"
    case .partialsTitle(let f, let at): return (f.map { "f = \($0) at \(at)" } ?? "at \(at)") + ": error of each partial derivative against h"
    case .captionPartials(let f, let at): return "every partial of \(f) at \(at): error against h"
    case .hessianAt(let at): return "|error| at \(at)"
    case .hessianTitle(let f): return (f.map { "f = \($0): " } ?? "") + "Hessian entries by central second differences, error against h"
    case .captionHessian: return "the Hessian's second differences: error against h"
    case .intersection(let plane): return "intersection with the plane \(plane)"
    case .tangentSlope(let variable, let slope): return "tangent line, slope ∂f/∂\(variable) = \(slope)"
    case .onPlane(let plane): return "f on the plane \(plane)"
    case .sliceFigureTitle(let variable, let at): return "∂f/∂\(variable) at \(at): the slope of the surface along \(variable)"
    case .captionSlice(let variable, let at):
      return "the partial ∂f/∂\(variable) at \(at) as the slope of the intersection curve"

    case .showAt(let points): return "at: \(points)"
    case .showHessian: return "hessian: central second differences"
    case .gradientUnderTestAt(let at, let scheme): return "your gradient at \(at), \(scheme.english)"
    case .gradientAgrees(let count, let least):
      return "every entry (\(count)) agrees: the differences converge at the stencil's order down to \(String(format: "%.1e", least))"
    case .entryDiffers(let variable, let difference, let at):
      return "∂f/∂\(variable) differs from the finite differences by about \(String(format: "%.3g", difference)) at \(at)"
    case .othersAgree(let variables, let count): return "\(variables) " + (count == 1 ? "agrees" : "agree")
    case .expectedWrong(let variables): return "expected wrong: \(variables)"
    case .gradientNotChecked(let variables):
      return "not checked: \(variables) (the value is not finite, or fewer than three steps gave a finite estimate)"
    case .adaptiveReference(let variable, let at, let value, let error):
      return "∂f/∂\(variable) at \(at): the reference is the adaptive derivative \(String(format: "%.17g", value)) ± \(String(format: "%.1e", error)); errors below that cannot be seen"
    case .referenceName(let source): return source == "gradient" ? "your gradient" : "adaptive derivative"
    case .showProgram(let variables, let program, let folder, let precision):
      return "f(\(variables)) from a program: \(program) (in \(folder), precision \(precision))"
    case .showGradientProgram(let program): return "  gradient under test: \(program)"
    case .showAdaptiveReference: return "  reference: the adaptive derivative (no gradient under test)"
    }
  }
}
