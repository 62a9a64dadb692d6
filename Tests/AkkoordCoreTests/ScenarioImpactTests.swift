import Foundation
import Testing

@testable import AkkoordCore

/// "Wat dit scenario verandert": marginal money per deviation against the current line under the scenario's own
/// assumptions and reference date, the warning for a choice an assumption keeps without effect, and deadlines.
@Suite("What a scenario changes")
struct ScenarioImpactTests {
    static var enschede: RuleBase { PropertyTests.enschede }

    static func report(_ text: String) throws -> ConsequenceReport {
        let scenario = try Fixture.scenario(text, in: enschede)
        return try ReportBuilder().build(try Evaluator().evaluate(scenario, in: enschede))
    }

    static func airportReport() throws -> ConsequenceReport {
        let path = Fixture.scenarios.appendingPathComponent("luchthaven-sluiten.yaml").path
        let scenario = try ScenarioLoader().load(path: path, ruleBase: enschede).value
        return try ReportBuilder().build(try Evaluator().evaluate(scenario, in: enschede))
    }

    @Test func novelTCostsItsContributionEveryYearFrom2027InTheJSON() throws {
        let json = JSONRenderer().render(try Self.airportReport())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 3)
        let changes = try #require(object["wijzigingen"] as? [String: Any])
        let decisions = try #require(changes["bijsturingen"] as? [[String: Any]])
        let novelT = try #require(decisions.first { $0["beslissing"] as? String == "3G.bijdrage" })
        let marginal = try #require(novelT["marginaal"] as? [String: Any])
        let perYear = try #require(marginal["per_jaar"] as? [[String: Any]])
        for year in perYear {
            let delta = try #require(year["verschil"] as? [String: Any])
            let expected: Int64 = (year["jaar"] as? Int ?? 0) >= 2027 ? 31_554_000 : 0
            #expect((delta["laag_cent"] as? NSNumber)?.int64Value == expected, "\(year)")
            #expect((delta["hoog_cent"] as? NSNumber)?.int64Value == expected, "\(year)")
            #expect(delta["onbekend_nadeel"] as? Int == 0)
            #expect(delta["onbekend_voordeel"] as? Int == 0)
        }
        #expect(perYear.count == 5)
        let structural = try #require(marginal["structureel_na_periode"] as? [String: Any])
        #expect((structural["laag_cent"] as? NSNumber)?.int64Value == 31_554_000)
    }

    @Test func changesComeFirstInMarkdownAndHTML() throws {
        let report = try Self.airportReport()
        let markdown = MarkdownRenderer().render(report)
        let firstSection = try #require(markdown.components(separatedBy: "\n").first { $0.hasPrefix("## ") })
        #expect(firstSection == "## Wat dit scenario verandert")
        #expect(markdown.contains("3G.bijdrage: **Bijdrage structureel bestendigen vanaf 2027"))
        let html = HTMLReportRenderer().render(report)
        let changes = try #require(html.range(of: "Wat dit scenario verandert"))
        let summary = try #require(html.range(of: ">Samenvatting<"))
        #expect(changes.lowerBound < summary.lowerBound)
    }

    @Test func deadlinesCountDaysFromTheReferenceDateAndSayWhenPast() throws {
        let report = try Self.airportReport()
        let airport = try #require(report.wijzigingen.bijsturingen.first { $0.beslissing.description == "2F.doorgaan" })
        // The dossier's logical moment (spring 2026), and the province's decision in June as the last practical one.
        #expect(airport.termijn.laatsteDag == Day(year: 2026, month: 5, day: 31))
        #expect(airport.termijn.dagenVanafPeildatum == -176)
        #expect(airport.termijn.verstreken)
        #expect(airport.termijn.uiterlijk?.eind == Day(year: 2026, month: 6, day: 30))
        #expect(airport.termijn.dagenTotUiterlijk == -146)
        #expect(
            MarkdownRenderer().render(report).contains(
                "| 2F.doorgaan | het voorjaar van 2026 | 31 mei 2026; laatste kans: besluit van Provinciale Staten over het baanonderhoud (t/m 30 juni 2026); ook voorbij | verstreken (176 dagen geleden) | – |"
            ))
        let novelT = try #require(report.wijzigingen.bijsturingen.first { $0.beslissing.description == "3G.bijdrage" })
        #expect(novelT.termijn.verstreken)
        #expect(novelT.termijn.dagenTotUiterlijk == 7)
    }

    @Test func theAirportScenarioShowsItsAssumptionsAndAddedMessages() throws {
        let changes = try Self.airportReport().wijzigingen
        #expect(changes.afwijkendeAannames.map(\.id).contains("provincie-cofinanciert-baan"))
        #expect(changes.afwijkendeAannames.allSatisfy { $0.waarde != $0.standaardwaarde })
        #expect(changes.meldingenErbij.contains { $0.tekst.hasPrefix("Logisch moment verstreken") })
    }

    @Test func assumptionsAloneChangeNothing() throws {
        let report = try Self.report("titel: t\npeildatum: 2026-06-15\naannames:\n  provincie-cofinanciert-baan: nee\n")
        #expect(report.wijzigingen.bijsturingen.isEmpty)
        #expect(report.wijzigingen.totaal.isZero)
        #expect(report.wijzigingen.meldingenErbij.isEmpty && report.wijzigingen.meldingenEraf.isEmpty)
        #expect(report.wijzigingen.afwijkendeAannames.map(\.id) == ["provincie-cofinanciert-baan"])
    }

    @Test func closingAloneWarnsWhichAssumptionKeepsTheSavingAway() throws {
        let report = try Self.report("titel: t\npeildatum: 2026-06-15\nkeuzes:\n  2F.doorgaan: sluiten\n")
        let closing = try #require(report.wijzigingen.bijsturingen.first)
        #expect(closing.marginaal.isZero)
        let warning = try #require(report.samenvatting.zonderBegrotingseffect.first)
        #expect(report.samenvatting.zonderBegrotingseffect.count == 1)
        #expect(warning.niveau == .waarschuwing)
        #expect(warning.beslissing.description == "2F.doorgaan")
        // Either assumption alone keeps the saving away (the rule needs the province out or the tender failed).
        #expect(
            warning.tekst.contains(
                "geen begrotingseffect, omdat de aanname 'aanbesteding-luchthaven-slaagt' ja is en de aanname 'provincie-cofinanciert-baan' ja is;"
            ))
        #expect(warning.tekst.contains("met 'provincie-cofinanciert-baan' nee: nadeel over 2026–2030"))
        #expect(warning.aannames.map(\.id).contains("provincie-cofinanciert-baan"))
        let flipped = try #require(warning.aannames.first { $0.id == "provincie-cofinanciert-baan" })
        #expect(flipped.regels.contains("2F-sluiten-effecten"))
        #expect(flipped.marginaalBijAndereWaarde.structureelNaPeriode.laagCent < 0)
        // The warning stands in the summary of the rendered report.
        let markdown = MarkdownRenderer().render(report)
        let summary = try #require(markdown.components(separatedBy: "## Samenvatting").last?.components(separatedBy: "\n## ").first)
        #expect(summary.contains("**waarschuwing**: Twente Airport sluiten (2F.doorgaan) heeft in dit scenario geen begrotingseffect"))
    }

    @Test func closingWithoutTheProvinceSavesAndDoesNotWarn() throws {
        let report = try Self.report(
            "titel: t\npeildatum: 2026-06-15\nkeuzes:\n  2F.doorgaan: sluiten\naannames:\n  provincie-cofinanciert-baan: nee\n")
        #expect(report.samenvatting.zonderBegrotingseffect.isEmpty)
        let closing = try #require(report.wijzigingen.bijsturingen.first)
        #expect(closing.marginaal.structureelNaPeriode.laagCent < 0)
    }

    @Test func compareNamesDifferingAssumptionsAndDateFirstAndSeparatesDateOnlyMessages() throws {
        let evaluations = try ["huidige-lijn.yaml", "luchthaven-sluiten.yaml"].map { name in
            let path = Fixture.scenarios.appendingPathComponent(name).path
            return try Evaluator().evaluate(try ScenarioLoader().load(path: path, ruleBase: Self.enschede).value, in: Self.enschede)
        }
        let comparison = try ScenarioComparison(evaluations: evaluations)
        #expect(comparison.peildatumVerschilt)
        let provincie = try #require(comparison.verschillendeAannames.first { $0.id == "provincie-cofinanciert-baan" })
        #expect(provincie.waarden == [true, false])
        // The lapse of a line both scenarios keep reads "verloopt dit" in June and "is dit al verlopen" in November.
        let dateOnly = comparison.verschillendeMeldingen.filter(\.alleenPeildatum)
        #expect(dateOnly.contains { $0.tekst.contains("is dit al verlopen") })
        #expect(comparison.verschillendeMeldingen.contains { !$0.alleenPeildatum && $0.tekst.hasPrefix("Sluiting:") })
        let markdown = MarkdownComparisonRenderer().render(comparison)
        let warning = try #require(markdown.range(of: "**Let op: de scenario's verschillen in aannames**"))
        let date = try #require(markdown.range(of: "**Let op: de peildatum verschilt**"))
        let money = try #require(markdown.range(of: "## Geld"))
        #expect(warning.lowerBound < money.lowerBound && date.lowerBound < money.lowerBound)
        #expect(markdown.contains("**Alleen door een andere peildatum**"))
        // Without a date difference nothing is set apart.
        let same = try ScenarioComparison(evaluations: [evaluations[0], evaluations[0]])
        #expect(!same.peildatumVerschilt && same.verschillendeAannames.isEmpty)
    }

    @Test func daysBetweenDaysFollowTheCalendar() throws {
        let epoch = try #require(Day(year: 1970, month: 1, day: 1))
        #expect(epoch.dayNumber == 0)
        let leap = try #require(Day(year: 2024, month: 3, day: 1)), before = try #require(Day(year: 2024, month: 2, day: 28))
        #expect(leap.days(since: before) == 2)
        let start = try #require(Day(year: 2026, month: 1, day: 1)), end = try #require(Day(year: 2027, month: 1, day: 1))
        #expect(end.days(since: start) == 365)
        #expect(start.days(since: end) == -365)
    }
    /// The marginals of two or more deviations come from the compiled rule base: they equal the reference evaluator's
    /// "scenario minus the scenario with only that decision reverted", year by year, over the period and structurally.
    @Test func compiledMarginalsEqualTheReferenceOnRandomScenarios() throws {
        let ruleBase = Self.enschede
        let compiled = try CompiledRuleBase(ruleBase)
        var random = SplitMix(seed: 29)
        var checked = 0, nonZero = 0, blockers = 0
        for index in 0..<40 {
            let scenario = CompiledEvaluatorTests.randomScenario(ruleBase, using: &random)
            let evaluation = try Evaluator().evaluate(scenario, in: ruleBase)
            guard !evaluation.deviations.isEmpty else { continue }
            for impact in [try ScenarioImpact(evaluation, compiled: compiled)] {
                #expect(impact.decisions.map(\.choice.ref) == evaluation.deviations.map(\.ref))
                for decision in impact.decisions {
                    var reverted = scenario
                    reverted.choices[decision.choice.ref] = nil
                    let expected = try BudgetChange(evaluation.budget, minus: try Evaluator().evaluate(reverted, in: ruleBase).budget)
                    guard decision.marginal == expected else {
                        Issue.record("scenario \(index), \(decision.choice.ref): \(decision.marginal) != \(expected)")
                        return
                    }
                    checked += 1
                    if !expected.isZero { nonZero += 1 }
                    // What an assumption that keeps the money away would change, also from the compiled rule base.
                    for blocker in decision.blockers {
                        var flipped = scenario
                        flipped.assumptions[blocker.assumption.assumption.id] = Located(
                            !blocker.assumption.value, at: blocker.assumption.assumption.location)
                        var flippedReverted = flipped
                        flippedReverted.choices[decision.choice.ref] = nil
                        let other = try BudgetChange(
                            try Evaluator().evaluate(flipped, in: ruleBase).budget,
                            minus: try Evaluator().evaluate(flippedReverted, in: ruleBase).budget)
                        #expect(blocker.changeWithOtherValue == other, "scenario \(index), \(decision.choice.ref)")
                        blockers += 1
                    }
                }
            }
        }
        // The sample has many deviations with money, not only empty marginals.
        #expect(checked > 500 && nonZero > 100, "\(checked) marginals, \(nonZero) with money, \(blockers) blockers")
    }
}
