import Calculus

extension Experiment {
  /// A readable account of the parsed experiment and the symbolic derivatives it uses
  /// (`experiment show`), in the experiment's language.
  public func explained() -> String {
    var lines = ["\(name) (\(kind)): \(title)", language(.showFile(path))]
    if let description { lines.append(language(.showDescription(description))) }
    lines += Kinds.explain(self)
    return lines.joined(separator: "\n")
  }
}

/// "forward 1, central auto" for `experiment show`.
func describeExpectations(_ expectations: [Scheme: Expectation]) -> String {
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
