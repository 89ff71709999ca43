import ArgumentParser
import Harness

public struct ExperimentCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(commandName: "experiment")
  public init() {}
}
