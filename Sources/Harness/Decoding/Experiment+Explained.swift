import Calculus

extension Experiment {
  /// A readable account of the parsed experiment and the symbolic derivatives it uses
  /// (`experiment show`), in the experiment's language.
  public func explained() -> String {
    var lines = ["\(name) (\(kind)): \(title)", language(.showFile(path: path))]
    if let description { lines.append(language(.showDescription(text: description))) }
    lines += Kinds.explain(self)
    let started = startedPrograms
    if !started.isEmpty {
      lines.append(language(.showProgramsHeader))
      lines += started.map {
        "  " + language(.showProgramLine(command: $0.command, directory: $0.directory))
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// "forward 1, central auto" for `experiment show` (in `language`).
func describeExpectations(_ expectations: [Scheme: Expectation], language: Language = .en)
  -> String
{
  guard !expectations.isEmpty else { return language(.showNone) }
  return Scheme.allCases.compactMap { scheme in
    expectations[scheme].map { e -> String in
      let name = language(.schemeName(scheme: scheme))
      switch e {
      case .auto: return language(.showAuto(scheme: name))
      case .order(let p): return "\(name) \(short(p))"
      }
    }
  }.joined(separator: ", ")
}

/// Scheme names in `language`, comma-separated.
func schemeList(_ schemes: [Scheme], _ language: Language) -> String {
  schemes.map { language(.schemeName(scheme: $0)) }.joined(separator: ", ")
}

/// Precision names in `language`, comma-separated.
func precisionList(_ precisions: [Precision], _ language: Language) -> String {
  precisions.map { language(.precisionName(precision: $0)) }.joined(separator: ", ")
}
