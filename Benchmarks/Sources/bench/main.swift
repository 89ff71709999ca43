// The Swift side of `make bench`: a line-oriented server driven by Benchmarks/run.py, which
// alternates it with the numpy reference so that machine load falls on both alike.
//
//   info                 -> {"blas": "...", "core": "...", "blas_threads": n}
//   params <file>        -> writes the seeds' network's initial parameters (raw float64)
//   run <name> [k]       -> runs the workload k times back to back (default 1), each timed:
//                           {"seconds": first, "times": [t1, ...], "value": v}
//   dump <name> <file>   -> writes the last numerical gradient of <name> (raw float64)
//   flops <name>         -> {"flops": f, "evaluations": e} (0 when not applicable)
//   quit
import Learning

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Writes one line to standard output unbuffered (the driver waits for it).
func reply(_ text: String) {
  var line = Array((text + "\n").utf8)
  var done = 0
  while done < line.count {
    let n = line.withUnsafeMutableBytes { Glibc.write(1, $0.baseAddress! + done, $0.count - done) }
    if n <= 0 { exit(1) }
    done += n
  }
}

func json(_ pairs: [(String, String)]) -> String {
  "{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
}

func quoted(_ s: String) -> String { "\"" + s.replacingQuotes() + "\"" }

extension String {
  func replacingQuotes() -> String { split(separator: "\"").joined(separator: "'") }
}

func write(_ values: [Double], to path: String) -> Bool {
  guard let file = fopen(path, "wb") else { return false }
  defer { fclose(file) }
  return values.withUnsafeBufferPointer {
    fwrite($0.baseAddress, MemoryLayout<Double>.size, $0.count, file) == $0.count
  }
}

func flops(_ name: String) -> (flops: Double, evaluations: Int) {
  switch name {
  case "numgrad_textbook":
    return (2 * Double(seedsNetwork.parameterCount + 1) * forwardFlops(batch: 100), 0)
  case "backprop_f64_b100", "backprop_f32_b100": return (backpropFlops(batch: 100), 0)
  case "backprop_f64_b1000", "backprop_f32_b1000": return (backpropFlops(batch: 1000), 0)
  case "sgd_epoch": return (600 * backpropFlops(batch: 100), 0)
  case "gemm_f64_2048", "gemm_f32_2048": return (2 * 2048 * 2048 * 2048, 0)
  case "convergence_sweep": return (0, sweepEvaluations)
  default: return (0, 0)
  }
}

let workloads: Workloads
do {
  workloads = try Workloads()
} catch {
  reply(json([("error", quoted("\(error)"))]))
  exit(1)
}
var built: [String: Workload] = [:]
let clock = ContinuousClock()

while let line = readLine() {
  let words = line.split(separator: " ").map(String.init)
  guard let command = words.first else { continue }
  switch (command, words.count) {
  case ("info", 1):
    reply(
      json([
        ("blas", quoted(BLASLibrary.configuration)),
        ("core", quoted(BLASLibrary.kernel)),
        ("blas_threads", "\(BLASLibrary.threads)"),
      ]))
  case ("params", 2):
    reply(write(workloads.initialParameters, to: words[1]) ? "{}" : json([("error", "\"write\"")]))
  case ("run", 2), ("run", 3):
    // `run <name> [k]`: k back-to-back calls, each timed; "seconds" is the first call's time.
    let name = words[1]
    let burst = words.count == 3 ? max(1, Int(words[2]) ?? 1) : 1
    if built[name] == nil { built[name] = workloads.make(name) }
    guard let workload = built[name] else {
      reply(json([("error", quoted("no workload \(name)"))]))
      continue
    }
    var value = 0.0
    var times: [Double] = []
    for _ in 0..<burst {
      let elapsed = clock.measure { value = workload.run() }
      let c = elapsed.components
      times.append(Double(c.seconds) + Double(c.attoseconds) * 1e-18)
    }
    let list = "[" + times.map { "\($0)" }.joined(separator: ", ") + "]"
    reply(json([("seconds", "\(times[0])"), ("times", list), ("value", "\(value)")]))
  case ("dump", 3):
    guard let g = workloads.gradients[words[1]], write(g, to: words[2]) else {
      reply(json([("error", quoted("nothing to dump for \(words[1])"))]))
      continue
    }
    reply("{}")
  case ("flops", 2):
    let (f, e) = flops(words[1])
    reply(json([("flops", "\(f)"), ("evaluations", "\(e)")]))
  case ("quit", 1):
    exit(0)
  default:
    reply(json([("error", quoted("unknown command: \(line)"))]))
  }
}
