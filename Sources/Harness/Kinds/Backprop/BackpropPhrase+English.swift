import Foundation

extension BackpropPhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .tensorSubject(let tensor, let precision, let expectWrong): return "\(tensor), \(precision.rawValue)" + (expectWrong ? " (expected wrong)" : "")
    case .strayWrongSubject(let tensor): return "\(tensor) (expected wrong)"
    case .noSuchParameter(let tensor): return "the model has no parameter \(tensor)"
    case .noFiniteSweep: return "no sampled entry gave a finite sweep"
    case .entriesDiffer(let count, let of, let named):
      let list = named.prefix(5).map { "\($0.name) by about \(String(format: "%.2g", $0.plateau)) (gradient \(String(format: "%.6g", $0.gradient)))" }
      return "\(count) of \(of) entries differ from the finite differences: " + list.joined(separator: ", ") + (named.count > 5 ? ", ..." : "")
    case .found(let what): return "found: " + what.english
    case .expectedWrongButAgree(let n): return "expected a wrong gradient, but all \(n) sampled entries agree"
    case .entriesAgree(let agreeing, let of): return "\(agreeing) of \(of) sampled entries agree"
    case .otherOrder(let count, let names): return "\(count) entries converge at another order than 2: \(names.prefix(5).joined(separator: ", ")) (a kink the larger steps cross)"
    case .withinToleranceNote(let count, let tolerance, let largest, let entry, let precision):
      return "\(count) entries level off below the tolerance (\(tolerance) of |g|): the gradient is not exactly the loss's, by up to \(largest) of the entry (\(entry), \(precision.rawValue)); a constant inside the loss that the gradient leaves out, such as log(y + 1e-7), does this"
    case .tableTensorShape: return "shape"
    case .tableSampledEntries: return "entries"
    case .tableDiffer: return "differ"
    case .tableWrongOrder: return "wrong order"
    case .tableNotChecked: return "not checked"
    case .tableFittedOrders: return "fitted orders"
    case .tableLargestDifference: return "largest difference"
    case .figureTitle: return "The gradient under test against central differences, entry by entry"
    case .captionEntries: return "Each sampled entry's difference between the gradient under test and the central differences, relative to |g| (at least the tensor's median |g|), by precision and tensor: a differing entry at its plateau, an agreeing one at its least difference over the steps, beside the round-off floor at that step; the tolerance dashed"
    case .precisionPanel(let precision): return "\(precision.rawValue) precision"
    case .sampledEntry: return "sampled entry, by tensor"
    case .relativeDifference: return "|numerical − backprop| / |g|"
    case .agreesSeries: return "agrees"
    case .differsSeries: return "differs (plateau)"
    case .otherOrderSeries: return "another order (kink)"
    case .floorSeries: return "round-off floor"
    case .toleranceLine(let tolerance): return "tolerance \(tolerance)"
    case .differingEntries(let tensor, let names, let of): return "\(tensor): \(names.count) of \(of) differ: \(names.prefix(4).joined(separator: ", "))" + (names.count > 4 ? ", ..." : "")
    case .noneDiffer: return "no entry differs"
    case .plantedMark: return "*: a planted bug expected"
    case .notCheckedNote(let count): return "\(count) entries without a finite sweep are not drawn"
    case .showModel(let target, let arguments, let seed): return "model: \(target) (Python), arguments \(arguments), seed \(seed)"
    case .showDriver(let interpreter, let target, let directory): return "  starts: \(interpreter) python_driver.py --model \(target) (in \(directory))"
    case .showData(let data): return "data: \(data)"
    case .showPrecisions(let precisions): return "precision: \(precisions.map(\.rawValue).joined(separator: ", "))"
    case .showEntries(let perTensor, let steps, let from, let to): return "entries: \(perTensor.map { "\($0) per tensor" } ?? "all"), central differences over \(steps) steps from \(from) to \(to)"
    case .showExpect(let wrong): return "expect: " + (wrong.isEmpty ? "every tensor's gradient right" : "wrong in \(wrong.joined(separator: ", ")) only")
    }
  }
}
