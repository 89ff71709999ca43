import ComplexModule
import RealModule

extension RealKernel {
  @inlinable static func tan(_ x: T) -> T { T.tan(x) }
  @inlinable static func tanh(_ x: T) -> T { T.tanh(x) }
}

extension ComplexKernel {
  /// `tanh(x + iy) = (sinh x cosh x + i sin y cos y) / (sinh^2 x + cos^2 y)`.
  ///
  /// `Complex.tanh` divides `sinh z` by `cosh z`, whose imaginary part is
  /// `sin y cos y (cosh^2 x - sinh^2 x) / |cosh z|^2`: the difference of squares cancels, and a
  /// complex step at x = 3 keeps 13.55 of double's 16 digits. Here each part is one quotient
  /// of accurately computed functions over a sum of two squares (`(cosh 2x + cos 2y) / 2`
  /// written without its cancellation), so nothing cancels.
  ///
  /// Error Bounds: a few ulps in each part, the imaginary part relative to itself however
  /// small y is (tested against Taylor-mode derivatives in `Float80`).
  ///
  /// Edge Cases: past |x| = -log(ulp)/2, where `sinh^2 x` outgrows `cos^2 y` by more than the
  /// precision, the real part is ±1 and the imaginary part `2 sin(2y) exp(-2|x|)` (no
  /// overflow); at the poles (x = 0, y = π/2 + kπ) the quotients are infinite; non-finite
  /// arguments go to `Complex.tanh`.
  @inlinable
  static func tanh(_ z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.real, z.imaginary)
    guard z.isFinite else { return Complex.tanh(z) }
    guard x.magnitude <= -T.log(.ulpOfOne) / 2 else {
      let decay = T.exp(-2 * x.magnitude)
      return Complex(T(signOf: x, magnitudeOf: 1), 2 * T.sin(2 * y) * decay)
    }
    let (sinhX, cosY) = (T.sinh(x), T.cos(y))
    let denominator = sinhX * sinhX + cosY * cosY
    return Complex(sinhX * T.cosh(x) / denominator, T.sin(y) * cosY / denominator)
  }

  /// `tan z = -i tanh(iz)`, with the accurate `tanh` above: the imaginary part of
  /// `tan(x + iy)` is `sinh y cosh y / (sinh^2 y + cos^2 x)`, accurate for a tiny y (a complex
  /// step), also near the poles of `tan x`.
  @inlinable
  static func tan(_ z: Complex<T>) -> Complex<T> {
    let w = tanh(Complex(-z.imaginary, z.real))
    return Complex(w.imaginary, -w.real)
  }
}
