import AkkoordCommandLine
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
        subcommands: [
            InitCommand.self, ReportCommand.self, CompareCommand.self, PackCommand.self, CheckCommand.self, TestCommand.self,
            ServeCommand.self, RedlineCommand.self, ExploreCommand.self, RiskCommand.self,
        ]
    )

    /// Runs the command and keeps to the exit-code contract (``ExitStatus``).
    static func main() { runKeepingExitCodes() }
}

/// Options shared by commands that read a rule base.
struct RuleBaseOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "Map met de regelbasis (dossier.yaml, fiches/, regels/); standaard 'regelbasis' in het scenario, anders rules.",
            valueName: "map"))
    var explicitRules: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Map met de bronteksten die dossier.yaml noemt (standaard: AKKOORD_BRONNEN, anders bronnen/ naast de regelmap).",
            valueName: "map"))
    var bronnen: String?

    /// The folder used before (or without) resolving: `--rules`, else `rules`.
    var fallback: RuleBaseSelection { RuleBaseSelection(rules: explicitRules ?? "rules", bronnen: bronnen) }

    /// The rule base for these scenarios: `--rules`, else the folder the scenarios name with `regelbasis:` (all the
    /// same one), else `rules/` in the current folder. Throws the diagnostics when scenarios name different folders or
    /// no rule base is found.
    func resolve(for scenarios: [String]) throws(LoadError) -> RuleBaseSelection {
        if explicitRules != nil { return fallback }
        var first: DeclaredRuleBase?
        var diagnostics: [Diagnostic] = []
        for path in scenarios {
            guard let declared = DeclaredRuleBase.read(scenario: path) else { continue }
            guard let earlier = first else {
                first = declared
                continue
            }
            if Self.canonical(earlier.directory) != Self.canonical(declared.directory) {
                diagnostics.append(
                    Diagnostic(
                        .ruleBaseConflict, .error, declared.location,
                        "dit scenario noemt een andere regelbasis (\(declared.directory)) dan \(earlier.location.file) "
                            + "(\(earlier.directory)); één opdracht werkt met één regelbasis. Geef de scenario's apart, "
                            + "of kies de regelbasis met --rules MAP",
                        notes: [Diagnostic.Note(earlier.location, "hier noemt \(earlier.location.file) zijn regelbasis")]))
            }
        }
        if !diagnostics.isEmpty { throw LoadError(diagnostics: diagnostics) }
        if let first { return RuleBaseSelection(rules: first.directory, bronnen: bronnen, declaredAt: first.location) }
        guard FileManager.default.fileExists(atPath: "rules") else {
            throw LoadError(diagnostics: [
                Diagnostic(
                    .ruleBaseNotFound, .error, SourceLocation(file: "rules", line: 1, column: 1),
                    "geen regelbasis gevonden: deze map heeft geen map rules. Geef de map met de regelbasis met --rules MAP, "
                        + "of zet in het scenario 'regelbasis: MAP' (vanaf het scenariobestand gezien, bijv. regelbasis: ../rules)")
            ])
        }
        return fallback
    }

    /// The rule-base folder a watch follows: resolved without messages for the given files and folders of scenarios;
    /// `--rules` or `rules` when that fails (the run itself then reports why).
    func watchedFolder(for paths: [String]) -> String {
        let files = paths.flatMap { path in (try? RuleBaseLayout.yamlFiles(in: path)) ?? [path] }
        return ((try? resolve(for: files)) ?? fallback).rules
    }

    /// ``resolve(for:)``, or exit with code 2 after printing the diagnostics.
    func selection(for scenarios: [String]) throws(ExitCode) -> RuleBaseSelection {
        do {
            return try resolve(for: scenarios)
        } catch {
            printDiagnostics(error.diagnostics)
            throw ExitStatus.unusableInput
        }
    }

    /// The real path of a folder, so `a/../b` and a link to `b` count as `b`.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
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
func loadRuleBase(_ options: RuleBaseSelection) throws(ExitCode) -> Loaded<RuleBase> {
    try loadVerifiedRuleBase(options).loaded
}

/// ``loadRuleBase(_:)`` with the outcome of the quote check, whose source texts the briefing pack shows.
func loadVerifiedRuleBase(_ options: RuleBaseSelection) throws(ExitCode) -> (loaded: Loaded<RuleBase>, quotes: QuoteVerification) {
    do {
        var loaded = try RuleBaseLoader().load(directory: options.rules)
        let quotes = options.verifyQuotes(loaded.value)
        loaded.value = quotes.ruleBase
        return (loaded, quotes)
    } catch {
        printDiagnostics(options.explained(error.diagnostics))
        throw ExitStatus.unusableInput
    }
}
