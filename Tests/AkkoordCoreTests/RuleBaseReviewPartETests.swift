import Foundation
import Testing

@testable import AkkoordCore

/// The rule-base review (issue 16), parts E and F: rules about the omgevingsvisie's course fire on the current line of
/// 4B too; weakly grounded inferences carry a labelled assumption or a quote that names the related things; an extra
/// cost the dossier does not name is an assumption; 5K's convenant lapses inside the period.
@Suite("Rule base review: rule conditions, grounding of inferences and provenance")
struct RuleBaseReviewPartETests {
    let ruleBase: RuleBase

    init() throws { ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value }

    func evaluate(_ text: String) throws -> Evaluation {
        try Evaluator().evaluate(try Fixture.scenario(text, in: ruleBase), in: ruleBase)
    }

    func rule(_ id: String) throws -> Rule {
        try #require(ruleBase.rules.first { $0.id == id }, "\(id) not found")
    }

    /// Overstaphubs and "voetganger en fietser centraal" are the omgevingsvisie's current course (4B's current line):
    /// choosing against them warns whatever 4B's mobility-system choice is, the current line included.
    @Test(arguments: [
        ("4A.p-en-r: afzien", "4A-p-en-r-nodig-voor-overstaphubs"),
        ("4E.dilemma: snelheid-doorstroming", "4E-doorstroming-botst-met-schaalsprongkoers"),
    ])
    func courseRulesFireOnTheCurrentLineOf4B(choice: String, ruleID: String) throws {
        for fourB in ["", ", 4B.mobiliteitssysteem: binnen-bestaande-middelen", ", 4B.mobiliteitssysteem: structureel-veranderen"] {
            let evaluation = try evaluate("titel: x\npeildatum: 2026-06-15\nkeuzes: {\(choice)\(fourB)}\n")
            let fourBChoice = try #require(evaluation.choices.first { $0.ref == DecisionRef(fiche: "4B", decision: "mobiliteitssysteem") })
            #expect(evaluation.firedRules.map(\.id).contains(ruleID), "\(ruleID) with 4B '\(fourBChoice.chosen.id)'")
            let warning = evaluation.messages.first { $0.origin == .rule(ruleID) }
            #expect(warning?.level == .waarschuwing, "\(ruleID) with 4B '\(fourBChoice.chosen.id)'")
        }
        // Without the deviating choice the rule stays silent.
        let baseline = try evaluate("titel: x\npeildatum: 2026-06-15\n")
        #expect(!baseline.firedRules.map(\.id).contains(ruleID))
    }

    /// An inference the dossier does not state is a labelled assumption; one it does state quotes the words that name
    /// both sides of the relation.
    @Test(arguments: [
        ("x-5J-afbouwen-novel-t-founder-3G", ["Twenteboard", "Novel-T"]),
        ("x-3G-stoppen-twenteboard-intensiveren-5J", ["Twenteboard", "Novel-T"]),
        ("x-2C-niet-toetreden-warmtebedrijf-netcongestie", ["warmtebedrijf", "netcongestie"]),
    ])
    func weakInferencesAreGroundedOrLabelled(ruleID: String, keyWords: [String]) throws {
        let provenance = try #require(try rule(ruleID).provenance)
        switch provenance {
        case .assumption(let text):
            #expect(text.contains("afleiding"), "\(ruleID): the assumption says what was inferred")
        case .quote(let citation):
            for word in keyWords {
                #expect(citation.text.localizedCaseInsensitiveContains(word), "\(ruleID): quote names '\(word)'")
            }
        }
        // The two Twenteboard/Novel-T links are not in the dossier: they must be assumptions.
        if ruleID != "x-2C-niet-toetreden-warmtebedrijf-netcongestie" {
            #expect(provenance.citation == nil, "\(ruleID) is labelled as an assumption")
        }
    }

    /// 1E `intensiveren`: the dossier names no extra cost, so the cost is a labelled assumption, not a quote of the
    /// advice to continue.
    @Test func ojozIntensiverenCostIsAnAssumption() throws {
        let option = try #require(
            ruleBase.option(OptionRef(decision: DecisionRef(fiche: "1E", decision: "lijn-ojoz"), option: "intensiveren")))
        #expect(!option.effects.isEmpty)
        for effect in option.effects {
            #expect(effect.provenance.citation == nil, "\(effect.description)")
            #expect(effect.provenance.citation?.text != "Continueren ingezet lijn OJOZ")
        }
    }

    /// 1J: not drawing up an IHP-sport warns that the Rijk instrument supports the execution of the IHP, without an
    /// amount; without that instrument, or on the current line, it does not.
    @Test func noIHPSportWarnsAboutTheRijkInstrument() throws {
        let id = "1J-geen-ihp-rijksinstrument-onzeker"
        let chosen = try evaluate("titel: x\npeildatum: 2026-06-15\nkeuzes: {1J.ihp-sport: niet-opstellen}\n")
        let warning = try #require(chosen.messages.first { $0.origin == .rule(id) })
        #expect(warning.level == .waarschuwing && warning.text.contains("uitvoering van het IHP sport"))
        #expect(!chosen.effects.contains { $0.origin == .rule(id) })
        let withoutInstrument = try evaluate(
            "titel: x\npeildatum: 2026-06-15\nkeuzes: {1J.ihp-sport: niet-opstellen}\naannames: {vws-instrument-sport: nee}\n")
        #expect(!withoutInstrument.firedRules.contains { $0.id == id })
        #expect(!(try evaluate("titel: x\npeildatum: 2026-06-15\n")).firedRules.contains { $0.id == id })
    }

    /// 5K's convenant ends on 31-12-2029, inside the period: on the current line the report says it lapses.
    @Test func kennisinstellingenConvenantLapsesInThePeriod() throws {
        let ref = DecisionRef(fiche: "5K", decision: "strategische-partners")
        let lapse = try #require(ruleBase.decision(ref)?.lapse)
        #expect(lapse.moment.period?.end == Day(year: 2029, month: 12, day: 31))
        let baseline = try evaluate("titel: x\npeildatum: 2026-06-15\n")
        let message = try #require(baseline.messages.first { $0.origin == .lapse(ref) })
        #expect(message.kind == .verloopt)
        #expect(message.text.contains("31-12-2029"))
        #expect(baseline.timeline.contains { $0.kind == .verloop && $0.ref == "5K.strategische-partners" })
    }

    /// 2F's header comments name only rules that exist and no longer describe lasten/baten pairs with saldo 0.
    @Test func technologyBaseCommentsMatchTheRules() throws {
        let text = try String(contentsOf: Fixture.rules.appendingPathComponent("fiches/2F-technology-base.yaml"), encoding: .utf8)
        #expect(!text.contains("saldo 0"))
        #expect(!text.contains("lasten/baten-paar"))
        let comments = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        let named = comments.flatMap { line in
            line.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).filter { $0.hasPrefix("2F-") }
        }
        #expect(!named.isEmpty)
        for id in named {
            #expect(ruleBase.rules.contains { $0.id == id }, "comment names rule \(id)")
        }
    }
}
