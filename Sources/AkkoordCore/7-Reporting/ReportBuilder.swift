/// Turns an ``Evaluation`` into a ``ConsequenceReport``, one part of the report at a time.
public struct ReportBuilder: Sendable {
    public init() {}

    private typealias R = ConsequenceReport

    /// Evaluates the scenario's baseline and each deviation reverted (``ScenarioImpact``) for the changes section.
    /// Throws only when money does not fit in cents, which the loader's ceilings rule out (``MoneyLimits``).
    /// `baseline`: an earlier evaluation of the baseline, used when it fits; `compiled`: the rule base compiled, for the
    /// marginals (``ScenarioImpact/init(_:baseline:compiled:)``). The report is the same with or without them.
    public func build(_ evaluation: Evaluation, baseline: Evaluation? = nil, compiled: CompiledRuleBase? = nil) throws(MoneyOverflow)
        -> ConsequenceReport
    {
        let impact = try ScenarioImpact(evaluation, baseline: baseline, compiled: compiled)
        let info = evaluation.ruleBase.info
        let effects = effectLines(evaluation)
        let touched = touchedFiches(evaluation)
        return ConsequenceReport(
            schemaVersion: ConsequenceReport.currentSchemaVersion,
            dossier: R.DossierHeader(
                gemeente: info.municipality, titel: info.title, versie: info.version,
                periode: [info.years.lowerBound, info.years.upperBound]),
            scenario: R.ScenarioHeader(
                titel: evaluation.scenario.title, omschrijving: evaluation.scenario.description,
                bestand: evaluation.scenario.file, peildatum: evaluation.scenario.referenceDate),
            wijzigingen: changes(impact), samenvatting: summary(evaluation, impact), keuzes: choices(evaluation),
            aannames: assumptions(evaluation), geld: money(evaluation),
            effecten: effects.applied, inBegroting: effects.budgeted, meldingen: messages(evaluation), tijdlijn: timeline(evaluation),
            kansenEnRisicos: opportunitiesAndRisks(evaluation), partners: partners(touched), externeOntwikkelingen: developments(touched),
            bronnen: effects.sources)
    }

    private func changes(_ impact: ScenarioImpact) -> R.Changes {
        R.Changes(
            bijsturingen: impact.decisions.map { decision in
                let choice = decision.choice, deadline = decision.deadline
                return R.DecisionChange(
                    beslissing: choice.ref, ficheTitel: choice.ficheTitle,
                    gekozen: R.OptionSummary(id: choice.chosen.id, titel: choice.chosen.title),
                    huidigeLijn: R.OptionSummary(id: choice.currentLine.id, titel: choice.currentLine.title),
                    marginaal: R.Change(decision.marginal),
                    termijn: R.Deadline(
                        stuurmoment: moment(choice.steeringMoment?.text ?? "onbekend", deadline.moment), laatsteDag: deadline.lastDay,
                        dagenVanafPeildatum: deadline.daysLeft, verstreken: deadline.isPast, laterNodig: deadline.laterRequirements,
                        uiterlijk: deadline.latest.map { moment($0.text, $0.moment) }, dagenTotUiterlijk: deadline.daysLeftUntilLatest))
            },
            interactie: impact.interaction.isZero ? nil : R.Change(impact.interaction), totaal: R.Change(impact.total),
            meldingenErbij: impact.addedMessages.map(message), meldingenEraf: impact.removedMessages.map(message),
            afwijkendeAannames: impact.changedAssumptions.map {
                R.ChangedAssumption(
                    id: $0.assumption.id, titel: $0.assumption.title, waarde: $0.value, standaardwaarde: $0.assumption.defaultValue)
            })
    }

    /// The warning for a deviation whose budget effect an assumption keeps away, naming the assumption and what the
    /// other value would give.
    private func noEffectWarnings(_ impact: ScenarioImpact, years: ClosedRange<Int>) -> [R.NoEffectWarning] {
        func yesNo(_ value: Bool) -> String { value ? "ja" : "nee" }
        func effect(_ change: BudgetChange) -> String {
            let period = R.Delta(change.period).text()
            let structural = R.Delta(change.structural).text()
            return "nadeel over \(years.lowerBound)–\(years.upperBound) \(period), structureel na de periode \(structural) per jaar"
        }
        return impact.decisions.compactMap { decision in
            guard !decision.blockers.isEmpty else { return nil }
            let because = decision.blockers.map { "de aanname '\($0.assumption.assumption.id)' \(yesNo($0.assumption.value)) is" }
                .joined(separator: " en ")
            let otherwise = decision.blockers.map { blocker in
                let rules = blocker.rules.map(\.id).joined(separator: ", ")
                let prefix = decision.blockers.count == 1 ? "" : "'\(blocker.assumption.assumption.id)' "
                return "met \(prefix)\(yesNo(!blocker.assumption.value)): \(effect(blocker.changeWithOtherValue)) (regel \(rules))"
            }.joined(separator: "; ")
            let choice = decision.choice
            return R.NoEffectWarning(
                niveau: .waarschuwing, beslissing: choice.ref,
                tekst:
                    "\(choice.chosen.title) (\(choice.ref)) heeft in dit scenario geen begrotingseffect, omdat \(because); \(otherwise).",
                aannames: decision.blockers.map {
                    R.BlockingAssumption(
                        id: $0.assumption.assumption.id, titel: $0.assumption.assumption.title, waarde: $0.assumption.value,
                        regels: $0.rules.map(\.id), marginaalBijAndereWaarde: R.Change($0.changeWithOtherValue))
                })
        }
    }

