import Calculus
import Foundation

/// What a partials run measured: a sweep per point, variable, precision and scheme, the
/// gradient at the notes' steps, the Hessian's entries and the asserted values.
struct PartialsOutcome: Encodable, Sendable {
  struct Sweep: Encodable, Sendable {
    /// 1-based, as in the figure names (`point1-...`).
    var pointNumber: Int
    var at: PointValues
    var variable: String
    var partial: String
    var outcome: SweepOutcome

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: AnyKey.self)
      try c.encode(pointNumber, forKey: "point")
      try c.encode(at, forKey: "at")
      try c.encode(variable, forKey: "variable")
      try c.encode(partial, forKey: "partial")
      try SweepReporting.encode(outcome, into: &c)
    }
  }

  /// The gradient at one point and step: exact, and each scheme's estimate, in variable order.
  struct Gradient: Encodable, Sendable {
    var pointNumber: Int
    var at: PointValues
    var h: Double
    var exact: [Num]
    var estimates: [String: [Num]]

    enum CodingKeys: String, CodingKey {
      case pointNumber = "point"
      case at, h, exact, estimates
    }
  }

  /// What a program's partial is measured against: `gradient` (the user's, under test) or
  /// `adaptive` (the adaptive derivative; `error` its estimate: nothing below it can be seen).
  struct Reference: Encodable, Sendable {
    var pointNumber: Int
    var at: PointValues
    var variable: String
    var source: String
    var value: Num
    var error: Num

    enum CodingKeys: String, CodingKey {
      case pointNumber = "point"
      case at, variable, source, value, error
    }
  }

  /// One entry of the gradient under test, judged by the shape of its sweep.
  struct GradientEntry: Encodable, Sendable {
    var variable: String
    var value: Double
    var agreement: DerivativeAgreement

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: AnyKey.self)
      try c.encode(variable, forKey: "variable")
      try c.encode(Num(value), forKey: "value")
      try agreement.encodeFields(into: &c)
      try c.encode(agreement.status == .notChecked ? nil : agreement.passed, forKey: "passed")
    }
  }

  /// The gradient under test at one point with one scheme: failed when an entry's errors
  /// level off above the floor (those entries are named), not checked when an entry could not
  /// be judged and none differs.
  struct GradientCheck: Encodable, Sendable {
    var pointNumber: Int
    var at: PointValues
    var scheme: Scheme
    var entries: [GradientEntry]
    /// The variables whose entries must differ (`expect.wrong`, a planted bug).
    var expectedWrong: [String] = []

    var differing: [GradientEntry] { entries.filter { $0.agreement.status == .plateau } }
    var unjudged: [GradientEntry] { entries.filter { $0.agreement.status == .notChecked } }

    /// Without `expect.wrong`: failed when any entry differs. With it: passed when exactly
    /// the expected entries differ, failed when another differs or an expected one agrees.
    var status: Check.Status {
      guard !expectedWrong.isEmpty else {
        if !differing.isEmpty { return .failed }
        return unjudged.isEmpty ? .passed : .notChecked
      }
      let found = Set(differing.map(\.variable))
      if !found.isSubset(of: Set(expectedWrong)) { return .failed }
      if found == Set(expectedWrong) { return .passed }
      // An expected entry that did not differ: not judged (not checked), or it agrees (failed).
      let missing = entries.filter {
        expectedWrong.contains($0.variable) && !found.contains($0.variable)
      }
      return missing.allSatisfy { $0.agreement.status == .notChecked } ? .notChecked : .failed
    }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: AnyKey.self)
      try c.encode(pointNumber, forKey: "point")
      try c.encode(at, forKey: "at")
      try c.encode(scheme.rawValue, forKey: "scheme")
      try c.encode(status.rawValue, forKey: "status")
      try c.encode(differing.map(\.variable), forKey: "differing")
      if !expectedWrong.isEmpty { try c.encode(expectedWrong, forKey: "expected_wrong") }
      try c.encode(entries, forKey: "entries")
    }
  }

  struct HessianSample: Sendable, Equatable {
    var step: Double
    var estimate: Double
    var error: Double
  }

  /// One entry f_ij of the Hessian at one point, swept over h.
  struct HessianEntry: Encodable, Sendable {
    var pointNumber: Int
    var at: PointValues
    var i: Int
    var j: Int
    var entry: String
    var exact: Double
    var samples: [HessianSample]
    var fit: FitOutcome
    var prediction: TaylorPrediction
    var expected: Double?
    var verdict: OrderVerdict

    var passed: Bool { verdict.passed }

    var bestStep: Double? {
      samples.filter { $0.error > 0 && $0.error.isFinite }.min { $0.error < $1.error }?.step
    }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: AnyKey.self)
      let fit = fit.fit
      try c.encode(pointNumber, forKey: "point")
      try c.encode(at, forKey: "at")
      try c.encode(entry, forKey: "entry")
      try c.encode("central second difference", forKey: "scheme")
      try c.encode("double", forKey: "precision")
      try c.encode(self.fit.status, forKey: "status")
      try c.encode(Num(fit?.order), forKey: "fitted_order")
      try c.encode(prediction.order, forKey: "predicted_order")
      try c.encode(Num(expected), forKey: "expected_order")
      try c.encode(expected == nil ? nil : passed, forKey: "passed")
      try c.encode(
        fit.map { [Num($0.range.lowerBound), Num($0.range.upperBound)] }, forKey: "fit_range")
      try c.encode(Num(fit?.rSquared), forKey: "r_squared")
      try c.encode(Num(fit?.constant), forKey: "error_constant")
      try c.encode(
        Num(prediction.isExact ? nil : prediction.constant), forKey: "predicted_constant")
      try c.encode(Num(exact), forKey: "exact")
      try c.encode(Num(bestStep), forKey: "best_h")
    }
  }

  var f: String
  var variables: [String]
  var results: [Sweep]
  var gradients: [Gradient]
  var hessian: [HessianEntry]
  var checks: [ValueCheck]
  /// For a program's `f`: each partial's reference (the user's gradient, or the adaptive
  /// derivative with its error estimate).
  var references: [Reference]? = nil
  /// For a gradient under test: one check per point and scheme.
  var gradientChecks: [GradientCheck]? = nil

  enum CodingKeys: String, CodingKey {
    case f, variables, results, gradients, hessian, references
    case checks = "value_checks"
    case gradientChecks = "gradient_checks"
  }
}
