import Foundation
import PropertyBased
import Testing

@testable import AkkoordCore

/// Money never traps: arithmetic is checked, and the loader refuses amounts and rule bases that could overflow.
@Suite("Money ceilings: no overflow, exact at the limit", .serialized)
struct MoneyCeilingTests {
    static let ceilingEuros = "100000000000"

    // MARK: Checked arithmetic

    @Test func checkedOperationsThrowInsteadOfTrapping() throws {
        let max = Money(cents: .max), min = Money(cents: .min)
        #expect(throws: MoneyOverflow.self) { try max.adding(Money(cents: 1)) }
        #expect(throws: MoneyOverflow.self) { try min.subtracting(Money(cents: 1)) }
        #expect(throws: MoneyOverflow.self) { try min.negated() }
        #expect(throws: MoneyOverflow.self) { try Money(cents: 930_000_000_000_000).applying(Share(basisPoints: 10_000)) }
        #expect(throws: MoneyOverflow.self) { try Amount.range(min: min, max: max).negated() }
        var total = AmountTotal(minimum: max, maximum: max, unknownBurdens: 0, unknownBenefits: 0)
        #expect(throws: MoneyOverflow.self) { try total.add(.exact(Money(cents: 1))) }
        #expect(total.minimum == max, "a failed add leaves the total unchanged")
        #expect(throws: MoneyOverflow.self) { try AmountTotal(.exact(max)).subtracting(AmountTotal(.exact(Money(cents: -1)))) }
        let error = try #require(throws: MoneyOverflow.self) { try max.adding(max) }
        #expect(error.description.contains("bedrag te groot"))
        #expect(try Money(cents: .max - 1).adding(Money(cents: 1)) == max)
    }

    // MARK: The crashes of the issue, through the binary

    func fiche(option effects: String) -> String {
        """
        code: 1A
        titel: Zwembad
        opgaven: [sport]
        programma: sport
        huidige_lijn: x
        stuurmoment: {tekst: x, periode: voorjaar 2026}
        beslissingen:
          - id: renovatie
            vraag: q
            vorm: ja_nee
            opties:
              - id: renoveren
                titel: Renoveren
                huidige_lijn: ja
                effecten:
        \(effects)
              - id: sluiten
                titel: Sluiten

        """
    }

