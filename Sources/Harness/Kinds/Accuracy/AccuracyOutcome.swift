import Calculus
import Foundation

/// What an accuracy run measured: one result per case, point, precision and method, and a
/// summary per precision and method.
struct AccuracyOutcome: Encodable, Sendable {
  /// How a result ended.
  enum Status: String, Encodable, Sendable, CaseIterable {
    /// A fixed scheme or the complex step gave a finite estimate.
    case measured
    /// A fixed scheme or the complex step gave a value that is not finite.
    case nonFiniteEstimate = "non-finite-estimate"
    /// The adaptive derivative met its stopping rule.
    case converged
    /// The adaptive derivative reached its evaluation cap (or the smallest step) first.
    case capReached = "cap-reached"
    /// Every evaluation of the adaptive derivative away from the point was not finite.
    case noFiniteEvaluations = "no-finite-evaluations"
    /// f is undefined or not finite at the point in this precision: nothing was estimated.
    case nonFiniteAtPoint = "non-finite-at-point"
    /// f is finite at the point but has no derivative there (abs at 0, sqrt at 0).
    case noDerivative = "no-derivative"

    /// Whether there is an exact derivative to compare with, so that digits are measured.
    var isMeasured: Bool { self != .nonFiniteAtPoint && self != .noDerivative }
  }

  /// Where an error estimate comes from.
  enum EstimateSource: String, Encodable, Sendable {
    /// A fixed scheme's Taylor prediction at its step, from the symbolic derivatives:
    /// `|c_k f^(k)(x)| h^p` plus the round-off floor `Taylor.roundoffFloor` (an a-priori
    /// estimate, not available to a black-box method).
    case predicted
    /// The adaptive derivative's own estimate, from its tableau (a-posteriori, black-box).
    case aPosteriori = "a-posteriori"
  }

  /// Why a result is what it is, as values (the report words it).
  enum Detail: Sendable, Equatable {
    /// The complex step at a tiny step (it has no cancellation).
    case tinyStep(TaylorReason)
    /// The Taylor-predicted best step.
    case predictedBestStep(TaylorReason)
    /// No truncation error: a large step, where round-off is least.
    case largeStep(TaylorReason)
    /// The textbook step `epsilon^(1/root) max(|x|, 1)`: the terms only vanish at the point
    /// (`negligible`), or f(x) = 0 gives no round-off scale.
    case textbookStep(negligible: Bool, root: Int, TaylorReason)
    /// The adaptive derivative's stencil (central, forward, backward) and first step.
    case adaptive(stencil: String, initialStep: Double)
    /// `location` ("x = -1") is outside the domain of `f`.
    case outsideDomain(location: String, f: String, DomainViolation)
    /// f is `value` (not finite) at `location` in `precision`.
    case notFinite(f: String, value: Double, location: String, precision: Precision)
    /// f has no derivative at `location`.
    case noDerivative(location: String, NonDifferentiability)
    /// Nothing said yet (a result being filled in).
    case none

    /// The words, in any language; nil for `.none`.
    var phrase: AccuracyPhrase? {
      switch self {
      case .tinyStep(let r): return .tinyStep(reason: r)
      case .predictedBestStep(let r): return .predictedBestStep(reason: r)
      case .largeStep(let r): return .largeStep(reason: r)
      case .textbookStep(let negligible, let root, let r):
        return .textbookStep(negligible: negligible, root: root, reason: r)
      case .adaptive(let stencil, let h): return .adaptiveFrom(stencil: stencil, h: short(h))
      case .outsideDomain(let location, let f, let v):
        return .outsideDomainAt(location: location, f: f, violation: v)
      case .notFinite(let f, let value, let location, let precision):
        return .notFiniteAt(
          f: f, value: "\(value)", location: location, precision: precision.rawValue)
      case .noDerivative(let location, let v): return .noDerivativeAt(location: location, reason: v)
      case .none: return nil
      }
    }
  }

  struct Result: Sendable {
    /// 1-based, as in the tables.
    var caseNumber: Int
    var f: String
    var variable: String
    var at: Double
    var precision: Precision
    var method: AccuracySpec.Method
    var estimate: Double
    /// f'(x) from the symbolic derivative evaluated in ReferenceReal (Float80 on x86_64) at
    /// the point rounded to the working precision, then rounded to Double.
    var exact: Double
    /// |estimate − f'(x)|, formed in ReferenceReal.
    var error: Double
    /// −log10 of the relative error (absolute where f'(x) = 0), in [0, the precision's cap];
    /// nil when there is no derivative to compare with.
    var digits: Double?
    /// Calls of f (a complex evaluation counts as one).
    var evaluations: Int
    /// The step the estimate came from (the smallest one for `adaptive`), nil when none.
    var step: Double?
    var errorEstimate: Double?
    var errorEstimateSource: EstimateSource?
    var status: Status
    /// The adaptive derivative's stencil (central, forward or backward); nil for the others.
    var stencil: String?
    /// Why: the domain problem, or the Taylor prediction the step came from.
    var detail: Detail

