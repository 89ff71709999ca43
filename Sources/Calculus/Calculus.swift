/// Calculus: expressions, symbolic derivatives, finite-difference schemes, sweeps, order fits.
public enum Calculus {}
