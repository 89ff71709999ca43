internal import CVectorMath
import RealModule

/// Elementwise elementary functions over arrays.
enum VectorMath {
  /// `exp` of every element: `Double` by the vector kernel (`exp(_: [Double])`), other types by
  /// `T.exp` element by element.
  static func exp<T: Real>(_ x: [T]) -> [T] {
    guard T.self == Double.self else { return x.map { T.exp($0) } }
    return unsafeBitCast(exp(unsafeBitCast(x, to: [Double].self)), to: [T].self)
  }

  /// `e^x` of every element, eight lanes at a time: `x = n ln 2 + r` (round `x / ln 2` to `n`
  /// by adding and subtracting the shifter `1.5 * 2^52`, then Cody-Waite: `ln 2` in two parts,
  /// `|r| <= ln(2)/2`), `e^r` by its Taylor polynomial of degree 13 in Horner's scheme
  /// (truncation below 5e-18 relative), times `2^n` built in the exponent bits. Every product
  /// and sum is rounded on its own (no fused multiply-add).
  ///
  /// The kernel is C (the CVectorMath target) compiled for the baseline, AVX2 and AVX-512F and
  /// chosen once per process by the CPU's features (`Kernel.best`); the kernels perform the same
  /// IEEE operations in the same order, so a lane's value is the same bits whichever runs
  /// (tested against each other and against a scalar rendering of these steps).
  ///
  /// Error Bounds: within 2 ulps of `Double.exp` (glibc's, under 1 ulp) for `|x| <= 708`
  /// (tested over [-708, 708]); not bit-identical to it: measured over 8 million random
  /// arguments, 10% of the lanes differ by 1 ulp (17% for arguments within 5e-4 of 1), none by
  /// more. That is why a batch sweep of an expression with `exp` is not the scalar closure's to
  /// the last bit (see `BatchEvaluator`); to be, the kernel would have to repeat glibc's own
  /// table-driven algorithm operation for operation (it differs by glibc version and CPU).
  ///
  /// Edge Cases: the lanes are taken in groups of eight from the first; a group with any lane
  /// outside `[-708, 708]` or NaN, and the last `count % 8` lanes, are computed by `Double.exp`
  /// lane by lane, so infinities, NaN, overflow to infinity and underflow to subnormals or zero
  /// are exactly `Double.exp`'s.
  ///
  /// Complexity: O(n), about 30 vector operations per eight lanes.
  static func exp(_ x: [Double]) -> [Double] {
    [Double](unsafeUninitializedCapacity: x.count) { output, initialized in
      x.withUnsafeBufferPointer { input in
        guard let from = input.baseAddress, let to = output.baseAddress else { return }
        cvm_exp(from, to, input.count)
      }
      initialized = x.count
    }
  }

  /// The instruction sets the kernels are compiled for.
  enum Kernel: Int, CaseIterable {
    case baseline = 0
    case avx2 = 1
    case avx512f = 2

    var name: String {
      switch self {
      case .baseline: "baseline"
      case .avx2: "AVX2"
      case .avx512f: "AVX-512F"
      }
    }

    /// The widest this CPU runs.
    static var best: Kernel { Kernel(rawValue: Int(cvm_best_level().rawValue)) ?? .baseline }
  }

  /// `exp(_: [Double])` by the kernel compiled for `kernel`, or nil when this CPU cannot run
  /// it (for tests comparing the kernels).
  static func exp(_ x: [Double], kernel: Kernel) -> [Double]? {
    var ran = false
    let y = [Double](unsafeUninitializedCapacity: x.count) { output, initialized in
      x.withUnsafeBufferPointer { input in
        guard let from = input.baseAddress, let to = output.baseAddress else {
          ran = true
          return
        }
        ran = cvm_exp_at_level(cvm_level(UInt32(kernel.rawValue)), from, to, input.count) != 0
      }
      initialized = ran ? x.count : 0
    }
    return ran ? y : nil
  }
}
