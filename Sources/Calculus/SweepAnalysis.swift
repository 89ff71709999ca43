import ComplexModule
import RealModule

/// One step of a sweep: the step asked for, the step the arithmetic actually took
/// (`(x + h) - x` in the working precision), the estimate and its error.
public struct SweepSample: Sendable, Hashable {
  public var step: Double
  public var effectiveStep: Double
  public var estimate: Double
  public var error: Double
  public var roundoffFloor: Double
  public var inFitRange: Bool
  /// Whether a stencil point at this step lies outside the function's domain.
  public var leavesDomain: Bool
  /// The error model's value at this step (`ErrorModel.value(atStep:)`), nil without a model.
  public var model: Double?

  public init(
    step: Double, effectiveStep: Double, estimate: Double, error: Double, roundoffFloor: Double,
    inFitRange: Bool, leavesDomain: Bool = false, model: Double? = nil
  ) {
    self.step = step
    self.effectiveStep = effectiveStep
    self.estimate = estimate
    self.error = error
    self.roundoffFloor = roundoffFloor
    self.inFitRange = inFitRange
    self.leavesDomain = leavesDomain
    self.model = model
  }
}

/// Where a sweep's stencil leaves the function's domain (sqrt at 1e-3 with h > 1e-3).
public struct DomainExit: Sendable, Hashable {
  /// How many steps put a stencil point outside the domain (excluded from the fit).
  public var count: Int
  /// The smallest such step: every larger step of the sweep leaves the domain too, usually.
  public var firstStep: Double
  /// The offending argument at `firstStep` (the stencil point outside the domain).
  public var point: Double
  /// `Expression.domainViolation(at:)` at that argument: which subexpression fails.
  public var violation: DomainViolation

  public init(count: Int, firstStep: Double, point: Double, violation: DomainViolation) {
    self.count = count
    self.firstStep = firstStep
    self.point = point
    self.violation = violation
  }
}

/// The error model over the whole sweep, `error(h) ≈ C h^p + R ε |f(x)| / h^q`: the fitted
/// truncation term and a round-off term, with where it predicts the best step.
public struct ErrorModel: Sendable, Hashable {
  /// C and p: the fitted constant and order, or the Taylor prediction's without a fit
  /// (nil when there is no truncation error).
  public var truncationConstant: Double?
  public var truncationOrder: Double?
  /// R: the median of `error h^q / (ε |f|)` over the steps below the fit range (round-off
  /// dominated), or `sum |w_i|` when there are none.
  public var roundoffConstant: Double
  /// `ε |f(x)|` (ε alone when f(x) = 0), and q.
  public var roundoffScale: Double
  public var derivative: Int
  /// The Taylor-predicted best step, the measured error of the sweep's step nearest to it
  /// (in log h), and the sweep's best error; both are running medians of five neighbouring
  /// steps, so a lone error that rounds to near zero by chance does not count as the best.
  public var predictedBestStep: Double?
  public var errorAtPredictedBest: Double?
  public var bestError: Double?

  /// `C h^p + R ε |f| / h^q`.
  public func value(atStep h: Double) -> Double {
    var truncation = 0.0
    if let c = truncationConstant, let p = truncationOrder { truncation = c * Double.pow(h, p) }
    return truncation + roundoffConstant * roundoffScale / Double.pow(h, derivative)
  }

  /// `errorAtPredictedBest / bestError` (1 when the prediction found the sweep's best).
  public var predictedToBestRatio: Double? {
    guard let e = errorAtPredictedBest, let b = bestError, b > 0 else { return nil }
    return e / b
  }
}

/// Everything measured and predicted for one (function, point, variable, precision, scheme).
public struct SweepOutcome: Sendable {
  /// The named scheme; for a custom stencil, its family by shape (forward when every offset
  /// is >= 0, backward when every one is <= 0, central otherwise). `name` says which.
  public var scheme: Scheme
  public var precision: Precision
  public var samples: [SweepSample]
  /// The exact derivative at the point as rounded to the working precision (computed in
  /// `ReferenceReal`).
  public var exact: Double
  public var fit: FitOutcome
  public var prediction: TaylorPrediction
  public var expectedOrder: Double?
  /// Whether it passed and why, as numbers (the report words it).
  public var verdict: OrderVerdict
  /// The stencil swept (nil for the complex step), q, where it left the domain, and the
  /// error model.
  public var stencil: Stencil?
  public var derivative: Int
  public var domainExit: DomainExit?
  public var model: ErrorModel?

  public init(
    scheme: Scheme, precision: Precision, samples: [SweepSample], exact: Double,
    fit: FitOutcome, prediction: TaylorPrediction, expectedOrder: Double?,
    verdict: OrderVerdict, stencil: Stencil? = nil, derivative: Int = 1,
    domainExit: DomainExit? = nil,
    model: ErrorModel? = nil
  ) {
    self.scheme = scheme
    self.precision = precision
    self.samples = samples
    self.exact = exact
    self.fit = fit
    self.prediction = prediction
    self.expectedOrder = expectedOrder
    self.verdict = verdict
    self.stencil = stencil
    self.derivative = derivative
    self.domainExit = domainExit
    self.model = model
  }

  /// Whether the fit met the expected order (see `judge`).
  public var passed: Bool { verdict.passed }

  /// The stencil's name, or the scheme's.
  public var name: String { stencil?.name ?? scheme.rawValue }

  public var status: String { fit.status }

  public var fittedOrder: Double? { fit.fit?.order }

  public var orderFit: OrderFit? { fit.fit }

  public var best: SweepSample? {
    samples.filter { $0.error.isFinite && $0.error > 0 && !$0.leavesDomain }
      .min { $0.error < $1.error }
      ?? samples.first { $0.error == 0 }
  }

  public var nonFiniteCount: Int { samples.filter { !$0.estimate.isFinite }.count }
}
