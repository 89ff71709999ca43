import Foundation

/// A point as named values, in the function's variable order (an object in summary.json).
struct PointValues: Encodable, Sendable, Equatable {
  var variables: [String]
  var values: [Double]

  init(_ variables: [String], _ values: [Double]) {
    self.variables = variables
    self.values = values
  }

  /// "(x=2, y=-1)".
  var text: String {
    "(" + zip(variables, values).map { "\($0)=\(short($1))" }.joined(separator: ", ") + ")"
  }

  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: AnyKey.self)
    for (name, value) in zip(variables, values) { try c.encode(Num(value), forKey: AnyKey(name)) }
  }
}

func pointText(_ vars: [String], _ point: [Double]) -> String { PointValues(vars, point).text }
