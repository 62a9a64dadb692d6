import Foundation
import Testing

@testable import AkkoordCore

@Suite("The loader answers bad input with precise diagnostics")
struct LoaderDiagnosticsTests {
    /// The tutorial fiche 2A with one line changed.
    func fiche2A(replacing old: String, with new: String) throws -> String {
        let original = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/fiches/2A-bibliotheek.yaml"), encoding: .utf8)
        #expect(original.contains(old))
        return original.replacingOccurrences(of: old, with: new)
    }

    func errors(_ files: [String: String]) -> [Diagnostic] {
        Fixture.diagnostics(loading: Fixture.ruleBase(replacing: files)).filter { $0.severity == .error }
    }

    @Test func tutorialRuleBaseLoadsCleanly() throws {
        let loaded = try RuleBaseLoader().load(directory: Fixture.examples.appendingPathComponent("regels").path)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.value.fiches.map(\.code) == ["1A", "2A"])
        #expect(loaded.value.rules.map(\.id) == ["zwembad-zonder-provincie"])
    }

    @Test func aMisspelledRequiredKeyIsReportedOnceNotAlsoAsMissing() throws {
        let found = errors([
            "fiches/2A-bibliotheek.yaml": try fiche2A(replacing: "omschrijving: Inrichting", with: "omschrijvng: Inrichting")
        ])
        #expect(found.map(\.id) == [.keyUnknown], "\(found)")
        #expect(found.first?.message.contains("bedoelde je 'omschrijving'") == true, "\(found)")
    }

    @Test func anUnknownOptionWithNothingCloseListsTheOptionsThatExist() throws {
        let found = errors([
            "fiches/2A-bibliotheek.yaml": try fiche2A(
                replacing: "vereist: [1A.renovatie.renoveren]", with: "vereist: [1A.renovatie.opknappen]")
        ])
        let diagnostic = try #require(found.first { $0.id == .refUnknownOption }, "\(found)")
        #expect(diagnostic.message.hasSuffix("; mogelijk: renoveren, sluiten"), "\(diagnostic.message)")
    }

    @Test func misspelledKeyIsAnErrorWithSuggestionAndPosition() throws {
        // `titel:` of fiche 2A is on line 2, column 1.
        let found = errors(["fiches/2A-bibliotheek.yaml": try fiche2A(replacing: "titel: Bibliotheek", with: "tietel: Bibliotheek")])
        let diagnostic = try #require(found.first { $0.id == .keyUnknown })
        #expect(diagnostic.location.file.hasSuffix("fiches/2A-bibliotheek.yaml"))
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 1)
        #expect(diagnostic.message.contains("bedoelde je 'titel'?"))
        #expect(diagnostic.description.contains("2A-bibliotheek.yaml:2:1: error: onbekende sleutel 'tietel'"))
    }

    @Test func wrongTypeIsReportedAtTheValue() throws {
        // `opgaven: [cultuur]` is line 3; a scalar where a list belongs.
        let found = errors(["fiches/2A-bibliotheek.yaml": try fiche2A(replacing: "opgaven: [cultuur]", with: "opgaven: cultuur")])
        let diagnostic = try #require(found.first { $0.id == .valueNotList })
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.location.column == 10)
    }

    @Test func duplicateKeyPointsAtTheSecondOccurrence() throws {
        let text = try fiche2A(replacing: "programma: cultuur\n", with: "programma: cultuur\nprogramma: sport\n")
        let found = errors(["fiches/2A-bibliotheek.yaml": text])
        let diagnostic = try #require(found.first { $0.id == .yamlDuplicateKey })
        #expect(diagnostic.location.line == 5)
        #expect(diagnostic.location.column == 1)
        #expect(diagnostic.notes.map(\.location.line) == [4])
        #expect(!diagnostic.message.contains("huidige_lijn"), "the message must not embed the file")
    }

    /// Found by the fuzzer: a planning id used twice made the loader trap on a duplicate dictionary key.
    @Test func duplicateIDsInTheDossierAreErrorsNotCrashes() throws {
        let original = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/dossier.yaml"), encoding: .utf8)
        let planning = "  - id: begroting-2027\n    titel: Begroting 2027\n    moment: november 2026\n"
        #expect(original.contains(planning))
        let twice = original.replacingOccurrences(
            of: planning, with: planning + planning.replacingOccurrences(of: "begroting-2027", with: "Begroting-2027"))
        let found = errors(["dossier.yaml": twice])
        let diagnostic = try #require(found.first { $0.id == .idDuplicate })
        #expect(diagnostic.message.contains("planningsmoment 'begroting-2027'"))
        #expect(diagnostic.location.line == 21)
        // The first occurrence is a note at its own place, printed below the error.
        #expect(diagnostic.notes.map(\.location.line) == [18])
        #expect(
            diagnostic.description.split(separator: "\n").last?.hasSuffix(
                ":18:\(diagnostic.notes[0].location.column): note: eerste keer hier") == true)
        let labels = original.replacingOccurrences(of: "programmas:\n", with: "programmas:\n  - {id: cultuur, titel: Nogmaals}\n")
        #expect(labels != original)
        #expect(errors(["dossier.yaml": labels]).contains { $0.id == .idDuplicate && $0.message.contains("programma 'cultuur'") })
    }

    /// Files are read in parallel; the diagnostics must still come out complete and in the same order every time.
    @Test func parallelReadingGivesTheSameDiagnosticsEveryTime() throws {
        var files: [String: String] = [:]
        for index in 0..<40 {
            files["fiches/9\(index)-kapot.yaml"] = index.isMultiple(of: 2) ? "code: [\n" : "titel: x\ntitel: y\n"
        }
        let directory = Fixture.ruleBase(replacing: files)
        let first = Fixture.diagnostics(loading: directory)
        #expect(first.filter { $0.location.file.contains("-kapot.yaml") }.count >= 40)
        for _ in 0..<5 {
            #expect(Fixture.diagnostics(loading: directory) == first)
        }
    }

    @Test func yaml11BooleansAreRejected() throws {
        let text = try fiche2A(replacing: "huidige_lijn: ja", with: "huidige_lijn: yes")
        let diagnostic = try #require(errors(["fiches/2A-bibliotheek.yaml": text]).first { $0.id == .valueBoolean })
        #expect(diagnostic.message.contains("'yes' is dubbelzinnig"))
        #expect(diagnostic.location.line == 16)
    }

    @Test func octalLookingNumbersAreRejected() throws {
        let text = try fiche2A(replacing: "jaar: 2028", with: "jaar: 02028")
        let diagnostic = try #require(errors(["fiches/2A-bibliotheek.yaml": text]).first { $0.id == .valueInteger })
        #expect(diagnostic.message.contains("voorloopnul"))
    }

    @Test func floatAmountsAreRejected() throws {
        let text = try fiche2A(replacing: "bedrag: \"250.000\"", with: "bedrag: 0.25")
        #expect(errors(["fiches/2A-bibliotheek.yaml": text]).map(\.id) == [.valueAmount])
    }

    @Test func effectWithoutProvenanceIsAnError() throws {
        let text = try fiche2A(replacing: "            aanname: Offerte inrichting.\n", with: "")
        #expect(errors(["fiches/2A-bibliotheek.yaml": text]).map(\.id) == [.keyNoneOf])
    }

    @Test func decisionNeedsExactlyOneCurrentLine() throws {
        let text = try fiche2A(
            replacing: "        titel: Uitbreiden in het zwembadgebouw\n",
            with: "        titel: Uitbreiden in het zwembadgebouw\n        huidige_lijn: ja\n")
        #expect(errors(["fiches/2A-bibliotheek.yaml": text]).map(\.id) == [.decisionCurrentLine])
    }

    @Test func unknownReferencesAreErrors() throws {
        let text = try fiche2A(replacing: "vereist: [1A.renovatie.renoveren]", with: "vereist: [1A.renovatie.renoveeren]")
        let found = errors(["fiches/2A-bibliotheek.yaml": text])
        #expect(found.contains { $0.id == .refUnknownOption && $0.message.contains("bedoelde je 'renoveren'?") })
        let relation = try fiche2A(replacing: "  - fiche: 1A", with: "  - fiche: 9Z")
        #expect(errors(["fiches/2A-bibliotheek.yaml": relation]).map(\.id) == [.refUnknownFiche])
    }

    @Test func yearsOutsideThePeriodAreErrors() throws {
        let text = try fiche2A(replacing: "jaar: 2028", with: "jaar: 2035")
        #expect(errors(["fiches/2A-bibliotheek.yaml": text]).map(\.id) == [.boundsPeriodYear])
    }

    @Test func unparseablePeriodIsAnError() throws {
        let text = try fiche2A(replacing: "periode: begroting-2027", with: "periode: \"31-12-207\"")
        let diagnostic = try #require(errors(["fiches/2A-bibliotheek.yaml": text]).first { $0.id == .valuePeriod })
        #expect(diagnostic.location.line == 8)
    }

    @Test(arguments: [
        ("", DiagnosticID.fileEmpty, 1),
        ("# alleen commentaar\n", .fileEmpty, 1),
        ("- 1\n- 2\n", .valueNotMapping, 1),
        ("code: 2A\n\tbad: tab\n", .yamlSyntax, 2),
        ("code: \"2A\n", .yamlSyntax, 2),
        ("code: 2A\n---\ncode: 2B\n", .yamlMultipleDocuments, 2),
        ("a: *nergens\n", .yamlUnknownAlias, 1),
    ])
    func hostileFilesGiveErrors(text: String, expected: DiagnosticID, line: Int) {
        let found = errors(["fiches/9Z-kapot.yaml": text]).filter { $0.location.file.hasSuffix("9Z-kapot.yaml") }
        #expect(found.map(\.id) == [expected], "\(found)")
        #expect(found.first?.location.line == line, "\(found)")
    }

    @Test func binaryAndInvalidUTF8AreRejected() {
        let sink = DiagnosticSink()
        #expect(YAMLDocument.parse(data: Data([0x63, 0x3A, 0x20, 0x00, 0x01]), path: "bin.yaml", limits: .standard, sink: sink) == nil)
        #expect(sink.diagnostics.first?.id == .yamlEncoding)
        #expect(sink.diagnostics.first?.message.contains("NUL-byte") == true)
        let utf8 = DiagnosticSink()
        #expect(
            YAMLDocument.parse(
                data: Data("a: b\nc: \u{00e9}".utf8.dropLast()) + Data([0xFF]), path: "bad.yaml", limits: .standard, sink: utf8) == nil)
        let diagnostic = utf8.diagnostics.first
        #expect(diagnostic?.id == .yamlEncoding)
        #expect(diagnostic?.message.contains("UTF-8") == true)
        #expect(diagnostic?.location.line == 2)
    }

    @Test func aliasBombIsRejectedQuickly() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = (0..<9).map { _ in "*a\(level - 1)" }.joined(separator: ", ")
            text += "a\(level): &a\(level) [\(previous)]\n"
        }
        let sink = DiagnosticSink()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(YAMLDocument.parse(data: Data(text.utf8), path: "bom.yaml", limits: .standard, sink: sink) == nil)
        }
        #expect(sink.diagnostics.first?.id == .yamlTooLarge)
        #expect(elapsed < .seconds(5), "budgeted walk must stop early")
    }

    @Test func scenarioErrorsPointAtTheirLines() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        do {
            _ = try Fixture.scenario(
                "titel: x\npeildatum: 2026-06-15\nkeuzes:\n  1A.renovatie: slopen\n  1A.renovaties: sluiten\naannames:\n  provincie-betaalt: ja\n",
                in: ruleBase)
            Issue.record("expected an error")
        } catch {
            let kinds = error.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.id)" }
            #expect(kinds == ["4:17 ref.unknown-option", "5:3 ref.unknown-decision", "7:3 ref.unknown-assumption"])
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix("scenario.yaml:4:17: error: beslissing 1A.renovatie heeft geen optie 'slopen'") })
            #expect(
                messages.contains {
                    $0.hasPrefix("scenario.yaml:5:3: error: onbekende beslissing '1A.renovaties'; bedoelde je '1A.renovatie'?")
                })
            #expect(messages.contains { $0.hasPrefix("scenario.yaml:7:3: error: onbekende aanname 'provincie-betaalt'") })
        }
    }
}
