import AkkoordCommandLine
import AkkoordCore
import ArgumentParser
import Foundation

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Reken scenario's door en vergelijk de uitkomst met hun 'verwachtingen'.",
        aliases: ["toets"]
    )

    @Argument(help: "Scenariobestanden of mappen (standaard: scenarios).")
    var paths: [String] = ["scenarios"]

    @OptionGroup var ruleBase: RuleBaseOptions

    @Flag(name: .long, help: "Schrijf de huidige uitkomsten als verwachtingen terug in de scenariobestanden (na controle!).")
    var update = false

    @OptionGroup var watch: WatchOptions

    func run() throws {
        try watch.run(directories: [ruleBase.watchedFolder(for: paths)] + paths) { () throws(ExitCode) in try once() }
    }

    func once() throws(ExitCode) {
        let files = try scenarioFiles(paths)
        let ruleBase = try self.ruleBase.selection(for: files)
        let loaded = try loadRuleBase(ruleBase)
        let evaluations = try evaluateScenarios(files, in: loaded.value)
        var passed = 0, failed = 0, withoutExpectations = 0
        for evaluation in evaluations {
            let path = evaluation.scenario.file
            if update {
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                let updated = ExpectationWriter.replacingBlock(in: text, with: ExpectationWriter.block(for: evaluation))
                // A symbolic link stays a link (its target is replaced); the file keeps its permissions.
                try reportingWriteErrors { () throws(WriteError) in try AtomicFileWriter.write(updated, to: path) }
                print("bijgewerkt: \(path)")
                continue
            }
            guard evaluation.scenario.expectations != nil else {
                withoutExpectations += 1
                print("GEEN VERWACHTINGEN \(path)")
                continue
            }
            let failures = ExpectationCheck().failures(evaluation)
            if failures.isEmpty {
                passed += 1
                print("OK    \(path)")
            } else {
                failed += 1
                print("FOUT  \(path)")
                failures.forEach { print("  \($0)") }
            }
        }
        print(ScenarioCoverage(ruleBase: loaded.value, evaluations: evaluations).summary)
        if update { return }
        print("\(passed) passed, \(failed) failed" + (withoutExpectations > 0 ? ", \(withoutExpectations) zonder verwachtingen" : ""))
        if failed > 0 { throw ExitStatus.findings }
    }
}

/// Expands folders into their YAML files (by the rule of ``RuleBaseLayout/isYAMLFileName(_:)``), sorted; keeps files
/// as given. A folder that cannot be read is unusable input.
func scenarioFiles(_ paths: [String]) throws(ExitCode) -> [String] {
    var files: [String] = []
    var diagnostics: [Diagnostic] = []
    for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            files.append(path)
            continue
        }
        do {
            files += try RuleBaseLayout.yamlFiles(in: path)
        } catch {
            diagnostics += error.diagnostics
        }
    }
    if !diagnostics.isEmpty {
        printDiagnostics(diagnostics)
        throw ExitStatus.unusableInput
    }
    return files
}
