import RealModule

/// The numerical gradient of a loss with respect to parameters held in memory, one parameter
/// at a time: the seeds' `np.nditer` pattern.
///
/// For each element: save it, set it to `saved + o_i * h'` for each stencil offset and call the
/// loss, then write the saved value back (bit-for-bit: NaN payloads and signed zeros survive).
/// `h' = (saved + h) - saved` is the representable step (see `FiniteDifference`); the seeds'
/// `(f(x+h) - f(x-h)) / (2h)` with `scheme: .central`.
public enum NumericalGradient {
  /// The numerical gradient of `loss` with respect to every element of `parameters`.
  ///
  /// `loss` must read the parameters through memory that `parameters` points into (the
  /// weights of a network, say); it is called with one element perturbed at a time.
  ///
  /// Error Bounds: per element, as `FiniteDifference.derivative(of:at:step:scheme:)`.
  ///
  /// Edge Cases: an empty buffer gives an empty gradient. On return every element holds its
  /// original bits.
  ///
  /// Complexity: `parameters.count * scheme.stencil.count` calls of `loss`.
  ///
  /// - Parameters:
  ///   - progress: called after each element with (elements done, element count).
  /// - Precondition: `scheme` is a stencil.
  public static func compute<T: Real & BinaryFloatingPoint>(
    of loss: () -> T, parameters: UnsafeMutableBufferPointer<T>, step h: T, scheme: Scheme,
    progress: ((Int, Int) -> Void)? = nil
  ) -> [T] {
    perturbingEach(
      count: parameters.count, step: h, scheme: scheme, progress: progress,
      read: { parameters[$0] }, write: { parameters[$0] = $1 }, loss: loss)
  }

  /// The numerical gradient of `loss` at `parameters`, perturbing the array in place one
  /// element at a time and restoring it.
  ///
  /// Complexity: `parameters.count * scheme.stencil.count` calls of `loss`; no copy of the
  /// array is made for the calls.
  public static func compute<T: Real & BinaryFloatingPoint>(
    of loss: ([T]) -> T, at parameters: inout [T], step h: T, scheme: Scheme
  ) -> [T] {
    perturbingEach(
      count: parameters.count, step: h, scheme: scheme, progress: nil,
      read: { parameters[$0] }, write: { parameters[$0] = $1 }, loss: { loss(parameters) })
  }

  /// The loop both `compute` share: perturb element `index` through `write`, call `loss`,
  /// write the saved value back.
  static func perturbingEach<T: Real & BinaryFloatingPoint>(
    count: Int, step h: T, scheme: Scheme, progress: ((Int, Int) -> Void)?,
    read: (Int) -> T, write: (Int, T) -> Void, loss: () -> T
  ) -> [T] {
    let stencil = IntegerStencil(scheme)
    var gradient = [T](repeating: 0, count: count)
    for index in 0..<count {
      let saved = read(index)
      gradient[index] = stencil.estimate(step: FiniteDifference.representableStep(h, at: saved)) {
        write(index, $0 == 0 ? saved : saved + $0)
        return loss()
      }
      write(index, saved)
      progress?(index + 1, count)
    }
    return gradient
  }
}
