import Calculus

#if !arch(x86_64)
  /// The tests' wide reference where there is no 80-bit format (arm64): `Double`, as
  /// `ReferenceReal` falls back to it. Tests whose tolerances assume Float80's 64-bit
  /// significand are then only as strict as Double allows.
  typealias Float80 = Double
#endif

extension Calculus.Precision {
  /// The widest precision of this architecture: `extended` on x86_64, `double` elsewhere.
  static var widest: Self {
    #if arch(x86_64)
      return .extended
    #else
      return .double
    #endif
  }
}
