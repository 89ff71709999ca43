import Plotting

/// The words of the shared writers (verdicts, page headings, counts) and the lines of
/// `experiment show` that every kind uses.
///
/// Worded in `ReportPhrase+English.swift` and `ReportPhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum ReportPhrase: Phrase {
  case passed
  case failed
  case failedShout
  case notChecked
  case notCheckedShout
  case pass
  case fail
  case checksHeading
  case notesHeading
  case note
  case noChecks
  case checksPassed(count: Int, of: Int)
  case checksFailed(count: Int, of: Int)
  case passedCount(count: Int)
  case notCheckedCount(count: Int)
  case seconds(seconds: Double)
  case experimentFile
  case resultsHeading
  case resultsIntro
  case indexIntro
  case pointsNotDrawn(figure: String, caption: String, count: Int)
  case formatLink(format: String)
  /// The renderer's note on points not drawn at their value (`FigureWords`): its head, the
  /// separator after a series' name, and the words after each count.
  case undrawnHead
  case undrawnNameSeparator
  case offFrameSuffix
  case edgeMarkEntry
  case undrawableSuffix
  case beyondSuffix
  case hiddenSuffix
  /// Around a count that several series share ("34 each", "각 34개").
  case eachBefore
  case eachAfter
  case showFile(path: String)
  case showDescription(text: String)
  case showNone
  case showNetwork(network: String)
  case showSchemes(schemes: String)
  case showPrecision(precisions: String)
  case showExpect(expectations: String, tolerance: String?)
  case showAuto(scheme: String)
  case showCase(number: Int, variable: String, f: String, points: String)
}

extension Language {
  /// `phrase` in this language: `language(.passed)`.
  func callAsFunction(_ phrase: ReportPhrase) -> String { phrase.text(self) }
}

extension Language {
  /// The words the renderer writes by itself, in this language.
  var figureWords: FigureWords {
    FigureWords(
      undrawnHead: self(ReportPhrase.undrawnHead),
      nameSeparator: self(ReportPhrase.undrawnNameSeparator),
      offFrame: self(ReportPhrase.offFrameSuffix), undrawable: self(ReportPhrase.undrawableSuffix),
      eachBefore: self(ReportPhrase.eachBefore), eachAfter: self(ReportPhrase.eachAfter),
      edgeMark: self(ReportPhrase.edgeMarkEntry), beyond: self(ReportPhrase.beyondSuffix),
      hidden: self(ReportPhrase.hiddenSuffix))
  }
}
