// The Swift side of `make compare` (Benchmarks/compare/compare.py): reads the cases as JSON on
// standard input, `[{"f": "1/x", "at": 0.001}, ...]` (the points already evaluated to doubles),
// runs `AdaptiveDerivative` on each in Double, and writes one JSON array to standard output:
// `{"f", "at", "estimate", "error_estimate", "evaluations", "step", "initial_step",
// "stencil", "status", "symbolic"}`, where `symbolic` is the symbolic derivative evaluated in
// Float80 and rounded to Double (a cross-check of the Python side's mpmath truth).
// Until `kind: accuracy` exists in the Harness this target stands in for it.
import Calculus
import Foundation

struct Case: Decodable {
  var f: String
  var at: Double
}

struct Outcome: Encodable {
  var f: String
  var at: Double
  var estimate: Double?
  var errorEstimate: Double?
  var evaluations: Int
  var step: Double?
  var initialStep: Double?
  var stencil: String
  var status: String
  var symbolic: Double?
}

/// A JSON number, or null when the value is not finite (JSON has no NaN or infinity).
func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

func outcome(of item: Case) throws -> Outcome {
  let expression = try Expression(parsing: item.f)
  let f: @Sendable ([Double]) -> Double = expression.compiled(variables: ["x"])
  let result = AdaptiveDerivative.derivative(of: { f([$0]) }, at: item.at)
  let derivative: @Sendable ([Float80]) -> Float80 =
    expression.derivative(withRespectTo: "x").compiled(variables: ["x"])
  return Outcome(
    f: item.f, at: item.at, estimate: finite(result.value),
    errorEstimate: finite(result.errorEstimate), evaluations: result.evaluations,
    step: finite(result.step), initialStep: finite(result.initialStep),
    stencil: result.stencil.rawValue, status: result.status.rawValue,
    symbolic: finite(Double(derivative([Float80(item.at)]))))
}

do {
  let input = FileHandle.standardInput.readDataToEndOfFile()
  let cases = try JSONDecoder().decode([Case].self, from: input)
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  encoder.keyEncodingStrategy = .convertToSnakeCase
  let data = try encoder.encode(try cases.map(outcome(of:)))
  FileHandle.standardOutput.write(data)
  FileHandle.standardOutput.write(Data("\n".utf8))
} catch {
  FileHandle.standardError.write(Data("compare-driver: \(error)\n".utf8))
  exit(2)
}
