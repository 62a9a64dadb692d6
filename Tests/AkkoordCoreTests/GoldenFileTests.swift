import Foundation
import Testing

@testable import AkkoordCore

/// Renderer output compared byte for byte with reviewed files in `Resources/golden/`.
/// After an intended change: `AKKOORD_UPDATE_GOLDEN=1 swift test --filter GoldenFileTests`, then review the diff.
@Suite("Golden files for the Markdown, HTML, CSV and JSON renderers and the briefing pack")
struct GoldenFileTests {
    static let goldenSource = Fixture.root.appendingPathComponent("Tests/AkkoordCoreTests/Resources/golden")

    let ruleBase: RuleBase
    let reports: [ConsequenceReport]

    init() throws {
        // The quotes verified against the tutorial's source text, so the reports show where each one stands.
        let directory = Fixture.examples.appendingPathComponent("regels")
        ruleBase =
            QuoteVerifier(
                ruleBase: try Fixture.exampleRuleBase(), directory: Fixture.exampleSources.path,
                dossierPath: directory.appendingPathComponent("dossier.yaml").path
            ).verify().ruleBase
        reports = try Self.reports(["examples/scenario-renoveren.yaml", "examples/scenario-sluiten.yaml"], in: ruleBase)
    }

    static func reports(_ paths: [String], in ruleBase: RuleBase) throws -> [ConsequenceReport] {
        try paths.map { path in
            let data = try Data(contentsOf: Fixture.root.appendingPathComponent(path))
            let scenario = try ScenarioLoader().load(data: data, path: path, ruleBase: ruleBase).value
            return try ReportBuilder().build(try Evaluator().evaluate(scenario, in: ruleBase))
        }
    }

    /// The bundled Enschede rule base with two of its scenarios.
    static func enschedeReports() throws -> [ConsequenceReport] {
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        return try reports(["scenarios/huidige-lijn.yaml", "scenarios/bezuinigen.yaml"], in: ruleBase)
    }

    func assertGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        // Locations name files by absolute path; the golden files hold them relative to the package, so they match in
        // any clone.
        let actual = actual.replacingOccurrences(of: Fixture.root.path + "/", with: "")
        let url = Self.goldenSource.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["AKKOORD_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        // Compared as bytes: decoding would drop the CSV's byte-order mark.
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(
            Data(actual.utf8) == Data(expected.utf8), "\(name) differs from the golden file; rerun with AKKOORD_UPDATE_GOLDEN=1 and review",
            sourceLocation: sourceLocation)
    }

    @Test func markdownReport() throws { try assertGolden(MarkdownRenderer().render(reports[0]), "rapport-renoveren.md") }
    @Test func htmlReport() throws { try assertGolden(HTMLReportRenderer(marking: "concept").render(reports[1]), "rapport-sluiten.html") }
    @Test func csvReportExcel() throws { try assertGolden(CSVRenderer().render(reports[0]), "begroting-renoveren.csv") }
    @Test func csvReportRFC4180() throws {
        try assertGolden(CSVRenderer(dialect: .rfc4180).render(reports[1]), "begroting-sluiten-rfc4180.csv")
    }
    @Test func markdownComparison() throws {
        try assertGolden(MarkdownComparisonRenderer().render(try ScenarioComparison(reports: reports)), "vergelijking.md")
    }
    @Test func htmlComparison() throws {
        try assertGolden(HTMLComparisonRenderer().render(try ScenarioComparison(reports: reports)), "vergelijking.html")
    }
    @Test func csvComparison() throws {
        try assertGolden(CSVRenderer().render(try ScenarioComparison(reports: reports)), "vergelijking.csv")
    }

    @Test func jsonReports() throws {
        try assertGolden(JSONRenderer().render(reports[0]), "rapport-renoveren.json")
        try assertGolden(JSONRenderer().render(reports[1]), "rapport-sluiten.json")
    }
    /// The typed report values (decisions, origins, places) read back from their JSON text unchanged.
    @Test func jsonReadsBack() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        for report in reports + (try Self.enschedeReports()) {
            let json = JSONRenderer().render(report)
            #expect(try decoder.decode(ConsequenceReport.self, from: Data(json.utf8)) == report)
        }
        let comparison = try ScenarioComparison(reports: reports)
        let json = JSONRenderer().render(encodable: comparison)
        #expect(try decoder.decode(ScenarioComparison.self, from: Data(json.utf8)) == comparison)
    }
    /// Each text form of a typed report value reads back to the same value.
    @Test func reportTextsReadBack() {
        let amounts: [Amount] = [
            .exact(Money(cents: -123_456)), .exact(Money(cents: 5)), .range(min: Money(cents: -45_000_000), max: Money(cents: 100)),
            .unknown(.nadeel), .unknown(.voordeel),
        ]
        for amount in amounts { #expect(Amount(reportText: amount.reportText) == amount) }
        for points in [0, 5, 1250, 10_000] {
            #expect(Share(reportText: Share(basisPoints: points).reportText) == Share(basisPoints: points))
        }
        let effects = [
            EffectAmount(side: .baten, timing: .years(.exact(Money(cents: 100_000)), [2026, 2028])),
            EffectAmount(side: .lasten, timing: .from(.range(min: Money(cents: -1), max: Money(cents: 1)), 2027)),
            EffectAmount(side: .baten, timing: .perYear([2026: .unknown(.voordeel), 2027: .exact(Money(cents: 250))])),
        ]
        for effect in effects { #expect(EffectAmount(reportText: effect.reportText) == effect) }
        let origins: [Origin] = [
            .option(OptionRef(decision: DecisionRef(fiche: "1A", decision: "b"), option: "c")), .rule("r"),
            .steering(DecisionRef(fiche: "1A", decision: "b")), .lapse(DecisionRef(fiche: "2B", decision: "c")),
            .frame, .scenario, .budgeted("3C"),
        ]
        for origin in origins { #expect(Origin(reportText: origin.reportText) == origin) }
        #expect(SourceLocation(reportText: "regels/a:b.yaml:12:9") == SourceLocation(file: "regels/a:b.yaml", line: 12, column: 9))
        #expect(Amount(reportText: "€ 1,5") == nil)
    }
    @Test func jsonComparison() throws {
        try assertGolden(JSONRenderer().render(encodable: try ScenarioComparison(reports: reports)), "vergelijking.json")
    }
    @Test func briefingPackSingleFile() throws {
        let pack = try BriefingPack(ruleBase: ruleBase, reports: reports, digest: InputDigest(files: []), marking: "concept")
        try assertGolden(pack.singleFile(), "pakket.html")
    }
    @Test func enschedeScenarios() throws {
        for (report, name) in zip(try Self.enschedeReports(), ["enschede-huidige-lijn", "enschede-bezuinigen"]) {
            try assertGolden(MarkdownRenderer().render(report), "\(name).md")
            try assertGolden(HTMLReportRenderer().render(report), "\(name).html")
            try assertGolden(JSONRenderer().render(report), "\(name).json")
        }
    }

    @Test func excelCSVHasBOMSemicolonsAndDecimalComma() {
        let csv = CSVRenderer().render(reports[0])
        #expect(csv.hasPrefix("\u{FEFF}scenario;nummer;"))
        #expect(csv.contains(";1000000,00;1000000,00;0;"))
        #expect(csv.contains("\r\n"))
        let rfc = CSVRenderer(dialect: .rfc4180).render(reports[0])
        #expect(rfc.hasPrefix("scenario,nummer,"))
        #expect(rfc.contains(",1000000.00,1000000.00,0,"))
    }
}
