/// The words of the pages (the overview and the index; the lab's are `LabPhrase`) that the reports do not already have,
/// in English and Korean (terms from shared/glossary.md).
enum PagePhrase: String, CaseIterable, Phrase {
  case labLink, overview, kindHeading, languageHeading, provenance, version, commit, date
  case command, figureSize, languageLabel, files, passedChecks, failedFirst, tables, figures
  case checksTable, statusColumn, subjectColumn, detailColumn, unknown, englishLanguage
  case koreanLanguage, sourceFile, figure, table, ownSize, passedCount, noFigure, contents
}
