import RealModule

/// Richardson extrapolation and the grid convergence index of three solutions on successively
/// refined grids, as Celik et al. (2008) prescribe ("Procedure for estimation and reporting of
/// uncertainty due to discretization in CFD applications", J. Fluids Eng. 130(7), 078001).
///
/// With φ1 on the finest grid, φ2 and φ3 on coarser ones, refinement ratios r21 = h2/h1 and
/// r32 = h3/h2, ε21 = φ2 − φ1 and ε32 = φ3 − φ2, s = sign(ε32/ε21), the apparent order p solves
/// the fixed-point equation
///
///     p = |ln|ε32/ε21| + q(p)| / ln r21,   q(p) = ln((r21^p − s) / (r32^p − s)),
///
/// (q = 0 when r21 = r32); then φext21 = (r21^p φ1 − φ2) / (r21^p − 1), e_a21 = |(φ1 − φ2)/φ1|,
/// e_ext21 = |(φext21 − φ1)/φext21| and GCI_fine21 = 1.25 e_a21 / (r21^p − 1). The asymptotic
/// ratio is GCI_coarse32 / (r21^p GCI_fine21) with GCI_coarse32 = 1.25 e_a32 / (r32^p − 1),
/// e_a32 = |(φ2 − φ3)/φ2|: near 1 when the three grids are in the asymptotic range (Roache).
///
/// Error Bounds: the fixed point is iterated to |Δp| < 1e-12 (at most 200 iterations; with equal
/// ratios one step is exact); the results are as accurate as the φ's differences, so a φ
/// computed to d digits gives p to about d − log10|φ/ε| digits.
///
/// Edge Cases: nil when ε21 or ε32 is zero (no order to see), when a ratio is not above 1, when
/// the iteration does not converge or gives p ≤ 0 or a non-finite value. s = −1 (oscillatory
/// convergence) is kept, as Celik et al. do, and flagged in `oscillatory`. φ1 = 0 makes e_a21
/// and GCI infinite.
public struct GridConvergenceIndex: Sendable, Hashable, Codable {
  /// The apparent order p.
  public var order: Double
  /// φext21, the Richardson-extrapolated value.
  public var extrapolated: Double
  /// e_a21, the approximate relative error of the finest grid.
  public var approximateRelativeError: Double
  /// e_ext21, the extrapolated relative error.
  public var extrapolatedRelativeError: Double
  /// GCI_fine21, a relative uncertainty of the finest grid's value.
  public var gciFine: Double
  /// GCI_coarse32 / (r21^p · GCI_fine21): near 1 in the asymptotic range.
  public var asymptoticRatio: Double
  /// Whether ε32/ε21 < 0 (the values oscillate as the grid is refined).
  public var oscillatory: Bool

  /// The study of values `fine`, `medium`, `coarse` (φ1, φ2, φ3) at steps h1 < h2 < h3.
  public init?(fine: Double, medium: Double, coarse: Double, steps: (Double, Double, Double)) {
    let r21 = steps.1 / steps.0
    let r32 = steps.2 / steps.1
    guard r21 > 1, r32 > 1, r21.isFinite, r32.isFinite else { return nil }
    let e21 = medium - fine
    let e32 = coarse - medium
    guard e21 != 0, e32 != 0, e21.isFinite, e32.isFinite else { return nil }
    let s: Double = e32 / e21 > 0 ? 1 : -1
    let lnRatio = Double.log(Swift.abs(e32 / e21))
    let lnR21 = Double.log(r21)
    var p = Swift.abs(lnRatio) / lnR21
    var converged = false
    for _ in 0..<200 {
      let q = r21 == r32 ? 0 : Double.log((Double.pow(r21, p) - s) / (Double.pow(r32, p) - s))
      let next = Swift.abs(lnRatio + q) / lnR21
      guard next.isFinite else { return nil }
      if Swift.abs(next - p) < 1e-12 {
        p = next
        converged = true
        break
      }
      p = next
    }
    guard converged, p > 0 else { return nil }
    let r21p = Double.pow(r21, p)
    let r32p = Double.pow(r32, p)
    order = p
    extrapolated = (r21p * fine - medium) / (r21p - 1)
    approximateRelativeError = Swift.abs((fine - medium) / fine)
    extrapolatedRelativeError = Swift.abs((extrapolated - fine) / extrapolated)
    gciFine = 1.25 * approximateRelativeError / (r21p - 1)
    let gciCoarse = 1.25 * Swift.abs((medium - coarse) / medium) / (r32p - 1)
    asymptoticRatio = gciCoarse / (r21p * gciFine)
    oscillatory = s < 0
  }
}
