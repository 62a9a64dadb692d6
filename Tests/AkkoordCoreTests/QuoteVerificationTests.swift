import Foundation
import Testing

@testable import AkkoordCore

/// `akkoord check` verifies every quote against the source texts `dossier.yaml` declares (`bronnen`), on the tutorial
/// rule base and its committed source text `examples/bronnen/oefendossier.txt`.
@Suite("Quotes verified against their source texts")
struct QuoteVerificationTests {
    static let quote = "Het zwembad wordt in 2027 gerenoveerd"

    func verify(_ directory: URL, sources: URL? = nil) throws -> QuoteVerification {
        let ruleBase = try RuleBaseLoader().load(directory: directory.path).value
        let folder = sources ?? directory.deletingLastPathComponent().appendingPathComponent("bronnen")
        return QuoteVerifier(
            ruleBase: ruleBase, directory: folder.path,
            dossierPath: directory.appendingPathComponent("dossier.yaml").path
        ).verify()
    }

    func tutorialFile(_ path: String) throws -> String {
        try String(contentsOf: Fixture.examples.appendingPathComponent("regels/" + path), encoding: .utf8)
    }

    /// The tutorial's quotes are all found, each with the line of the source text it begins on: the effect's quote
    /// spans a line break, the fact's a word hyphenated at a line end.
    @Test func tutorialQuotesAreFoundWithTheirLines() throws {
        let verification = try verify(Fixture.examples.appendingPathComponent("regels"), sources: Fixture.exampleSources)
        #expect(verification.diagnostics.isEmpty)
        #expect(verification.verified == 2)
        let passages = verification.ruleBase.citations.map(\.passage)
        #expect(
            passages == [
                SourcePassage(document: "oefendossier", file: "oefendossier.txt", line: 12, lastLine: 13),
                SourcePassage(document: "oefendossier", file: "oefendossier.txt", line: 13, lastLine: 15),
            ])
    }

    /// A changed quote is an error at the `citaat`, with the closest passage of the source as a note line.
    @Test func changedQuoteIsALocatedErrorWithTheClosestPassage() throws {
        let original = try tutorialFile("fiches/1A-zwembad.yaml")
        let changed = original.replacingOccurrences(of: "citaat: \"\(Self.quote)", with: "citaat: \"Het zwembad wordt in 2028 gerenoveerd")
        #expect(changed != original)
        let directory = Fixture.ruleBase(replacing: ["fiches/1A-zwembad.yaml": changed])
        let verification = try verify(directory)
        #expect(verification.verified == 1)
        #expect(verification.notFound == 1)
        let error = try #require(verification.diagnostics.first)
        #expect(verification.diagnostics.count == 1)
        #expect(error.id == .quoteNotFound)
        #expect(error.severity == .error)
        let lines = changed.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("citaat: \"Het zwembad wordt in 2028") })
        let column = try #require(lines[line].range(of: "\"Het zwembad"))
        #expect(error.location.file.hasSuffix("fiches/1A-zwembad.yaml"))
        #expect(error.location.line == line + 1)
        #expect(error.location.column == lines[line].distance(from: lines[line].startIndex, to: column.lowerBound) + 1)
        #expect(error.message.hasPrefix("citaat staat niet letterlijk in bron 'oefendossier' ('oefendossier.txt')"))
        let note = try #require(error.notes.first)
        #expect(note.location.file.hasSuffix("bronnen/oefendossier.txt"))
        #expect(note.location.line == 12)
        #expect(note.message.hasPrefix("dichtstbijzijnde passage: “Het zwembad wordt in 2027 gerenoveerd"))

        // Through the command line: exit code 1 and the note printed on the line after the error.
        let result = try CLI.run(["check", "--rules", directory.path])
        #expect(result.status == 1)
        let printed = result.stderr.components(separatedBy: "\n")
        let index = try #require(printed.firstIndex { $0.contains(": error: citaat staat niet letterlijk") })
        #expect(printed[index].hasPrefix("\(directory.path)/fiches/1A-zwembad.yaml:\(line + 1):"))
        #expect(index + 1 < printed.count && printed[index + 1].contains("oefendossier.txt:12:1: note: dichtstbijzijnde passage: "))
        #expect(result.stderr.contains("1 van 2 citaten geverifieerd: 1 fout(en), 0 waarschuwing(en)"))
    }

    /// The quotes of doubts are checked too.
    @Test func doubtQuotesAreVerified() throws {
        let fiche =
            try tutorialFile("fiches/2A-bibliotheek.yaml") + """
                twijfels:
                  - tekst: Het dossier zegt niet wat het leescafé kost.
                    citaat: "Een uitbreiding met een leescafé is onderzocht maar niet begroot."
                  - tekst: Wanneer gaat de bibliotheek dicht?
                    citaat: "De bibliotheek in het centrum gaat dicht."

                """
        let verification = try verify(Fixture.ruleBase(replacing: ["fiches/2A-bibliotheek.yaml": fiche]))
        #expect(verification.verified == 3)
        let error = try #require(verification.diagnostics.first)
        #expect(verification.diagnostics.count == 1)
        #expect(error.id == .quoteNotFound)
        #expect(error.location.file.hasSuffix("2A-bibliotheek.yaml"))
        #expect(error.notes.first?.message == "dichtstbijzijnde passage: “De bibliotheek in het centrum blijft open.”")
    }

    /// Without the source text: one warning with the number of quotes left unchecked and how to give the folder.
    @Test func missingSourceIsOneWarningWithTheCount() throws {
        let empty = Fixture.temporaryDirectory()
        let result = try CLI.run(["check", "--rules", "examples/regels", "--bronnen", empty.path])
        #expect(result.status == 0)
        let warnings = result.stderr.components(separatedBy: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.hasPrefix("examples/regels/dossier.yaml:"))
        #expect(warning.contains("2 citaten niet geverifieerd"))
        #expect(warning.contains("oefendossier.txt' ontbreekt"))
        #expect(warning.contains("--bronnen MAP") && warning.contains("AKKOORD_BRONNEN"))
        #expect(result.stderr.contains("0 van 2 citaten geverifieerd: 0 fout(en), 1 waarschuwing(en)"))
        // The same finding in the machine-readable output, by its id and place.
        let json = try CLI.run(["check", "--rules", "examples/regels", "--bronnen", empty.path, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.compactMap { $0["id"] as? String } == [DiagnosticID.quoteUnverified.rawValue])
    }

    /// `AKKOORD_BRONNEN` names the folder when `--bronnen` does not; `--bronnen` wins over it.
    @Test func sourcesFolderFromTheEnvironment() throws {
        let directory = Fixture.ruleBase(replacing: [:])
        try FileManager.default.removeItem(at: directory.deletingLastPathComponent().appendingPathComponent("bronnen"))
        let without = try CLI.run(["check", "--rules", directory.path])
        #expect(without.stderr.contains("0 van 2 citaten geverifieerd: 0 fout(en), 1 waarschuwing(en)"))
        let withVariable = try CLI.run(["check", "--rules", directory.path], environment: ["AKKOORD_BRONNEN": Fixture.exampleSources.path])
        #expect(withVariable.stderr.contains("2 van 2 citaten geverifieerd: 0 fout(en), 0 waarschuwing(en)"))
        let overridden = try CLI.run(
            ["check", "--rules", directory.path, "--bronnen", Fixture.temporaryDirectory().path],
            environment: ["AKKOORD_BRONNEN": Fixture.exampleSources.path])
        #expect(overridden.stderr.contains("0 van 2 citaten geverifieerd"))
    }

    /// A text with another hash: one warning naming both hashes; its quotes are not checked against it.
    @Test func hashMismatchIsOneWarningNamingBothHashes() throws {
        let folder = Fixture.temporaryDirectory()
        let text = try String(contentsOf: Fixture.exampleSources.appendingPathComponent("oefendossier.txt"), encoding: .utf8)
        let edited = text.replacingOccurrences(of: "2027\ngerenoveerd", with: "2028\ngerenoveerd")
        try Data(edited.utf8).write(to: folder.appendingPathComponent("oefendossier.txt"))
        let verification = try verify(Fixture.examples.appendingPathComponent("regels"), sources: folder)
        #expect(verification.diagnostics.count == 1)
        let warning = try #require(verification.diagnostics.first)
        #expect(warning.id == .quoteSourceChanged)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("SHA-256 \(SourceText.sha256(Data(edited.utf8)))"))
        #expect(warning.message.contains("verwacht 7405d8800c138e8b31bf82e557769e0007dd40ba133b710a06f37ff77054cd6f"))
        #expect(warning.message.contains("2 citaten uit bron 'oefendossier' niet geverifieerd"))
        #expect(verification.verified == 0 && verification.unverified == 2)
    }

    /// A quote may name its source; a name that `bronnen` does not declare is refused at load.
    @Test func unknownDocumentIsALoadError() throws {
        let original = try tutorialFile("fiches/1A-zwembad.yaml")
        let changed = original.replacingOccurrences(of: "document: oefendossier", with: "document: oefendosier")
        let diagnostics = Fixture.diagnostics(loading: Fixture.ruleBase(replacing: ["fiches/1A-zwembad.yaml": changed]))
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message == "citaat uit onbekende bron 'oefendosier'; bedoelde je 'oefendossier'?")
        #expect(error.location.file.hasSuffix("1A-zwembad.yaml"))
    }

    /// A rule base that declares no sources: one warning, not silence.
    @Test func noDeclaredSourcesIsOneWarning() throws {
        let dossier = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/dossier.yaml"), encoding: .utf8)
        let marker = try #require(dossier.range(of: "# De brontekst van de citaten"))
        let withoutSources = String(dossier[..<marker.lowerBound])
        let fiche = try tutorialFile("fiches/1A-zwembad.yaml").replacingOccurrences(of: ", document: oefendossier", with: "")
        let verification = try verify(Fixture.ruleBase(replacing: ["dossier.yaml": withoutSources, "fiches/1A-zwembad.yaml": fiche]))
        #expect(
            verification.diagnostics.map(\.message) == [
                "2 citaten zijn niet geverifieerd: dossier.yaml noemt geen 'bronnen' (zie docs/format.md, Bronnen)"
            ])
    }

    /// Reports show where a verified quote stands: JSON gains `document`, `bestand` and `regel`, Markdown the line.
    @Test func reportsCarryTheSourceLine() throws {
        let json = try CLI.run(["report", "examples/scenario-renoveren.yaml", "--rules", "examples/regels", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sources = try #require(object["bronnen"] as? [[String: Any]])
        let source = try #require(sources.first { $0["citaat"] as? String == Self.quote })
        #expect(source["document"] as? String == "oefendossier")
        #expect(source["bestand"] as? String == "oefendossier.txt")
        #expect(source["regel"] as? Int == 12)
        let markdown = try CLI.run(["report", "examples/scenario-renoveren.yaml", "--rules", "examples/regels"])
        #expect(markdown.stdout.contains("“\(Self.quote)” (oefendossier.txt, regel 12)"))
    }
}

/// The matching rules for quotes: line breaks, runs of white space and line-end hyphenation do not count; nothing else.
@Suite("Finding quotes in a source text")
struct SearchableTextTests {
    let text = SearchableText("Eerste regel.\nDe gemeente is verant-\nwoordelijk voor Noord-\nBrabant   en\n\n  de  regio.\nSlot.\n")

    @Test func lineBreaksAndRunsOfWhiteSpaceDoNotCount() {
        #expect(text.line(of: "Brabant en de regio.") == 4)
        #expect(text.line(of: "  Eerste\tregel. De ") == 1)
    }

    @Test func aWordHyphenatedAtALineEndMatchesJoinedOrWithItsHyphen() {
        #expect(text.line(of: "De gemeente is verantwoordelijk voor") == 2)
        #expect(text.line(of: "voor Noord-Brabant en") == 3)
        #expect(text.line(of: "verant- woordelijk") == 2)
    }

    @Test func nothingLooser() {
        #expect(text.line(of: "de gemeente is verantwoordelijk") == nil)
        #expect(text.line(of: "Eerste regel De gemeente") == nil)
        #expect(text.line(of: "Eerste  regel.De gemeente") == nil)
        #expect(text.line(of: "") == nil)
    }

    @Test func theClosestPassageOfAQuoteThatIsNotFound() throws {
        let closest = try #require(text.closestPassage(to: "De gemeente is verantwoordelijk voor Zuid-Holland"))
        #expect(closest.line == 2)
        #expect(closest.text.hasPrefix("De gemeente is verantwoordelijk voor Noord"))
        let byEnd = try #require(text.closestPassage(to: "Het Rijk is verantwoordelijk voor Noord-Brabant en de regio."))
        #expect(byEnd.text.hasSuffix("Noord-Brabant en de regio."))
        #expect(text.closestPassage(to: "Iets heel anders") == nil)
    }
}
