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
    }
  }
}
