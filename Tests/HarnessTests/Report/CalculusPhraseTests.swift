import Calculus
import Testing

@testable import Harness

/// Calculus's typed reasons worded once: the English is the text summary.json carried before
/// the reasons were typed (character for character), and the Korean is Korean with the same
/// numbers.
@Suite struct CalculusPhraseTests {
  static let fit = OrderFit(
    order: 1.0034, constant: 1, rSquared: 1, range: 1e-6...1e-2, pointCount: 9)

  static let english: [(CalculusPhrase, String)] = [
    (
      .orderVerdict(verdict: judge(.fitted(fit), expected: 1, tolerance: 0.2)),
      "fitted 1.003, expected 1: |difference| 0.003 <= tolerance 0.2"
    ),
    (
      .orderVerdict(verdict: judge(.fitted(fit), expected: 2, tolerance: 0.15)),
      "fitted 1.003, expected 2: |difference| 0.997 > tolerance 0.15"
    ),
    (
      .orderVerdict(verdict: judge(.fitted(fit), expected: nil, tolerance: 0.15)),
      "fitted 1.003 (no expectation)"
    ),
    (
      .orderVerdict(
        verdict: judge(
          .exact(reason: .identicallyZeroTruncation(largestError: 3.14159e-9)), expected: 2,
          tolerance: 0.1)),
      "exact: the truncation error is identically zero: the errors (at most 3.14e-9) are "
        + "round-off only"
    ),
    (
      .orderVerdict(
        verdict: judge(
          .noFit(reason: .tooFewAboveFloor(usable: 3, of: 14, needed: 4)), expected: 1,
          tolerance: 0.1)),
      "no fit: only 3 of 14 points above the round-off floor (need 4)"
    ),
    (
      .fitReason(reason: .noStraightRun(needed: 4)),
      "no 4 consecutive points above the round-off floor lie on a straight line with a positive "
        + "slope"
    ),
    (.taylorReason(reason: .identicallyZero(from: 3)), "f'''(x) ≡ 0: no truncation error"),
    (
      .taylorReason(
        reason: .vanishAtPoint([3, 5, 7, 9], identicallyZeroFrom: nil, checkedUpTo: 9)),
      "f'''(x), f^(5)(x), f^(7)(x) and f^(9)(x) vanish at this point (checked up to f^(9)): "
        + "no truncation error, the errors are round-off only"
    ),
    (
      .taylorReason(reason: .vanishAtPoint([3], identicallyZeroFrom: 5, checkedUpTo: 9)),
      "f'''(x) vanishes at this point and f^(5)(x) ≡ 0: no truncation error, the errors are "
        + "round-off only"
    ),
    (
      .taylorReason(
        reason: .leadingTerm(
          .init(derivative: 3, estimated: 1, coefficient: 1.0 / 6, value: 2.5, skipped: []))),
      "error ≈ 0.417 h^2 (c_3 = 1/6, f'''(x) = 2.5)"
    ),
    (
      .taylorReason(
        reason: .leadingTerm(
          .init(derivative: 5, estimated: 1, coefficient: 1.0 / 120, value: -3, skipped: [3]))),
      "f'''(x) = 0 at this point: the h^2 term vanishes, next term is h^4; "
        + "error ≈ 0.025 h^4 (c_5 = 1/120, f^(5)(x) = -3)"
    ),
    (
      .descentStop(stop: .converged(gradientNorm: 3.1e-9, tolerance: 1e-6, steps: 57)),
      "gradient norm 3.1e-9 <= 1e-6 after 57 steps"
    ),
    (
      .descentStop(
        stop: .tooSlow(gradientNorm: 0.219, tolerance: 1e-6, steps: 200, from: 170, to: 9.29e-4)),
      "gradient norm 0.219 > 1e-6 after 200 steps (f from 170 to 9.29e-4)"
    ),
    (
      .descentStop(
        stop: .tooSlow(
          gradientNorm: 0.0346, tolerance: 1e-6, steps: 20, from: 4, to: 3.46e-4,
          overshooting: true)),
      "gradient norm 0.0346 > 1e-6 after 20 steps (f from 4 to 3.46e-4); the last steps zig-zag,"
        + " each against the one before: the rate is too high for the steepest direction, and a"
        + " smaller one goes straighter"
    ),
    (
      .descentStop(stop: .escaped(norm: 1.17e19, bound: 1e8, step: 8)),
      "|x| = 1.17e19 > 1e8 at step 8, not kept (7 steps kept)"
    ),
    (.descentStop(stop: .grew(from: 25, to: 4.75e9)), "f grew from 25 to 4.75e9"),
    (
      .descentStop(stop: .oscillating(gradientNorm: 10, tolerance: 1e-6, steps: 100, window: 24)),
      "gradient norm 10 > 1e-6 after 100 steps, no longer falling over the last 24 while the "
        + "path bounces in place"
    ),
    (.descentStop(stop: .nonFiniteIterate(step: 8)), "non-finite at step 8, not kept (7 steps kept)"),
  ]

