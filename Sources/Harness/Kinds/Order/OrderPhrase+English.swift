import Calculus

extension OrderPhrase {
  var english: String {
    switch self {
    case .progressLevels: return "levels"
    case .showTolerance(let t): return "tolerance: ±\(t) on the fitted order"
    case .showCase(let name, let output, let levels, let expected):
      return "case \(name): \(levels) levels, the program prints its \(output)"
        + (expected.map { ", expected order \($0)" } ?? ", no expectation")
    case .showCommand(let command): return "command: \(command)"
    case .levelFailure(let failure): return Self.englishFailure(failure)
    case .regime(let regime): return regime.rawValue
    case .status(let status): return status.rawValue
    case .convergenceTable(let name): return "Convergence of \(name)"
    case .column(let column): return column.english
    case .failedCell: return "failed"
    case .levelSubject(let name, let level): return "\(name), level \(level)"
    case .levelFailed(_, let failure, let tail):
      return Self.englishFailure(failure)
        + (tail.isEmpty ? "" : "; standard error ends: " + tail.joined(separator: " / "))
    case .orderFitted(let order, let interval, let levels, let expected, let tolerance, let within):
      return "fitted order \(order) (95% \(interval)) over levels \(levels), "
        + (within ? "within \(tolerance) of" : "more than \(tolerance) from")
        + " the expected \(expected)"
    case .orderNotFitted(let status, let asymptotic):
      return "not fitted (\(status.rawValue)): \(asymptotic) points in the asymptotic range, "
        + "three needed"
    case .orderLevelsFailed(let levels): return "not fitted: level \(levels) gave no number"
    case .orderNotes(let name, let notes): return "\(name): \(notes)"
    case .baselineSubject: return "against the baseline"
    case .baselineMissing(let path): return "no earlier summary.json at \(path)"
    case .baselineUnreadable: return "the run's results could not be read back"
    case .baselineNothingToCompare: return "no fitted order or digits to compare with the baseline"
    case .baselineAsGood(let compared): return "\(compared) fitted orders and digits at least as good"
    case .baselineRegressions(let list): return list
    case .figureTitle(let name): return "\(name): error against h and the observed order by level"
    case .axisH: return "step h"
    case .axisError: return "error"
    case .axisDifference: return "|φ(h) − φ(h/r)|"
    case .fittedLine(let order, let low, let high):
      return "fitted order \(order) [\(low), \(high)]"
    case .intervalLines: return "95% interval of the slope"
    case .asymptoticPoints: return "asymptotic (fitted)"
    case .preAsymptoticPoints: return "pre-asymptotic (excluded)"
    case .floorPoints: return "floor (excluded)"
    case .axisLevel: return "level"
    case .axisObservedOrder: return "observed order"
    case .expectedOrder(let p): return "expected \(p)"
    case .caption(let name):
      return "\(name): error (or successive differences) against h with the fitted line, and "
        + "the observed order at each level"
    }
  }

  static func englishFailure(_ failure: LevelFailure) -> String {
    switch failure {
    case .cannotStart(let why): return why
    case .exited(let status): return "the program exited with status \(status)"
    case .signalled(let signal): return "the program was killed by signal \(signal)"
    case .timedOut(let seconds):
      return "the program ran past the timeout of \(seconds.formatted3) s"
    case .notANumber(nil): return "the program printed nothing on standard output"
    case .notANumber(let line?):
      return "the last line of standard output is not a finite number: \"\(line)\""
    }
  }
}

extension OrderPhrase.Column {
  var english: String {
    switch self {
    case .case: return "case"
    case .level: return "level"
    case .n: return "n"
    case .h: return "h"
    case .error: return "error"
    case .value: return "value"
    case .difference: return "|difference|"
    case .observedOrder: return "observed order"
    case .regime: return "regime"
    case .seconds: return "seconds"
    case .expected: return "expected"
    case .fitted: return "fitted order"
    case .interval: return "95% interval"
    case .asymptoticLevels: return "levels fitted"
    case .status: return "status"
    case .verdict: return "verdict"
    case .extrapolated: return "extrapolated"
    case .gci: return "GCI fine"
    case .asymptoticRatio: return "asymptotic ratio"
    }
  }
}
