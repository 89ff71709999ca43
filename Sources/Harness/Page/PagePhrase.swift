/// The words of the pages (the lab and the overview) that the reports do not already have,
/// in English and Korean (terms from shared/glossary.md).
enum PagePhrase: String, CaseIterable, Phrase {
  case labHeading, labIntro, caseLabel, derivativeLabel, pointLabel, stepLabel, schemeLabel
  case precisionLabel, estimateLabel, exactLabel, errorLabel, modelLabel, truncationLabel
  case roundoffLabel, totalModelLabel, measuredLabel, notesStepsLabel, stepColumn
  case estimateColumn, errorColumn, axisStep, axisError, notFinite, exactTruncation
  case backToIndex, half, single, double, forward, backward, central, central4, richardson
  case latency, labLink, overview, kindHeading, languageHeading, provenance, version
  case commit, date, command, figureSize, languageLabel, files, passedChecks, failedFirst
  case tables, figures, checksTable, statusColumn, subjectColumn, detailColumn, unknown
  case englishLanguage, koreanLanguage, sourceFile, figure, table, ownSize, passedCount, noFigure, contents

  /// The phrase in the language whose code is `code` ("en" or "ko"; anything else is English).
  func text(_ code: String) -> String { text(Language(rawValue: code) ?? .en) }

  /// Every phrase in `language`, by its name (the lab page's words).
  static func all(_ language: String) -> [String: String] {
    Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.text(language)) })
  }
}
