import Calculus
import Foundation

/// A point's exact bits: the key of a table of a program's answers.
typealias PointKey = [UInt64]

extension Array where Element == Double {
  /// The point's exact bits (two arguments that differ by an ulp are two points).
  var pointKey: PointKey { map(\.bitPattern) }
}

extension ProgramFunction {
  /// The program's answers at every distinct point of `points`, each evaluated once, in one
  /// stream of full batches: the sweeps then read their values from the table instead of
  /// asking the program again (a kind's plans overlap: every stencil has the point itself).
  ///
  /// - Throws: as `evaluate`: a located error for every failure of the program.
  func table(_ points: [[Double]], cancellation: Cancellation) throws -> [PointKey: [Double]] {
    var seen = Set<PointKey>()
    let distinct = points.filter { seen.insert($0.pointKey).inserted }
    let answers = try evaluate(distinct, cancellation: cancellation)
    var table: [PointKey: [Double]] = [:]
    for (point, answer) in zip(distinct, answers) { table[point.pointKey] = answer }
    return table
  }

  /// The adaptive derivative along coordinate `index` at `point` (`AdaptiveDerivative`,
  /// asking the program point by point as it goes), with its error estimate: the reference
  /// when no derivative is under test.
  ///
  /// - Throws: the program's first failure, located.
  func adaptiveDerivative(at point: [Double], index: Int, cancellation: Cancellation) throws
    -> AdaptiveDerivative.Estimate<Double>
  {
    var failure: (any Error)?
    let estimate = AdaptiveDerivative.derivative(
      of: { (x: Double) -> Double in
        guard failure == nil else { return .nan }
        var moved = point
        moved[index] = x
        do {
          return try self.evaluate([moved], cancellation: cancellation)[0][0]
        } catch {
          failure = error
          return .nan
        }
      }, at: point[index])
    if let failure { throw failure }
    return estimate
  }
}

extension DerivativeAgreement {
  /// summary.json's fields of a derivative under test, judged: `status`, `plateau`,
  /// `fitted_order`, `least_error`, `least_error_step` (convergence's `df`, partials' gradient
  /// entries).
  func encodeFields(into c: inout KeyedEncodingContainer<AnyKey>) throws {
    try c.encode(status.rawValue, forKey: "status")
    try c.encode(plateau.map(Num.init), forKey: "plateau")
    try c.encode(fittedOrder.map(Num.init), forKey: "fitted_order")
    try c.encode(leastError.map(Num.init), forKey: "least_error")
    try c.encode(leastErrorStep.map(Num.init), forKey: "least_error_step")
  }
}
