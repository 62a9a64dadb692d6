import AkkoordCore
import ArgumentParser
import Foundation

@main
struct Akkoord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akkoord",
        abstract: "Scenarioplanning voor coalitieonderhandelingen: regels, scenario's en consequentierapporten.",
        discussion: """
            Exitcodes: 0 = in orde, 1 = bevindingen (fouten in het scenario of de regels), 2 = onbruikbare invoer.
            """,
        version: "0.1.0",
        subcommands: [ReportCommand.self, CompareCommand.self, PackCommand.self, CheckCommand.self, TestCommand.self]
    )

    /// Runs the command and keeps to the exit-code contract: 0 in order, 1 findings, 2 unusable input. Usage errors
    /// (a missing argument, an unknown option or value) are unusable input too: exit 2, a Dutch message and the usage.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let status as ExitCode {
            exit(withError: status)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // `--help` and `--version`: the parser prints them and exits 0.
                exit(withError: error)
            }
            let usage = UsageError(fullMessage: fullMessage(for: error))
            FileHandle.standardError.write(Data(usage.lines.map { $0 + "\n" }.joined().utf8))
            exit(withError: ExitStatus.unusableInput)
        }
    }
}

/// Exit codes shared by all commands.
enum ExitStatus {
    static let findings = ExitCode(1)
    static let unusableInput = ExitCode(2)
}

/// Options shared by commands that read a rule base.
struct RuleBaseOptions: ParsableArguments {
    @Option(name: .long, help: "Map met de regelbasis (dossier.yaml, fiches/, regels/).")
    var rules: String = "rules"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Map met de bronteksten die dossier.yaml noemt (standaard: AKKOORD_BRONNEN, anders bronnen/ naast de regelmap).",
            valueName: "map"))
    var bronnen: String?

    /// The folder with the source texts: `--bronnen`, else `AKKOORD_BRONNEN`, else `bronnen/` beside the rule base.
    var sourcesDirectory: String {
        if let bronnen { return bronnen }
        if let variable = ProcessInfo.processInfo.environment["AKKOORD_BRONNEN"], !variable.isEmpty { return variable }
        let parent = ((rules.count > 1 && rules.hasSuffix("/") ? String(rules.dropLast()) : rules) as NSString).deletingLastPathComponent
        return parent.isEmpty ? "bronnen" : (parent as NSString).appendingPathComponent("bronnen")
    }

    /// Checks the quotes of a loaded rule base against the source texts.
    func verifyQuotes(_ ruleBase: RuleBase) -> QuoteVerification {
        let dossier = (try? RuleBaseLayout(directory: rules))?.dossier ?? (rules as NSString).appendingPathComponent("dossier.yaml")
        return QuoteVerifier(ruleBase: ruleBase, directory: sourcesDirectory, dossierPath: dossier).verify()
    }
}

/// Prints diagnostics to standard error.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics.sorted() {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

/// Loads the rule base or exits with code 2 after printing every diagnostic. Quotes found in the source texts carry
/// their place in the source (for the reports); `akkoord check` reports the quotes that are not found.
func loadRuleBase(_ options: RuleBaseOptions) throws(ExitCode) -> Loaded<RuleBase> {
    do {
        var loaded = try RuleBaseLoader().load(directory: options.rules)
        loaded.value = options.verifyQuotes(loaded.value).ruleBase
        return loaded
    } catch {
        printDiagnostics(error.diagnostics)
        throw ExitStatus.unusableInput
    }
}
