import Foundation
import Testing

@testable import Calculus

/// The parser's limits, and that every recursive operation is safe on what the limits accept.
@Suite("Expression limits")
struct ExpressionLimitsTests {
  static let depth = Expression.Limits.depth
  static let size = Expression.Limits.size

  func error(_ text: String) throws -> ExpressionError {
    let error = #expect(throws: ExpressionError.self) { try Expression(parsing: text) }
    return try #require(error)
  }

  @Test func parenthesesPastTheLimitAreALocatedError() throws {
    for n in [Self.depth + 1, 100_000] {
      let text = String(repeating: "(", count: n) + "x" + String(repeating: ")", count: n)
      let e = try error(text)
      #expect(e.column == Self.depth + 1)
      #expect(e.message == "parentheses nested \(n) deep, the limit is \(Self.depth)")
    }
    // Unbalanced: the same error, before the parser would recurse.
    let unclosed = try error(String(repeating: "(", count: 100_000))
    #expect(unclosed.message.contains("parentheses nested 100000 deep"))
  }

  @Test func callsAndExponentsCountAsLevels() throws {
    let calls =
      String(repeating: "sin(", count: Self.depth + 1) + "x"
      + String(repeating: ")", count: Self.depth + 1)
    #expect(try error(calls).message.contains("the limit is \(Self.depth)"))
    let tower = Array(repeating: "x", count: Self.depth + 2).joined(separator: "^")
    let e = try error(tower)
    #expect(e.column == 2 * (Self.depth + 1))
    #expect(e.message.contains("nested more than \(Self.depth) deep"))
    // Mixed: 150 exponents inside 100 parentheses.
    let mixed =
      String(repeating: "(", count: 100)
      + Array(repeating: "2", count: 151)
      .joined(separator: "^-") + String(repeating: ")", count: 100)
    #expect(try error(mixed).message.contains("nested more than \(Self.depth) deep"))
  }

  @Test func sizePastTheLimitIsALocatedError() throws {
    let n = 12_000
    let text = Array(repeating: "x", count: n).joined(separator: "+")
    let e = try error(text)
    #expect(e.column == Self.size + 1)
    #expect(
      e.message
        == "expression too large: \(2 * n - 1) numbers, names and operators, the limit is \(Self.size)"
    )
  }

  @Test func signsCostNoDepth() throws {
    // Signs are operators (they count towards the size) but add no level.
    let f = try Expression(parsing: String(repeating: "-", count: Self.size - 1) + "x")
    #expect(f == .product([.number(-1), .variable("x")]))
  }

  /// The deepest expressions of each shape the parser accepts.
  static let deepest: [String] = {
    let n = depth
    func wrap(_ open: String, _ inner: String, _ close: String) -> String {
      String(repeating: open, count: n) + inner + String(repeating: close, count: n)
    }
    return [
      wrap("(x + ", "1", ")"),
      wrap("(2*x - ", "y", ")"),
      wrap("sin(", "x", ")"),
      wrap("exp(-", "x", ")"),
      wrap("sqrt(1 + x*", "x", ")"),
      Array(repeating: "x", count: n + 1).joined(separator: "^"),
      Array(repeating: "1.01", count: n).joined(separator: "^-") + "^x",
      wrap("(x/", "x", ")"),
    ]
  }()

  @Test func theLimitItselfIsAccepted() throws {
    // Exactly the limit: a sign and 5,000 names joined by 4,999 operators.
    let wide = "-" + Array(repeating: "x", count: Self.size / 2).joined(separator: "*")
    #expect(throws: Never.self) { try Expression(parsing: wide) }
  }

  /// Runs `body` on a thread with a 1 MiB stack (what Swift Testing's worker threads have
  /// here; a default secondary thread on Linux has 8 MiB), so that an unbounded recursion fails here rather than in a user's run.
  func onSmallStack(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      body()
      done.signal()
    }
    thread.stackSize = 1024 * 1024
    thread.start()
    done.wait()
  }

  @Test(arguments: deepest)
  func everyOperationIsSafeAtTheLimit(_ text: String) throws {
    onSmallStack {
      guard let f = try? Expression(parsing: text) else {
        Issue.record("\(text.prefix(40))... was rejected")
        return
      }
      #expect(f.treeDepth <= 3 * Self.depth + 3)
      let variables = f.variables.sorted()
      let point = Dictionary(uniqueKeysWithValues: variables.map { ($0, 0.5) })
      let value: Double = f.evaluate(point)
      let simplified = f.simplified()
      let derivative = f.derivative(withRespectTo: "x")
      // The second derivative of the power tower has O(n^3) nodes: not that one.
      let second =
        derivative.nodeCount < 5_000 ? derivative.derivative(withRespectTo: "x") : derivative
      // The printed form parses again; the simplified form and the derivative may nest
      // deeper than the parser accepts, and then the error is the limit's.
      #expect(throws: Never.self) { try Expression(parsing: f.description) }
      for printed in [simplified.description, derivative.description] {
        do throws(ExpressionError) {
          _ = try Expression(parsing: printed)
        } catch {
          #expect(error.message.contains("the limit is"), "\(error)")
        }
      }
      _ = f.domainViolation(at: point)
      _ = f.nonDifferentiability(at: point)
      _ = second.hashValue
      #expect(value.isFinite || value.isNaN)
      #expect(second.treeDepth < 20 * Self.depth)
    }
  }
}
