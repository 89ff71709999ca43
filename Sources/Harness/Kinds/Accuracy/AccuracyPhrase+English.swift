import Foundation

extension AccuracyPhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .accuracyStatus(let status): return status.rawValue
    case .estimateSource(let source): return source.rawValue
    case .showMethods(let methods): return "methods: \(methods)"
    case .showProgramCase(let number, let variable, let program, let folder, let precision, let points):
      return "case \(number): f(\(variable)) from a program at \(variable) = \(points)\n  starts: \(program) (in \(folder), precision \(precision))"
    case .showProgramReference(let df):
      return df.map { "  reference: df = \($0)" } ?? "  reference: the adaptive derivative (its error estimate caps the digits that can be seen)"
    case .adaptiveReference(let f, let at, let value, let error):
      return "\(f) at \(at): measured against the adaptive derivative \(String(format: "%.17g", value)) ± \(String(format: "%.1e", error)) (no df); digits beyond that cannot be seen"
    case .showAccuracyExpect(let method, let minDigits, let covers):
      let en = [minDigits.map { "min_digits \($0)" }, covers.map { "covers \($0)" }].compactMap { $0 }
      return "expect \(method): " + en.joined(separator: ", ")
    case .accuracyPerMethod: return "per method: digits (−log10 relative error) and evaluations of f"
    case .tableMethod: return "method"
    case .tableMedianDigits: return "median digits"
    case .tablePercentile10: return "10th pct"
    case .tableMin: return "min"
    case .tableMedianEvaluations: return "median evaluations"
    case .tableCovers: return "estimate ≥ error"
    case .tableEstimate: return "estimate"
    case .tableDigits: return "digits"
    case .tableEvaluations: return "evaluations"
    case .tableStep: return "step"
    case .tableError: return "error"
    case .predictedEstimateNote: return "The error estimate of a fixed scheme is predicted, not measured: the Taylor truncation term at its step plus the round-off floor, from the symbolic derivatives (a black-box method has no such estimate). The adaptive derivative's is its own a-posteriori estimate."
    case .tinyStep(let r):
      return "a tiny step (no cancellation): \(CalculusPhrase.taylorReason(reason: r).english)"
    case .predictedBestStep(let r):
      return "predicted best step: \(CalculusPhrase.taylorReason(reason: r).english)"
    case .largeStep(let r):
      return "no truncation error (\(CalculusPhrase.taylorReason(reason: r).english)): a large step"
    case .textbookStep(let negligible, let root, let r):
      let why = negligible ? "the truncation terms are negligible at the point, not zero" : "f(x) = 0 gives no round-off scale"
      return "\(why): the textbook step epsilon^(1/\(root)) max(|x|, 1); \(CalculusPhrase.taylorReason(reason: r).english)"
    case .adaptiveFrom(let stencil, let h): return "\(stencil) differences from h = \(h)"
    case .outsideDomainAt(let location, let f, let v):
      return "\(location) is outside the domain of \"\(f)\": \(CalculusPhrase.domainViolation(violation: v).english)"
    case .notFiniteAt(let f, let value, let location, let precision): return "\"\(f)\" is \(value) at \(location) in \(precision)"
    case .noDerivativeAt(let location, let v):
      return "no derivative at \(location): \(CalculusPhrase.nonDifferentiability(reason: v).english)"
    case .digitsDetail(let d, let passed, let minimum, let error, let evaluations, let status):
      let sign = passed ? ">=" : "<"
      return String(format: "%.2f digits %@ %g (error %.3g, %d evaluations, %@)", d, sign, minimum, error, evaluations, status.english)
    case .statusDetail(let status, let detail): return "\(status.english): \(detail.english)"
    case .coversSubject(let method, let precision): return "\(method.english), \(precision.english): error estimate covers the error"
    case .noEstimates: return "no result has both an error and an error estimate"
    case .coverageDetail(let covered, let total, let passed, let share):
      let measured = 100 * Double(covered) / Double(max(total, 1))
      let sign = passed ? ">=" : "<"
      return String(format: "%d of %d results (%.1f%%) %@ %.1f%%", covered, total, measured, sign, 100 * share)

    }
  }
}
