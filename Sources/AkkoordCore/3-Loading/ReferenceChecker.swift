/// Checks that everything the rule base refers to exists; a rule base that fails this cannot be evaluated.
struct ReferenceChecker {
    let ruleBase: RuleBase
    let sink: DiagnosticSink

    func run() {
        let info = ruleBase.info
        let opgaven = Set(info.opgaven.map(\.id))
        let programmes = Set(info.programmes.map(\.id))
        let codes = Set(ruleBase.fiches.map(\.code))
        let assumptionIDs = Set(ruleBase.assumptions.map(\.id))

        duplicates(ruleBase.fiches.map { ($0.code, $0.location) }, what: "fiche")
        duplicates(ruleBase.assumptions.map { ($0.id, $0.location) }, what: "aanname")
        duplicates(ruleBase.rules.map { ($0.id, $0.location) }, what: "regel")

        for fiche in ruleBase.fiches {
            for opgave in fiche.opgaven where !opgaven.contains(opgave) {
                sink.error(
                    .refUnknownOpgave, fiche.location,
                    "fiche \(fiche.code): onbekende opgave \(InputText.quoted(opgave))\(Suggestion.hintOrList(for: opgave, in: opgaven))")
            }
            if !programmes.contains(fiche.programme) {
                sink.error(
                    .refUnknownProgramme, fiche.location,
                    "fiche \(fiche.code): onbekend programma \(InputText.quoted(fiche.programme))\(Suggestion.hintOrList(for: fiche.programme, in: programmes))"
                )
            }
            duplicates(fiche.decisions.map { ($0.id, $0.location) }, what: "beslissing in fiche \(fiche.code)")
            for development in fiche.externalDevelopments {
                if let id = development.assumption { assumption(id, at: development.location, known: assumptionIDs) }
            }
            for relation in fiche.relations {
                if let code = relation.fiche, !codes.contains(code) {
                    sink.error(
                        .refUnknownFiche, relation.location,
                        "relatie naar onbekende fiche \(InputText.quoted(code))\(Suggestion.hintOrList(for: code, in: codes))")
                }
            }
            if let moment = fiche.steeringMoment { steering(moment) }
            fiche.budgeted.forEach { effect($0, codes: codes, programmes: programmes) }
            for decision in fiche.decisions {
                if let moment = decision.steeringMoment { steering(moment) }
                for option in decision.options {
                    option.effects.forEach { effect($0, codes: codes, programmes: programmes) }
                    (option.requires + option.excludes).forEach { reference($0, at: option.location) }
                }
            }
        }
        moneyCeiling()
        let sourceIDs = ruleBase.info.sources.map(\.id)
        for citation in ruleBase.citations {
            if let document = citation.document, !sourceIDs.contains(document) {
                sink.error(
                    .refUnknownSource, citation.location,
                    "citaat uit onbekende bron \(InputText.quoted(document))"
                        + (sourceIDs.isEmpty ? " (dossier.yaml noemt geen 'bronnen')" : Suggestion.hintOrList(for: document, in: sourceIDs))
                )
            }
        }
        for rule in ruleBase.rules {
            rule.condition.optionRefs.forEach { reference($0, at: rule.place(of: $0.description)) }
            rule.condition.decisionRefs.forEach { decisionReference($0, at: rule.place(of: $0.description)) }
            rule.condition.assumptionIDs.forEach { assumption($0, at: rule.place(of: $0), known: assumptionIDs) }
            (rule.requires + rule.excludes).forEach { reference($0, at: rule.place(of: $0.description)) }
            rule.effects.forEach { effect($0, codes: codes, programmes: programmes) }
            if let code = rule.provenance?.citation?.fiche, !codes.contains(code) {
                sink.error(
                    .refUnknownFiche, rule.location,
                    "regel \(InputText.quoted(rule.id)): bron verwijst naar onbekende fiche \(InputText.quoted(code))")
            }
        }
    }

