/// The words of `kind: convergence`.
///
/// Worded in `ConvergencePhrase+English.swift` and `ConvergencePhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum ConvergencePhrase: Phrase {
  /// A case figure's line under the experiment's title: the function (nil when the title
  /// states it), the point, the derivative and, when the experiment has several, the precision.
  case caseHeading(variable: String, f: String?, at: String, derivative: Int, precision: String?)
  /// The line over one case's panels in every precision (one panel per scheme).
  case casePrecisions(variable: String, f: String?, at: String)
  case schemeOrder(scheme: String, order: Int)
  case captionError(f: String, at: String, precision: String)
  case captionPrecisions(f: String, at: String)
  case tableF
  case tableStepsOfNotes
  case tableStencil
  case tableModelRatio
  case tableLeavesDomain
  case pointOf(f: String, at: String)
  case showSteps(count: Int, from: String, to: String, perDecade: Int)
  case showDerivativeEstimated(order: Int)
  case showGivenDerivative(df: String)
  // A case with many points: the figure across x.
  case acrossTitle(f: String, points: Int)
  case captionAcross(f: String, points: Int, drawn: Int)
  case fittedOrderAcross
  case leastErrorAcross
  case failedPoints
  case fittedOrderAxis
}

extension Language {
  /// `phrase` in this language: `language(.fitRange)`.
  func callAsFunction(_ phrase: ConvergencePhrase) -> String { phrase.text(self) }
}
