import Foundation
import Testing

@testable import AkkoordCore

/// The rule-base review (issue 16): the dossier's logical moment stays the logical moment and a last practical moment
/// is a separate `uiterlijk`; current lines follow the dossier; budgeted amounts are under `begroot`; `check` warns on
/// the causes of these defects.
@Suite("Rule base review: moments, current lines, budgeted amounts and the checks behind them")
struct RuleBaseReviewTests {
    let ruleBase: RuleBase

    init() throws { ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value }

    func evaluate(_ text: String) throws -> Evaluation {
        try Evaluator().evaluate(try Fixture.scenario(text, in: ruleBase), in: ruleBase)
    }

    func decision(_ fiche: String, _ id: String) throws -> Decision {
        let found = ruleBase.fiches.first { $0.code == fiche }?.decisions.first { $0.id == id }
        return try #require(found, "\(fiche).\(id) not found")
    }

    /// 3G's logical moment is the dossier's spring 2026; after it, bestendigen warns and names the budget 2027 as the
    /// last practical moment with the days left.
    @Test func novelTBijdrageAfterSpringWarnsAndShowsTheLastPracticalMoment() throws {
        let evaluation = try evaluate("titel: x\npeildatum: 2026-11-23\nkeuzes: {3G.bijdrage: bestendigen}\n")
        let ref = DecisionRef(fiche: "3G", decision: "bijdrage")
        let warning = try #require(evaluation.messages.first { $0.kind == .momentVerstreken && $0.origin == .steering(ref) })
        #expect(warning.level == .waarschuwing)
        #expect(warning.text.contains("'voorjaar 2026'"))
        #expect(warning.text.contains("Uiterlijk: begroting 2027 (t/m 30 november 2026), nog 7 dagen."))
        let latest = try #require(evaluation.timeline.first { $0.kind == .uiterlijk && $0.ref == "3G.bijdrage" })
        #expect(latest.moment.period?.end == Day(year: 2026, month: 11, day: 30))
        #expect(!latest.isPast)
        // After the budget month the last practical moment has passed too.
        let later = try evaluate("titel: x\npeildatum: 2026-12-15\nkeuzes: {3G.bijdrage: bestendigen}\n")
        let passed = try #require(later.messages.first { $0.kind == .momentVerstreken && $0.origin == .steering(ref) })
        #expect(passed.text.contains("Ook het uiterste moment is voorbij: begroting 2027"))
    }

    /// The decisions the review named carry the dossier's moment; the practical moment is a separate field with its
    /// own provenance.
    @Test func decisionMomentsAreTheDossiersMoments() throws {
        for (fiche, id) in [("3C", "structurele-middelen"), ("3G", "bijdrage"), ("2F", "doorgaan"), ("2F", "exploitatie")] {
            let moment = try #require(try decision(fiche, id).steeringMoment)
            #expect(moment.moment.period?.text == "voorjaar 2026", "\(fiche).\(id)")
            #expect(moment.latest != nil, "\(fiche).\(id) has a last practical moment")
        }
        let she = try #require(try decision("3H", "she-samenwerking").steeringMoment)
        #expect(she.moment == .coalitionStart(text: "start nieuwe coalitie"))
        #expect(she.latest?.provenance.citation != nil)
        #expect(try decision("1G", "ervaringsdeskundigen").steeringMoment == nil, "1G's fiche moment (2027) applies")
        let fiveC = try #require(ruleBase.fiches.first { $0.code == "5C" }?.steeringMoment)
        #expect(fiveC.moment == .unknown)
    }

