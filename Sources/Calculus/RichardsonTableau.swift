import RealModule

/// A Richardson-extrapolation tableau over steps that halve from one row to the next, with a
/// round-off bound carried through every entry (Ridders' method, as in Numerical Recipes'
/// `dfridr`, with the round-off model of FiniteDifferences.jl).
///
/// Row `i` holds the difference quotient at step `h_i = h_0 / 2^i` and its extrapolations
/// `T[i][j] = T[i][j-1] + (T[i][j-1] - T[i-1][j-1]) / (2^(p j) - 1)`, which cancel the error
/// terms in `h^p, h^(2p), ...` (`p = 2` for central differences, 1 for one-sided ones).
struct RichardsonTableau<T: Real> {
  /// The power of `h` the error expansion advances by (2 central, 1 one-sided).
  let power: Int
  /// The most extrapolation columns (beyond the quotient itself) a row gets.
  let maximumColumns: Int
  /// The previous row's entries and their round-off bounds.
  private var previous: [(value: T, noise: T)] = []

  /// One entry of a row with its error estimate.
  struct Entry {
    var value: T
    var error: T
  }

  init(power: Int, maximumColumns: Int = 7) {
    self.power = power
    self.maximumColumns = maximumColumns
  }

  /// Whether the tableau has no row yet.
  var isEmpty: Bool { previous.isEmpty }

  /// Appends the quotient `quotient` (with round-off bound `noise`) at the next step, and
  /// returns the extrapolated entry of the new row with the smallest error estimate (nil for
  /// the first row, which has nothing to compare with).
  ///
  /// The error estimate of `T[i][j]` is `max(|T[i][j] - T[i][j-1]|, |T[i][j] - T[i-1][j-1]|)`
  /// plus its propagated round-off bound plus `eps * |T[i][j]|`.
  mutating func append(_ quotient: T, noise: T) -> Entry? {
    var row = [(value: quotient, noise: noise)]
    var best: Entry?
    let columns = min(previous.count, maximumColumns)
    var j = 1
    while j <= columns {
      let factor = T(1 << (power * j))
      let (left, above) = (row[j - 1], previous[j - 1])
      let value = left.value + (left.value - above.value) / (factor - 1)
      let bound = (factor * left.noise + above.noise) / (factor - 1)
      row.append((value, bound))
      let spread = max(abs(value - left.value), abs(value - above.value))
      let error = spread + bound + T.ulpOfOne * abs(value)
      if best.map({ error < $0.error }) ?? error.isFinite {
        best = Entry(value: value, error: error)
      }
      j += 1
    }
    previous = row
    return best
  }
}