    private func summary(_ evaluation: Evaluation, _ impact: ScenarioImpact) -> R.Summary {
        R.Summary(
            beslissingen: evaluation.choices.count, bijsturingen: evaluation.deviations.count,
            standaardKeuzes: evaluation.choices.filter { !$0.isExplicit }.count,
            fouten: evaluation.count(.fout), waarschuwingen: evaluation.count(.waarschuwing), info: evaluation.count(.info),
            onbekendeBedragen: evaluation.budget.unknownEffectCount,
            onbekendNadeel: evaluation.budget.unknownEffects[.nadeel] ?? 0,
            onbekendVoordeel: evaluation.budget.unknownEffects[.voordeel] ?? 0, saldoPeriode: R.Total(evaluation.budget.periodBurden),
            structureelNaPeriode: R.Total(evaluation.budget.structuralRunRate),
            structureelEvenwicht: evaluation.budget.structuralBalance,
            structureelIncidenteelGedekt: evaluation.budget.years.filter(\.structuralCostsCoveredIncidentally).map(\.year),
            zonderBegrotingseffect: noEffectWarnings(impact, years: evaluation.ruleBase.info.years))
    }

    private func choices(_ evaluation: Evaluation) -> [R.Choice] {
        evaluation.choices.map { choice in
            R.Choice(
                beslissing: choice.ref, fiche: choice.ref.fiche, ficheTitel: choice.ficheTitle, vraag: choice.decision.question,
                gekozen: R.OptionSummary(id: choice.chosen.id, titel: choice.chosen.title),
                huidigeLijn: R.OptionSummary(id: choice.currentLine.id, titel: choice.currentLine.title),
                afwijking: choice.isDeviation, expliciet: choice.isExplicit,
                stuurmoment: choice.steeringMoment.map { moment($0.text, $0.moment) })
        }
    }

    private func assumptions(_ evaluation: Evaluation) -> [R.AssumptionValue] {
        evaluation.assumptions.map {
            R.AssumptionValue(id: $0.assumption.id, titel: $0.assumption.title, waarde: $0.value, standaard: $0.isDefault)
        }
    }

    private func money(_ evaluation: Evaluation) -> R.MoneySection {
        let info = evaluation.ruleBase.info, budget = evaluation.budget
        func groups(_ labels: [Label], _ values: [String: [Int: AmountTotal]]) -> [R.GroupLine] {
            labels.compactMap { label in
                guard let perYear = values[label.id] else { return nil }
                return R.GroupLine(id: label.id, titel: label.title, perJaar: info.years.map { R.Total(perYear[$0] ?? .zero) })
            }
        }
        return R.MoneySection(
            jaren: budget.years.map {
                R.YearLine(
                    jaar: $0.year, lasten: R.Total($0.lasten), baten: R.Total($0.baten), nadeel: R.Total($0.burden),
                    structureel: R.Total($0.structural), incidenteel: R.Total($0.incidental),
                    structureelNadeel: R.Total($0.structuralBurdens), structureelVoordeel: R.Total($0.structuralMeans))
            },
            programmas: groups(info.programmes, budget.byProgramme), opgaven: groups(info.opgaven, budget.byOpgave),
            structureelNaPeriode: R.Total(budget.structuralRunRate),
            kader: evaluation.scenario.frame.map {
                R.Frame(maxStructureelNadeelCent: $0.maxStructuralBurden?.cents, maxNadeelPerJaarCent: $0.maxBurdenPerYear?.cents)
            })
    }

    /// The fiches the scenario deviates on: their budgeted amounts, partners and developments are reported.
    private func touchedFiches(_ evaluation: Evaluation) -> [Fiche] {
        let touched = Set(evaluation.deviations.map(\.ref.fiche))
        return evaluation.ruleBase.fiches.filter { touched.contains($0.code) }
    }