    func expectUnusable(_ result: CLI.Result, at path: String, line: Int, _ what: String) {
        #expect(result.status == 2, "\(what): exit \(result.status)\n\(result.stderr.prefix(400))")
        let prefix = "\(path):\(line):"
        #expect(
            result.stderr.split(separator: "\n").contains { $0.hasPrefix(prefix) && $0.contains(": error: ") && $0.contains("plafond") },
            "\(what): \(result.stderr.prefix(400))")
    }

    @Test func totalTimesFullShareAboveTheCeilingIsRejectedByCheckAndReport() throws {
        let effect = "              - {omschrijving: e, soort: lasten, totaal: 9300000000000, aandeel: 100%, jaar: 2027, aanname: a}"
        let base = Fixture.ruleBase(replacing: [
            "fiches/1A-zwembad.yaml": fiche(option: effect),
            "regels/samenhang.yaml": "regels: []\n",
        ])
        let path = base.appendingPathComponent("fiches/1A-zwembad.yaml").path
        expectUnusable(try CLI.run(["check", "--rules", base.path]), at: path, line: 16, "check")
        let scenario = base.appendingPathComponent("s.yaml")
        try Data("titel: s\npeildatum: 2026-06-15\n".utf8).write(to: scenario)
        expectUnusable(try CLI.run(["report", scenario.path, "--rules", base.path]), at: path, line: 16, "report")
    }

    @Test func manyLargeEffectsInEveryYearAreRejectedByReport() throws {
        let effects = (0..<19).map { _ in
            "              - {omschrijving: e, soort: lasten, bedrag: 999999999999999, vanaf: 2026, aanname: a}"
        }.joined(separator: "\n")
        let base = Fixture.ruleBase(replacing: [
            "fiches/1A-zwembad.yaml": fiche(option: effects),
            "regels/samenhang.yaml": "regels: []\n",
        ])
        let path = base.appendingPathComponent("fiches/1A-zwembad.yaml").path
        let scenario = base.appendingPathComponent("s.yaml")
        try Data("titel: s\npeildatum: 2026-06-15\n".utf8).write(to: scenario)
        expectUnusable(try CLI.run(["report", scenario.path, "--rules", base.path]), at: path, line: 16, "report")
    }

    @Test func scenariosWhoseDifferenceWouldOverflowAreRejectedByCompareAndPack() throws {
        let plus = (0..<50).map { _ in
            "              - {omschrijving: e, soort: lasten, bedrag: 999999999999999, jaar: 2026, aanname: a}"
        }.joined(separator: "\n")
        let minus = (0..<50).map { _ in
            "              - {omschrijving: e, soort: baten, bedrag: 999999999999999, jaar: 2026, aanname: a}"
        }.joined(separator: "\n")
        let text = fiche(option: plus) + "        effecten:\n" + minus + "\n"
        let base = Fixture.ruleBase(replacing: ["fiches/1A-zwembad.yaml": text, "regels/samenhang.yaml": "regels: []\n"])
        let path = base.appendingPathComponent("fiches/1A-zwembad.yaml").path
        let first = base.appendingPathComponent("a.yaml"), second = base.appendingPathComponent("b.yaml")
        try Data("titel: a\npeildatum: 2026-06-15\n".utf8).write(to: first)
        try Data("titel: b\npeildatum: 2026-06-15\nkeuzes: {1A.renovatie: sluiten}\n".utf8).write(to: second)
        expectUnusable(try CLI.run(["compare", first.path, second.path, "--rules", base.path]), at: path, line: 16, "compare")
        let output = base.appendingPathComponent("pakket").path
        expectUnusable(
            try CLI.run(["pack", first.path, second.path, "--rules", base.path, "--output", output]),
            at: path, line: 16, "pack")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    // MARK: At the ceiling: exact, and one more effect is refused

    static let dossier = """
        gemeente: G
        titel: T
        versie: "1"
        periode: {van: 2026, tot: 2055}
        start_coalitie: 2026-06-01
        opgaven: [{id: a, titel: A}]
        programmas: [{id: p, titel: P}]

        """

    /// One effect line per generated row: sign, side and form (exact, total × 100%, range) at ± the ceiling.
    static func effectLine(_ row: [Int]) -> String {
        let sign = row[0] % 2 == 0 ? "" : "-", side = row[1] % 2 == 0 ? "lasten" : "baten"
        let amount =
            switch row[2] % 3 {
            case 0: "bedrag: \(sign)\(ceilingEuros)"
            case 1: "totaal: \(sign)\(ceilingEuros), aandeel: 100%"
            default: "bedrag: {min: -\(ceilingEuros), max: \(ceilingEuros)}"
            }
        return "          - {omschrijving: e, soort: \(side), \(amount), vanaf: 2026, aanname: a}"
    }

    /// Net burden per year of one option's rows, in cents: (minimum, maximum).
    static func burden(_ rows: [[Int]]) -> (Int64, Int64) {
        let ceiling: Int64 = 10_000_000_000_000
        var low: Int64 = 0, high: Int64 = 0
        for row in rows {
            if row[2] % 3 == 2 {
                low -= ceiling
                high += ceiling
            } else {
                let value = (row[0] % 2 == 0 ? ceiling : -ceiling) * (row[1] % 2 == 0 ? 1 : -1)
                low += value
                high += value
            }
        }
        return (low, high)
    }

    static func fiche(_ options: [(id: String, rows: [[Int]])]) -> String {
        var text = """
            code: 1A
            titel: T
            opgaven: [a]
            programma: p
            huidige_lijn: x
            stuurmoment: {tekst: x, periode: voorjaar 2026}
            beslissingen:
              - id: d
                vraag: q
                vorm: keuze
                opties:

            """
        for (index, option) in options.enumerated() {
            text += "      - id: \(option.id)\n        titel: \(option.id)\n"
            if index == 0 { text += "        huidige_lijn: ja\n" }
            if !option.rows.isEmpty { text += "        effecten:\n" + option.rows.map(effectLine).joined(separator: "\n") + "\n" }
        }
        return text
    }

    static func load(_ fiche: String) throws(LoadError) -> RuleBase {
        try RuleBaseLoader().load(
            files: ["r/dossier.yaml": Data(dossier.utf8), "r/fiches/1A.yaml": Data(fiche.utf8)],
            dossierPath: "r/dossier.yaml"
        ).value
    }

    static let rows = Gen.int(in: 0...999).array(of: 3)

    /// 333 effects at the ceiling over 30 years is 333 × 30 × 10^13 cents, just under the rule-base ceiling of 10^17.
    @Test func amountsAtTheCeilingGiveExactTotalsAndComparisons() async {
        await propertyCheck(count: 12, input: Self.rows.array(of: 1...166), Self.rows.array(of: 1...167)) { plus, minus in
            let ruleBase = try Self.load(Self.fiche([("plus", plus), ("min", minus)]))
            let location = SourceLocation(file: "s.yaml", line: 1, column: 1)
            func scenario(_ option: String) -> Scenario {
                Scenario(
                    title: option, description: nil, referenceDate: Day(year: 2026, month: 6, day: 15)!,
                    choices: [DecisionRef(fiche: "1A", decision: "d"): Located(option, at: location)], assumptions: [:],
                    frame: nil, expectations: nil, file: "\(option).yaml")
            }
            let reports = try ["plus", "min"].map { option throws in
                try ReportBuilder().build(try Evaluator().evaluate(scenario(option), in: ruleBase))
            }
            let comparison = try ScenarioComparison(reports: reports)
            let (plusLow, plusHigh) = Self.burden(plus), (minLow, minHigh) = Self.burden(minus)
            for (report, low, high) in [(reports[0], plusLow, plusHigh), (reports[1], minLow, minHigh)] {
                #expect(report.geld.jaren.count == 30)
                #expect(report.geld.jaren.allSatisfy { $0.nadeel.minCent == low && $0.nadeel.maxCent == high })
                #expect(report.samenvatting.saldoPeriode.minCent == 30 * low && report.samenvatting.saldoPeriode.maxCent == 30 * high)
                #expect(report.geld.structureelNaPeriode.minCent == low && report.geld.structureelNaPeriode.maxCent == high)
            }
            let delta = try #require(comparison.saldoPeriode[1].verschil)
            #expect(delta.minCent == 30 * (minLow - plusHigh) && delta.maxCent == 30 * (minHigh - plusLow))
            #expect(comparison.geld.allSatisfy { $0.nadeel[1].verschil?.minCent == minLow - plusHigh })
            // Rendering the extremes does not trap either.
            _ = MarkdownRenderer().render(reports[1])
            _ = try BriefingPack(ruleBase: ruleBase, reports: reports, digest: InputDigest(files: [])).singleFile()

            // One option more, filling the rule base to one effect past the ceiling, is refused at that effect.
            let extra = Array(repeating: [0, 0, 0], count: 334 - plus.count - minus.count)
            do throws(LoadError) {
                _ = try Self.load(Self.fiche([("plus", plus), ("min", minus), ("extra", extra)]))
                Issue.record("a rule base past the ceiling was accepted")
            } catch {
                let diagnostic = try #require(error.diagnostics.first { $0.message.contains("plafond") })
                #expect(diagnostic.location.file == "r/fiches/1A.yaml")
                // Eleven header lines, four for the first option and three for each other before its effects.
                #expect(diagnostic.location.line == 11 + 4 + 3 + 3 + 334)
            }
        }
    }
}
