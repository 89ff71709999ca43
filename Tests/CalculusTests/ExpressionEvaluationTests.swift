import ComplexModule
import RealModule
import Testing

@testable import Calculus

@Suite("Expression evaluation")
struct ExpressionEvaluationTests {
  static let cases: [(String, [String: Double])] = [
    ("2*x^2 + 4*exp(x) + 15", ["x": 1]),
    ("exp(4*x^2)", ["x": 0.3]),
    ("x^2 + 2*y^2", ["x": 2, "y": -1]),
    ("sin(x)*cos(y) - tan(x/3) + tanh(y)", ["x": 0.7, "y": -0.4]),
    ("sqrt(x) + log(x) + sinh(x) + cosh(x)/x", ["x": 1.9]),
    ("asin(x) + acos(x) + atan(x)", ["x": 0.31]),
    ("sigmoid(x) + relu(x) + abs(y) + sign(y) + step(x)", ["x": 0.6, "y": -2.5]),
    ("pow(x, 0.5) + x^-3 + 2^x + pi*e", ["x": 1.7]),
    ("0.1*x0 + 1e-3*x1^3", ["x0": 3, "x1": 2]),
  ]

  /// Evaluation in `T` against the `Float80` value (Double where Float80 is missing).
  func agrees<T: Real & BinaryFloatingPoint>(
    _ type: T.Type, tolerance: Double, _ text: String, _ point: [String: Double]
  ) throws {
    let f = try Expression(parsing: text)
    #if arch(x86_64)
      let reference = Double(f.evaluate(point.mapValues { Float80($0) }))
    #else
      let reference = f.evaluate(point)
    #endif
    let value = Double(f.evaluate(point.mapValues { T($0) }))
    #expect(abs(value - reference) <= tolerance * abs(reference), "\(text) in \(T.self)")
  }

  @Test("Double agrees with Float80", arguments: cases)
  func double(_ text: String, _ point: [String: Double]) throws {
    try agrees(Double.self, tolerance: 1e-14, text, point)
  }

  @Test("Float agrees with Float80", arguments: cases)
  func float(_ text: String, _ point: [String: Double]) throws {
    try agrees(Float.self, tolerance: 1e-5, text, point)
  }

  @Test("Float16 agrees with Float80", arguments: cases)
  func float16(_ text: String, _ point: [String: Double]) throws {
    try agrees(Float16.self, tolerance: 2e-2, text, point)
  }

  #if arch(x86_64)
    @Test func extendedPrecisionLiteralsAreDoubles() throws {
      let tenth = try Expression(parsing: "0.1").evaluate([String: Float80]())
      #expect(tenth == Float80(0.1 as Double))
      #expect(tenth != 0.1 as Float80)
      #expect(try Expression(parsing: "pi").evaluate([String: Float80]()) == Float80.pi)
      #expect(try Expression(parsing: "e").evaluate([String: Float80]()) == Float80.exp(1))
    }
  #endif

  @Test func knownValues() throws {
    func value(_ text: String, _ point: [String: Double] = [:]) throws -> Double {
      try Expression(parsing: text).evaluate(point)
    }
    #expect(try abs(value("2*x^2 + 4*exp(x) + 15", ["x": 1]) - 27.87312731383618) <= 1e-14)
    #expect(try value("x^y", ["x": -2, "y": 3]) == -8)
    #expect(try value("x^y", ["x": -2, "y": 2]) == 4)
    #expect(try value("x^y", ["x": -2, "y": 0.5]).isNaN)
    #expect(try value("x^3", ["x": -2]) == -8)
    #expect(try value("x^y", ["x": 0, "y": 0]) == 1)
    #expect(try value("log(x)", ["x": -1]).isNaN)
    #expect(try value("sqrt(x)", ["x": -2]).isNaN)
    #expect(try value("asin(x)", ["x": 1.5]).isNaN)
    #expect(try value("1/x", ["x": 0]) == .infinity)
    #expect(try value("sigmoid(x)", ["x": -1000]) == 0)
    #expect(try value("sigmoid(x)", ["x": 1000]) == 1)
    #expect(try value("sigmoid(0)") == 0.5)
    #expect(try value("relu(x)", ["x": -3]) == 0)
    #expect(try value("step(0) + sign(0) + sign(-4) + step(2)") == 0)
    #expect(try value("1/3") == 1.0 / 3)
    #expect(try value("7/2/2") == 1.75)
  }

