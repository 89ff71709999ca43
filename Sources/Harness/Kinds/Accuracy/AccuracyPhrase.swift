import Calculus

/// The words of `kind: accuracy`.
///
/// Worded in `AccuracyPhrase+English.swift` and `AccuracyPhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum AccuracyPhrase: Phrase {
  case accuracyStatus(status: AccuracyOutcome.Status)
  case estimateSource(source: AccuracyOutcome.EstimateSource)
  case showMethods(methods: String)
  case showProgramCase(number: Int, variable: String, program: String, folder: String, precision: String, points: String)
  case showProgramReference(df: String?)
  case adaptiveReference(f: String, at: String, value: Double, error: Double)
  case showAccuracyExpect(method: String, minDigits: String?, covers: String?)
  case accuracyPerMethod
  case tableMethod
  case tableMedianDigits
  case tablePercentile10
  case tableMin
  case tableMedianEvaluations
  case tableCovers
  case tableEstimate
  case tableDigits
  case tableEvaluations
  case tableStep
  case tableError
  case predictedEstimateNote
  case tinyStep(reason: TaylorReason)
  case predictedBestStep(reason: TaylorReason)
  case largeStep(reason: TaylorReason)
  case textbookStep(negligible: Bool, root: Int, reason: TaylorReason)
  case adaptiveFrom(stencil: String, h: String)
  case outsideDomainAt(location: String, f: String, violation: DomainViolation)
  case notFiniteAt(f: String, value: String, location: String, precision: String)
  case noDerivativeAt(location: String, reason: NonDifferentiability)
  case digitsDetail(
    digits: Double, passed: Bool, minimum: Double, error: Double, evaluations: Int,
    status: any Phrase)
  case statusDetail(status: any Phrase, detail: any Phrase)
  case coversSubject(method: any Phrase, precision: any Phrase)
  case noEstimates
  case coverageDetail(covered: Int, of: Int, passed: Bool, share: Double)
}

extension Language {
  /// `phrase` in this language: `language(.accuracyStatus)`.
  func callAsFunction(_ phrase: AccuracyPhrase) -> String { phrase.text(self) }
}

extension CommonPhrase {
  /// The name of an accuracy method: its scheme's, or the adaptive derivative's.
  static func method(_ method: AccuracySpec.Method) -> CommonPhrase {
    method.scheme.map { .schemeName(scheme: $0) } ?? .adaptiveName
  }
}
