import ExperimentCLI

ExperimentCommand.main()
