/// The words of `kind: gradcheck`.
///
/// Worded in `GradcheckPhrase+English.swift` and `GradcheckPhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum GradcheckPhrase: Phrase {
  case tableEntries
  case tableNearKink
  case tableKinkMaxRel
  case tableDirection
  case tableAlongDirection
  case verdictBound(bound: String)
  case log10RelativeError
  case parameters
  /// What the histograms' relative error is, and which numerical gradient.
  case relativeErrorDefinition(floor: String, scheme: String, h: String)
  case captionRelativeErrors
  case noSampledEntries(tensors: String)
  case sweepOutputLayer
  case sweepAllParameters
  /// The kink marker's legend label: the step beyond which the ±h step crosses a relu kink,
  /// and what that does to the error.
  case kinkCrossed(h: String)
  case sweepTitle(precision: String)
  case captionSweep
  case tableMaxAbs
  case tableMaxRel
  case tableNormwise
  case sweepDirection(direction: GradcheckOutcome.DirectionSweep.Direction)
  case lossAlongDirection(direction: GradcheckOutcome.DirectionSweep.Direction)
  case kinkSweepNote(h: String)
  case kinkParametersNote(kinks: Int, of: Int)
  case relativeFloorNote(floor: String, roundoff: String, bound: String, below: Int, held: String)
  case tensorWorst(
    maxRelative: String, bound: String, entries: Int, worst: Int, backprop: String,
    numerical: String)
  case noSmoothEntry(sampled: Int, nearKink: Int)
  case fastAgainstTextbook
  case largestDifference(gap: String, bound: String)
  case showGradcheckData(source: String, batch: String)
  case showGradcheckStep(
    h: String, scheme: String, method: GradcheckSpec.Method, parameters: String?)
  case progressNumericalGradient(method: GradcheckSpec.Method)
  case awayFromKinksName
  case crossesKinkName
  case entryCounts(smooth: Int, kinked: Int)
}

extension Language {
  /// `phrase` in this language: `language(.tableEntries)`.
  func callAsFunction(_ phrase: GradcheckPhrase) -> String { phrase.text(self) }
}