    /// Refuses a rule base whose effects, added up by magnitude over every period year they touch, exceed
    /// ``MoneyLimits/maxRuleBaseSum``: then no total, net burden or comparison of scenarios can overflow (the proof is
    /// at ``MoneyLimits``). Reported once, at the effect that crosses the ceiling.
    private func moneyCeiling() {
        let years = ruleBase.info.years
        var effects: [BudgetEffect] = []
        for fiche in ruleBase.fiches {
            effects += fiche.budgeted
            for decision in fiche.decisions { for option in decision.options { effects += option.effects } }
        }
        for rule in ruleBase.rules { effects += rule.effects }
        var sum = Money.zero
        for effect in effects {
            do throws(MoneyOverflow) {
                for year in effect.years(within: years) {
                    sum = try sum.adding(effect.amount(in: year)?.magnitude ?? .zero)
                }
            } catch {
                sink.error(.boundsOverflow, effect.location, "\(error)")
                return
            }
            if sum > MoneyLimits.maxRuleBaseSum {
                sink.error(
                    .boundsAmount, effect.location,
                    "de bedragen van alle effecten samen, opgeteld over de jaren van de periode, komen "
                        + "hier boven het plafond van \(DutchFormat.euro(MoneyLimits.maxRuleBaseSum)) (€ 1 biljard); daarboven "
                        + "kunnen totalen en verschillen niet meer exact in centen (zie docs/format.md, Grenzen)")
                return
            }
        }
    }

    private func duplicates(_ items: [(String, SourceLocation)], what: String) {
        var seen: [String: SourceLocation] = [:]
        for (id, location) in items {
            if let first = seen[id] {
                sink.error(
                    .idDuplicate, location, "\(what) \(InputText.quoted(id)) is dubbel", notes: [Diagnostic.Note(first, "eerste keer hier")]
                )
            } else {
                seen[id] = location
            }
        }
    }

    private func assumption(_ id: String, at location: SourceLocation, known: Set<String>) {
        // An assumption whose declaration failed was reported there; using it is not a second error.
        if !known.contains(id), !sink.hasFailed(.assumption, id: id) {
            sink.error(
                .refUnknownAssumption, location, "onbekende aanname \(InputText.quoted(id))\(Suggestion.hintOrList(for: id, in: known))")
        }
    }

    private func decisionReference(_ ref: DecisionRef, at location: SourceLocation) {
        guard let fiche = ruleBase.fiche(ref.fiche) else {
            sink.error(
                .refUnknownFiche, location,
                "\(InputText.quoted(ref)) verwijst naar onbekende fiche \(InputText.quoted(ref.fiche))\(Suggestion.hintOrList(for: ref.fiche, in: ruleBase.fiches.map(\.code)))"
            )
            return
        }
        if fiche.decision(ref.decision) == nil {
            sink.error(
                .refUnknownDecision, location,
                "\(InputText.quoted(ref)): fiche \(ref.fiche) heeft geen beslissing \(InputText.quoted(ref.decision))\(Suggestion.hintOrList(for: ref.decision, in: fiche.decisions.map(\.id)))"
            )
        }
    }

    private func reference(_ ref: OptionRef, at location: SourceLocation) {
        decisionReference(ref.decision, at: location)
        guard let decision = ruleBase.decision(ref.decision) else { return }
        if decision.option(ref.option) == nil {
            sink.error(
                .refUnknownOption, location,
                "\(InputText.quoted(ref)): beslissing \(ref.decision) heeft geen optie \(InputText.quoted(ref.option))\(Suggestion.hintOrList(for: ref.option, in: decision.options.map(\.id)))"
            )
        }
    }

    private func effect(_ effect: BudgetEffect, codes: Set<String>, programmes: Set<String>) {
        if !programmes.contains(effect.programme) {
            sink.error(
                .refUnknownProgramme, effect.location,
                "onbekend programma \(InputText.quoted(effect.programme))\(Suggestion.hintOrList(for: effect.programme, in: programmes))")
        }
        let years = ruleBase.info.years
        // An investment is made in a year of the period; its capital charges may run on after it.
        let used: [Int] =
            if let investment = effect.investment {
                [investment.year]
            } else {
                switch effect.timing {
                case .years(let list): list
                case .from(let first): [first]
                case .perYear(let amounts): amounts.keys.sorted()
                }
            }
        for year in used where !years.contains(year) {
            sink.error(.boundsPeriodYear, effect.location, "jaar \(year) ligt buiten de periode \(years.lowerBound)–\(years.upperBound)")
        }
        if let code = effect.provenance.citation?.fiche, !codes.contains(code) {
            sink.error(.refUnknownFiche, effect.location, "bron verwijst naar onbekende fiche \(InputText.quoted(code))")
        }
    }

    private func steering(_ moment: SteeringMoment) {
        if let period = moment.moment.period, period.end.year < ruleBase.info.years.lowerBound {
            sink.warning(
                .auditMomentBeforePeriod, moment.location,
                "stuurmoment \(InputText.quoted(moment.text)) ligt vóór de start van de periode (\(ruleBase.info.years.lowerBound))")
        }
    }
}
