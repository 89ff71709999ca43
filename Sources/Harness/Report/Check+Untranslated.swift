extension Check {
  /// A check worded in English only, whatever the experiment's language: the checks of the
  /// user's programs (`df` from a program, `kind: backprop`), whose phrases are not yet
  /// translated. summary.json is English in any case.
  static func untranslated(_ subject: String, _ status: Status, _ detail: String) -> Check {
    Check(Composed.verbatim(text: subject), status, Composed.verbatim(text: detail))
  }

  /// The same, from passed or failed.
  static func untranslated(_ subject: String, passed: Bool, _ detail: String) -> Check {
    untranslated(subject, passed ? .passed : .failed, detail)
  }
}
