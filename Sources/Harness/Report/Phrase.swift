import Plotting

/// The language of every text the tool writes for people (figures, summary.md, index pages,
/// terminal tables): `en` or `ko`. summary.json and the CSV files stay English, for programs.
public enum Language: String, Sendable, CaseIterable {
  case en
  case ko
}

/// A text the tool writes for people, in each language it speaks.
///
/// Each kind owns its phrases in its folder (`ConvergencePhrase`, ...); words several kinds use
/// live in `ReportPhrase`, `CommonPhrase` and `CalculusPhrase`. Every phrase type is an enum
/// with labelled associated values, worded in `+English.swift` and `+Korean.swift`, each an
/// exhaustive switch: a phrase without its Korean does not compile.
///
/// Korean terms follow the course notes (the project's glossary): 미분, 편미분, 중앙 차분,
/// 오차, 경사하강법, 학습률, 손실함수, 에폭, 스텝, 수렴/너무 느림/발산.
///
/// Edge Cases: a phrase with arguments places them where each language's grammar wants them;
/// an argument is never translated (formulas, numbers, scheme names stay as written).
protocol Phrase: Sendable {
  /// The phrase in English: the text summary.json carries.
  var english: String { get }
  /// The phrase in Korean, as the course notes word it.
  var korean: String { get }
}

extension Phrase {
  /// The text in the language whose code is `code` ("en" or "ko"; anything else is English):
  /// the pages carry the code as a string.
  func text(_ code: String) -> String { text(Language(rawValue: code) ?? .en) }

  /// The text in `language`.
  func text(_ language: Language) -> String {
    switch language {
    case .en: return english
    case .ko: return korean
    }
  }
}

/// Phrases put together: a text that is the same in every language (a formula, a tensor's
/// name, numbers), or several phrases joined, each worded in the language asked for.
enum Composed: Phrase {
  case verbatim(text: String)
  case joined(parts: [any Phrase], separator: String)

  /// `parts` joined by ", ".
  static func list(_ parts: any Phrase...) -> Composed { .joined(parts: parts, separator: ", ") }

  var english: String {
    switch self {
    case .verbatim(let text): return text
    case .joined(let parts, let separator): return parts.map(\.english).joined(separator: separator)
    }
  }

  var korean: String {
    switch self {
    case .verbatim(let text): return text
    case .joined(let parts, let separator): return parts.map(\.korean).joined(separator: separator)
    }
  }
}
