/// The format exact derivatives and errors are computed in.
///
/// `Float80` on x86_64: its 64-bit significand resolves the error of a `Double` estimate down
/// to about 1e-19 of the value, so a measured error is the scheme's alone. Other
/// architectures have no 80-bit format and fall back to `Double`.
///
/// Error Bounds: with the `Double` fallback an exact value carries up to a few ulps of its own
/// round-off, so errors of double-precision estimates below about `1e-15` relative (the
/// complex step's, the best steps of high-order stencils) are not resolved; half and single
/// precision sweeps are unaffected.
#if arch(x86_64)
  public typealias ReferenceReal = Float80
#else
  public typealias ReferenceReal = Double
#endif
