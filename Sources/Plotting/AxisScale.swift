import Foundation

/// An axis resolved for drawing: its scale, visible range in world units (log10 of the data on
/// a log axis) and major tick step.
struct AxisScale {
  var scale: Scale
  var lower: Double
  var upper: Double
  var step: Double
  /// Ticks on whole numbers only (a linear axis of an integer quantity).
  var isInteger = false

  init(scale: Scale, lower: Double, upper: Double, step: Double) {
    self.scale = scale
    self.lower = lower
    self.upper = upper
    self.step = step
  }

  var isLog: Bool { scale == .log10 }
  var span: Double { upper - lower }

  /// The world coordinate of a data value, or `nil` when it cannot be drawn (non-finite, or
  /// non-positive on a log axis).
  func world(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    if isLog {
      guard value > 0 else { return nil }
      return Foundation.log10(value)
    }
    return value
  }

  /// Like ``world(_:)``, but a value beyond every frame keeps an infinite coordinate: zero on
  /// a log axis is −∞, ±∞ stays. `nil` only for NaN and negative values on a log axis.
  func worldOrEdge(_ value: Double) -> Double? {
    if value.isNaN { return nil }
    if value.isInfinite { return isLog && value < 0 ? nil : value }
    if isLog && value == 0 { return -.infinity }
    return world(value)
  }

  /// Resolves an axis from the world coordinates of what it must show.
  ///
  /// Edge Cases: with nothing to show the range is [0, 1] (one decade, [1, 10], on a log axis);
  /// a degenerate range is widened to a unit (a decade) around its value.
  init(_ axis: Axis, fitting values: [Double], includeZero: Bool = false) {
    scale = axis.scale
    let isLog = axis.scale == .log10
    if let range = axis.range,
      let lo = Self.worldValue(range.lowerBound, isLog),
      let hi = Self.worldValue(range.upperBound, isLog),
      lo < hi
    {
      (lower, upper) = (lo, hi)
    } else {
      var finite = values.filter(\.isFinite)
      if includeZero && !isLog { finite.append(0) }
      finite += axis.including.compactMap { Self.worldValue($0, isLog) }
      var lo = finite.min() ?? 0
      var hi = finite.max() ?? 1
      if hi - lo < 1e-12 * max(1, abs(lo)) {
        lo -= 0.5
        hi += 0.5
      }
      let margin = 0.04 * (hi - lo)
      lo -= margin
      hi += margin
      if includeZero && !isLog && (finite.min() ?? 0) >= 0 { lo = max(lo, 0) }
      if isLog && floor(hi) - ceil(lo) < 1 {
        // Fewer than two powers of ten inside: widen to the surrounding decades, so that the
        // axis is labelled at two decades at least and never needs mixed mantissas.
        lo = floor(lo)
        hi = max(ceil(hi), lo + 1)
      }
      (lower, upper) = (lo, hi)
    }
    isInteger = axis.isInteger && !isLog
    step = isLog ? 1 : Self.niceStep(upper - lower)
    if isInteger {
      step = max(1, step)
      while step != step.rounded() { step = coarser().step }
    }
  }

  private static func worldValue(_ v: Double, _ isLog: Bool) -> Double? {
    guard v.isFinite else { return nil }
    if isLog { return v > 0 ? Foundation.log10(v) : nil }
    return v
  }

  /// A step of 1, 2, 2.5 or 5 times a power of ten giving about five to eight ticks.
  static func niceStep(_ span: Double) -> Double {
    let raw = span / 6
    let magnitude = pow(10, floor(Foundation.log10(raw)))
    let fraction = raw / magnitude
    let nice: Double =
      fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7 ? 5 : 10
    return nice * magnitude
  }

  /// The next coarser step: 1, 2, 2.5, 5 times a power of ten (whole decades 1, 2, 3, 5, 10,
  /// 20... on a log axis).
  func coarser() -> AxisScale {
    var next = self
    if isLog {
      let steps: [Double] = [1, 2, 3, 5, 10, 20, 25, 50, 100]
      next.step = steps.first { $0 > step } ?? step * 2
    } else {
      let magnitude = pow(10, floor(Foundation.log10(step) + 1e-9))
      let mantissas: [Double] = [1, 2, 2.5, 5, 10]
      next.step = (mantissas.first { $0 * magnitude > step * (1 + 1e-9) } ?? 10) * magnitude
      if isInteger && next.step != next.step.rounded() { next.step = next.coarser().step }
    }
    return next
  }

