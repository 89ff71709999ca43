// Calculus: expressions, symbolic derivatives, finite-difference schemes, step-size sweeps,
// order fits, partial derivatives and gradient descent. Pure Swift over swift-numerics.
