import Foundation
import Testing

@testable import AkkoordCore

/// Issue 15 item 7: an unknown amount is an unknown nadeel or an unknown voordeel, and an option other than the current
/// line has effects or says `geen_begrotingseffect`.
@Suite("Unknown amounts have a direction; options without effect say why")
struct UnknownDirectionTests {
    let ruleBase: RuleBase

    init() throws { ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value }

    func option(_ fiche: String, _ decision: String, _ id: String) throws -> DecisionOption {
        let found = ruleBase.fiches.first { $0.code == fiche }?.decisions.first { $0.id == decision }?.options.first { $0.id == id }
        return try #require(found, "\(fiche).\(decision).\(id) not found")
    }

    /// The savings the review found stored as unknown costs are unknown voordeel now.
    @Test(arguments: [
        ("1A", "belang-armoede-schuldenbeleid", "afbouwen"), ("1C", "zorg-naar-gezondheid", "afbouwen"), ("1E", "lijn-ojoz", "versoberen"),
        ("1F", "dakloosheid-preventie", "minimale-eisen"), ("5G", "actieprogramma", "stoppen"), ("5J", "twenteboard", "afbouwen"),
    ])
    func savingsAreUnknownVoordeel(fiche: String, decision: String, id: String) throws {
        let saving = try #require(try option(fiche, decision, id).effects.first { $0.amount.isUnknown })
        #expect(saving.amount == .unknown(.voordeel))
        #expect(saving.side == .lasten)
    }

