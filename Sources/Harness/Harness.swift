import Calculus

/// The symbolic expressions of `Calculus` (Foundation has a type of the same name).
typealias Expression = Calculus.Expression
