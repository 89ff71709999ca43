import Calculus

/// The words of `kind: backprop`.
///
/// Worded in `BackpropPhrase+English.swift` and `BackpropPhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum BackpropPhrase: Phrase {
  /// An entry whose gradient differs: "W1[3, 7]", its plateau and the student's value.
  struct Difference: Sendable {
    var name: String
    var plateau: Double
    var gradient: Double
  }

  /// "W1, double (expected wrong)": a tensor's check.
  case tensorSubject(tensor: String, precision: Precision, expectWrong: Bool)
  /// "W9 (expected wrong)": an expected-wrong tensor the model does not have.
  case strayWrongSubject(tensor: String)
  case noSuchParameter(tensor: String)
  case noFiniteSweep
  /// "3 of 10 entries differ from the finite differences: W1[47, 37] by about ..., ...".
  case entriesDiffer(count: Int, of: Int, named: [Difference])
  indirect case found(BackpropPhrase)
  case expectedWrongButAgree(entries: Int)
  case entriesAgree(agreeing: Int, of: Int)
  /// Entries converging at another order than 2 without a plateau: a kink the larger steps
  /// cross.
  case otherOrder(count: Int, names: [String])
  case withinToleranceNote(
    count: Int, tolerance: String, largest: String, entry: String, precision: Precision)
  case tableTensorShape
  case tableSampledEntries
  case tableDiffer
  case tableWrongOrder
  case tableNotChecked
  case tableFittedOrders
  case tableLargestDifference
  // The figure.
  case figureTitle
  case captionEntries
  case precisionPanel(precision: Precision)
  case sampledEntry
  case relativeDifference
  case agreesSeries
  case differsSeries
  case otherOrderSeries
  case floorSeries
  case toleranceLine(tolerance: String)
  case differingEntries(tensor: String, names: [String], of: Int)
  case noneDiffer
  case plantedMark
  case notCheckedNote(count: Int)
  // `experiment show`.
  case showModel(target: String, arguments: String, seed: Int)
  case showDriver(interpreter: String, target: String, directory: String)
  case showData(data: String)
  case showPrecisions(precisions: [Precision])
  case showEntries(perTensor: Int?, steps: Int, from: String, to: String)
  case showExpect(wrong: [String])
}

extension Language {
  /// `phrase` in this language: `language(.tableTensorShape)`.
  func callAsFunction(_ phrase: BackpropPhrase) -> String { phrase.text(self) }
}