  @Test func compiledMatchesEvaluate() throws {
    let f = try Expression(parsing: "x^2*y - sin(z)/y + relu(x - z)")
    let g: @Sendable ([Double]) -> Double = f.compiled(variables: ["z", "unused", "y", "x"])
    for (x, y, z) in [(0.5, 1.5, -2.0), (3.0, -0.25, 1.0), (-1.0, 2.0, 0.0)] {
      let exact = f.evaluate(["x": x, "y": y, "z": z])
      #expect(g([z, 99, y, x]) == exact)
    }
    let h: @Sendable ([Complex<Double>]) -> Complex<Double> =
      f.compiledComplex(variables: ["x", "y", "z"])
    let w = h([Complex(0.5), Complex(1.5), Complex(-2.0)])
    #expect(w.real == f.evaluate(["x": 0.5, "y": 1.5, "z": -2.0]))
    #expect(w.imaginary == 0)
  }

  @Test func complexValues() throws {
    let i = Complex<Double>(0, 1)
    let euler = try Expression(parsing: "exp(i*y)").evaluate(["i": i, "y": Complex(0.7)])
    #expect(abs(euler.real - Double.cos(0.7)) <= 1e-16)
    #expect(abs(euler.imaginary - Double.sin(0.7)) <= 1e-16)
    let square = try Expression(parsing: "z^2 + 1").evaluate(["z": i])
    #expect(square == Complex(0, 0))
    // atan agrees with the principal branch away from the real axis too.
    for z in [Complex<Double>(0.3, 0.4), Complex(-2, 0.7), Complex(1.5, -3)] {
      let value = try Expression(parsing: "atan(z)").evaluate(["z": z])
      let reference = Complex.atan(z)
      #expect(abs(value.real - reference.real) <= 1e-15 * abs(reference.real))
      #expect(abs(value.imaginary - reference.imaginary) <= 1e-14 * abs(reference.imaginary))
    }
    let logarithm = try Expression(parsing: "log(z)").evaluate(["z": Complex<Double>(-1)])
    #expect(abs(logarithm.imaginary - Double.pi) <= 1e-15)
    // abs and relu continue from the real part's side; sign and step are real constants.
    let kinks = try Expression(parsing: "abs(z) + relu(z) + sign(z) + step(z)")
    #expect(kinks.evaluate(["z": Complex<Double>(-2, 0.5)]) == Complex(1, -0.5))
    #expect(kinks.evaluate(["z": Complex<Double>(3, 0.5)]) == Complex(8, 1))
  }

  /// The complex step Im f(x + ih)/h with h = 1e-20 equals the symbolic derivative.
  @Test(
    "complex step matches the symbolic derivative",
    arguments: [
      "exp(4*x^2)", "sigmoid(x)*sin(x^2)", "x^x", "log(x)/sqrt(x)", "atan(x)*tanh(x)",
      "asin(x/3) + acos(x/4) + cosh(x)/sinh(x)", "2*x^2 + 4*exp(x) + 15", "abs(x)*x^3",
      "tan(x) - relu(x)*x", "atan(2*x - 1)",
    ])
  func complexStep(_ text: String) throws {
    let f = try Expression(parsing: text)
    let df = f.derivative(withRespectTo: "x")
    for x in [0.4, 1.3] {
      let h = 1e-20
      let estimate = f.evaluate(["x": Complex(x, h)]).imaginary / h
      let exact = df.evaluate(["x": x])
      #expect(abs(estimate - exact) <= 1e-14 * abs(exact), "\(text) at \(x)")
    }
  }

  @Test func analyticity() throws {
    #expect(try Expression(parsing: "exp(x)*sigmoid(x) + x^y").isAnalytic)
    for text in ["abs(x)", "relu(x) + 1", "sin(sign(x))", "2*step(x)"] {
      #expect(try !Expression(parsing: text).isAnalytic, "\(text)")
    }
  }
}
