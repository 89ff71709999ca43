import Calculus

/// Calculus's typed reasons (`OrderVerdict`, `FitReason`, `TaylorReason`, `DomainViolation`,
/// `NonDifferentiability`, `DescentStop`), worded once for every kind. The English is the text
/// summary.json has always carried.
///
/// Derivatives are written as the notes write them, `f''(x)`, `f^(5)(x)`, in both languages;
/// numbers keep one format (`formatted3`, `fixed3`) in both.
enum CalculusPhrase: Phrase {
  case orderVerdict(verdict: OrderVerdict)
  case fitReason(reason: FitReason)
  case taylorReason(reason: TaylorReason)
  case domainViolation(violation: DomainViolation)
  case nonDifferentiability(reason: NonDifferentiability)
  case descentStop(stop: DescentStop)

  /// `f''(x)`, `f'''(x)`, `f^(4)(x)`.
  static func derivativeName(_ k: Int) -> String {
    k <= 3 ? "f" + String(repeating: "'", count: k) + "(x)" : "f^(\(k))(x)"
  }

  /// What a domain function needs of its argument: `x > 0` for log.
  static func need(_ f: Expression.Function, _ u: String) -> String {
    switch f {
    case .log: return "\(u) > 0"
    case .sqrt: return "\(u) >= 0"
    default: return "-1 <= \(u) <= 1"
    }
  }
}

extension Language {
  /// `phrase` in this language: `language(.orderVerdict(verdict: v))`.
  func callAsFunction(_ phrase: CalculusPhrase) -> String { phrase.text(self) }
}
