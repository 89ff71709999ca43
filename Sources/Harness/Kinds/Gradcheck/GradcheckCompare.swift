import Calculus
import Foundation
import Learning

extension Gradcheck {
  /// Per tensor: the chosen entries of backprop and the numerical gradient compared, entries
  /// whose ±h step crosses a relu kink kept apart.
  static func compare<S: BLASScalar>(
    _ net: Network<S>, inputs: Matrix<S>, analytic: [[S]], numerical: [S], chosen: [Int],
    spec: GradcheckSpec, floor: Double
  ) -> ([GradcheckOutcome.Tensor], [GradcheckOutcome.Entry]) {
    let names = net.tensorNames
    let kinkSets = NetworkGradientCheck.kinkEntries(
      net, inputs: inputs, step: S(spec.step), scheme: spec.scheme
    ).map(Set.init)
    var offsets = [0]
    for t in analytic { offsets.append(offsets.last! + t.count) }
    var subAnalytic = [[S]](repeating: [], count: names.count)
    var subNumerical = [[S]](repeating: [], count: names.count)
    var subKinks = [[Int]](repeating: [], count: names.count)
    var subIndex = [[Int]](repeating: [], count: names.count)
    var t = 0
    for (k, flat) in chosen.enumerated() {
      while flat >= offsets[t + 1] { t += 1 }
      let local = flat - offsets[t]
      if kinkSets[t].contains(local) { subKinks[t].append(subAnalytic[t].count) }
      subIndex[t].append(local)
      subAnalytic[t].append(analytic[t][local])
      subNumerical[t].append(numerical[k])
    }
    let comparisons = NetworkGradientCheck.compare(
      analytic: subAnalytic, numerical: subNumerical, names: names, kinks: subKinks, tiny: floor)
    var tensors: [GradcheckOutcome.Tensor] = []
    var entries: [GradcheckOutcome.Entry] = []
    for (t, c) in comparisons.enumerated() {
      let kinks = Set(subKinks[t])
      var below = 0
      for k in subAnalytic[t].indices {
        let a = Double(subAnalytic[t][k])
        let n = Double(subNumerical[t][k])
        if max(abs(a), abs(n)) < floor { below += 1 }
        entries.append(
          GradcheckOutcome.Entry(
            tensor: t, index: subIndex[t][k], analytic: a, numerical: n,
            relativeError: TensorComparison.relativeError(analytic: a, numerical: n, tiny: floor),
            nearKink: kinks.contains(k)))
      }
      func worst(_ list: [TensorComparison.Entry]) -> [GradcheckOutcome.WorstEntry] {
        list.map {
          GradcheckOutcome.WorstEntry(
            index: subIndex[t][$0.index], analytic: Num($0.analytic),
            numerical: Num($0.numerical), relativeError: Num($0.relativeError))
        }
      }
      tensors.append(
        GradcheckOutcome.Tensor(
          name: c.name, shape: net.tensorShapes[t], count: c.count,
          smoothCount: c.statistics.count, maxAbsError: Num(c.maxAbsoluteError),
          maxRelativeError: Num(c.maxRelativeError),
          normwiseRelativeError: Num(c.normwiseRelativeError), kinkEntries: c.kinkEntries,
          entriesBelowFloor: below,
          kinkMaxRelativeError: Num(c.kinkEntries > 0 ? c.kinkStatistics.maxRelativeError : nil),
          worst: worst(c.worst), worstKink: worst(c.kinkStatistics.worst)))
    }
    return (tensors, entries)
  }
}