  /// Where a log axis gets labels besides its labelled decades: only on a fixed range that
  /// labels fewer than two decades while every decade is labelled (a fitted range always holds
  /// two, a coarsened one labels every k-th decade and nothing between), at 2 and 5 times each
  /// power of ten, or at every integer multiple when that still leaves fewer than three.
  /// Empty on a linear axis. World units.
  var intermediateLogLabels: [Double] {
    guard isLog, step == 1, ticks.filter({ !label(atWorld: $0).isEmpty }).count < 2 else {
      return []
    }
    let decades = Int(floor(lower))...Int(ceil(upper))
    func at(_ multiples: [Double]) -> [Double] {
      decades.flatMap { k in multiples.map { Foundation.log10($0) + Double(k) } }
        .filter { $0 >= lower - 1e-9 && $0 <= upper + 1e-9 }
    }
    let coarse = at([2, 5])
    let labelled = ticks.filter { !label(atWorld: $0).isEmpty }.count
    return coarse.count + labelled >= 3 ? coarse : at([2, 3, 4, 5, 6, 7, 8, 9])
  }

  /// The label of a log axis at a world position that is not a decade: `2×10^{−3}`, or `20`
  /// on an axis of `plainDecades`.
  func intermediateLabel(atWorld value: Double) -> String {
    let exponent = Int(floor(value + 1e-9))
    let mantissa = (pow(10, value - Double(exponent))).rounded()
    if exponent == 0 { return String(format: "%.0f", mantissa) }
    if plainDecades { return String(format: "%.0f", mantissa * pow(10, Double(exponent))) }
    return String(format: "%.0f", mantissa) + "×" + Self.powerOfTen(exponent)
  }

  /// Whether a log axis labels its decades as plain numbers, 1, 10, 100, 1000: when all of them
  /// lie there (counts such as evaluations or steps), where `10^{0}` and `10^{1}` read slower.
  var plainDecades: Bool {
    isLog && (lower - 1e-9).rounded(.up) >= 0 && (upper + 1e-9).rounded(.down) <= 3
  }

  /// The major tick positions in world units, as PLplot places them (multiples of `step`).
  var ticks: [Double] {
    let first = (lower / step).rounded(.up)
    let last = (upper / step).rounded(.down)
    guard first <= last else { return [] }
    return stride(from: first, through: last, by: 1).map { $0 * step }
  }

  /// Minor ticks per major interval (0 for PLplot's default), and whether to draw them.
  var minorSubdivisions: (count: Int32, draw: Bool) {
    if isLog { return (0, step == 1) }
    let mantissa = step / pow(10, floor(Foundation.log10(step)))
    return (mantissa == 2 || mantissa == 2.5 ? 4 : 5, true)
  }

  /// The label of the tick at world position `value`, in the figure markup. On a log axis
  /// PLplot ticks every decade whatever the step: decades off the step get no label.
  func label(atWorld value: Double) -> String {
    guard isLog else { return label(atLinear: value) }
    let exponent = Int(value.rounded())
    guard exponent % max(1, Int(step)) == 0 else { return "" }
    guard plainDecades else { return Self.powerOfTen(exponent) }
    return String(format: "%.0f", pow(10, Double(exponent)))
  }

  /// `10^{-8}` with a true minus sign.
  static func powerOfTen(_ exponent: Int) -> String {
    "10^{\(exponent < 0 ? "\u{2212}" : "")\(abs(exponent))}"
  }

  private func label(atLinear value: Double) -> String {
    if abs(value) < step * 1e-6 { return "0" }
    let biggest = max(abs(lower), abs(upper))
    if biggest >= 1e5 || biggest < 1e-3 {
      let exponent = Int(floor(Foundation.log10(biggest)))
      let scaled = value / pow(10, Double(exponent))
      let digits = Self.decimals(step / pow(10, Double(exponent)))
      return Self.signed(String(format: "%.\(digits)f", abs(scaled)), value) + "×"
        + Self.powerOfTen(exponent)
    }
    return Self.signed(String(format: "%.\(Self.decimals(step))f", abs(value)), value)
  }

  private static func signed(_ magnitude: String, _ value: Double) -> String {
    value < 0 ? "\u{2212}" + magnitude : magnitude
  }

  /// The fewest decimals that show a multiple of `step` exactly.
  private static func decimals(_ step: Double) -> Int {
    for d in 0...10 {
      let scaled = step * pow(10, Double(d))
      if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return d }
    }
    return 10
  }
}