    /// A plain `onbekend` follows its side; `onbekend nadeel` on baten is a revenue that falls away.
    @Test func plainUnknownFollowsTheSide() throws {
        let evaluation = try Evaluator().evaluate(
            try Fixture.scenario("titel: x\npeildatum: 2026-06-15\nkeuzes: {4A.gpk-vrijstelling: laten-vervallen}\n", in: ruleBase),
            in: ruleBase)
        let extraRevenue = try #require(
            evaluation.effects.first { $0.origin == .option(OptionRef(parsing: "4A.gpk-vrijstelling.laten-vervallen")!) })
        #expect(extraRevenue.effect.side == .baten)
        #expect(extraRevenue.effect.amount == .unknown(.voordeel))
        let year = try #require(evaluation.budget.years.first { $0.year == 2028 })
        #expect(year.baten.unknownBenefits >= 1, "an unknown extra revenue is a voordeel in the baten column too")
        let compensation = try #require(ruleBase.rules.first { $0.id == "1E-zonder-compensatie-tekort-jeugdzorg" }?.effects.first)
        #expect(compensation.side == .baten && compensation.amount == .unknown(.nadeel))
    }

    /// The summary counts effects per direction, and a total says both: "+ n onbekend nadeel, m onbekend voordeel".
    @Test func totalsNameBothDirections() throws {
        let scenario =
            "titel: x\npeildatum: 2026-06-15\nkeuzes: {1E.lijn-ojoz: versoberen, 1A.belang-armoede-schuldenbeleid: intensiveren}\n"
        let evaluation = try Evaluator().evaluate(try Fixture.scenario(scenario, in: ruleBase), in: ruleBase)
        let report = try ReportBuilder().build(evaluation)
        #expect(report.samenvatting.onbekendVoordeel >= 1)
        #expect(report.samenvatting.onbekendNadeel >= 1)
        #expect(report.samenvatting.onbekendeBedragen <= report.samenvatting.onbekendNadeel + report.samenvatting.onbekendVoordeel)
        let total = evaluation.budget.structuralRunRate
        #expect(DutchFormat.burdenTotal(total).contains("onbekend nadeel, \(total.unknownBenefits) onbekend voordeel"))
        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.contains("onbekend voordeel"))
    }

    @Test func changesAndRangesHaveNoDoubleNegatives() {
        let euros = { (value: Int64) in Money(cents: value * 100) }
        #expect(DutchFormat.burden(min: euros(-366_960), max: euros(-301_960)) == "€ 301.960 – € 366.960 voordeel")
        #expect(DutchFormat.burden(min: euros(-5_487_500), max: euros(-6_012_500)) == "€ 5.487.500 – € 6.012.500 voordeel")
        #expect(DutchFormat.burden(min: euros(-10_000), max: euros(20_000)) == "van € 10.000 voordeel tot € 20.000 nadeel")
        #expect(DutchFormat.burden(min: euros(315_540), max: euros(315_540)) == "€ 315.540 nadeel")
        #expect(
            DutchFormat.change(lower: euros(-525_000), upper: euros(-475_000), unknownBurdens: -1, unknownBenefits: 2)
                == "€ 475.000 – € 525.000 voordeel − 1 onbekend nadeel, + 2 onbekend voordeel")
        let total = AmountTotal(minimum: euros(-366_960), maximum: euros(-301_960), unknownBurdens: 0, unknownBenefits: 0)
        #expect(DutchFormat.burdenTotal(total) == "€ 301.960 – € 366.960 voordeel")
        #expect(!DutchFormat.burdenTotal(total).contains("-"))
    }

    /// A budget frame is at risk only from an unknown nadeel.
    @Test func frameWarnsOnlyOnUnknownNadeel() throws {
        let scenario = """
            titel: x
            peildatum: 2026-06-15
            keuzes: {1E.lijn-ojoz: versoberen}
            kader: {max_structureel_nadeel: 100000000}
            """
        let evaluation = try Evaluator().evaluate(try Fixture.scenario(scenario, in: ruleBase), in: ruleBase)
        let frame = evaluation.messages.filter { $0.kind == .kader }
        let burdens = evaluation.budget.structuralRunRate.unknownBurdens
        #expect(frame.count == (burdens > 0 ? 1 : 0))
        #expect(frame.allSatisfy { $0.text.contains("\(burdens) bedrag(en) met een onbekend nadeel") })
    }

    /// 2A nascheiding was a silent € 0; now it carries an unknown effect, and the impossible option says why it has none.
    @Test func nascheidingIsNoLongerASilentZero() throws {
        let nascheiding = try option("2A", "afvalscheiding", "nascheiding")
        #expect(nascheiding.effects.contains { $0.amount.isUnknown })
        let keep = try option("2A", "afvalscheiding", "pmd-brengvoorzieningen-behouden")
        #expect(keep.noBudgetEffect != nil)
        let findings = RuleBaseAudit(ruleBase: ruleBase).optionsWithoutBudgetEffect()
        #expect(!findings.contains { $0.message.hasPrefix("2A.") }, "\(findings.map(\.description))")
        // Every option that is not the current line has an effect or says why not (docs/decisions.md, 24).
        #expect(findings.isEmpty, "\(findings.count) options without effect or reason: \(findings.map(\.description))")
        let statement = try option("5K", "imago", "niet-onderstrepen")
        #expect(statement.noBudgetEffect != nil)
    }

    /// `check` warns on an option without effect that does not say why, and not once it says so; an option cannot have
    /// both effects and `geen_begrotingseffect`.
    @Test func checkWarnsOnAnOptionWithoutEffectOrReason() throws {
        func load(_ options: String) throws -> [Diagnostic] {
            let fiche = """
                code: 9Z
                titel: Proef
                opgaven: [aantrekkelijk]
                programma: aantrekkelijk
                huidige_lijn: x
                stuurmoment: {tekst: voorjaar, periode: voorjaar 2026}
                beslissingen:
                  - id: a
                    vraag: a?
                    vorm: ja_nee
                    opties:
                      - {id: ja, titel: Ja, huidige_lijn: ja}
                \(options)
                """
            let directory = Fixture.temporaryDirectory().appendingPathComponent("regels")
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("fiches"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Fixture.rules.appendingPathComponent("dossier.yaml"), to: directory.appendingPathComponent("dossier.yaml"))
            try Data(fiche.utf8).write(to: directory.appendingPathComponent("fiches/9Z-proef.yaml"))
            let diagnostics = Fixture.diagnostics(loading: directory)
            if diagnostics.contains(where: { $0.severity == .error }) { return diagnostics }
            let loaded = try RuleBaseLoader().load(directory: directory.path).value
            return RuleBaseAudit(ruleBase: loaded).optionsWithoutBudgetEffect()
        }
        let silent = try load("      - {id: nee, titel: Nee}")
        #expect(silent.map(\.id) == [.auditOptionWithoutEffect])
        #expect(silent.first?.message.hasPrefix("9Z.a.nee heeft geen begrotingseffect") == true)
        #expect(silent.first?.location.line == 13)
        let explained = try load("      - {id: nee, titel: Nee, geen_begrotingseffect: {aanname: Een uitspraak zonder geld.}}")
        #expect(explained.isEmpty)
        let both = try load(
            "      - id: nee\n        titel: Nee\n        geen_begrotingseffect: {aanname: x}\n"
                + "        effecten: [{omschrijving: x, soort: lasten, bedrag: 1, jaar: 2027, aanname: x}]")
        #expect(both.map(\.id) == [.keyConflict], "\(both.map(\.description))")
        let unexplained = try load("      - {id: nee, titel: Nee, geen_begrotingseffect: {}}")
        #expect(unexplained.map(\.id) == [.keyNoneOf], "\(unexplained.map(\.description))")
    }
}
