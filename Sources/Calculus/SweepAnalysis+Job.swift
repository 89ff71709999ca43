import ComplexModule
import RealModule

extension SweepAnalysis {
  /// One sweep's inputs, and the steps that turn them into a `SweepOutcome`.
  struct Job {
    var f: Expression
    var variables: [String]
    var point: [Double]
    var index: Int
    var scheme: Scheme
    var stencil: Stencil?
    var precision: Precision
    var steps: [Double]
    var expectation: Expectation?
    var tolerance: Double

    /// One step's measurement: the estimate, and the first stencil argument where a value
    /// is NaN while f(x) is not (a candidate for leaving the domain).
    struct Measured {
      var step: Double
      var effectiveStep: Double
      var estimate: Double
      var nanArgument: Double?
    }

    var q: Int { stencil?.derivative ?? 1 }

    func measure() -> [Measured] { precision.withType(Measuring(job: self)) }

    /// `measure(T.self)` in the precision's format.
    struct Measuring: PrecisionWork {
      var job: Job
      func run<T: Real & BinaryFloatingPoint>(_: T.Type) -> [Measured] { job.measure(T.self) }
    }

    func measure<T: Real & BinaryFloatingPoint>(_: T.Type) -> [Measured] {
      let base = point.map { T($0) }
      guard let stencil else { return complexStep(base) }
      let sweep = FiniteDifference.stencilSweep(
        of: BatchEvaluator<T>(f, variables: variables), at: base, variable: index,
        steps: steps.map { T($0) }, stencil: stencil)
      let centre: T = f.compiled(variables: variables)(base)
      let width = stencil.offsets.count
      return steps.indices.map { s in
        let lanes = (s * width)..<((s + 1) * width)
        let nan = centre.isNaN ? nil : lanes.first { sweep.values[$0].isNaN }
        return Measured(
          step: steps[s], effectiveStep: Double(sweep.spacings[s]),
          estimate: Double(sweep.estimates[s]), nanArgument: nan.map { Double(sweep.arguments[$0]) }
        )
      }
    }

    func complexStep<T: Real & BinaryFloatingPoint>(_ base: [T]) -> [Measured] {
      let g: @Sendable ([Complex<T>]) -> Complex<T> = f.compiledComplex(variables: variables)
      var complexBase = base.map { Complex($0) }
      let x = base[index]
      return steps.map { h in
        let step = T(h)
        let along: (Complex<T>) -> Complex<T> = { z in
          complexBase[index] = z
          return g(complexBase)
        }
        let estimate = step > 0 ? FiniteDifference.complexStep(of: along, at: x, step: step) : .nan
        return Measured(
          step: h, effectiveStep: Double(step), estimate: Double(estimate), nanArgument: nil)
      }
    }

    /// `[f, f', ..., f^(K)]` at the rounded point in `ReferenceReal`, `K = q + taylorTerms`
    /// or, for a stencil of n points, at least n + 2 (past its first term that need not
    /// cancel), and from which order they vanish identically.
    func taylor(_ roundedPoint: [Double]) -> (derivatives: [ReferenceReal], zeroFrom: Int?) {
      var env: [String: ReferenceReal] = [:]
      for (name, value) in zip(variables, roundedPoint) { env[name] = ReferenceReal(value) }
      let d = f.derivatives(
        withRespectTo: variables[index], at: env,
        upTo: Swift.max(q + SweepAnalysis.taylorTerms, (stencil?.offsets.count ?? 0) + 2))
      let degree = f.polynomialDegree(in: [variables[index]])
      return (d, degree.map { $0 + 1 })
    }

    func prediction(_ d: [Double], zeroFrom: Int?) -> TaylorPrediction {
      let epsilon = precision.epsilon
      if let stencil {
        return Taylor.predict(
          stencil: stencil, derivatives: d, identicallyZeroFrom: zeroFrom, epsilon: epsilon)
      }
      let flags = d.indices.map { k in zeroFrom.map { k >= $0 } ?? false }
      return Taylor.predict(
        scheme: scheme, derivatives: d, identicallyZero: flags, epsilon: epsilon)
    }

    func floor(_ d: [Double]) -> (Double) -> Double {
      let epsilon = precision.epsilon
      if let stencil {
        return {
          Taylor.roundoffFloor(stencil: stencil, derivatives: d, epsilon: epsilon, step: $0)
        }
      }
      let operations = f.nodeCount
      return {
        Taylor.roundoffFloor(
          scheme: scheme, value: d[0], derivative: d[1], epsilon: epsilon, step: $0,
          operations: operations)
      }
    }
  }
}

