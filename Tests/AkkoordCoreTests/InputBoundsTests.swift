import Foundation
import Testing

@testable import AkkoordCore

/// Bounds on what the loader accepts: control characters, years and periods, effect years.
@Suite("The loader bounds years, periods and characters")
struct InputBoundsTests {
    func fiche2A(replacing old: String, with new: String) throws -> String {
        let original = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/fiches/2A-bibliotheek.yaml"), encoding: .utf8)
        #expect(original.contains(old))
        return original.replacingOccurrences(of: old, with: new)
    }

    func dossier(replacing old: String, with new: String) throws -> String {
        let original = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/dossier.yaml"), encoding: .utf8)
        #expect(original.contains(old))
        return original.replacingOccurrences(of: old, with: new)
    }

    func diagnostics(_ files: [String: String]) -> [Diagnostic] {
        Fixture.diagnostics(loading: Fixture.ruleBase(replacing: files))
    }

    func errors(_ files: [String: String]) -> [Diagnostic] {
        diagnostics(files).filter { $0.severity == .error }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    // MARK: Item 16: control characters

    @Test(arguments: [
        ("titel: \"a\\eb\"", "\\u{1B}"),
        ("titel: \"a\\0b\"", "\\u{00}"),
        ("titel: \"a\\x7Fb\"", "\\u{7F}"),
        ("titel: \"a\\Nb\"", "\\u{85}"),
        ("titel: \"a\\x9Bb\"", "\\u{9B}"),
        ("titel: \"a\\rb\"", "\\u{0D}"),
        ("\"ti\\etel\": x", "\\u{1B}"),
    ])
    func controlCharactersInKeysAndValuesAreRejected(line: String, escaped: String) throws {
        let text = try fiche2A(replacing: "titel: Zo laten", with: line)
        let found = errors(["fiches/2A-bibliotheek.yaml": text])
        let diagnostic = try #require(found.first { $0.id == .yamlControlCharacter }, "\(found)")
        #expect(diagnostic.location.file.hasSuffix("2A-bibliotheek.yaml"))
        #expect(diagnostic.location.line == 15)
        #expect(diagnostic.message.contains(escaped), "\(diagnostic.message)")
        #expect(!diagnostic.description.unicodeScalars.contains(where: Self.isControl))
    }

    @Test func controlCharacterInAScenarioIsRejectedWithoutEchoingIt() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        #expect(throws: LoadError.self) { try Fixture.scenario("titel: x\npeildatum: \"2026\\e[2J\"\n", in: ruleBase) }
        do {
            _ = try Fixture.scenario("titel: x\npeildatum: \"2026\\e[2J\"\n", in: ruleBase)
        } catch {
            let first = try #require(error.diagnostics.first)
            #expect(first.id == .yamlControlCharacter)
            #expect(first.location.line == 2)
            #expect(first.message.contains("\\u{1B}"))
            #expect(!error.description.unicodeScalars.contains(where: Self.isControl))
        }
        // Tabs, line breaks and a CR directly before a line feed stay allowed inside texts.
        let scenario = try Fixture.scenario(
            "titel: \"a\\tb\\r\\nc\"\nomschrijving: |\n  twee\n  regels\npeildatum: 2026-06-15\n",
            in: ruleBase)
        #expect(scenario.title == "a\tb\r\nc")
    }

    // MARK: Item 8: years and periods

    @Test(arguments: [
        ("periode: {van: 2026, tot: 2030000}", DiagnosticID.boundsYear),
        ("periode: {van: -5, tot: 2030}", .boundsYear),
        ("periode: {van: 0, tot: 2030}", .boundsYear),
        ("periode: {van: 2026, tot: 2056}", .boundsPeriod),
        ("start_coalitie: 2026-06-01", .valueDate),
    ])
    func dossierYearsAndPeriodAreBounded(line: String, expected: DiagnosticID) throws {
        let replacement = line.hasPrefix("start_coalitie") ? "start_coalitie: 0000-06-01" : line
        let old = line.hasPrefix("start_coalitie") ? line : "periode: {van: 2026, tot: 2030}"
        let found = errors(["dossier.yaml": try dossier(replacing: old, with: replacement)])
        let diagnostic = try #require(found.first { $0.id == expected }, "\(found)")
        #expect(diagnostic.location.file.hasSuffix("dossier.yaml"))
        #expect(diagnostic.location.line == (line.hasPrefix("start") ? 6 : 5))
    }

