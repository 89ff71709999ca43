import RealModule

/// The numerical gradient of a loss with respect to parameters held in memory, one parameter
/// at a time: the seeds' `np.nditer` pattern.
///
/// Every numerical gradient of the project (`FiniteDifference.partial`, the gradients below,
/// Learning's network gradient checks) perturbs its parameters through one mechanism,
/// `Stencil.derivative(at:in:step:centre:_:)`: save the element, set it to `saved + o_i * h'`
/// for each stencil offset `o_i` and call the loss, then write the saved value back
/// (bit-for-bit: NaN payloads and signed zeros survive). `h' = (saved + h) - saved` is the
/// representable step (see `FiniteDifference`); the seeds' `(f(x+h) - f(x-h)) / (2h)` is
/// `scheme: .central`.
public enum NumericalGradient {
  /// A stencil scheme in precision `T`: offsets `o_i` and integer weight numerators `n_i` over
  /// a common denominator `d`, all exact in `T` (see `FiniteDifference.derivative`).
  ///
  /// Build it once and reuse it: `derivative(at:in:step:centre:_:)` is `@inlinable`, so a
  /// caller in another module gets a loop specialised for its storage and scalar type.
  public struct Stencil<T: Real & BinaryFloatingPoint> {
    /// The offsets in units of the step, in stencil order (0 for a centre point).
    public let offsets: [T]
    /// The weights' integer numerators, in stencil order.
    public let numerators: [T]
    /// The weights' common denominator.
    public let denominator: T

    /// The stencil of `scheme`.
    ///
    /// - Precondition: `scheme` is a stencil (not `.complexStep`).
    public init(_ scheme: Scheme) {
      let stencil = scheme.firstDerivativeStencil
      offsets = stencil.offsets.map { T($0) }
      numerators = (stencil.numerators ?? stencil.weights).map { T($0) }
      denominator = T(stencil.denominator ?? 1)
    }

    /// The stencil estimate of the derivative of `loss` with respect to `storage[index]`:
    /// `sum(n_i * loss(storage with element saved + o_i * h')) / (d * h')`, with the
    /// representable step `h' = (saved + h) - saved`.
    ///
    /// `loss` receives the storage with the one element perturbed (an
    /// `UnsafeMutableBufferPointer` over a network's weights, an array of variables...); the
    /// perturbation it sees is `storage[index] - saved`, exact in binary floating point.
    ///
    /// Error Bounds: as `FiniteDifference.derivative(of:at:step:scheme:)`: truncation
    /// `O(h^order)`, round-off about `eps * |loss| * sum|n_i| / (d * h)`.
    ///
    /// Edge Cases:
    /// - On return `storage[index]` holds its original bits (NaN payload and sign of zero
    ///   included); it is restored after every evaluation, so `loss` always sees at most one
    ///   element changed.
    /// - If `saved + h == saved` then `h' = 0` and the result is NaN, with `loss` not called
    ///   (`FiniteDifference.stencilSum`'s rule; a negative step gives NaN too).
    /// - A NaN or infinite loss value propagates into the result.
    ///
    /// Complexity: one call of `loss` per stencil point; the centre point (offset 0) is not
    /// evaluated when `centre` (the loss at the unperturbed storage) is given.
    @inlinable
    public func derivative<Storage: MutableCollection>(
      at index: Storage.Index, in storage: inout Storage, step h: T, centre: T? = nil,
      _ loss: (Storage) -> T
    ) -> T where Storage.Element == T {
      let saved = storage[index]
      let step = (saved + h) - saved
      return FiniteDifference.stencilSum(
        numerators: numerators, denominator: denominator, spacing: step, derivative: 1
      ) { i in
        guard offsets[i] != 0 else { return centre ?? loss(storage) }
        storage[index] = saved + offsets[i] * step
        defer { storage[index] = saved }
        return loss(storage)
      }
    }
  }

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
    let stencil = Stencil<T>(scheme)
    var buffer = parameters
    return buffer.indices.map { index in
      defer { progress?(index + 1, buffer.count) }
      return stencil.derivative(at: index, in: &buffer, step: h) { _ in loss() }
    }
  }

  /// The numerical gradient of `loss` at `parameters`, perturbing the array in place one
  /// element at a time and restoring it.
  ///
  /// Complexity: `parameters.count * scheme.stencil.count` calls of `loss`; the array is
  /// passed to `loss` without being copied.
  public static func compute<T: Real & BinaryFloatingPoint>(
    of loss: ([T]) -> T, at parameters: inout [T], step h: T, scheme: Scheme
  ) -> [T] {
    let stencil = Stencil<T>(scheme)
    return parameters.indices.map { index in
      stencil.derivative(at: index, in: &parameters, step: h, loss)
    }
  }
}

extension NumericalGradient.Stencil: Sendable where T: Sendable {}