extension SweepAnalysis.Job {
  /// Measures, fits, predicts, models and judges the sweep.
  func run() -> SweepOutcome {
    let roundedPoint = SweepAnalysis.rounded(point, to: precision)
    let (wide, zeroFrom) = taylor(roundedPoint)
    let exactWide = wide[q]
    let d = wide.map { Double($0) }
    let prediction = prediction(d, zeroFrom: zeroFrom)
    let floor = floor(d)
    let measured = measure()
    let exit = domainExit(measured, roundedPoint)
    let expected = expectation?.order(predicted: prediction.order)
    let largest = Taylor.leadingTermDominates(
      prediction, derivatives: d, coefficient: stencil?.truncationCoefficient
        ?? scheme.truncationCoefficient)
    let analysis = SweepAnalysis.analyse(
      measured.map {
        SweepMeasurement(
          step: $0.step, effectiveStep: $0.effectiveStep, estimate: $0.estimate,
          leavesDomain: exit != nil && $0.nanArgument != nil)
      }, exact: exactWide, roundoffFloor: floor, truncationIsExact: prediction.isExact,
      expected: expected, tolerance: tolerance, largestFitStep: largest)
    var samples = analysis.samples
    let fit = analysis.fit
    let model = SweepAnalysis.errorModel(
      samples: samples, fit: fit, prediction: prediction, value: d[0], derivative: q,
      epsilon: precision.epsilon, weightSum: stencil?.weightSum ?? 0)
    for i in samples.indices { samples[i].model = model.value(atStep: samples[i].effectiveStep) }
    return SweepOutcome(
      scheme: scheme, precision: precision, samples: samples, exact: Double(exactWide), fit: fit,
      prediction: prediction, expectedOrder: expected,
      verdict: analysis.verdict, stencil: stencil, derivative: q, domainExit: exit, model: model)
  }

  /// The domain exit, when the smallest step with a NaN stencil value has a stencil point
  /// that `domainViolation(at:)` confirms outside the domain.
  func domainExit(_ measured: [Measured], _ roundedPoint: [Double]) -> DomainExit? {
    let leaving = measured.filter { $0.nanArgument != nil }
    guard let first = leaving.min(by: { $0.step < $1.step }), let argument = first.nanArgument
    else { return nil }
    var env = Dictionary(uniqueKeysWithValues: zip(variables, roundedPoint))
    env[variables[index]] = argument
    guard let violation = f.domainViolation(at: env) else { return nil }
    return DomainExit(
      count: leaving.count, firstStep: first.step, point: argument, violation: violation)
  }
}

extension SweepAnalysis {
  /// The error model `C h^p + R ε |f| / h^q` of a sweep (see `ErrorModel`).
  ///
  /// C and p are the fit's (the prediction's when there is no fit; none when exact); R is
  /// the median of `error h^q / (ε |f|)` over the usable steps below the fit range, where
  /// round-off dominates, or `weightSum` when there are none. The error at the predicted
  /// best step is the running median (of five neighbouring steps) at the sweep's step
  /// nearest to it in log h; the sweep's best is the least running median. Steps whose
  /// error is over a thousand times below their round-off floor (`isLuckyRoundoff`) take no
  /// part in either: they are rounding luck at that exact step.
  public static func errorModel(
    samples: [SweepSample], fit: FitOutcome, prediction: TaylorPrediction, value: Double,
    derivative q: Int, epsilon: Double, weightSum: Double
  ) -> ErrorModel {
    let scale = epsilon * (value == 0 ? 1 : Swift.abs(value))
    let usable = samples.filter {
      $0.error.isFinite && $0.error > 0 && $0.effectiveStep > 0 && !$0.leavesDomain
    }
    var constant = prediction.order == nil ? nil : Optional(prediction.constant)
    var order = prediction.order.map(Double.init)
    var below = usable
    if let result = fit.fit {
      (constant, order) = (result.constant, result.order)
      below = usable.filter { $0.effectiveStep < result.range.lowerBound }
    } else if prediction.order != nil, let best = prediction.bestStep {
      below = usable.filter { $0.effectiveStep < best / 10 }
    }
    let ratios = below.map { $0.error * Double.pow($0.effectiveStep, q) / scale }.sorted()
    let roundoff = ratios.isEmpty ? weightSum : ratios[ratios.count / 2]
    // A round-off error can land near zero by chance, and neighbouring steps can both be
    // lucky (the complex step on 1/(1+x^2) at 0.4 below its floor was 110x off the predicted
    // best with medians of three, 10x or less with five): compare running medians of five,
    // over the steps whose error is not a thousand times below its round-off floor. Those
    // are luck, not accuracy one can choose: backward differences of 1/(1+x) at 0.5 are
    // exact to 2.5e-17 at three of five neighbouring steps near 1e-11, where the floor is
    // 3e-5, and made the sweep's "best" 4.4e8 times below the error at the predicted step.
    let typical = usable.filter { !$0.isLuckyRoundoff }
    let smoothed = typical.indices.map { i in
      let window = typical[Swift.max(0, i - 2)...Swift.min(typical.count - 1, i + 2)].map(\.error)
      return window.sorted()[window.count / 2]
    }
    var atPredicted: Double?
    if let h = prediction.bestStep {
      atPredicted = typical.indices.min {
        Swift.abs(Double.log(typical[$0].effectiveStep / h))
          < Swift.abs(Double.log(typical[$1].effectiveStep / h))
      }.map { smoothed[$0] }
    }
    return ErrorModel(
      truncationConstant: constant, truncationOrder: order, roundoffConstant: roundoff,
      roundoffScale: scale, derivative: q, predictedBestStep: prediction.bestStep,
      errorAtPredictedBest: atPredicted, bestError: smoothed.min())
  }
}

extension SweepSample {
  /// An error over a thousand times below the step's round-off floor `ε |f| sum|w_i| / h^q`:
  /// the rounding errors of the stencil's values happened to cancel at this exact step (for
  /// 1/(1+x) at 0.5 a backward difference is exact to 2.5e-17 at h = 1e-11, where the floor is
  /// 3e-5). A neighbouring step does not share the luck, so it is no accuracy a user can choose.
  public var isLuckyRoundoff: Bool { error < roundoffFloor * 1e-3 }
}
