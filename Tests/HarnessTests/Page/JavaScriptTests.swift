import Calculus
import Foundation
import Testing

@testable import Harness

/// The JavaScript printer of the lab page: the operations in the tool's order, each rounded
/// through the page's kernel.
@Suite struct JavaScriptTests {
  @Test func theNotesQuadraticInTheToolsOrder() throws {
    let f = try Expression(parsing: "x^2 + 2*x + 1")
    #expect(JavaScript.body(f, variable: "x") == "k.a(k.a(k.s(x),k.m(k.c(2.0),x)),k.c(1.0))")
  }

  @Test func quotientsPowersFunctionsAndConstants() throws {
    let f = try Expression(parsing: "exp(-u)/(1 + u^3) + sqrt(u)*pi - pow(u, 0.5)")
    let body = JavaScript.body(f, variable: "u")
    #expect(body.contains("k.d("))
    #expect(body.contains("k.p(x,3)"))
    #expect(body.contains("k.exp("))
    #expect(body.contains("k.sqrt(x)"))
    #expect(body.contains("k.PI"))
    #expect(body.contains("k.w(x,k.c(0.5))"))
    #expect(!body.contains("u"))
  }

  @Test func literalsReadBackAsTheSameDouble() {
    for value in [0.1, 1e-5, 1.0 / 3, 6.02e23, -2.5] {
      #expect(Double(JavaScript.literal(value)) == value)
    }
    #expect(JavaScript.literal(.infinity) == "Infinity")
  }

  /// The page evaluates the printed body in Node when it is installed: double-precision values
  /// equal to the tool's own evaluation for a polynomial (exact arithmetic), and close for exp.
  @Test(arguments: ["x^2 + 2*x + 1", "2*x^2 + 4*exp(x) + 15", "1/(1 + x^2) - x/3"])
  func nodeEvaluatesLikeTheTool(_ text: String) throws {
    let node = URL(fileURLWithPath: "/usr/bin/node")
    guard FileManager.default.isExecutableFile(atPath: node.path) else { return }
    let f = try Expression(parsing: text)
    let script = """
      const k = { c: v => v, a: (x, y) => x + y, m: (x, y) => x * y, d: (x, y) => x / y,
        s: x => x * x, p: (x, n) => Math.pow(x, n), exp: Math.exp };
      const f = function (x, k) { return \(JavaScript.body(f, variable: "x")); };
      console.log([15, 0.1, -2.75].map(x => f(x, k)).join(" "));
      """
    let process = Process()
    process.executableURL = node
    process.arguments = ["-e", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let got = out.split(separator: " ").compactMap {
      Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    let want: [Double] = [15, 0.1, -2.75].map { f.evaluate(["x": $0]) }
    try #require(got.count == want.count)
    for (g, w) in zip(got, want) {
      #expect(text.contains("exp") ? abs(g - w) <= 4 * w.ulp : g == w)
    }
  }
}
