import AkkoordCommandLine
import AkkoordCore
import ArgumentParser
import Foundation

/// Writes `text` to standard output (no `output`, or `-`) or safely to the file `output` (see `AtomicFileWriter`):
/// never over one of `inputs`, through symbolic links, keeping permissions, directly into devices and FIFOs.
/// A refusal or failure prints `path: error: …` and exits with code 2, leaving nothing behind.
func emit(
    _ text: String, output: String?, inputs: InputFiles = InputFiles(),
    existing: AtomicFileWriter.Existing = .replace
) throws(ExitCode) {
    guard let output, output != "-" else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    try reportingWriteErrors { () throws(WriteError) in
        try AtomicFileWriter.write(text, to: output, inputs: inputs, existing: existing)
    }
}

/// Runs a write; a `WriteError` becomes its message on standard error and exit code 2.
func reportingWriteErrors(_ body: () throws(WriteError) -> Void) throws(ExitCode) {
    do {
        try body()
    } catch {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        throw ExitStatus.unusableInput
    }
}

extension RuleBaseSelection {
    /// What a command reads: every file under the rule-base folder and the given scenarios; outputs never replace them.
    func inputs(scenarios: [String]) -> InputFiles {
        InputFiles(files: scenarios, folders: [rules])
    }
}
