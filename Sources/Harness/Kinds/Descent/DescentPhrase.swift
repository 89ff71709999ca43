import Calculus

/// The words of `kind: descent`.
///
/// Worded in `DescentPhrase+English.swift` and `DescentPhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum DescentPhrase: Phrase {
  case descentStatus(status: DescentStatus)
  case tableLearningRate
  case tableFinalF
  case tableWhy
  case learningRateUpdateGradientSubject(rate: String, update: any Phrase, gradient: any Phrase)
  case tableUpdate
  case updateRule(rule: UpdateRule)
  case expectedGot(expected: any Phrase, got: any Phrase, reason: any Phrase)
  /// f (nil when the experiment's title states it) along the descent.
  case descentLoss(f: String?)
  case descentLossTooLowRightHigh(f: String?)
  case stepK
  /// The paths figure's line: f (nil when the title states it), the steps, start and gradients.
  case descentPaths(f: String?, steps: Int, start: String, gradients: String)
  case start(point: String)
  case captionLoss
  case captionPaths(f: String)
  case gradientStyles(styles: String)
  case solidLine
  case dashedLine
  case dottedLine
  case dashDotLine
  /// The map's note when other gradients' paths lie on the first one's at the figure's
  /// resolution (with `distances`, the distance panel beside the map draws how far apart).
  case pathsCoincide(gradients: [String], reference: String, distances: Bool)
  case learningRateRun(rate: String, status: String)
  case cycle(status: String, period: Int)
  /// A too-slow run whose last steps zig-zag (`DescentStop.tooSlow`'s `overshooting`).
  case zigZag(status: String)
  case distancePanel(reference: String)
  case versus(first: String, second: String)
  case largestPathDistance
  case pathSubject(rate: String, update: any Phrase, gradient: any Phrase, reference: any Phrase)
  case referenceDidNotConverge
  case pathDistance(distance: Double, bound: Double)
  case showStart(point: String)
  case showDescentRun(rates: String, steps: Int, gradients: String, updates: String)
  case userGradient
  case showProgramF(variables: String, program: String, folder: String, precision: String)
  case showUserGradient(program: String)
}

extension Language {
  /// `phrase` in this language: `language(.descentStatus)`.
  func callAsFunction(_ phrase: DescentPhrase) -> String { phrase.text(self) }
}

extension CommonPhrase {
  /// The name of a descent gradient: its scheme's, `analytic`, or the user's.
  static func gradient(_ source: GradientSource) -> any Phrase {
    if source == .user { return DescentPhrase.userGradient }
    return source.scheme.map { CommonPhrase.schemeName(scheme: $0) } ?? CommonPhrase.analytic
  }
}
