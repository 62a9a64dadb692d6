import Foundation
import Testing

@testable import AkkoordCore

/// Issue 15 item 5: an investment counts as yearly capital charges (BBV), structural, from the year after it is made.
@Suite("Investments as capital charges")
struct InvestmentTests {
    /// The worked figure in docs/format.md, to the cent: € 1.000.000 in 2027, 20 years, 2%.
    @Test func workedFigureInTheFormatDocument() throws {
        let principal = Money(euros: 1_000_000), rate = Share(basisPoints: 200)
        let linear = try Investment.charges(principal: principal, term: 20, rate: rate, method: .lineair)
        #expect(linear.count == 20)
        #expect(linear[0] == Money(euros: 70_000))
        #expect(linear[1] == Money(euros: 69_000))
        #expect(linear[2] == Money(euros: 68_000))
        #expect(linear[19] == Money(euros: 51_000))
        let annuity = try Investment.charges(principal: principal, term: 20, rate: rate, method: .annuitair)
        #expect(annuity == Array(repeating: Money(cents: 6_115_672), count: 20))
        let document = try String(contentsOf: Fixture.root.appendingPathComponent("docs/format.md"), encoding: .utf8)
        #expect(document.contains("| 2028 | € 50.000 | € 20.000 (van € 1.000.000) | € 70.000 | € 61.156,72 |"))
        #expect(document.contains("| 2047 | € 50.000 | € 1.000 (van € 50.000) | € 51.000 | € 61.156,72 |"))
    }

    /// Depreciation adds up to the principal exactly, also when it does not divide evenly.
    @Test func linearDepreciationAddsUpToThePrincipal() throws {
        let principal = Money(cents: 1_000_001)
        let charges = try Investment.charges(principal: principal, term: 3, rate: Share(basisPoints: 0), method: .lineair)
        #expect(charges.map(\.cents) == [333_334, 333_334, 333_333])
        #expect(charges.reduce(0) { $0 + $1.cents } == principal.cents)
    }

    /// The example rule base's library conversion is an investment: the budget counts € 70.000 in 2028, not € 1 mln in
    /// 2027, and the charge continues after the period.
    @Test func exampleRenovationCountsItsCapitalCharges() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        #expect(ruleBase.info.investmentInterest?.rate == Share(basisPoints: 200))
        let scenario = try Fixture.scenario("titel: x\npeildatum: 2026-06-15\nkeuzes: {2A.bibliotheek: uitbreiden}\n", in: ruleBase)
        let evaluation = try Evaluator().evaluate(scenario, in: ruleBase)
        let renovation = try #require(evaluation.effects.first { $0.effect.investment != nil })
        #expect(renovation.effect.nature == .structureel)
        #expect(renovation.effect.amount(in: 2027) == nil)
        #expect(renovation.effect.amount(in: 2028) == .exact(Money(euros: 70_000)))
        #expect(evaluation.budget.structuralRunRate.minimum == Money(euros: 67_000), "the charge of 2031")
        let report = try ReportBuilder().build(evaluation)
        let line = try #require(report.effecten.first { $0.investering != nil })
        #expect(line.investering?.eersteJaarlast.minCent == 7_000_000)
        #expect(line.investering?.standaardRente == true)
        #expect(MarkdownRenderer().render(report).contains("### Investeringen"))
    }

    /// The airport runway's provincial half is an investment in 2028 with labelled term and method.
    @Test func runwayMaintenanceIsAnInvestment() throws {
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let rule = try #require(ruleBase.rules.first { $0.id == "2F-baanonderhoud-zonder-provincie" })
        let effect = try #require(rule.effects.first)
        let investment = try #require(effect.investment)
        #expect(investment.year == 2028 && investment.term == 20 && investment.method == .lineair)
        #expect(investment.isDefaultRate && investment.rate == Share(basisPoints: 250))
        #expect(investment.assumption?.contains("20 jaar lineair") == true)
        #expect(effect.amount(in: 2028) == nil)
        // 50% of € 10,45–11,55 mln: depreciation 261.250–288.750 plus 2,5% interest on the full amount.
        #expect(effect.amount(in: 2029) == .range(min: Money(cents: 39_187_500), max: Money(cents: 43_312_500)))
    }

    /// An investment without a rate in a rule base without `rente_investeringen` is an error, and so is a timing key.
    @Test func investmentNeedsARateAndNoTimingKeys() throws {
        let rule = """
            regels:
              - id: r
                titel: r
                als: {keuze: 1A.renovatie.sluiten}
                dan:
                  effecten:
                    - {omschrijving: x, soort: lasten, programma: sport, bedrag: 100, jaar: 2027, investering: {jaar: 2027, looptijd: 5, methode: lineair}, aanname: x}
                    - {omschrijving: y, soort: lasten, programma: sport, bedrag: 100, investering: {jaar: 2027, looptijd: 0, methode: lineair}, aanname: x}
                aanname: x
            """
        let directory = Fixture.temporaryDirectory().appendingPathComponent("regels")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("regels"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Fixture.examples.appendingPathComponent("regels/fiches"), to: directory.appendingPathComponent("fiches"))
        let dossier = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/dossier.yaml"), encoding: .utf8)
        try Data(dossier.utf8).write(to: directory.appendingPathComponent("dossier.yaml"))
        try Data(rule.utf8).write(to: directory.appendingPathComponent("regels/r.yaml"))
        let ids = Fixture.diagnostics(loading: directory).map(\.id)
        #expect(ids.contains(.keyConflict), "\(ids)")
        #expect(ids.contains(.boundsYear), "\(ids)")
        let block = "rente_investeringen:\n  percentage: 2%\n  aanname: Omslagrente van 2%; het oefendossier noemt geen rente.\n"
        #expect(dossier.contains(block))
        try Data(dossier.replacingOccurrences(of: block, with: "").utf8).write(to: directory.appendingPathComponent("dossier.yaml"))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("regels/r.yaml"))
        let missing = Fixture.diagnostics(loading: directory)
        #expect(missing.contains { $0.id == .keyMissing && $0.message.contains("rente_investeringen") }, "\(missing.map(\.description))")
    }
}
