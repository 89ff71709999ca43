import Calculus
import Learning
import Plotting
import Yams
/// Harness: experiment files, runners, result writers.
public enum Harness {}
