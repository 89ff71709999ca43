import Foundation

extension Double {
  /// Three significant digits, trailing zeros trimmed, for messages: `3.1e-9`, `25`, `0.0312`,
  /// `4.1e5`.
  var formatted3: String {
    guard isFinite, self != 0 else { return "\(self)" }
    var exponent = Int(Foundation.log10(Swift.abs(self)).rounded(.down))
    var mantissa = Int((Swift.abs(self) / Foundation.pow(10, Double(exponent - 2))).rounded())
    if mantissa >= 1000 {
      mantissa /= 10
      exponent += 1
    }
    let digits = Array(String(mantissa))
    let sign = self < 0 ? "-" : ""
    func trimmed(_ integer: String, _ fraction: String) -> String {
      let fraction = String(fraction.reversed().drop { $0 == "0" }.reversed())
      return fraction.isEmpty ? integer : integer + "." + fraction
    }
    switch exponent {
    case 2...4:
      return sign + String(digits) + String(repeating: "0", count: exponent - 2)
    case 0...1:
      return sign + trimmed(String(digits[...exponent]), String(digits[(exponent + 1)...]))
    case -3...(-1):
      return sign + trimmed("0", String(repeating: "0", count: -exponent - 1) + String(digits))
    default:
      return sign + trimmed(String(digits[0]), String(digits[1...])) + "e\(exponent)"
    }
  }

  /// Three decimals, as `%.3f` prints them: `2.000`, `-0.013`.
  var fixed3: String {
    guard isFinite else { return "\(self)" }
    let thousandths = (Swift.abs(self) * 1000).rounded()
    let whole = Int(thousandths / 1000)
    let fraction = Int(thousandths - Double(whole) * 1000)
    let sign = self < 0 && thousandths > 0 ? "-" : ""
    let digits = String(fraction)
    return sign + "\(whole)." + String(repeating: "0", count: 3 - digits.count) + digits
  }

  /// `1/6`, `-1/30`: a truncation coefficient as the reciprocal of an integer where it is one,
  /// else `formatted3`.
  var reciprocalFraction: String {
    let reciprocal = 1 / self
    if Swift.abs(reciprocal - reciprocal.rounded()) < 1e-9 * Swift.abs(reciprocal) {
      return (self < 0 ? "-" : "") + "1/\(Int(Swift.abs(reciprocal).rounded()))"
    }
    return formatted3
  }
}
