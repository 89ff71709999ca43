import Calculus

/// Numeric keys checked where they are read: a NaN, an infinity, 0 or a negative number where
/// a positive one is meant is an error at the key, never a run that compares against NaN.
extension KeyedDecodingContainer where K == AnyKey {
  /// A finite number > 0 at `key` (a tolerance, a bound, a distance), nil when absent.
  func positive(_ key: String, expected: String = "a positive number") throws -> Double? {
    guard let value = try optional(key, as: NumberValue.self, expected: expected)?.value else {
      return nil
    }
    guard value.isFinite, value > 0 else {
      throw error(key, "'\(key)' must be a finite number > 0, got \(value)")
    }
    return value
  }

  /// A number in 0...1 at `key` (an accuracy, a share), nil when absent.
  func share(_ key: String, expected: String = "a number from 0 to 1") throws -> Double? {
    guard let value = try optional(key, as: NumberValue.self, expected: expected)?.value else {
      return nil
    }
    guard (0...1).contains(value) else {
      throw error(key, "'\(key)' must be from 0 to 1, got \(value)")
    }
    return value
  }

  /// The names `variables` lists, each a name the expression language reads as a variable:
  /// `e` and `pi` are its constants (`variables: [e, x]` would leave `e` the constant, and
  /// ∂f/∂e silently 0), `sin` a function.
  func checkVariableNames(_ listed: [String]) throws {
    for name in listed {
      guard case .variable(name)? = try? Expression(parsing: name) else {
        let what =
          ["e", "pi"].contains(name)
          ? "the constant \(name), which cannot be declared a variable" : "not a variable name"
        throw error("variables", "'\(name)' in 'variables' is \(what)")
      }
    }
  }
}
