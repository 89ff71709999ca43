internal import CPLplot
internal import CCairo
/// Plotting: a small figure model and its renderer on PLplot + Cairo.
public enum Plotting {}
