import Foundation
import RealModule
import Testing

@testable import Calculus

@Suite struct VectorMathTests {
  /// The kernel's steps for one lane in scalar Swift (no fused multiply-add: Swift never fuses
  /// on its own), as VectorMath.exp documents them; every kernel must give these very bits.
  static func documentedExp(_ x: Double) -> Double {
    let shifter = 0x1.8p52
    let shifted = x * 1.4426950408889634 + shifter
    let n = shifted - shifter
    let r = (x - n * 0.6931471803691238) - n * 1.9082149292705877e-10
    var p = 1.0 / 6_227_020_800
    for k in (0...12).reversed() {
      p = p * r + 1 / (1...Swift.max(k, 1)).reduce(1.0) { $0 * Double($1) }
    }
    let bits = Int64(bitPattern: shifted.bitPattern) &- Int64(bitPattern: shifter.bitPattern)
    return p * Double(bitPattern: UInt64(bitPattern: (bits &+ 1023) &<< 52))
  }

  /// A dense grid over the polynomial's range, its ends, a random sample and values near 1 (the
  /// sweep's arguments): 8 * 1,251 lanes, all in range.
  static let inRange: [Double] = {
    var generator = SystemRandomNumberGenerator()
    let grid = (0...4000).map { -700 + 0.35 * Double($0) }
    let ends = [-708, 708, -707.9999999999999, 707.9999999999999, 0, -0.0, 1e-300, -1e-300]
    let near1 = (0..<1000).map { 1 + Double($0) * 0x1p-40 }
    let random = (0..<3999).map { _ in Double.random(in: -708...708, using: &generator) }
    return grid + ends + near1 + random
  }()

  /// Lanes whose group falls back to `Double.exp`: infinities, NaN, overflow, subnormal and
  /// zero results, beside in-range lanes of the same group.
  static let edges: [Double] = [
    -.infinity, .infinity, .nan, 709.78, 710, 1e300, -709, -740, -745.1, -746, -1e300,
    -.leastNonzeroMagnitude, .greatestFiniteMagnitude, 708.0000000000001, 1, 2,
  ]

  @Test func withinTwoUlpsOfFoundation() {
    let fast = VectorMath.exp(Self.inRange)
    for (x, v) in zip(Self.inRange, fast) {
      let reference = Foundation.exp(x)
      #expect(Swift.abs(v - reference) <= 2 * reference.ulp, "exp(\(x))")
    }
  }

  @Test func everyKernelGivesTheDocumentedBits() throws {
    let expected = Self.inRange.map(Self.documentedExp)
    #expect(VectorMath.exp(Self.inRange).map(\.bitPattern) == expected.map(\.bitPattern))
    for kernel in Self.kernels {
      let y = try #require(VectorMath.exp(Self.inRange, kernel: kernel), "\(kernel.name)")
      #expect(y.map(\.bitPattern) == expected.map(\.bitPattern), "\(kernel.name)")
    }
  }

  /// Edge lanes, alone and with seven in-range neighbours in one group, and every tail length:
  /// a group with a lane outside [-708, 708] or NaN, and the tail, are exactly Foundation's
  /// `exp` (infinities, NaN, overflow to infinity, subnormal results); other groups are the
  /// documented steps.
  @Test func edgeCasesAreFoundationsExp() throws {
    var lanes: [Double] = []
    for edge in Self.edges { lanes += [edge] + (1...7).map { 0.25 * Double($0) } }
    lanes += Self.edges
    for count in [0, 1, 7, 8, 9, 17, lanes.count] {
      let x = Array(lanes.prefix(count))
      for kernel in Self.kernels {
        let y = try #require(VectorMath.exp(x, kernel: kernel))
        for start in stride(from: 0, to: x.count, by: 8) {
          let group = start..<Swift.min(start + 8, x.count)
          let fallsBack = group.count < 8 || x[group].contains { !($0.magnitude <= 708) }
          for i in group {
            let reference = fallsBack ? Foundation.exp(x[i]) : Self.documentedExp(x[i])
            #expect(
              y[i].bitPattern == reference.bitPattern || (y[i].isNaN && reference.isNaN),
              "\(kernel.name): exp(\(x[i])) = \(y[i]), not \(reference)")
          }
        }
      }
    }
    let y = VectorMath.exp(Self.edges)
    #expect(y[0] == 0 && y[1] == .infinity && y[2].isNaN && y[3].isFinite && y[4] == .infinity)
    #expect(y[6].isSubnormal && y[7].isSubnormal && y[9] == 0 && y[10] == 0)
  }

  /// The kernels this CPU runs, baseline first.
  static var kernels: [VectorMath.Kernel] {
    VectorMath.Kernel.allCases.filter { $0.rawValue <= VectorMath.Kernel.best.rawValue }
  }

  /// The kernel on a CPU with AVX-512F (or AVX2) is the one compiled for it (skipped on others).
  @Test(.enabled(if: Self.cpuFlags.contains("avx512f") || Self.cpuFlags.contains("avx2")))
  func theWidestKernelRuns() {
    let expected: VectorMath.Kernel = Self.cpuFlags.contains("avx512f") ? .avx512f : .avx2
    #expect(VectorMath.Kernel.best == expected)
  }

  /// The first processor's flags in /proc/cpuinfo (empty where there is none).
  static let cpuFlags: Set<String> = {
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    return Set(line.split(separator: ":").last?.split(separator: " ").map(String.init) ?? [])
  }()
}
