/// The words of the step-size lab (`lab.html`), in English and Korean (terms from
/// shared/glossary.md); the page's script reads them by name (`all`).
enum LabPhrase: String, CaseIterable, Phrase {
  case labHeading, labIntro, caseLabel, derivativeLabel, pointLabel, stepLabel, schemeLabel
  case precisionLabel, estimateLabel, exactLabel, errorLabel, modelLabel, truncationLabel
  case roundoffLabel, totalModelLabel, measuredLabel, notesStepsLabel, stepColumn
  case estimateColumn, errorColumn, axisStep, axisError, notFinite, exactTruncation, backToIndex
  case half, single, double, forward, backward, central, central4, richardson, latency
  case zeroLabel

  /// Every phrase in `language`, by its name (the lab page's words).
  static func all(_ language: String) -> [String: String] {
    Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.text(language)) })
  }
}
