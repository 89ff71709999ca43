import Calculus

/// Words several kinds use: scheme and precision names, shared table headings, and the sweep
/// words of convergence, partials and gradcheck.
///
/// Worded in `CommonPhrase+English.swift` and `CommonPhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum CommonPhrase: Phrase {
  case gaussianInit(deviation: String)
  case describeNetwork(layers: String, activation: String, initialization: String, seed: UInt64)
  case complexStepCell
  // The sweep figure (convergence, partials, gradcheck).
  case bestObserved
  case bestPredicted
  case fitRange(scheme: String)
  case fitRangesWide
  case leavesDomainFrom(name: String, h: String)
  case modelCurve(name: String)
  case modelCurvesDashed
  case slopesNote(slopes: String)
  /// A scheme's name: `forward` in English, 전방 차분 in Korean.
  case schemeName(scheme: Scheme)
  /// The Hessian's central second difference, `central2`.
  case secondDifferenceName
  /// The adaptive derivative, `adaptive`.
  case adaptiveName
  case precisionName(precision: Precision)
  case stepH
  case absError
  case slope(scheme: String, order: Double)
  case exactRoundOff(scheme: String)
  case noFit(scheme: String)
  case tableScheme
  case tablePrecision
  case tableFitted
  case tablePredicted
  case tableExpected
  case tableBestH
  case tableVerdict
  case tableAt
  case exact
  case noFitWord
  case tableTensor
  case tableGradient
  case tableStatus
  case tableSteps
  case functionAt(f: String, variable: String, at: String)
  indirect case tooFewErrors(count: Int, detail: CommonPhrase)
  /// An order check's detail: the verdict, and the Taylor prediction in parentheses.
  case orderDetail(verdict: OrderVerdict, prediction: TaylorReason)
  case leavesDomainCell(h: String, steps: Int)
  case domainNote(
    subject: any Phrase, from: String, steps: Int, at: String, violation: DomainViolation)
  case nonFiniteNote(subject: any Phrase, count: Int)
  case notFinite
  case valueCheckDetail(estimate: Double, expected: Double, difference: Double, tolerance: Double)
  case analytic
}

extension Language {
  /// `phrase` in this language: `language(.schemeName)`.
  func callAsFunction(_ phrase: CommonPhrase) -> String { phrase.text(self) }
}
