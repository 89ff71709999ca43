import Foundation
import Testing

@testable import Learning

/// The CPU's feature flags (the first `flags` line of /proc/cpuinfo); empty where there is none.
private let cpuFlags: Set<String> = {
  guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
    let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
    let colon = line.firstIndex(of: ":")
  else { return [] }
  return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
}()

/// Whether the kernels are OpenBLAS's own choice (`OPENBLAS_CORETYPE`, which some machines set
/// on purpose, overrides it; the tests leave it as it comes).
private let kernelsChosenByOpenBLAS =
  ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil

/// OpenBLAS's x86-64 kernel sets (`openblas_get_corename`, lower-cased) that use AVX-512, and
/// those that use AVX2 and FMA or wider.
private let avx512Kernels: Set = ["skylakex", "cooperlake", "sapphirerapids"]
private let avx2Kernels = avx512Kernels.union(["haswell", "zen"])

/// The BLAS runs kernels for the CPU it runs on: Debian 12's OpenBLAS 0.3.21 ran its SSE3
/// (Prescott) kernels on AVX-512 Xeons it did not know, five times slower.
@Suite struct BLASLibraryTests {
  @Test(
    "on a CPU with AVX-512 (F, CD, BW, DQ, VL, as SkylakeX), the BLAS runs AVX-512 kernels",
    .enabled(if: kernelsChosenByOpenBLAS),
    .enabled(
      if: cpuFlags.isSuperset(of: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"])))
  func avx512CPU() {
    #expect(avx512Kernels.contains(BLASLibrary.kernel.lowercased()), "\(BLASLibrary.summary)")
  }

  @Test(
    "on a CPU with AVX2 and FMA, the BLAS runs AVX2 kernels or wider",
    .enabled(if: kernelsChosenByOpenBLAS),
    .enabled(if: cpuFlags.isSuperset(of: ["avx2", "fma"])))
  func avx2CPU() {
    #expect(avx2Kernels.contains(BLASLibrary.kernel.lowercased()), "\(BLASLibrary.summary)")
  }

  @Test("the summary names the library, its kernel and its thread count")
  func summary() {
    #expect(BLASLibrary.configuration.hasPrefix("OpenBLAS 0."))
    #expect(!BLASLibrary.kernel.isEmpty)
    #expect(BLASLibrary.threads >= 1)
    #expect(
      BLASLibrary.summary.contains("; kernel \(BLASLibrary.kernel); \(BLASLibrary.threads) thread"))
  }
}
