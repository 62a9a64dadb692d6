import Foundation
import Testing

@testable import AkkoordCore

/// `akkoord init`: the starting project loads with the real loader, passes `check` and `test` through the binary, and
/// is written only into a new or empty folder, all at once.
@Suite("akkoord init: a rule base of one's own", .serialized)
struct StarterProjectTests {
    /// The project in a fresh folder, written by the binary.
    func initialised() throws -> (root: URL, project: URL) {
        let root = Fixture.temporaryDirectory()
        let result = try CLI.run(["init", "mijn-gemeente"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        return (root, root.appendingPathComponent("mijn-gemeente"))
    }

    @Test func theTemplateLoadsWithTheRealLoaderAndItsQuotesVerify() throws {
        let (_, project) = try initialised()
        let rules = project.appendingPathComponent("rules").path
        let loaded = try RuleBaseLoader().load(directory: rules)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let ruleBase = loaded.value
        #expect(ruleBase.fiches.count == 1)
        #expect(ruleBase.allDecisions.count == 1)
        #expect(ruleBase.rules.count == 1)
        #expect(ruleBase.info.sources.count == 1)
        // Every quote is found in the source text beside the rules (its SHA-256 matches the declaration).
        let verification = QuoteVerifier(
            ruleBase: ruleBase, directory: project.appendingPathComponent("bronnen").path, dossierPath: rules + "/dossier.yaml"
        ).verify()
        #expect(verification.diagnostics.isEmpty, "\(verification.diagnostics)")
        #expect(verification.verified == ruleBase.citations.count && verification.verified >= 2)
        let scenario = try ScenarioLoader().load(
            path: project.appendingPathComponent("scenarios/twee-buurthuizen-sluiten.yaml").path, ruleBase: ruleBase)
        #expect(scenario.value.expectations != nil)
        #expect(Set(StarterProject().files.keys).count == 5)
    }

    @Test func checkAndTestPassUnchangedThroughTheBinary() throws {
        let (_, project) = try initialised()
        let check = try CLI.run(["check", "scenarios/"], in: project)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("3 van 3 citaten geverifieerd: 0 fout(en), 0 waarschuwing(en)"), "\(check.stderr)")
        let test = try CLI.run(["test"], in: project)
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains("1 passed, 0 failed"), "\(test.stdout)")
    }

