import ExperimentCLI

await ExperimentCommand.start()
