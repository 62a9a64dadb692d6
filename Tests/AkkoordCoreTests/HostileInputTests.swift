import Foundation
import Testing

@testable import AkkoordCore

/// Half-edited and hostile files through `report` and `check` of the built binary: each must end with exit code 2,
/// a `path:line:column: error:` diagnostic, no crash, and no output file left behind.
@Suite("Hostile input", .serialized)
struct HostileInputTests {
    static func aliasBomb() -> Data {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { text += "a\(level): &a\(level) [" + (0..<9).map { _ in "*a\(level - 1)" }.joined(separator: ", ") + "]\n" }
        return Data(text.utf8)
    }

    static let corpus: [(name: String, data: Data)] = [
        ("leeg", Data()),
        ("alleen-witruimte", Data("   \n\n  \n".utf8)),
        ("binair", Data((0..<512).map { UInt8(($0 * 37) % 256) })),
        ("ongeldige-utf8", Data("titel: caf".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8)),
        ("nul-bytes", Data("titel: a\u{0}b\n".utf8)),
        ("tabs", Data("titel: x\n\tpeildatum: 2026-06-15\n".utf8)),
        ("open-aanhalingsteken", Data("titel: \"nooit gesloten\npeildatum: 2026-06-15\n".utf8)),
        ("dubbele-sleutel", Data("titel: a\npeildatum: 2026-06-15\ntitel: b\n".utf8)),
        ("alias-bom", aliasBomb()),
        ("diepe-nesting", Data(("a: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n").utf8)),
        ("diepe-inspringing", Data((0..<300).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined().utf8)),
        ("meerdere-documenten", Data("titel: a\n---\ntitel: b\n".utf8)),
        ("scalar-20mb", Data(("titel: " + String(repeating: "x", count: 20_000_000) + "\n").utf8)),
        ("lijst-bovenaan", Data("- titel: a\n- titel: b\n".utf8)),
        ("onbekend-anker", Data("titel: *nergens\n".utf8)),
        ("ja-nee-valkuil", Data("titel: x\npeildatum: 2026-06-15\naannames:\n  provincie-betaalt-mee: no\n".utf8)),
        ("stuurteken-peildatum", Data("titel: x\npeildatum: \"2026\\e[2J\"\n".utf8)),
        ("stuurteken-c1-titel", Data("titel: \"a\\x9B2Jb\"\npeildatum: 2026-06-15\n".utf8)),
        ("stuurteken-sleutel", Data("\"ti\\0tel\": x\npeildatum: 2026-06-15\n".utf8)),
        ("peildatum-jaar-nul", Data("titel: x\npeildatum: 0000-01-01\n".utf8)),
        ("peildatum-ver-weg", Data("titel: x\npeildatum: 9999-12-31\n".utf8)),
    ]

    struct Outcome {
        var status: Int32
        var stderr: String
        var seconds: Double
    }

    func run(_ arguments: [String]) throws -> Outcome {
        let clock = ContinuousClock()
        var result: CLI.Result?
        let elapsed = try clock.measure { result = try CLI.run(arguments) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Outcome(status: result!.status, stderr: result!.stderr, seconds: seconds)
    }

    func expectUnusable(_ outcome: Outcome, path: String, _ name: String) {
        #expect(outcome.status == 2, "\(name): exit \(outcome.status)\n\(outcome.stderr.prefix(300))")
        let first = outcome.stderr.split(separator: "\n").first.map(String.init) ?? ""
        let pattern = "^" + NSRegularExpression.escapedPattern(for: path) + ":[0-9]+:[0-9]+: error: "
        #expect(first.range(of: pattern, options: .regularExpression) != nil, "\(name): \(first.prefix(200))")
        #expect(outcome.stderr.count < 2_000, "\(name): the diagnostic must not echo the file")
        #expect(
            !outcome.stderr.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
            "\(name): the diagnostic must not carry control characters")
        // Generous bound against hangs; typical runs take about 0.1 s (see docs/performance.md).
        #expect(outcome.seconds < 5, "\(name): took \(outcome.seconds) s")
    }

    @Test func everyHostileScenarioIsRejectedByReportWithoutOutput() throws {
        let directory = Fixture.temporaryDirectory()
        for (name, data) in Self.corpus {
            let path = directory.appendingPathComponent("\(name).yaml").path
            try data.write(to: URL(fileURLWithPath: path))
            let output = directory.appendingPathComponent("uit-\(name).md").path
            let outcome = try run(["report", path, "--rules", "examples/regels", "--output", output])
            expectUnusable(outcome, path: path, name)
            #expect(!FileManager.default.fileExists(atPath: output), "\(name): partial output left behind")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasSuffix(".yaml") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func everyHostileFicheIsRejectedByCheck() throws {
        for (name, data) in Self.corpus {
            let base = Fixture.ruleBase(replacing: [:])
            let path = base.appendingPathComponent("fiches/9Z-\(name).yaml").path
            try data.write(to: URL(fileURLWithPath: path))
            expectUnusable(try run(["check", "--rules", base.path]), path: path, name)
        }
    }

    /// Dossier periods that would make every report enormous, or years nobody plans in.
    static let hostilePeriods = [
        "periode: {van: 2026, tot: 2030000}", "periode: {van: -5, tot: 2030}",
        "periode: {van: 0, tot: 0}", "periode: {van: 2026, tot: 2100}",
    ]

    @Test func hostileDossierPeriodsAreRejectedByCheckAndReport() throws {
        for line in Self.hostilePeriods {
            let original = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/dossier.yaml"), encoding: .utf8)
            let base = Fixture.ruleBase(replacing: [
                "dossier.yaml": original.replacingOccurrences(
                    of: "periode: {van: 2026, tot: 2030}", with: line)
            ])
            let path = base.appendingPathComponent("dossier.yaml").path
            expectUnusable(try run(["check", "--rules", base.path]), path: path, line)
            let output = base.appendingPathComponent("uit.md").path
            expectUnusable(
                try run(["report", "examples/scenario-sluiten.yaml", "--rules", base.path, "--output", output]),
                path: path, line)
            #expect(!FileManager.default.fileExists(atPath: output), "\(line): output written")
        }
    }

    @Test func memoryStaysBoundedOnTheLargestHostileInputs() throws {
        let directory = Fixture.temporaryDirectory()
        for name in ["scalar-20mb", "alias-bom", "diepe-nesting"] {
            let data = try #require(Self.corpus.first { $0.name == name }?.data)
            let path = directory.appendingPathComponent("\(name).yaml").path
            try data.write(to: URL(fileURLWithPath: path))
            let outcome = try ChildUsage.run(["report", path, "--rules", Fixture.examples.appendingPathComponent("regels").path])
            // ru_maxrss is in kilobytes on Linux; measured for this child alone.
            #expect(outcome.peakKilobytes > 0)
            #expect(outcome.peakKilobytes < 512 * 1024, "\(name): peak \(outcome.peakKilobytes) KB")
        }
    }
}