  @Test(arguments: english.indices)
  func englishIsTheFormerText(_ i: Int) {
    let (phrase, text) = Self.english[i]
    #expect(phrase.text(.en) == text)
  }

  /// The Korean of each: Hangul, every number of the English (Korean writes "= 0" where English
  /// says "vanish"), no English word.
  @Test(arguments: english.indices)
  func koreanKeepsTheNumbers(_ i: Int) {
    let (phrase, text) = Self.english[i]
    let ko = phrase.text(.ko)
    #expect(ko.contains { $0.isHangul }, "\(ko)")
    let numbers = { (s: String) in s.matches(of: /[0-9][0-9.e\-]*/).map { String($0.output) } }
    #expect(Set(numbers(ko)).isSuperset(of: numbers(text)), "\(ko)")
    let words = KoreanCoverageTests.untranslated(ko, allowed: KoreanCoverageTests.vocabulary)
    #expect(words.isEmpty, "\(ko)")
  }

  @Test func domainViolationsReadAsBefore() throws {
    let f = try Expression(parsing: "x^0.5 + log(x)")
    let v = try #require(f.domainViolation(at: ["x": -4]))
    #expect(
      CalculusPhrase.domainViolation(violation: v).text(.en)
        == "x^0.5 needs x >= 0 or an integer exponent, got x = -4, 0.5 = 0.5")
    let log = try #require(try Expression(parsing: "log(x)").domainViolation(at: ["x": -1]))
    #expect(
      CalculusPhrase.domainViolation(violation: log).text(.en) == "log(x) needs x > 0, got x = -1")
    #expect(
      CalculusPhrase.domainViolation(violation: log).text(.ko) == "log(x): x > 0이어야 하는데 x = -1")
    let kink = try #require(
      try Expression(parsing: "abs(x - 1)").nonDifferentiability(at: ["x": 1]))
    #expect(
      CalculusPhrase.nonDifferentiability(reason: kink).text(.en)
        == "abs(x - 1) is not differentiable at x - 1 = 0"
    )
  }

  @Test func messagesUseThreeSignificantDigits() {
    #expect(3.14159e-9.formatted3 == "3.14e-9")
    #expect(25.0.formatted3 == "25")
    #expect(0.031249.formatted3 == "0.0312")
    #expect(412345.0.formatted3 == "4.12e5")
    #expect((-1.25).formatted3 == "-1.25")
    #expect(999.7.formatted3 == "1000")
    #expect((-0.0004).fixed3 == "0.000" && 2.0.fixed3 == "2.000")
    #expect((1.0 / 6).reciprocalFraction == "1/6" && (-1.0 / 30).reciprocalFraction == "-1/30")
  }
}

/// One outcome reported once in Korean: the same checks and notes as the English report, with
/// the same statuses; worded in English (summary.json) they are the English report's words, and
/// worded in Korean they are Korean.
@Suite struct BilingualReportTests {
  static let yaml = """
    kind: convergence
    cases:
      - {f: "sqrt(x)", at: 0.001}
      - {f: "x^2 + 2*x + 1", at: 2}
    schemes: [forward, central, central4]
    h: {min: 1e-10, max: 1e-1, per_decade: 2}
    precision: [single, double]
    expect: {forward: 1, central: 2, central4: 4}
    """

  @Test func koreanChecksMatchTheEnglishOnes() throws {
    let experiment = try Experiment.parse(Self.yaml + "\nlanguage: ko\n", path: "t.yaml")
    let report = try Kinds.execute(
      experiment, context: RunContext(options: RunOptions(), cancellation: Cancellation()))
    let (_, english) = try run(Convergence.self, Self.yaml)
    #expect(report.checks.map(\.subject.english) == english.checks.map(\.subject.english))
    #expect(report.checks.map(\.detail.english) == english.checks.map(\.detail.english))
    #expect(report.notes.map(\.english) == english.notes.map(\.english))
    #expect(report.checks.map(\.status) == english.checks.map(\.status))
    #expect(!report.notes.isEmpty)
    for check in report.checks {
      let ko = check.detail.korean
      #expect(ko != check.detail.english && ko.contains { $0.isHangul }, "\(ko)")
    }
    for note in report.notes {
      let words = KoreanCoverageTests.untranslated(
        note.korean, allowed: KoreanCoverageTests.vocabulary.union(["sqrt"]))
      #expect(words.isEmpty, "\(note.korean)")
    }
  }
}
