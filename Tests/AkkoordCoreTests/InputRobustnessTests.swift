import Foundation
import Testing

@testable import AkkoordCore

/// Regression tests for the robustness review (round 2): which files are read, usage errors, long and hostile values
/// in messages, file names in diagnostics and spreadsheet formulas.
@Suite("Input robustness", .serialized)
struct InputRobustnessTests {
    // MARK: Which files a rule base consists of

    @Test func hiddenFilesAreSkippedAndUpperCaseExtensionsRead() throws {
        let fiche = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/fiches/2A-bibliotheek.yaml"), encoding: .utf8)
        let directory = Fixture.ruleBase(replacing: [
            "fiches/._2A-bibliotheek.yaml": "\u{0}\u{5}Mac OS X resource fork",
            "fiches/.kladje.yaml": "code: [niet af",
            "fiches/3Z-HOOFDLETTERS.YAML": fiche.replacingOccurrences(of: "code: 2A", with: "code: 3Z"),
        ])
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("fiches/.#1A-zwembad.yaml").path,
            withDestinationPath: "/niet/bestaand/bestand")
        let loaded = try RuleBaseLoader().load(directory: directory.path)
        #expect(loaded.value.fiches.map(\.code).sorted() == ["1A", "2A", "3Z"])
        #expect(RuleBaseLayout.isYAMLFileName("x.Yml"))
        #expect(!RuleBaseLayout.isYAMLFileName(".x.yaml"))
        #expect(!RuleBaseLayout.isYAMLFileName("x.yaml~"))
    }

    @Test func aMissingFicheFolderOrAFileInItsPlaceIsAnError() throws {
        let directory = Fixture.ruleBase(replacing: [:])
        let fiches = directory.appendingPathComponent("fiches")
        try FileManager.default.removeItem(at: fiches)
        var diagnostics = Fixture.diagnostics(loading: directory)
        #expect(
            diagnostics.contains { $0.id == .folderMissing && $0.severity == .error && $0.location.file == fiches.path },
            "\(diagnostics)")
        try Data("geen map".utf8).write(to: fiches)
        diagnostics = Fixture.diagnostics(loading: directory)
        #expect(
            diagnostics.contains { $0.id == .folderNotAFolder && $0.severity == .error && $0.location.file == fiches.path },
            "\(diagnostics)")
    }

    @Test func anUnreadableRuleFolderIsAnErrorNotEmpty() throws {
        let directory = Fixture.ruleBase(replacing: [:])
        let regels = directory.appendingPathComponent("regels")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: regels.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: regels.path) }
        // Root reads any folder; drop to an unprivileged user where we are root, so the test means the same everywhere.
        let prefix = geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        if !prefix.isEmpty {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.deletingLastPathComponent().path)
            try #require(FileManager.default.isExecutableFile(atPath: prefix[0]), "setpriv is needed to test as root")
        }
        let result = try CLI.run(["check", "--rules", directory.path], prefix: prefix)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.hasPrefix(regels.path + ":1:1: error: kan de map niet lezen: geen toegang"), "\(result.stderr)")
    }

    @Test func checkTakesAFolderOfScenariosLikeTest() throws {
        let result = try CLI.run(["check", "--rules", "examples/regels", "examples/"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 scenario's"), "\(result.stderr)")
        #expect(!result.stderr.contains("//"))
        let one = try CLI.run(["check", "--rules", "examples/regels", "examples/scenario-sluiten.yaml"])
        #expect(one.stderr.contains(", 1 scenario, "), "\(one.stderr)")
    }

    // MARK: Usage errors keep to the exit-code contract

    @Test(arguments: [
        ["compare", "examples/scenario-sluiten.yaml"],
        ["report", "examples/scenario-sluiten.yaml", "--format", "pdf"],
        ["report"],
        ["pack", "examples/scenario-sluiten.yaml"],
        ["report", "examples/scenario-sluiten.yaml", "--onbekend"],
        ["onbekende-opdracht"],
    ])
    func usageErrorsExitTwoInDutchWithTheUsageLine(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(arguments): exit \(result.status)")
        #expect(result.stderr.hasPrefix("akkoord: error: "), "\(result.stderr)")
        #expect(result.stderr.contains("\ngebruik: akkoord"), "\(result.stderr)")
        for english in ["Error:", "Usage:", "Missing", "Unknown", "invalid", "Please provide"] {
            #expect(!result.stderr.contains(english), "\(arguments): \(result.stderr)")
        }
        #expect(result.stdout.isEmpty)
    }

    @Test func helpAndVersionStillExitZero() throws {
        #expect(try CLI.run(["--help"]).status == 0)
        #expect(try CLI.run(["report", "--help"]).status == 0)
        #expect(try CLI.run(["--version"]).status == 0)
    }

    // MARK: Hostile values in messages

    @Test func aLongUnknownIdIsShortenedAndGetsNoSuggestion() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        let long = String(repeating: "1a-zwembad-", count: 30_000)
        let text = "titel: x\npeildatum: 2026-06-15\nkeuzes:\n  1A.renovatie: \(long)\nverwachtingen:\n  regels_afgegaan: [\(long)]\n"
        #expect(throws: LoadError.self) { try Fixture.scenario(text, in: ruleBase) }
        do {
            _ = try Fixture.scenario(text, in: ruleBase)
        } catch {
            #expect(!error.diagnostics.isEmpty)
            for diagnostic in error.diagnostics {
                #expect(diagnostic.description.count < 400, "\(diagnostic.description.prefix(400))")
                #expect(!diagnostic.message.contains("bedoelde je"))
            }
            #expect(error.diagnostics.contains { $0.message.contains("(\(long.count) tekens)") }, "\(error.diagnostics)")
        }
        #expect(Suggestion.closest(to: long, in: ["1a-zwembad"]) == nil)
        #expect(Suggestion.closest(to: "1a-zwembd", in: ["1a-zwembad", String(repeating: "x", count: 100_000)]) == "1a-zwembad")
    }

    @Test func controlCharactersInEchoedValuesAreEscaped() {
        #expect(InputText.quoted("a\u{1B}[2Jb") == "'a\\u{1B}[2Jb'")
        #expect(InputText.quoted("x\u{85}y\u{7F}") == "'x\\u{85}y\\u{7F}'")
        #expect(InputText.quoted("gewoon") == "'gewoon'")
    }

    @Test func aFileNameWithANewlineKeepsEachDiagnosticOnOneLine() throws {
        let directory = Fixture.ruleBase(replacing: ["fiches/3Q-twee\nregels.yaml": "code: 3Q\ntitel: [niet af\n"])
        let result = try CLI.run(["check", "--rules", directory.path])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").filter { !$0.isEmpty && !$0.contains("fiches, ") }
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.range(of: #"^/.*:[0-9]+:[0-9]+: (error|warning|note): "#, options: .regularExpression) != nil, "\(line)")
        }
        #expect(result.stderr.contains("3Q-twee\\nregels.yaml:"))
    }

    // MARK: Spreadsheet formulas

    @Test(arguments: [
        "=\u{301}HYPERLINK(\"http://x\")", "\u{FEFF}=1+1", "  =1+1", "\u{200B}@SUM(A1)", "\tx", "\r=1", "\n=1",
        "-1+1", "+31", "\u{FF1D}1+1",
    ])
    func textsThatASpreadsheetCouldReadAsAFormulaAreDefused(text: String) {
        #expect(CSVRenderer.startsLikeFormula(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test(arguments: ["Zwembad", "€ 5", "1A.renovatie", "", " ", "é=1"])
    func ordinaryTextsAreLeftAlone(text: String) {
        #expect(!CSVRenderer.startsLikeFormula(text))
    }
}
