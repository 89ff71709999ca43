extension GradcheckPhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .tableEntries: return "entries"
    case .tableNearKink: return "near kink"
    case .tableKinkMaxRel: return "kink max rel"
    case .tableDirection: return "direction"
    case .tableAlongDirection: return "the derivative of the loss along a random direction"
    case .verdictBound(let bound): return "verdict bound \(bound)"
    case .log10RelativeError: return "log_{10} relative error"
    case .parameters: return "parameters"
    case .relativeErrorDefinition(let floor, let scheme, let h): return "relative error = |backprop − numerical| / max(|backprop|, |numerical|, \(floor)); numerical: \(scheme), h = \(h)"
    case .captionRelativeErrors: return "relative errors between backprop and the numerical gradient, per tensor"
    case .noSampledEntries(let tensors): return "no entry sampled (not drawn): \(tensors)"
    case .sweepOutputLayer: return "along a random direction in the output layer (W2, b2): smooth"
    case .sweepAllParameters: return "along a random direction in all parameters: relu kinks"
    case .kinkCrossed(let h): return "h > \(h): the ±h step crosses a relu kink and the error jumps"
    case .sweepTitle(let precision): return "|numerical − backprop| derivative of the loss along a direction d, against h (\(precision))"
    case .captionSweep:
      return "error of the numerical derivative of the network's loss against h, along two directions"

    case .tableMaxAbs: return "max abs"
    case .tableMaxRel: return "max rel"
    case .tableNormwise: return "normwise"
    case .sweepDirection(let direction):
      switch direction {
      case .outputLayer: return direction.rawValue
      case .allParameters: return direction.rawValue
      }
    case .lossAlongDirection(let direction):
      switch direction {
      case .outputLayer: return "derivative of the loss along the output layer"
      case .allParameters: return "derivative of the loss along the all parameters"
      }
    case .kinkSweepNote(let h): return "along a random direction in all parameters some pre-activation crosses a relu kink for h > \(h): the sweep bends there"
    case .kinkParametersNote(let kinks, let total): return "\(kinks) of \(total) parameters have a ±h step that crosses a relu kink for some sample; they are reported apart and kept out of the verdict"
    case .relativeFloorNote(let floor, let roundoff, let bound, let below, let held): return "relative errors use the floor \(floor) (10 × the numerical gradient's round-off level \(roundoff) / the bound \(bound)): \(below) entries are smaller than it and are held to |a − n| <= \(held)"
    case .tensorWorst(let maxRelative, let bound, let entries, let worst, let backprop, let numerical): return "max relative error \(maxRelative), bound \(bound), over \(entries) entries (worst entry \(worst): backprop \(backprop), numerical \(numerical))"
    case .noSmoothEntry(let sampled, let nearKink): return "no entry compared away from relu kinks (\(sampled) sampled, \(nearKink) near a kink)"
    case .fastAgainstTextbook: return "fast against textbook numerical gradient"
    case .largestDifference(let gap, let bound): return "largest difference \(gap), bound \(bound)"
    case .showGradcheckData(let source, let batch): return "data: \(source), batch \(batch)"
    case .showGradcheckStep(let h, let scheme, let method, let parameters): return "h: \(h), scheme \(scheme), method \(method.rawValue), parameters: \(parameters ?? "all")"
    case .progressNumericalGradient(let method):
      switch method {
      case .fast: return "numerical gradient (fast)"
      case .textbook, .both: return "numerical gradient (textbook)"
      }
    case .awayFromKinksName: return "away from kinks"
    case .crossesKinkName: return "step crosses a relu kink"
    case .entryCounts(let smooth, let kinked): return "\(smooth) entries away from kinks" + (kinked > 0 ? ", \(kinked) crossing one" : "")
    }
  }
}
