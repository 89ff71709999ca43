import Calculus
import Foundation

/// The shared reporting of sweeps (convergence, partials, gradcheck): summary.json fields,
/// CSV rows, table rows and the check of an expected order.
enum SweepReporting {
  /// Writes the design's result fields of one sweep into `c`.
  static func encode(_ o: SweepOutcome, into c: inout KeyedEncodingContainer<AnyKey>) throws {
    let fit = o.orderFit
    let best = o.best
    try c.encode(o.name, forKey: "scheme")
    try c.encode(o.precision.rawValue, forKey: "precision")
    try c.encode(o.status, forKey: "status")
    try c.encode(Num(fit?.order), forKey: "fitted_order")
    try c.encode(o.prediction.order, forKey: "predicted_order")
    try c.encode(Num(o.expectedOrder), forKey: "expected_order")
    try c.encode(status(o).rawValue, forKey: "check")
    // Nothing expected: null, never true.
    try c.encode(o.expectedOrder == nil ? nil : o.passed, forKey: "passed")
    try c.encode(
      fit.map { [Num($0.range.lowerBound), Num($0.range.upperBound)] }, forKey: "fit_range")
    try c.encode(fit?.pointCount, forKey: "fit_points")
    try c.encode(Num(fit?.rSquared), forKey: "r_squared")
    try c.encode(Num(fit?.constant), forKey: "error_constant")
    try c.encode(
      Num(o.prediction.isExact ? nil : o.prediction.constant), forKey: "predicted_constant")
    try c.encode(Num(o.exact), forKey: "exact_derivative")
    try c.encode(Num(best?.effectiveStep), forKey: "best_h")
    try c.encode(Num(best?.error), forKey: "best_error")
    try c.encode(Num(o.prediction.bestStep), forKey: "predicted_best_h")
    try c.encode(Num(o.prediction.bestError), forKey: "predicted_best_error")
    try c.encode(o.nonFiniteCount, forKey: "non_finite")
    try encodeStencilAndModel(o, into: &c)
    switch o.fit {
    case .noFit(let reason), .exact(let reason):
      try c.encode(CalculusPhrase.fitReason(reason: reason).english, forKey: "reason")
    case .fitted: break
    }
  }

  /// `stencil: {offsets, weights}` (absent for the complex step), `domain_exit: {steps,
  /// from_h, at, violation}` (null when every step stayed inside) and `model`: the error
  /// model's constants and its predicted best step against the sweep's best.
  static func encodeStencilAndModel(
    _ o: SweepOutcome, into c: inout KeyedEncodingContainer<AnyKey>
  ) throws {
    if let stencil = o.stencil {
      var s = c.nestedContainer(keyedBy: AnyKey.self, forKey: "stencil")
      try s.encode(stencil.offsets.map(Num.init), forKey: "offsets")
      try s.encode(stencil.weights.map(Num.init), forKey: "weights")
      try s.encode(stencil.order, forKey: "order")
    }
    if let exit = o.domainExit {
      var d = c.nestedContainer(keyedBy: AnyKey.self, forKey: "domain_exit")
      try d.encode(exit.count, forKey: "steps")
      try d.encode(Num(exit.firstStep), forKey: "from_h")
      try d.encode(Num(exit.point), forKey: "at")
      try d.encode(
        CalculusPhrase.domainViolation(violation: exit.violation).english, forKey: "violation")
    } else {
      try c.encodeNil(forKey: "domain_exit")
    }
    guard let model = o.model else { return try c.encodeNil(forKey: "model") }
    var m = c.nestedContainer(keyedBy: AnyKey.self, forKey: "model")
    try m.encode(Num(model.truncationConstant), forKey: "truncation_constant")
    try m.encode(Num(model.truncationOrder), forKey: "truncation_order")
    try m.encode(Num(model.roundoffConstant), forKey: "roundoff_constant")
    try m.encode(Num(model.predictedBestStep), forKey: "predicted_best_h")
    try m.encode(Num(model.errorAtPredictedBest), forKey: "error_at_predicted_best_h")
    try m.encode(Num(model.bestError), forKey: "best_error")
    try m.encode(Num(model.predictedToBestRatio), forKey: "predicted_to_best_ratio")
  }

  /// "1.3x": the error at the predicted best step over the sweep's best, for tables.
  static func modelCell(_ o: SweepOutcome) -> String {
    o.model?.predictedToBestRatio.map { String(format: "%.2gx", $0) } ?? "-"
  }

  /// "from h = 0.0011 (12 steps)" where the stencil left the domain, for tables.
  static func domainCell(_ o: SweepOutcome, _ language: Language) -> String {
    guard let exit = o.domainExit else { return "-" }
    return language(.leavesDomainCell(h: short(exit.firstStep), steps: exit.count))
  }

  /// The scheme's name (a stencil the user named keeps its name).
  static func schemePhrase(_ o: SweepOutcome) -> any Phrase {
    o.name == o.scheme.rawValue
      ? CommonPhrase.schemeName(scheme: o.scheme) : Composed.verbatim(text: o.name)
  }

  /// The scheme's name in `language`.
  static func schemeName(_ o: SweepOutcome, _ language: Language) -> String {
    schemePhrase(o).text(language)
  }