    @Test func refusesANonEmptyFolderAndTouchesNothing() throws {
        let root = Fixture.temporaryDirectory()
        let folder = root.appendingPathComponent("bestaat")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("van mij\n".utf8).write(to: folder.appendingPathComponent("notities.txt"))
        let result = try CLI.run(["init", "bestaat"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("bestaat: error: bestaat al en is geen lege map"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notities.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["bestaat"])
        // A file in the way is refused too.
        try Data("x".utf8).write(to: root.appendingPathComponent("bestand"))
        #expect(try CLI.run(["begin", "bestand"], in: root).status == 2)
        #expect(try String(contentsOf: root.appendingPathComponent("bestand"), encoding: .utf8) == "x")
    }

    @Test func fillsAnEmptyFolderIncludingTheCurrentOne() throws {
        let root = Fixture.temporaryDirectory()
        let result = try CLI.run(["init", "."], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["bronnen", "rules", "scenarios"])
        #expect(try CLI.run(["test"], in: root).status == 0)
    }

    @Test func aFailedWriteLeavesNoFolderAndNoTemporaryFiles() throws {
        let root = Fixture.temporaryDirectory()
        let parent = root.appendingPathComponent("alleen-lezen")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        chmod(parent.path, 0o555)
        defer { chmod(parent.path, 0o755) }
        // Root may write anyway; then there is nothing to prove here.
        guard access(parent.path, W_OK) != 0 else { return }
        let result = try CLI.run(["init", "alleen-lezen/project"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("alleen-lezen/project: error: kan niet schrijven"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    @Test func writesThroughTheNewFolderWriterAtOnce() throws {
        let root = Fixture.temporaryDirectory()
        let target = root.appendingPathComponent("nieuw").path
        try NewFolderWriter.write(["a/b.txt": "b", "c.txt": "c"], to: target, refusal: "nee")
        #expect(try String(contentsOfFile: target + "/a/b.txt", encoding: .utf8) == "b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["nieuw"])
        #expect(throws: WriteError.self) { try NewFolderWriter.write(["d.txt": "d"], to: target, refusal: "nee") }
        #expect(throws: WriteError.self) { try NewFolderWriter.write(["../uit.txt": "d"], to: root.path + "/ander", refusal: "nee") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["nieuw"])
    }
}

/// `regelbasis:` in a scenario: every command that takes scenarios finds the rule base from it, from any folder;
/// `--rules` wins; different rule bases in one command are an error; no rule base at all says how to name one.
@Suite("A scenario names its rule base", .serialized)
struct ScenarioRuleBaseTests {
    /// An initialised project under `root/mijn-gemeente`, and a folder `root/elders` to run from.
    func project() throws -> URL {
        let root = Fixture.temporaryDirectory()
        #expect(try CLI.run(["init", "mijn-gemeente"], in: root).status == 0)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("elders"), withIntermediateDirectories: true)
        return root
    }

    @Test func everyCommandFindsTheRuleBaseFromAnyFolder() throws {
        let root = try project()
        let elders = root.appendingPathComponent("elders")
        let scenario = "../mijn-gemeente/scenarios/twee-buurthuizen-sluiten.yaml"
        let report = try CLI.run(["report", scenario], in: elders)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("# Consequentierapport: Twee buurthuizen sluiten"))
        #expect(try CLI.run(["compare", scenario, scenario], in: elders).status == 0)
        #expect(try CLI.run(["check", scenario], in: elders).status == 0)
        #expect(try CLI.run(["test", "../mijn-gemeente/scenarios"], in: elders).status == 0)
        let pack = try CLI.run(["pack", scenario, "--output", "pakket"], in: elders)
        #expect(pack.status == 0, "\(pack.stderr)")
        // The quotes were verified against bronnen/ beside the declared rule base: the report names the source line.
        #expect(report.stdout.contains("voorbeelddossier.txt"), "\(report.stdout)")
    }

    @Test func rulesOptionOverridesTheScenario() throws {
        let root = try project()
        let scenario = "mijn-gemeente/scenarios/twee-buurthuizen-sluiten.yaml"
        let result = try CLI.run(["report", scenario, "--rules", Fixture.examples.appendingPathComponent("regels").path], in: root)
        // The example rule base has no fiche 1A.buurthuizen: the scenario is loaded against --rules, not its own.
        #expect(result.status == 2)
        #expect(result.stderr.contains("onbekende beslissing '1A.buurthuizen'"), "\(result.stderr)")
    }

    @Test func differentRuleBasesInOneCommandAreAnError() throws {
        let root = try project()
        let other = root.appendingPathComponent("mijn-gemeente/scenarios/zz-ander.yaml")
        try Data("regelbasis: ../../elders\ntitel: Ander\npeildatum: 2026-06-15\n".utf8).write(to: other)
        let first = "mijn-gemeente/scenarios/twee-buurthuizen-sluiten.yaml"
        for arguments in [
            ["compare", first, "mijn-gemeente/scenarios/zz-ander.yaml"],
            ["pack", first, "mijn-gemeente/scenarios/zz-ander.yaml", "-o", "p"],
            ["check", "mijn-gemeente/scenarios"], ["test", "mijn-gemeente/scenarios"],
        ] {
            let result = try CLI.run(arguments, in: root)
            #expect(result.status == 2, "\(arguments)")
            #expect(
                result.stderr.contains(
                    "mijn-gemeente/scenarios/zz-ander.yaml:1:13: error: dit scenario noemt een andere regelbasis (elders)"),
                "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("\(first):2:13: note:"), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("p").path))
    }

    @Test func withoutAnyRuleBaseTheErrorSaysHowToNameOne() throws {
        let root = Fixture.temporaryDirectory()
        try Data("titel: Los\npeildatum: 2026-06-15\n".utf8).write(to: root.appendingPathComponent("los.yaml"))
        let result = try CLI.run(["report", "los.yaml"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("rules:1:1: error: geen regelbasis gevonden"), "\(result.stderr)")
        #expect(result.stderr.contains("--rules MAP") && result.stderr.contains("regelbasis: MAP"), "\(result.stderr)")
    }

    @Test func aMissingDeclaredFolderPointsAtTheScenario() throws {
        let root = Fixture.temporaryDirectory()
        try Data("regelbasis: nergens\ntitel: Los\npeildatum: 2026-06-15\n".utf8).write(to: root.appendingPathComponent("los.yaml"))
        let result = try CLI.run(["report", "los.yaml"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("nergens:1:1: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("los.yaml:1:13: note:"), "\(result.stderr)")
    }

    @Test func theLoaderChecksTheFormOfRegelbasis() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        #expect(throws: LoadError.self) {
            _ = try Fixture.scenario("regelbasis: [a, b]\ntitel: X\npeildatum: 2026-06-15\n", in: ruleBase)
        }
        _ = try Fixture.scenario("regelbasis: ../regels\ntitel: X\npeildatum: 2026-06-15\n", in: ruleBase)
    }

    @Test func relativePathsAreReadFromTheScenarioFile() {
        #expect(DeclaredRuleBase.resolve("../rules", besideFile: "scenario.yaml") == "../rules")
        #expect(DeclaredRuleBase.resolve("/abs/rules", besideFile: "a/b.yaml") == "/abs/rules")
        #expect(DeclaredRuleBase.resolve("./rules/", besideFile: "x.yaml") == "rules")
    }
}
