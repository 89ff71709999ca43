import RealModule

/// SplitMix64 (Steele, Lea, Flood 2014): a 64-bit generator used to seed `Xoshiro256StarStar`
/// and for anything that needs a stream from a single integer.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// xoshiro256** (Blackman, Vigna 2018), seeded through SplitMix64: the same seed gives the same
/// numbers on every run and platform.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
  private var s: (UInt64, UInt64, UInt64, UInt64)
  /// The second normal deviate of the last Box-Muller pair, not yet returned.
  private var spareNormal: Double?

  public init(seed: UInt64) {
    var seeder = SplitMix64(seed: seed)
    s = (seeder.next(), seeder.next(), seeder.next(), seeder.next())
    spareNormal = nil
  }

  public static func == (l: Self, r: Self) -> Bool {
    l.s == r.s && l.spareNormal == r.spareNormal
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(s.0)
    hasher.combine(s.1)
    hasher.combine(s.2)
    hasher.combine(s.3)
    hasher.combine(spareNormal)
  }

  public mutating func next() -> UInt64 {
    let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
    let t = s.1 << 17
    s.2 ^= s.0
    s.3 ^= s.1
    s.1 ^= s.2
    s.0 ^= s.3
    s.2 ^= t
    s.3 = s.3 << 45 | s.3 >> 19
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits.
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform integer in `0..<bound` (Lemire's multiply-high; the bias is below 2^-64 * bound).
  public mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "the bound must be positive")
    return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A standard normal deviate by the Box-Muller transform (pairs; the second is kept for the
  /// next call).
  public mutating func nextNormal() -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    // u1 in (0, 1] so that log(u1) is finite.
    let u1 = 1 - nextUniform()
    let u2 = nextUniform()
    let radius = (-2 * Double.log(u1)).squareRoot()
    let angle = 2 * Double.pi * u2
    spareNormal = radius * Double.sin(angle)
    return radius * Double.cos(angle)
  }

  /// A Fisher-Yates permutation of `0..<count`.
  public mutating func permutation(_ count: Int) -> [Int] {
    var indices = Array(0..<count)
    shuffle(&indices)
    return indices
  }

  /// Shuffles `array` in place by Fisher-Yates with `nextInt(below:)`.
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      array.swapAt(i, nextInt(below: i + 1))
    }
  }
}