  /// "exp(x) at x = 0.5, central, double": what a check or a note is about.
  /// "f at x = 0.5, central, double", with ", q = 2" for a higher derivative: check subjects
  /// are unique within an experiment (they are JUnit test names and baseline keys).
  static func subject(_ o: SweepOutcome, _ subject: any Phrase) -> any Phrase {
    let named: any Phrase =
      o.derivative > 1
      ? Composed.joined(
        parts: [subject, Composed.verbatim(text: ", q = \(o.derivative)")], separator: "")
      : subject
    return Composed.list(named, schemePhrase(o), CommonPhrase.precisionName(precision: o.precision))
  }

  /// The note for steps whose stencil left the function's domain.
  static func domainNote(_ o: SweepOutcome, subject: any Phrase) -> (any Phrase)? {
    guard let exit = o.domainExit else { return nil }
    return CommonPhrase.domainNote(
      subject: self.subject(o, subject), from: short(exit.firstStep), steps: exit.count,
      at: short(exit.point), violation: exit.violation)
  }

  static let csvColumns = [
    "precision", "scheme", "h", "h_effective", "estimate", "exact", "error", "roundoff_floor",
    "in_fit_range",
  ]

  /// CSV fields for each sample, after the kind's own leading fields.
  static func csvRows(_ o: SweepOutcome, leading: [CSVField]) -> [[CSVField]] {
    o.samples.map { s in
      leading + [
        .string(o.precision.rawValue), .string(o.name), .number(s.step),
        .number(s.effectiveStep), .number(s.estimate), .number(o.exact), .number(s.error),
        .number(s.roundoffFloor), .bool(s.inFitRange),
      ]
    }
  }

  static func header(_ language: Language) -> [String] {
    [
      language(.tableScheme), language(.tablePrecision), language(.tableFitted),
      language(.tablePredicted), language(.tableExpected), "R^2", language(.tableBestH),
      language(.tableVerdict),
    ]
  }

  static func row(_ o: SweepOutcome, _ language: Language) -> [String] {
    let fitted: String
    switch o.fit {
    case .fitted(let f): fitted = String(format: "%.3f", f.order)
    case .exact: fitted = language(.exact)
    case .noFit: fitted = language(.noFitWord)
    }
    let predicted =
      o.prediction.isExact ? language(.exact) : (o.prediction.order.map(String.init) ?? "-")
    let expected = o.expectedOrder.map { String(format: "%g", $0) } ?? "-"
    let r2 = o.orderFit.map { String(format: "%.4f", $0.rSquared) } ?? "-"
    let best = o.best.map { String(format: "%.1e", $0.effectiveStep) } ?? "-"
    return [
      schemeName(o, language), language(.precisionName(precision: o.precision)), fitted, predicted,
      expected, r2, best,
      o.expectedOrder == nil ? "-" : statusWord(status(o), language),
    ]
  }

  /// The check of an expected order: failed when missed, not checked when too few finite
  /// errors were measured to fit anything.
  static func check(_ o: SweepOutcome, subject: any Phrase) -> Check {
    let detail = CommonPhrase.orderDetail(verdict: o.verdict, prediction: o.prediction.reason)
    let what = self.subject(o, subject)
    let status = status(o)
    if status == .notChecked {
      return Check(
        what, .notChecked, CommonPhrase.tooFewErrors(count: measuredCount(o), detail: detail))
    }
    return Check(what, status, detail)
  }

  /// The check's status alone (tables and summary.json need no wording): not checked when
  /// fewer than three finite non-zero errors left nothing to fit.
  static func status(_ o: SweepOutcome) -> Check.Status {
    if case .noFit = o.fit, measuredCount(o) < 3 { return .notChecked }
    return o.passed ? .passed : .failed
  }

  private static func measuredCount(_ o: SweepOutcome) -> Int {
    o.samples.filter { $0.error.isFinite && $0.error > 0 }.count
  }

  /// The sweeps that carry an expectation, as checks.
  static func checks(_ sweeps: [(subject: any Phrase, outcome: SweepOutcome)]) -> [Check] {
    sweeps.filter { $0.outcome.expectedOrder != nil }.map {
      check($0.outcome, subject: $0.subject)
    }
  }

  /// The note for steps whose estimate is not finite.
  /// Steps that left the domain are `domainNote`'s, not counted here.
  static func nonFiniteNote(_ o: SweepOutcome, subject: any Phrase) -> (any Phrase)? {
    let count = o.samples.filter { !$0.estimate.isFinite && !$0.leavesDomain }.count
    guard count > 0 else { return nil }
    return CommonPhrase.nonFiniteNote(subject: self.subject(o, subject), count: count)
  }
}

/// "pass", "FAIL" or "not checked" in tables (통과, 실패, 확인 안 됨 in Korean).
func statusWord(_ status: Check.Status, _ language: Language = .en) -> String {
  switch status {
  case .passed: return language(.pass)
  case .failed: return language(.fail)
  case .notChecked: return language(.notChecked)
  }
}

/// The lecture's steps: the notes print estimates at these h.
let lectureSteps: [Double] = [1e-1, 1e-4, 1e-5]

/// One estimate at one of the notes' steps, with its error against the exact derivative.
struct StepValue: Codable, Sendable, Equatable {
  var h: Double
  var estimate: Num
  var error: Num
}
