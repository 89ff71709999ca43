/// The words of `kind: accuracy`'s figures.
///
/// Worded in `AccuracyFigurePhrase+English.swift` and `AccuracyFigurePhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum AccuracyFigurePhrase: Phrase {
  case evaluationsOfF
  case correctDigits
  case everyCaseAndPoint(precision: String)
  /// A program case's panel: its number and its reference (the user's df or the adaptive
  /// derivative), since the program's f reads the same in every case.
  case programCaseAt(number: Int, userDerivative: Bool, variable: String, at: String)
  case medianDigits(method: String, digits: Double, evaluations: String)
  /// The digits axis of the per-case panels when the experiment has several precisions.
  case digitsIn(precision: String)
  case captionDigits(count: Int)
  case captionDigitsPerCase(precision: String, first: Int, last: Int)
  case calibrationTitle
  case calibrationPanel(precision: String)
  case trueError
  case errorEstimate
  case covered(covered: Int, total: Int)
  case captionCalibration(shares: String)
  case notDrawnOnLog(count: Int)
}

extension Language {
  /// `phrase` in this language: `language(.evaluationsOfF)`.
  func callAsFunction(_ phrase: AccuracyFigurePhrase) -> String { phrase.text(self) }
}
