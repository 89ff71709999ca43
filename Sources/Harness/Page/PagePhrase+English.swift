extension PagePhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .labLink: return "Step-size lab"
    case .overview: return "Overview"
    case .kindHeading: return "By kind"
    case .languageHeading: return "Language"
    case .provenance: return "Provenance"
    case .version: return "version"
    case .commit: return "commit"
    case .date: return "date"
    case .command: return "command"
    case .figureSize: return "figure size"
    case .languageLabel: return "language"
    case .files: return "Files"
    case .passedChecks: return "passed checks"
    case .failedFirst: return "failed first"
    case .tables: return "Tables"
    case .figures: return "Figures"
    case .checksTable: return "Checks"
    case .statusColumn: return "status"
    case .subjectColumn: return "what"
    case .detailColumn: return "detail"
    case .unknown: return "unknown"
    case .englishLanguage: return "English"
    case .koreanLanguage: return "Korean"
    case .sourceFile: return "experiment file"
    case .figure: return "Figure"
    case .table: return "Table"
    case .ownSize: return "each figure's own"
    case .passedCount: return "passed"
    case .noFigure: return "no figure"
    case .contents: return "Contents"
    }
  }
}