    /// The current line is the dossier's line: the baseline keeps the Menzis collaboration, develops area-based
    /// working further and extends the COA agreement yearly; no rule about 1G fires (1L's own woonoverlast rule may).
    @Test func currentLinesFollowTheDossier() throws {
        #expect(try decision("1G", "samenwerking-menzis").currentLine?.id == "continueren")
        #expect(try decision("5D", "doorontwikkeling").currentLine?.id == "doorontwikkelen")
        #expect(try decision("5A", "verlenging").currentLine?.id == "jaarlijks-verlengen")
        #expect(try decision("5F", "vergroenen").currentLine?.id == "stevig-inzetten")
        let baseline = try Evaluator().evaluate(
            try ScenarioLoader().load(path: Fixture.scenarios.appendingPathComponent("huidige-lijn.yaml").path, ruleBase: ruleBase).value,
            in: ruleBase)
        let fired = baseline.firedRules.map(\.id)
        #expect(!fired.contains("x-1L-1G-binnenstad-zelfde-aanpak"))
        #expect(!fired.contains { $0.contains("1G") }, "\(fired)")
        #expect(!fired.contains { $0.contains("5D-") && $0.contains("doorontwikkel") }, "\(fired)")
    }

    /// 3B's € 100.000 is already budgeted: under `begroot`, and stopping frees at most that much.
    @Test func budgetedAmountsAreUnderBegroot() throws {
        let threeB = try #require(ruleBase.fiches.first { $0.code == "3B" })
        #expect(threeB.budgeted.contains { $0.amount == .exact(Money(euros: 100_000)) })
        let saving = try #require(try decision("3B", "prioriteit-boeldershoek-west").options.first { $0.id == "stoppen" }?.effects.first)
        #expect(saving.amount == .range(min: Money(euros: -100_000), max: .zero))
        for (code, euros): (String, Int32) in [("3C", 550_000), ("3G", 315_540), ("3F", 3_000_000)] {
            let fiche = try #require(ruleBase.fiches.first { $0.code == code })
            #expect(fiche.budgeted.contains { $0.amount == .exact(Money(euros: euros)) }, "\(code)")
        }
    }

    /// The bundled rule base has neither defect the new checks look for.
    @Test func bundledRuleBaseHasNoUnexplainedMomentsOrRepeatedCurrentLines() {
        let audit = RuleBaseAudit(ruleBase: ruleBase)
        #expect(audit.momentsWithoutReason().isEmpty, "\(audit.momentsWithoutReason().map(\.description))")
        #expect(audit.optionsRepeatingCurrentLine().isEmpty, "\(audit.optionsRepeatingCurrentLine().map(\.description))")
        #expect(audit.currentLinesEndingWhatContinues().isEmpty, "\(audit.currentLinesEndingWhatContinues().map(\.description))")
        // The bundled current lines that end something (1G, 1L, 3D) all say when with `verloopt`.
        for (code, id) in [("1G", "ervaringsdeskundigen"), ("1L", "aanpak-woonoverlast"), ("3D", "middenveld")] {
            let found = ruleBase.fiches.first { $0.code == code }?.decisions.first { $0.id == id }
            #expect(found?.currentLine?.id == "laten-aflopen" && found?.lapse != nil, "\(code).\(id)")
        }
    }