    /// The applied effects (`E1`, …), the budgeted ones of the touched fiches (`B1`, …) and the quotes they cite.
    private func effectLines(_ evaluation: Evaluation) -> (applied: [R.EffectLine], budgeted: [R.EffectLine], sources: [R.SourceQuote]) {
        let years = evaluation.ruleBase.info.years
        var quoteUse: [R.Quote: [String]] = [:]
        func line(_ number: String, _ applied: AppliedEffect) -> R.EffectLine {
            let effect = applied.effect
            var quote: R.Quote?
            var assumption: String?
            switch effect.provenance {
            case .quote(let citation):
                let cited = R.Quote(
                    fiche: citation.fiche, citaat: citation.text, document: citation.passage?.document,
                    bestand: citation.passage?.file, regel: citation.passage?.line)
                quoteUse[cited, default: []].append(number)
                quote = cited
                assumption = effect.addedAssumption
            case .assumption(let text):
                assumption = text
            }
            let perYear = years.compactMap { year -> R.YearAmount? in
                effect.amount(in: year).map { R.YearAmount(jaar: year, bedrag: R.Total(AmountTotal($0))) }
            }
            return R.EffectLine(
                nummer: number, omschrijving: effect.description, fiche: applied.fiche, herkomst: applied.origin,
                soort: effect.side, aard: effect.nature, programma: effect.programme,
                bedrag: EffectAmount(effect), perJaar: perYear,
                vanaf: { if case .from(let year) = effect.timing { year } else { nil } }(),
                totaal: effect.total, aandeel: effect.share, medefinanciers: effect.cofunders,
                bron: quote, aanname: assumption, locatie: effect.location,
                investering: effect.investment.map { investment in
                    R.InvestmentLine(
                        bedrag: investment.amount, jaar: investment.year, looptijd: investment.term, methode: investment.method,
                        rente: investment.rate, standaardRente: investment.isDefaultRate,
                        eersteJaarlast: R.Total(effect.amount(in: investment.year + 1).map(AmountTotal.init) ?? .zero),
                        aanname: investment.assumption)
                })
        }
        let applied = evaluation.effects.enumerated().map { line("E\($0.offset + 1)", $0.element) }
        let budgeted = touchedFiches(evaluation).flatMap { fiche in
            fiche.budgeted.map { AppliedEffect(effect: $0, origin: .budgeted(fiche.code), fiche: fiche.code) }
        }.enumerated().map { line("B\($0.offset + 1)", $0.element) }
        let sources = quoteUse.map {
            R.SourceQuote(
                fiche: $0.key.fiche, citaat: $0.key.citaat, effecten: $0.value,
                document: $0.key.document, bestand: $0.key.bestand, regel: $0.key.regel)
        }
        .sorted { ($0.fiche, $0.citaat) < ($1.fiche, $1.citaat) }
        return (applied, budgeted, sources)
    }

    private func messages(_ evaluation: Evaluation) -> [R.Message] { evaluation.messages.map(message) }

    private func message(_ message: EvaluationMessage) -> R.Message {
        R.Message(niveau: message.level, soort: message.kind, tekst: message.text, herkomst: message.origin, locatie: message.location)
    }

    private func timeline(_ evaluation: Evaluation) -> [R.TimelineItem] {
        evaluation.timeline.map { entry in
            R.TimelineItem(
                soort: entry.kind, titel: entry.title, verwijzing: entry.ref,
                moment: moment(entry.moment.period?.text ?? "onbekend", entry.moment),
                kwartaal: entry.moment.period.map { DutchFormat.quarter($0.start) },
                planning: entry.planning?.title, verstreken: entry.isPast)
        }
    }

    private func opportunitiesAndRisks(_ evaluation: Evaluation) -> [R.OpportunitiesAndRisks] {
        evaluation.choices.compactMap { choice in
            guard !choice.chosen.opportunities.isEmpty || !choice.chosen.risks.isEmpty else { return nil }
            return R.OpportunitiesAndRisks(
                beslissing: choice.ref, optie: choice.chosen.title, afwijking: choice.isDeviation,
                kansen: choice.chosen.opportunities, risicos: choice.chosen.risks)
        }
    }

    private func partners(_ fiches: [Fiche]) -> [R.Partners] {
        fiches.filter { !$0.partners.isEmpty }.map { R.Partners(fiche: $0.code, titel: $0.title, partners: $0.partners) }
    }

    private func developments(_ fiches: [Fiche]) -> [R.Developments] {
        fiches.filter { !$0.externalDevelopments.isEmpty }.map {
            R.Developments(fiche: $0.code, ontwikkelingen: $0.externalDevelopments.map(\.text))
        }
    }

    private func moment(_ text: String, _ moment: Moment) -> ConsequenceReport.MomentValue {
        ConsequenceReport.MomentValue(tekst: text, begin: moment.period?.start, eind: moment.period?.end)
    }
}
