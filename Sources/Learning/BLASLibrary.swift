internal import CBLAS

/// The BLAS the matrix products run on (OpenBLAS from PyPI's scipy-openblas32, fetched by
/// `make deps`), as it describes itself at run time.
///
/// OpenBLAS is built for every x86-64 generation at once (`DYNAMIC_ARCH`) and picks the kernels
/// for the CPU when it loads (by the CPU's model and features; `OPENBLAS_CORETYPE` in the
/// environment overrides the choice, which this library never sets).
public enum BLASLibrary {
  /// The build's configuration (`openblas_get_config`), for example
  /// `OpenBLAS 0.3.34.dev DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64`.
  public static var configuration: String {
    String(cString: scipy_openblas_get_config()).trimmingSpaces()
  }

  /// The kernels chosen for this CPU (`openblas_get_corename`), for example `SkylakeX` (AVX-512),
  /// `Haswell` (AVX2) or `Prescott` (SSE3).
  public static var kernel: String { String(cString: scipy_openblas_get_corename()) }

  /// The number of threads a product may use (`OPENBLAS_NUM_THREADS`, else the number of
  /// CPUs).
  public static var threads: Int { Int(scipy_openblas_get_num_threads()) }

  /// One line for `experiment --version` and the benchmarks: configuration, kernel, threads.
  public static var summary: String {
    "\(configuration); kernel \(kernel); \(threads) thread\(threads == 1 ? "" : "s")"
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }
}