    /// The state the review found in 5D: `aflopen` marked current while the fiche's line is "Versterken integrale
    /// wijkaanpakken". `check` warns; once the decision says with `verloopt` that the line lapses, it does not.
    @Test func checkWarnsWhenTheCurrentLineEndsWhatTheFicheContinues() throws {
        var fiches = ruleBase.fiches
        let f = try #require(fiches.firstIndex { $0.code == "5D" })
        let d = try #require(fiches[f].decisions.firstIndex { $0.id == "doorontwikkeling" })
        for o in fiches[f].decisions[d].options.indices {
            fiches[f].decisions[d].options[o].isCurrentLine = fiches[f].decisions[d].options[o].id == "aflopen"
        }
        func audit(_ fiches: [Fiche]) -> RuleBaseAudit {
            RuleBaseAudit(ruleBase: RuleBase(info: ruleBase.info, fiches: fiches, assumptions: ruleBase.assumptions, rules: ruleBase.rules))
        }
        let found = audit(fiches).currentLinesEndingWhatContinues()
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.id == .auditCurrentLineEnds && finding.severity == .warning)
        #expect(
            finding.message.contains("5D.doorontwikkeling.aflopen is de huidige lijn en beëindigt iets ('aflopen')"), "\(finding.message)")
        #expect(finding.message.contains("'versterken'"), "\(finding.message)")
        #expect(audit(fiches).findings().contains(finding))
        // `niet` before a continuing word ends too.
        var negated = fiches
        negated[f].decisions[d].options.indices.forEach { o in
            negated[f].decisions[d].options[o].isCurrentLine = negated[f].decisions[d].options[o].id == "intensiveren"
        }
        let intensiveren = try #require(negated[f].decisions[d].options.firstIndex { $0.id == "intensiveren" })
        negated[f].decisions[d].options[intensiveren].title = "De wijkaanpak niet voortzetten"
        #expect(audit(negated).currentLinesEndingWhatContinues().first?.message.contains("('niet voortzetten')") == true)
        // With `verloopt` the ending is recorded, and the check is silent.
        fiches[f].decisions[d].lapse = Lapse(moment: .unknown, consequence: "De programmafinanciering stopt.")
        #expect(audit(fiches).currentLinesEndingWhatContinues().isEmpty)
    }

    /// A crafted fiche: a non-current option that copies the fiche's current line, and a decision moment that differs
    /// from the fiche's without a reason, are both warned about.
    @Test func checkWarnsOnCraftedFiche() throws {
        var fiches = ruleBase.fiches
        let f = try #require(fiches.firstIndex { $0.code == "5F" })
        let d = try #require(fiches[f].decisions.firstIndex { $0.id == "vergroenen" })
        let o = try #require(fiches[f].decisions[d].options.firstIndex { $0.id == "zonder-programma" })
        fiches[f].decisions[d].options[o].title = "Inzet op een stevig groen- en klimaatprogramma (omgevingswet-instrument)"
        fiches[f].decisions[d].steeringMoment?.explanation = nil
        let crafted = RuleBase(info: ruleBase.info, fiches: fiches, assumptions: ruleBase.assumptions, rules: ruleBase.rules)
        let audit = RuleBaseAudit(ruleBase: crafted)
        let repeated = audit.optionsRepeatingCurrentLine()
        #expect(repeated.count == 1)
        #expect(repeated.first?.message.contains("5F.vergroenen.zonder-programma is niet de huidige lijn") == true)
        let moments = audit.momentsWithoutReason()
        #expect(moments.count == 1)
        #expect(moments.first?.message.contains("5F.vergroenen: het stuurmoment") == true)
        #expect(audit.findings().contains(repeated[0]) && audit.findings().contains(moments[0]))
    }

    /// `uiterlijk` needs its own `bron` or `aanname`, and only its keys.
    @Test func latestMomentNeedsProvenance() throws {
        let fiche = """
            code: 9Z
            titel: Proef
            opgaven: [aantrekkelijk]
            programma: economie
            huidige_lijn: x
            stuurmoment:
              tekst: voorjaar
              periode: voorjaar 2026
              uiterlijk:
                tekst: begroting 2027
                periode: begroting-2027
                extra: 1
            beslissingen:
              - id: a
                vraag: a?
                vorm: ja_nee
                opties:
                  - {id: ja, titel: Ja, huidige_lijn: ja}
                  - {id: nee, titel: Nee}

            """
        let directory = Fixture.temporaryDirectory().appendingPathComponent("regels")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("fiches"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Fixture.rules.appendingPathComponent("dossier.yaml"), to: directory.appendingPathComponent("dossier.yaml"))
        try Data(fiche.utf8).write(to: directory.appendingPathComponent("fiches/9Z-proef.yaml"))
        let messages = Fixture.diagnostics(loading: directory).map(\.description)
        #expect(messages.contains { $0.contains("herkomst ontbreekt") }, "\(messages)")
        #expect(messages.contains { $0.contains("'extra'") }, "\(messages)")
    }
}
