import Calculus
import Foundation

/// The words of a check of the user's code (a derivative or gradient from a program, checked
/// against finite differences), shared by every kind that runs programs.
///
/// Worded in `ProgramPhrase+English.swift` and `ProgramPhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum ProgramPhrase: Phrase {
  /// "df of sin(x) at 0.3, central": a derivative check's subject (`name` is the key under
  /// test, `df`).
  case derivativeSubject(name: String, f: String, at: String, scheme: String)
  /// The verdict of `agreement` in words; `point` is "x = 0.3", `name` the key under test.
  case verdict(agreement: DerivativeAgreement, point: String, name: String)
  /// The note of a check whose reference is the adaptive derivative (no `df` was given).
  case adaptiveReference(f: String, at: String, scheme: String, value: Double, error: Double)
  // `experiment show`: what a file starts.
  case showProgramCase(number: Int, variable: String, points: String)
  case showStarts(program: String, directory: String, precision: Precision)
  case showStartsUnderTest(program: String, name: String, derivative: Int)
  case showUnderTest(name: String, expression: String)
  case showAdaptiveReference(name: String)
  case showProgramsHeader
  /// "python3 model.py (in /folder)": a program a run starts.
  case showProgramLine(command: String, directory: String)
}

extension Language {
  /// `phrase` in this language: `language(.verdict(...))`.
  func callAsFunction(_ phrase: ProgramPhrase) -> String { phrase.text(self) }
}

extension ProgramPhrase {
  /// The numbers a verdict quotes, formatted once for both languages.
  struct VerdictNumbers {
    var order: String?
    var expected: String
    var least: String
    var leastStep: String
    var plateau: String

    init(_ v: DerivativeAgreement) {
      order = v.fittedOrder.map { String(format: "%.2f", $0) }
      expected = short(v.expectedOrder)
      least = v.leastError.map { String(format: "%.1e", $0) } ?? "-"
      leastStep = short(v.leastErrorStep ?? 0)
      plateau = String(format: "%.3g", v.plateau ?? 0)
    }
  }

  /// A stencil's name in Korean when it is one of the tool's schemes.
  static func koreanScheme(_ name: String) -> String {
    Scheme(rawValue: name).map { CommonPhrase.schemeName(scheme: $0).korean } ?? name
  }
}
