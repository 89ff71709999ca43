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
  /// A sweep's figure label when Taylor terms vanish at the point: `label` and the short
  /// reason, `forward: slope 4.00, h¹–h³ terms vanish` (`powers`: the powers of h whose terms
  /// vanish).
  case vanishingTerms(label: String, powers: [Int])
  /// A note under a sweep figure: the schemes that give one reason, and the reason.
  case schemesReason(schemes: [String], reason: String)
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

extension CommonPhrase {
  /// Powers of h, a run of consecutive ones as its ends: `h¹–h³`, `h²`, `h², h⁴`.
  static func powersOfH(_ powers: [Int]) -> String {
    let h = { (p: Int) in scriptedText("h^\(p)") }
    guard let first = powers.first, let last = powers.last else { return "" }
    if powers.count > 1, powers == Array(first...last) { return h(first) + "–" + h(last) }
    return powers.map(h).joined(separator: ", ")
  }
}

extension Language {
  /// `phrase` in this language: `language(.schemeName)`.
  func callAsFunction(_ phrase: CommonPhrase) -> String { phrase.text(self) }
}
