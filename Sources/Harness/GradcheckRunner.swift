import Calculus
import Foundation
import Learning
import Plotting

/// Runs `kind: gradcheck`: backprop against the numerical gradient, tensor by tensor, and with
/// `sweep` the convergence of the loss's directional derivative.
enum GradcheckRunner {
  static func run(_ experiment: Experiment, _ spec: GradcheckSpec, context: RunContext) throws
    -> ExperimentResult
  {
    let batchSize = spec.data.batch ?? 100
    let data = try DataLoading.load(
      spec.data, network: spec.network, trainCount: spec.data.train, testCount: spec.data.test,
      context: context)
    guard batchSize <= data.train.count else {
      throw ExperimentError(
        line: spec.data.mark?.line, column: spec.data.mark?.column,
        "batch \(batchSize) is larger than the \(data.train.count) training images of \(spec.data.source.label)"
      )
    }
    let batch = data.train.subset(0..<batchSize)
    switch spec.precision {
    case .double: return check(Double.self, experiment, spec, batch: batch, context: context)
    case .single: return check(Float.self, experiment, spec, batch: batch, context: context)
    }
  }

  static func check<S: BLASScalar>(
    _: S.Type, _ experiment: Experiment, _ spec: GradcheckSpec, batch: Dataset, context: RunContext
  ) -> ExperimentResult {
    let net = Network<S>(DataLoading.configuration(spec.network))
    let inputs: Matrix<S> = batch.inputs(as: S.self)
    let labels = batch.labels
    let names = net.tensorNames
    let (loss, analytic) = net.gradient(inputs: inputs, labels: labels)
    let h = S(spec.step)
    let clock = ContinuousClock()
    func seconds(_ d: Duration) -> Double {
      Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    // Which parameters: all, or a seeded sample (sorted, per tensor).
    var sample: [Int]?
    if let n = spec.sampleCount, n < net.parameterCount {
      var generator = Xoshiro256StarStar(seed: spec.network.seed &+ 7)
      sample = Array(generator.permutation(net.parameterCount).prefix(n)).sorted()
    }
    let all = Array(0..<net.parameterCount)
    let chosen = sample ?? all
    var result = ExperimentResult(experiment: experiment)
    var numerical: [S]
    var methods: [(String, JSON)] = []
    let progress: (String) -> (Int, Int) -> Void = { label in
      { done, total in context.progress(label, done, total) }
    }
    // Each method timed; `both` also checks that they agree.
    func textbook() -> [S] {
      let start = clock.now
      defer { methods.append(("textbook_seconds", .num(seconds(clock.now - start)))) }
      return NetworkGradientCheck.numericalGradientTextbook(
        net, inputs: inputs, labels: labels, step: h, scheme: spec.scheme, at: chosen,
        progress: progress("numerical gradient (textbook)"))
    }
    func fast() -> [S] {
      let start = clock.now
      let full = NetworkGradientCheck.numericalGradientFastFlat(
        net, inputs: inputs, labels: labels, step: h, scheme: spec.scheme, threads: 2,
        progress: progress("numerical gradient (fast)"))
      methods.append(("fast_seconds", .num(seconds(clock.now - start))))
      return chosen.map { full[$0] }
    }
    switch spec.method {
    case .fast:
      numerical = fast()
    case .textbook:
      numerical = textbook()
    case .both:
      numerical = textbook()
      let other = fast()
      let gap = zip(other, numerical).map { abs(Double($0) - Double($1)) }.max() ?? 0
      methods.append(("fast_vs_textbook_max_difference", .num(gap)))
      let bound = S.self == Double.self ? 1e-9 : 1e-4
      result.terminal.append(
        String(
          format: "  fast and textbook numerical gradients differ by at most %.3g (bound %g)", gap,
          bound))
      if !(gap <= bound) {
        result.failures.append(
          String(
            format: "the fast numerical gradient differs from the textbook one by %.3g > %g",
            gap, bound))
      }
    }

    // Per tensor: sub-arrays of the chosen entries, kink flags re-indexed.
    let kinksFull = NetworkGradientCheck.kinkEntries(
      net, inputs: inputs, step: h, scheme: spec.scheme)
    let flatAnalytic = analytic.flatMap { $0 }
    var offsets = [0]
    for t in analytic { offsets.append(offsets.last! + t.count) }
    var subAnalytic = [[S]](repeating: [], count: names.count)
    var subNumerical = [[S]](repeating: [], count: names.count)
    var subKinks = [[Int]](repeating: [], count: names.count)
    var subIndex = [[Int]](repeating: [], count: names.count)
    let kinkSets = kinksFull.map(Set.init)
    var t = 0
    for (k, flat) in chosen.enumerated() {
      while flat >= offsets[t + 1] { t += 1 }
      let local = flat - offsets[t]
      if kinkSets[t].contains(local) { subKinks[t].append(subAnalytic[t].count) }
      subIndex[t].append(local)
      subAnalytic[t].append(flatAnalytic[flat])
      subNumerical[t].append(numerical[k])
    }
    // The floor of the relative error's denominator: below it an entry is at the round-off
    // level of the numerical gradient (about eps |L| / h for a stencil), where a relative error
    // means nothing. An entry under the floor must then satisfy |a - n| <= bound * floor, which
    // is 10 eps |L| / h: an absolute test at ten times the round-off level.
    let sumWeights = spec.scheme.stencil.map { abs($0.weight) }.reduce(0, +)
    let roundoff = Double(S.ulpOfOne) * abs(Double(loss)) * sumWeights / spec.step
    let bound = spec.maxRelativeError ?? 1e-6
    let floor = spec.relativeFloor ?? 10 * roundoff / bound
    let comparisons = NetworkGradientCheck.compare(
      analytic: subAnalytic, numerical: subNumerical, names: names, kinks: subKinks, tiny: floor)
    let belowFloor = subAnalytic.indices.map { t in
      subAnalytic[t].indices.filter {
        max(abs(Double(subAnalytic[t][$0])), abs(Double(subNumerical[t][$0]))) < floor
      }.count
    }

    var tensorsJSON: [JSON] = []
    var rows: [[String]] = []
    var entries = CSVTable(columns: [
      "tensor", "index", "analytic", "numerical", "absolute_error", "relative_error", "near_kink",
    ])
    var relativeErrors: [(tensor: Int, value: Double, kink: Bool)] = []
    for (t, c) in comparisons.enumerated() {
      let passed = spec.maxRelativeError.map { c.maxRelativeError <= $0 } ?? true
      func worst(_ list: [TensorComparison.Entry]) -> JSON {
        .array(
          list.map { e in
            .object([
              ("index", .int(subIndex[t][e.index])), ("analytic", .num(e.analytic)),
              ("numerical", .num(e.numerical)), ("relative_error", .num(e.relativeError)),
            ])
          })
      }
      tensorsJSON.append(
        .object([
          ("name", .string(c.name)), ("count", .int(c.count)),
          ("shape", .array(net.tensorShapes[t].map { .int($0) })),
          ("max_abs_error", .num(c.maxAbsoluteError)),
          ("max_relative_error", .num(c.maxRelativeError)),
          ("normwise_relative_error", .num(c.normwiseRelativeError)),
          ("kink_entries", .int(c.kinkEntries)),
          ("entries_below_floor", .int(belowFloor[t])),
          (
            "kink_max_relative_error",
            .num(c.kinkEntries > 0 ? c.kinkStatistics.maxRelativeError : nil)
          ),
          ("passed", .bool(passed)), ("worst", worst(c.worst)),
          ("worst_kink", worst(c.kinkStatistics.worst)),
        ]))
      rows.append([
        c.name, String(c.count), String(format: "%.3g", c.maxAbsoluteError),
        String(format: "%.3g", c.maxRelativeError), String(format: "%.3g", c.normwiseRelativeError),
        String(c.kinkEntries),
        c.kinkEntries > 0 ? String(format: "%.3g", c.kinkStatistics.maxRelativeError) : "-",
        passed ? "pass" : "FAIL",
      ])
      if !passed {
        result.failures.append(
          String(
            format:
              "%@: max relative error %.3g > %g (worst entry %d: backprop %.6g, numerical %.6g)",
            c.name, c.maxRelativeError, spec.maxRelativeError!,
            c.worst.first.map { subIndex[t][$0.index] } ?? -1, c.worst.first?.analytic ?? .nan,
            c.worst.first?.numerical ?? .nan))
      }
      let kinkSet = Set(subKinks[t])
      for k in subAnalytic[t].indices {
        let a = Double(subAnalytic[t][k])
        let n = Double(subNumerical[t][k])
        let rel = abs(a - n) / max(abs(a), abs(n), floor)
        entries.append([
          .string(c.name), .int(subIndex[t][k]), .number(a), .number(n), .number(abs(a - n)),
          .number(rel), .bool(kinkSet.contains(k)),
        ])
        if a != 0 || n != 0 { relativeErrors.append((t, rel, kinkSet.contains(k))) }
      }
    }
    let kinkTotal = comparisons.map(\.kinkEntries).reduce(0, +)
    result.notes.append(
      "\(kinkTotal) of \(chosen.count) parameters have a ±h step that crosses a relu kink for some sample; they are reported apart and kept out of the verdict"
    )
    result.notes.append(
      String(
        format:
          "relative errors use the floor %.3g (10 × the numerical gradient's round-off level %.3g / the bound %g): %d entries are smaller than it and are held to |a − n| <= %.3g",
        floor, roundoff, bound, belowFloor.reduce(0, +), bound * floor))

    // The sweep: the derivative of the loss along a seeded random direction.
    var sweepJSON: [JSON] = []
    var sweepOutcomes: [SweepOutcome] = []
    var sweepTable = CSVTable(columns: ["direction"] + SweepReporting.csvColumns)
    var sweepOutcomesAll: [SweepOutcome] = []
    var kinkStep: Double?
    if let grid = spec.sweep {
      // Along the output layer the loss is softmax cross-entropy of an affine map: smooth, so
      // the orders show cleanly and are asserted. Along all parameters a relu kink is crossed
      // beyond some step; that sweep is measured and reported with the step, not asserted.
      let output = sweep(
        net, inputs: inputs, labels: labels, analytic: flatAnalytic, grid: grid, spec: spec,
        outputLayerOnly: true)
      let everything = sweep(
        net, inputs: inputs, labels: labels, analytic: flatAnalytic, grid: grid, spec: spec,
        outputLayerOnly: false)
      sweepOutcomes = output.outcomes
      sweepOutcomesAll = everything.outcomes
      kinkStep = everything.kinkStep
      for (label, outcomes, threshold) in [
        ("output layer", output.outcomes, nil as Double?),
        ("all parameters", everything.outcomes, everything.kinkStep),
      ] {
        for o in outcomes {
          sweepJSON.append(
            SweepReporting.json(
              o,
              leading: [
                ("f", .string("loss(θ + t·d) at t = 0, d a random unit direction in the \(label)")),
                ("direction", .string(label)),
                ("at", .num(0)), ("kink_step", .num(threshold)),
              ]))
          for row in SweepReporting.csvRows(o, leading: [.string(label)]) { sweepTable.append(row) }
          if let failure = SweepReporting.failure(
            o, subject: "derivative of the loss along the \(label)")
          {
            result.failures.append(failure)
          }
        }
      }
      if let threshold = everything.kinkStep {
        result.notes.append(
          String(
            format:
              "along a random direction in all parameters some pre-activation crosses a relu kink for h > %.3g: the sweep bends there",
            threshold))
      }
    }

    result.passed = result.failures.isEmpty
    result.summary = [
      ("network", spec.network.json(parameters: net.parameterCount)),
      (
        "data",
        .object([("source", .string(spec.data.source.label)), ("batch", .int(batch.count))])
      ),
      ("h", .num(spec.step)), ("scheme", .string(spec.scheme.rawValue)),
      ("method", .string(spec.method.rawValue)),
      ("precision", .string(spec.precision.rawValue)), ("loss", .num(Double(loss))),
      ("parameters_checked", .int(chosen.count)),
      ("kink_entries", .int(kinkTotal)), ("timing", .object(methods)),
      ("tensors", .array(tensorsJSON)), ("results", .array(sweepJSON)),
    ]
    result.tables = [("gradients.csv", entries)]
    if !sweepOutcomes.isEmpty { result.tables.append(("sweep.csv", sweepTable)) }
    let header = [
      "tensor", "entries", "max abs", "max rel", "normwise", "near kink", "kink max rel", "verdict",
    ]
    result.terminal = alignedTable(header: header, rows: rows) + result.terminal
    if !sweepOutcomes.isEmpty {
      result.terminal += alignedTable(
        header: ["direction"] + SweepReporting.terminalHeader,
        rows: sweepOutcomes.map { ["output layer"] + SweepReporting.terminalRow($0) }
          + sweepOutcomesAll.map { ["all parameters"] + SweepReporting.terminalRow($0) })
    }
    result.figures = figures(
      spec, names: names, relativeErrors: relativeErrors, sweep: sweepOutcomes,
      sweepAll: sweepOutcomesAll, kinkStep: kinkStep, floor: floor)
    result.markdown =
      markdownSection(experiment, result: result)
      + markdownTable(header: header, rows: rows.map { "| " + $0.joined(separator: " | ") + " |" })
    return result
  }

  /// Error of the directional derivative d/dt loss(θ + t d) at t = 0 against h, where the
  /// exact value is backprop's gradient · d. Also returns the step beyond which some
  /// pre-activation crosses a relu kink along d (min |z| / |dz/dt|).
  static func sweep<S: BLASScalar>(
    _ net: Network<S>, inputs: Matrix<S>, labels: [UInt8], analytic: [S], grid: StepGrid,
    spec: GradcheckSpec, outputLayerOnly: Bool
  ) -> (outcomes: [SweepOutcome], kinkStep: Double?) {
    var generator = Xoshiro256StarStar(seed: spec.network.seed &+ 11)
    var direction = (0..<net.parameterCount).map { _ in generator.nextNormal() }
    if outputLayerOnly {
      // Only the last layer's weights and biases (the last two tensors) move.
      let tensors = net.tensors
      let first = tensors[tensors.count - 2].offset
      for i in 0..<first { direction[i] = 0 }
    }
    let norm = direction.map { $0 * $0 }.reduce(0, +).squareRoot()
    direction = direction.map { $0 / norm }
    let exact = zip(analytic, direction).map { Double($0) * $1 }.reduce(0, +)
    let theta = net.parameters
    let f: (S) -> S = { t in
      net.parameters = zip(theta, direction).map { $0 + t * S($1) }
      return net.loss(inputs: inputs, labels: labels)
    }
    let value = Double(f(0))
    let precision: Precision = S.self == Double.self ? .double : .single
    let eps = precision.epsilon
    var outcomes: [SweepOutcome] = []
    for scheme in spec.sweepSchemes {
      let floor: (Double) -> Double = {
        Taylor.roundoffFloor(
          scheme: scheme, value: value, derivative: exact, epsilon: eps, step: $0)
      }
      var samples: [SweepSample] = []
      for h in grid.steps {
        let estimate = Double(
          FiniteDifference.derivative(of: f, at: S(0), step: S(h), scheme: scheme))
        let effective = Double(S(h))
        samples.append(
          SweepSample(
            step: h, effectiveStep: effective, estimate: estimate, error: abs(estimate - exact),
            roundoffFloor: floor(effective), inFitRange: false))
      }
      let usable = samples.filter { $0.estimate.isFinite }
      let fit = OrderFitting.fit(
        steps: usable.map(\.effectiveStep), errors: usable.map(\.error), roundoffFloor: floor)
      if case .fitted(let r) = fit {
        for i in samples.indices {
          samples[i].inFitRange = r.range.contains(samples[i].effectiveStep)
        }
      }
      let prediction = TaylorPrediction(
        order: scheme.order, constant: .nan, leadingDerivative: nil, isExact: false,
        explanation:
          "nominal order of the scheme (the loss's higher derivatives are not computed symbolically)",
        bestStep: nil, bestError: nil)
      let expected: Double? =
        !outputLayerOnly
        ? nil
        : spec.expectations[scheme].map { e in
          if case .order(let p) = e { return p }
          return Double(scheme.order)
        }
      let (passed, verdict) = judge(fit, expected: expected, tolerance: spec.tolerance)
      outcomes.append(
        SweepOutcome(
          scheme: scheme, precision: precision, samples: samples, exact: exact, fit: fit,
          prediction: prediction, expectedOrder: expected, passed: passed, verdict: verdict))
    }
    net.parameters = theta

    // Where the first relu kink is crossed along d.
    let threshold =
      outputLayerOnly
      ? nil
      : NetworkGradientCheck.kinkStep(net, inputs: inputs, along: direction.map { S($0) })
        .map(Double.init)
    return (outcomes, threshold)
  }

  static func figures(
    _ spec: GradcheckSpec, names: [String],
    relativeErrors: [(tensor: Int, value: Double, kink: Bool)],
    sweep: [SweepOutcome], sweepAll: [SweepOutcome], kinkStep: Double?, floor: Double
  ) -> [(name: String, caption: String, figure: Figure)] {
    var figures: [(String, String, Figure)] = []
    let logs = relativeErrors.map { log10(max($0.value, 1e-20)) }
    let lo = (logs.min() ?? -16).rounded(.down)
    let hi = max((logs.max() ?? 0).rounded(.up), lo + 1)
    let panels = names.indices.map { t -> Panel in
      let smooth = relativeErrors.filter { $0.tensor == t && !$0.kink }.map {
        log10(max($0.value, 1e-20))
      }
      let kinked = relativeErrors.filter { $0.tensor == t && $0.kink }.map {
        log10(max($0.value, 1e-20))
      }
      var series = [
        Series.histogram(
          "away from kinks (\(smooth.count))", values: smooth, bins: 40, range: lo...hi, color: 0)
      ]
      if !kinked.isEmpty {
        series.append(
          Series.histogram(
            "step crosses a relu kink (\(kinked.count))", values: kinked, bins: 40, range: lo...hi,
            color: 1))
      }
      let markers =
        spec.maxRelativeError.map {
          [VerticalMarker("verdict bound \(short($0))", x: log10($0), dash: .dashed, color: 2)]
        } ?? []
      return Panel(
        title: "\(names[t]): |a − n| / max(|a|, |n|, \(String(format: "%.1e", floor)))",
        xAxis: Axis("log_{10} relative error", range: lo...hi),
        yAxis: Axis("parameters", scale: .log10), series: series, verticalMarkers: markers,
        legend: .upperLeft)
    }
    figures.append(
      (
        "relative-errors",
        "relative errors between backprop and the numerical gradient, per tensor",
        Figure(
          title:
            "Backprop against the numerical gradient (\(spec.scheme.rawValue), h = \(short(spec.step))), \(spec.network.layers.map(String.init).joined(separator: "-")) network",
          panels: panels, columns: 2, width: 1400, height: 1000)
      ))
    if !sweep.isEmpty {
      let smooth = ConvergenceFigures.errorPanel(
        sweep, title: "along a random direction in the output layer (W2, b2): smooth"
      )
      var all = ConvergenceFigures.errorPanel(
        sweepAll, title: "along a random direction in all parameters: relu kinks")
      if let kinkStep {
        all.verticalMarkers.append(
          VerticalMarker(
            "a relu kink is crossed for h > \(String(format: "%.2g", kinkStep))", x: kinkStep,
            dash: .dashDot, color: 5))
      }
      figures.append(
        (
          "sweep",
          "error of the numerical derivative of the network's loss against h, along two directions",
          Figure(
            title:
              "|numerical − backprop| derivative of the loss along a direction d, against h (\(spec.precision.rawValue))",
            panels: [smooth, all], columns: 2, width: 1800, height: 800)
        ))
    }
    return figures
  }
}
