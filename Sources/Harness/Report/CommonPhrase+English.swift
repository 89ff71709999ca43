import Foundation

extension CommonPhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .describeNetwork(let layers, let activation, let initialization, let seed): return "\(layers) \(activation), \(initialization), seed \(seed)"
    case .gaussianInit(let sd): return "gaussian std \(sd)"
    case .complexStepCell: return "complex step"
    case .fitRange(let scheme): return "\(scheme) fit range"
    case .bestObserved: return "ticks on the h axis: best h observed (dotted)"
    case .bestPredicted: return "predicted (dashed)"
    case .modelCurve(let name): return "\(name): model"
    case .leavesDomainFrom(let name, let h): return "\(name): leaves the domain from h = \(h)"
    case .modelCurvesDashed: return "dashed: error model"
    case .fitRangesWide: return "wide light line: fit range"
    case .slopesNote(let list): return "slopes: \(list)"
    case .schemeName(let scheme): return scheme.rawValue
    case .secondDifferenceName: return "central2"
    case .adaptiveName: return "adaptive"
    case .precisionName(let precision): return precision.rawValue
    case .stepH: return "step h"
    case .absError: return "|error|"
    case .slope(let scheme, let order):
      let s = String(format: "%.2f", order)
      return "\(scheme): slope \(s)"
    case .exactRoundOff(let scheme): return "\(scheme): exact (round-off only)"
    case .noFit(let scheme): return "\(scheme): no fit"
    case .vanishingTerms(let label, let powers):
      return "\(label), \(Self.powersOfH(powers)) " + (powers.count == 1 ? "vanishes" : "vanish")
    case .schemesReason(let schemes, let reason): return "\(schemes.joined(separator: ", ")): \(reason)"
    case .tableScheme: return "scheme"
    case .tablePrecision: return "precision"
    case .tableFitted: return "fitted"
    case .tablePredicted: return "predicted"
    case .tableExpected: return "expected"
    case .tableBestH: return "best h"
    case .tableVerdict: return "verdict"
    case .tableAt: return "at"
    case .exact: return "exact"
    case .noFitWord: return "no fit"
    case .tableTensor: return "tensor"
    case .tableGradient: return "gradient"
    case .tableStatus: return "status"
    case .tableSteps: return "steps"
    case .functionAt(let f, let v, let at): return "\(f) at \(v) = \(at)"
    case .tooFewErrors(let n, let detail): return "\(n) finite non-zero error(s) measured: \(detail.english)"
    case .leavesDomainCell(let h, let n): return "from h = \(h) (\(n) steps)"
    case .domainNote(let subject, let h, let n, let at, let violation):
      return "\(subject.english): the stencil leaves the domain from h = \(h) (\(n) steps; at \(at): \(CalculusPhrase.domainViolation(violation: violation).english)); those steps are excluded from the fit"
    case .nonFiniteNote(let subject, let n): return "\(subject.english): \(n) step(s) gave a non-finite estimate; excluded from the fit"
    case .notFinite: return "not finite"
    case .valueCheckDetail(let e, let x, let d, let t): return String(format: "estimate %.15g, expected %.15g (difference %.3g, tolerance %g relative)", e, x, d, t)
    case .orderDetail(let verdict, let prediction):
      return CalculusPhrase.orderVerdict(verdict: verdict).english + " (\(CalculusPhrase.taylorReason(reason: prediction).english))"
    case .analytic: return "analytic"
    }
  }
}
