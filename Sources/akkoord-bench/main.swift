import Foundation

/// Entry point of `akkoord-bench`: parses the options and runs ``Bench``.
let options: BenchOptions
do {
    options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    let message = error.description.isEmpty ? BenchOptions.usage : "akkoord-bench: \(error.description)\n\n\(BenchOptions.usage)"
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(error.description.isEmpty ? 0 : 2)
}
if let fiches = options.measureCheck {
    exit(CheckBenchmark.runChild(fiches: fiches, seed: options.seed, runs: options.runs(for: fiches)))
}
exit(Bench(options: options).run())
