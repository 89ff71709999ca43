import Testing

@testable import Harness

@Suite struct PageTextTests {
  @Test func numbersWithExponentsDoNotBreak() {
    #expect(PageText.html("error 1.0e-08 < 2") == "error <span class=\"nb\">1.0e-08</span> &lt; 2")
  }

  @Test func backticksBecomeCode() {
    #expect(PageText.prose("run `make test` now") == "run <code>make test</code> now")
    #expect(PageText.prose("a ` alone") == "a ` alone")
  }

  @Test(arguments: ["1.000", "-3.2e-05", "32 (1.42e-13)", "1.6x", "98.5%", "7.32 ms", "12,345"])
  func numericCells(_ cell: String) { #expect(PageText.isNumeric(cell)) }

  @Test(arguments: ["pass", "forward", "[1, 0]", "x^2", "-", ""])
  func textCells(_ cell: String) { #expect(!PageText.isNumeric(cell)) }
}
