import Calculus

extension Experiment {
  /// A readable account of the parsed experiment and the symbolic derivatives it uses
  /// (`experiment show`).
  public func explained() -> String {
    var lines = ["\(name) (\(kind.rawValue)): \(title)", "file: \(path)"]
    if let description { lines.append("description: \(description)") }
    switch spec {
    case .convergence(let s):
      lines.append("schemes: \(s.schemes.map(\.rawValue).joined(separator: ", "))")
      lines.append("precision: \(s.precisions.map(\.rawValue).joined(separator: ", "))")
      lines.append(
        "h: \(s.grid.steps.count) steps from \(short(s.grid.min)) to \(short(s.grid.max)), \(s.grid.perDecade) per decade"
      )
      lines.append("expect: " + describe(s.expectations) + ", tolerance \(s.tolerance)")
      for (i, c) in s.cases.enumerated() {
        lines.append(
          "case \(i): f(\(c.variable)) = \(c.f)   at \(c.variable) = \(c.points.map(short).joined(separator: ", "))"
        )
        let d = SweepAnalysis.derivatives(of: c.f, variable: c.variable, upTo: 3)
        lines.append("  f'   = \(d[1])")
        lines.append("  f''  = \(d[2])")
        lines.append("  f''' = \(d[3])")
        if let df = c.df { lines.append("  df (given) = \(df), agrees with f'") }
      }
    case .partials(let s):
      lines.append("f(\(s.variables.joined(separator: ", "))) = \(s.f)")
      for v in s.variables { lines.append("  ∂f/∂\(v) = \(s.f.derivative(withRespectTo: v))") }
      lines.append(
        "at: "
          + s.points.map { p in
            "(" + zip(s.variables, p).map { "\($0) = \(short($1))" }.joined(separator: ", ") + ")"
          }.joined(separator: "; "))
      lines.append(
        "schemes: \(s.schemes.map(\.rawValue).joined(separator: ", ")); expect: \(describe(s.expectations))"
      )
      if s.hessian { lines.append("hessian: central second differences") }
    case .descent(let s):
      lines.append("f(\(s.variables.joined(separator: ", "))) = \(s.f)")
      for v in s.variables { lines.append("  ∂f/∂\(v) = \(s.f.derivative(withRespectTo: v))") }
      lines.append(
        "start: ("
          + zip(s.variables, s.start).map { "\($0) = \(short($1))" }.joined(separator: ", ") + ")")
      lines.append(
        "learning rates: \(s.learningRates.map(short).joined(separator: ", ")); \(s.steps) steps; gradient: \(s.gradients.map(\.rawValue).joined(separator: ", "))"
      )
    case .gradcheck(let s):
      lines.append(
        "network: \(s.network.layers.map(String.init).joined(separator: "-")) \(s.network.activation.rawValue), seed \(s.network.seed)"
      )
      lines.append("data: \(s.data.source.label), batch \(s.data.batch.map(String.init) ?? "100")")
      lines.append(
        "h: \(short(s.step)), scheme \(s.scheme.rawValue), method \(s.method.rawValue), parameters: \(s.sampleCount.map(String.init) ?? "all")"
      )
    case .training(let s):
      lines.append(
        "network: \(s.network.layers.map(String.init).joined(separator: "-")) \(s.network.activation.rawValue), seed \(s.network.seed)"
      )
      lines.append(
        "data: \(s.data.source.label); learning rates \(s.learningRates.map(short).joined(separator: ", ")), batch \(s.batch), epochs \(s.epochs); gradient \(s.gradient.rawValue)"
      )
    }
    return lines.joined(separator: "\n")
  }

  private func describe(_ expectations: [Scheme: Expectation]) -> String {
    guard !expectations.isEmpty else { return "none" }
    return Scheme.allCases.compactMap { scheme in
      expectations[scheme].map { e -> String in
        switch e {
        case .auto: return "\(scheme.rawValue) auto"
        case .order(let p): return "\(scheme.rawValue) \(short(p))"
        }
      }
    }.joined(separator: ", ")
  }
}