    /// Whether the error estimate is at least the true error (nil when either is missing).
    var covers: Bool? {
      guard status.isMeasured, let e = errorEstimate, !e.isNaN, !error.isNaN else { return nil }
      return e >= error
    }
  }

  /// The results of one method in one precision, summarised.
  struct MethodSummary: Encodable, Sendable {
    var precision: Precision
    var method: AccuracySpec.Method
    var results: Int
    /// Results with an exact derivative (digits measured).
    var measured: Int
    var medianDigits: Double?
    var p10Digits: Double?
    var minDigits: Double?
    var medianEvaluations: Double?
    /// Results whose error estimate is at least the error, and results that have both.
    var covered: Int
    var withEstimate: Int

    enum CodingKeys: String, CodingKey {
      case precision, method, results, measured, covered
      case medianDigits = "median_digits"
      case p10Digits = "p10_digits"
      case minDigits = "min_digits"
      case medianEvaluations = "median_evaluations"
      case withEstimate = "with_estimate"
    }
  }

  var results: [Result]
  var summaries: [MethodSummary]
  /// For program cases: what each point's estimates were measured against.
  var references: [Reference]? = nil

  /// A program case's reference at one point: `df` (the user's f') or `adaptive` (the
  /// adaptive derivative; `error` its estimate, which caps the digits that can be seen).
  struct Reference: Encodable, Sendable {
    var caseNumber: Int
    var f: String
    var at: Double
    var source: String
    var value: Num
    var error: Num

    enum CodingKeys: String, CodingKey {
      case caseNumber = "case"
      case f, at, source, value, error
    }
  }

  enum CodingKeys: String, CodingKey {
    case results, references
    case summaries = "methods"
  }
}

extension AccuracyOutcome.Result: Encodable {
  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: AnyKey.self)
    try c.encode(caseNumber, forKey: "case")
    try c.encode(f, forKey: "f")
    try c.encode(variable, forKey: "variable")
    try c.encode(Num(at), forKey: "at")
    try c.encode(precision.rawValue, forKey: "precision")
    try c.encode(method.rawValue, forKey: "method")
    try c.encode(Num(estimate), forKey: "estimate")
    try c.encode(Num(exact), forKey: "exact")
    try c.encode(Num(error), forKey: "error")
    try c.encode(Num(digits), forKey: "digits")
    try c.encode(evaluations, forKey: "evaluations")
    try c.encode(Num(step), forKey: "step")
    try c.encode(Num(errorEstimate), forKey: "error_estimate")
    try c.encode(errorEstimateSource, forKey: "error_estimate_source")
    try c.encode(covers, forKey: "covers")
    try c.encode(status.rawValue, forKey: "status")
    try c.encode(stencil, forKey: "stencil")
    try c.encode(detail.phrase?.english ?? "", forKey: "detail")
  }
}

extension AccuracyOutcome.MethodSummary {
  /// Summarises `results` (all of one precision and method).
  init(_ precision: Precision, _ method: AccuracySpec.Method, _ results: [AccuracyOutcome.Result]) {
    self.precision = precision
    self.method = method
    self.results = results.count
    let digits = results.compactMap(\.digits).sorted()
    measured = digits.count
    medianDigits = quantile(digits, 0.5)
    p10Digits = quantile(digits, 0.1)
    minDigits = digits.first
    medianEvaluations = quantile(
      results.filter(\.status.isMeasured).map { Double($0.evaluations) }.sorted(), 0.5)
    let covers = results.compactMap(\.covers)
    covered = covers.filter { $0 }.count
    withEstimate = covers.count
  }
}

/// The `q`-quantile of sorted values by linear interpolation (numpy's default), nil when empty.
func quantile(_ sorted: [Double], _ q: Double) -> Double? {
  guard !sorted.isEmpty else { return nil }
  let position = q * Double(sorted.count - 1)
  let low = Int(position.rounded(.down))
  let high = min(low + 1, sorted.count - 1)
  return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
}
