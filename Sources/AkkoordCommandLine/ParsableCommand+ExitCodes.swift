import ArgumentParser
import Foundation

extension ParsableCommand {
    /// Parses the arguments and runs the command, keeping to the exit-code contract (``ExitStatus``): a usage error
    /// (a missing argument, an unknown option or value) is unusable input too, reported in Dutch with the usage line
    /// (``UsageError``) and exit 2, where swift-argument-parser would print English and exit 64.
    public static func runKeepingExitCodes() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let status as ExitCode {
            exit(withError: status)
        } catch {
            if exitCode(for: error) == .success {
                // `--help` and `--version`: the parser prints them and exits 0.
                exit(withError: error)
            }
            let usage = UsageError(fullMessage: fullMessage(for: error))
            FileHandle.standardError.write(
                Data(usage.lines(program: configuration.commandName ?? "akkoord").map { $0 + "\n" }.joined().utf8))
            exit(withError: ExitStatus.unusableInput)
        }
    }
}
