import FuzzSupport
import Harness

// libFuzzer entry for experiment files of every kind: the raw bytes go through
// `Experiment.parse(_: [UInt8], path:)`, the path `Experiment.load` takes after reading a file
// (the byte-level checks of `ExperimentText`, then the YAML decoding).
// Any thrown error is a rejection (fine); a crash, a hang or a memory blow-up is a finding.

/// The one place the fuzzer calls the experiment-file decoder.
func decodeExperiment(_ bytes: [UInt8]) {
  _ = try? Experiment.parse(bytes, path: "Experiments/fuzz.yaml")
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzExperiment(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  decodeExperiment(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}

@main
enum Fuzzer {
  static func main() { runFuzzer(fuzzExperiment) }
}