    @Test func periodOfThirtyYearsIsTheLongestAccepted() throws {
        let thirty = try dossier(replacing: "periode: {van: 2026, tot: 2030}", with: "periode: {van: 2026, tot: 2055}")
        #expect(errors(["dossier.yaml": thirty]).isEmpty)
        let longer = try dossier(replacing: "periode: {van: 2026, tot: 2030}", with: "periode: {van: 2026, tot: 2056}")
        let found = errors(["dossier.yaml": longer])
        #expect(
            found.contains {
                $0.id == .boundsPeriod && $0.location.file.hasSuffix("dossier.yaml") && $0.location.line == 5
                    && $0.message == "de periode 2026–2056 is 31 jaar; maximaal 30 jaar"
            }, "\(found)")
    }

    @Test(arguments: ["0000-01-01", "2201-01-01", "1899-12-31", "01-01-0000"])
    func peildatumOutsideTheSupportedYearsIsRejected(date: String) throws {
        let ruleBase = try Fixture.exampleRuleBase()
        do {
            _ = try Fixture.scenario("titel: x\npeildatum: \(date)\n", in: ruleBase)
            Issue.record("peildatum \(date) was accepted")
        } catch {
            let first = try #require(error.diagnostics.first)
            #expect(first.id == .valueDate)
            #expect(first.location.line == 2)
            #expect(first.message.contains("1900–2200"))
        }
    }

    @Test(arguments: ["jaar: 1800", "jaar: 20280", "vanaf: -5", "jaren: [2027, 0]", "per_jaar: {2201: 5}"])
    func effectYearsOutsideTheSupportedYearsAreRejectedAtTheYear(timing: String) throws {
        let text = try fiche2A(replacing: "jaar: 2028", with: timing)
        let found = errors(["fiches/2A-bibliotheek.yaml": text])
        let diagnostic = try #require(found.first { $0.id == .boundsYear }, "\(found)")
        #expect(diagnostic.location.line == 24)
    }

    // MARK: Item 12: empty and repeated years, structural effects in one year

    @Test func emptyYearListIsAnError() throws {
        let text = try fiche2A(replacing: "jaar: 2028", with: "jaren: []")
        let diagnostic = try #require(errors(["fiches/2A-bibliotheek.yaml": text]).first { $0.id == .valueEmpty })
        #expect(diagnostic.location.line == 24)
        #expect(diagnostic.location.column == 20)
    }

    @Test func emptyPerYearMappingIsAnError() throws {
        let text = try fiche2A(replacing: "jaar: 2028", with: "per_jaar: {}")
        let found = errors(["fiches/2A-bibliotheek.yaml": text])
        #expect(found.contains { $0.id == .valueEmpty && $0.location.line == 24 }, "\(found)")
    }

    @Test func repeatedYearIsAnErrorAtTheSecondOccurrence() throws {
        let text = try fiche2A(replacing: "jaar: 2028", with: "jaren: [2027, 2028, 2027]")
        let diagnostic = try #require(errors(["fiches/2A-bibliotheek.yaml": text]).first { $0.id == .yearDuplicate })
        #expect(diagnostic.message.contains("jaar 2027 staat twee keer in 'jaren'"))
        #expect(diagnostic.location.line == 24)
        #expect(diagnostic.location.column == 33)
    }

    @Test func structuralEffectInASingleYearIsAWarning() throws {
        let single = try fiche2A(replacing: "jaar: 2028", with: "jaar: 2028\n            aard: structureel")
        let warnings = diagnostics(["fiches/2A-bibliotheek.yaml": single]).filter { $0.severity == .warning }
        let warning = try #require(warnings.first { $0.id == .effectStructuralOneYear }, "\(warnings)")
        #expect(warning.message.contains("'aard: structureel' met één jaar (2028)"))
        #expect(warning.location.line == 25)
        #expect(warning.message.contains("'vanaf: 2028'"))
        // The documented normal form of a structural effect, `vanaf`, gets no warning.
        let from = try fiche2A(replacing: "jaar: 2028", with: "vanaf: 2028\n            aard: structureel")
        #expect(diagnostics(["fiches/2A-bibliotheek.yaml": from]).isEmpty)
    }
}
