import Calculus

/// Every text `kind: order` writes for people, one case per phrase (English in
/// OrderPhrase+English.swift, Korean in OrderPhrase+Korean.swift; exhaustive switches, so a new
/// case is worded in both or the build fails). Arguments are never translated.
enum OrderPhrase: Phrase, Equatable {
  case progressLevels
  case showTolerance(String)
  case showCase(String, output: String, levels: Int, expected: String?)
  case showCommand(String)
  case levelFailure(LevelFailure)
  case regime(Regime)
  case status(OrderStudyStatus)

  // Tables.
  case convergenceTable(caseName: String)
  case column(Column)
  case failedCell

  // Checks.
  case levelSubject(caseName: String, level: Int)
  case levelFailed(level: Int, failure: LevelFailure, errorTail: [String])
  /// The fitted order against the expected one: `within` the tolerance or not.
  case orderFitted(
    order: String, interval: String, levels: String, expected: String, tolerance: String,
    within: Bool)
  case orderNotFitted(status: OrderStudyStatus, asymptotic: Int)
  case orderLevelsFailed(levels: String)
  case orderNotes(caseName: String, notes: String)

  // `--baseline` (every kind's results, worded here with the CI outputs order brought).
  case baselineSubject
  case baselineMissing(path: String)
  case baselineUnreadable
  case baselineNothingToCompare
  case baselineAsGood(compared: Int)
  /// The regressions, listed by result in English (field names and numbers).
  case baselineRegressions(String)

  // Figures.
  case figureTitle(caseName: String)
  case axisH, axisError, axisDifference
  case fittedLine(order: String, low: String, high: String)
  case intervalLines
  case asymptoticPoints, preAsymptoticPoints, floorPoints
  case axisLevel, axisObservedOrder
  case expectedOrder(String)
  case caption(caseName: String)
}

extension OrderPhrase {
  /// The tables' column heads.
  enum Column: Sendable, Equatable {
    case `case`, level, n, h, error, value, difference, observedOrder, regime, seconds
    case expected, fitted, interval, asymptoticLevels, status, verdict, extrapolated, gci
    case asymptoticRatio
  }
}

extension Language {
  /// `phrase` in this language (a name of its own: an overloaded `callAsFunction` would make
  /// the other kinds' `language.order(.tableStatus)` ambiguous).
  func order(_ phrase: OrderPhrase) -> String { phrase.text(self) }
}

/// "2–6", "1, 3": levels counted from 1.
func levelList(_ levels: [Int]) -> String {
  guard let first = levels.first, let last = levels.last else { return "-" }
  if levels.count > 1, levels == Array(first...last) { return "\(first)–\(last)" }
  return levels.map(String.init).joined(separator: ", ")
}
