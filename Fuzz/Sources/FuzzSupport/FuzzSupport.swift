import CFuzzer
import Glibc

/// Starts libFuzzer on `target` with the process's arguments, and exits with its status.
///
/// SwiftPM gives an executable its own `main`, so a fuzz target starts the fuzzer from there
/// through libFuzzer's driver rather than from libFuzzer's `main`.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}
