/// Turns an ``Evaluation`` into a ``ConsequenceReport``.
public struct ReportBuilder: Sendable {
    public init() {}

    public func build(_ evaluation: Evaluation) -> ConsequenceReport {
        let ruleBase = evaluation.ruleBase
        let info = ruleBase.info
        let scenario = evaluation.scenario
        let budget = evaluation.budget
        typealias R = ConsequenceReport

        let choices = evaluation.choices.map { choice in
            R.Choice(beslissing: choice.ref.description, fiche: choice.ref.fiche, ficheTitel: choice.ficheTitle,
                     vraag: choice.decision.question,
                     gekozen: R.OptionSummary(id: choice.chosen.id, titel: choice.chosen.title),
                     huidigeLijn: R.OptionSummary(id: choice.currentLine.id, titel: choice.currentLine.title),
                     afwijking: choice.isDeviation, expliciet: choice.isExplicit,
                     stuurmoment: choice.steeringMoment.map { moment($0.text, $0.moment) })
        }
        let years = budget.years.map {
            R.YearLine(jaar: $0.year, lasten: R.Total($0.lasten), baten: R.Total($0.baten), nadeel: R.Total($0.burden),
                       structureel: R.Total($0.structural), incidenteel: R.Total($0.incidental))
        }
        func groups(_ labels: [Label], _ values: [String: [Int: AmountTotal]]) -> [R.GroupLine] {
            labels.compactMap { label in
                guard let perYear = values[label.id] else { return nil }
                return R.GroupLine(id: label.id, titel: label.title,
                                   perJaar: info.years.map { R.Total(perYear[$0] ?? .zero) })
            }
        }
        var quoteUse: [R.Quote: [String]] = [:]
        func line(_ number: String, _ applied: AppliedEffect) -> R.EffectLine {
            let effect = applied.effect
            var quote: R.Quote?
            var assumption: String?
            switch effect.provenance {
            case .quote(let citation):
                quote = R.Quote(fiche: citation.fiche, citaat: citation.text, document: citation.passage?.document,
                                bestand: citation.passage?.file, regel: citation.passage?.line)
                quoteUse[quote!, default: []].append(number)
            case .assumption(let text):
                assumption = text
            }
            let perYear = info.years.compactMap { year -> R.YearAmount? in
                guard let amount = effect.amount(in: year) else { return nil }
                return R.YearAmount(jaar: year, bedrag: R.Total(AmountTotal(amount)))
            }
            return R.EffectLine(nummer: number, omschrijving: effect.description, fiche: applied.fiche,
                                herkomst: applied.origin.description, soort: effect.side.rawValue,
                                aard: effect.nature.rawValue, programma: effect.programme,
                                bedrag: amountText(effect), perJaar: perYear,
                                vanaf: { if case .from(let year) = effect.timing { year } else { nil } }(),
                                totaal: effect.total.map(DutchFormat.amount),
                                aandeel: effect.share.map(shareText), medefinanciers: effect.cofunders,
                                bron: quote, aanname: assumption, locatie: effect.location.description)
        }
        let effects = evaluation.effects.enumerated().map { line("E\($0.offset + 1)", $0.element) }
        let touched = Set(evaluation.deviations.map(\.ref.fiche))
        let touchedFiches = ruleBase.fiches.filter { touched.contains($0.code) }
        let budgeted = touchedFiches.flatMap { fiche in
            fiche.budgeted.map { AppliedEffect(effect: $0, origin: .budgeted(fiche.code), fiche: fiche.code) }
        }.enumerated().map { line("B\($0.offset + 1)", $0.element) }
        let messages = evaluation.messages.map {
            R.Message(niveau: $0.level, soort: $0.kind, tekst: $0.text, herkomst: $0.origin.description,
                      locatie: $0.location?.description)
        }
        let timeline = evaluation.timeline.map { entry in
            R.TimelineItem(soort: entry.kind, titel: entry.title, verwijzing: entry.ref,
                           moment: moment(entry.moment.period?.text ?? "onbekend", entry.moment),
                           kwartaal: entry.moment.period.map { DutchFormat.quarter($0.start) },
                           planning: entry.planning?.title, verstreken: entry.isPast)
        }
        let consequences = evaluation.choices.compactMap { choice -> R.OpportunitiesAndRisks? in
            guard !choice.chosen.opportunities.isEmpty || !choice.chosen.risks.isEmpty else { return nil }
            return R.OpportunitiesAndRisks(beslissing: choice.ref.description, optie: choice.chosen.title,
                                           afwijking: choice.isDeviation, kansen: choice.chosen.opportunities,
                                           risicos: choice.chosen.risks)
        }
        let partners = touchedFiches.filter { !$0.partners.isEmpty }.map {
            R.Partners(fiche: $0.code, titel: $0.title, partners: $0.partners)
        }
        let developments = touchedFiches.filter { !$0.externalDevelopments.isEmpty }.map {
            R.Developments(fiche: $0.code, ontwikkelingen: $0.externalDevelopments.map(\.text))
        }
        let sources = quoteUse.map { R.SourceQuote(fiche: $0.key.fiche, citaat: $0.key.citaat, effecten: $0.value,
                                                   document: $0.key.document, bestand: $0.key.bestand, regel: $0.key.regel) }
            .sorted { ($0.fiche, $0.citaat) < ($1.fiche, $1.citaat) }

        return ConsequenceReport(
            schemaVersion: ConsequenceReport.currentSchemaVersion,
            dossier: R.DossierHeader(gemeente: info.municipality, titel: info.title, versie: info.version,
                                     periode: [info.years.lowerBound, info.years.upperBound]),
            scenario: R.ScenarioHeader(titel: scenario.title, omschrijving: scenario.description,
                                       bestand: scenario.file, peildatum: scenario.referenceDate),
            samenvatting: R.Summary(beslissingen: evaluation.choices.count, bijsturingen: evaluation.deviations.count,
                                    standaardKeuzes: evaluation.choices.filter { !$0.isExplicit }.count,
                                    fouten: evaluation.count(.fout), waarschuwingen: evaluation.count(.waarschuwing),
                                    info: evaluation.count(.info), onbekendeBedragen: budget.unknownEffects,
                                    saldoPeriode: R.Total(budget.periodBurden),
                                    structureelNaPeriode: R.Total(budget.structuralRunRate)),
            keuzes: choices,
            aannames: evaluation.assumptions.map {
                R.AssumptionValue(id: $0.assumption.id, titel: $0.assumption.title, waarde: $0.value, standaard: $0.isDefault)
            },
            geld: R.MoneySection(jaren: years, programmas: groups(info.programmes, budget.byProgramme),
                                 opgaven: groups(info.opgaven, budget.byOpgave),
                                 structureelNaPeriode: R.Total(budget.structuralRunRate),
                                 kader: scenario.frame.map {
                                     R.Frame(maxStructureelNadeelCent: $0.maxStructuralBurden?.cents,
                                             maxNadeelPerJaarCent: $0.maxBurdenPerYear?.cents)
                                 }),
            effecten: effects, inBegroting: budgeted, meldingen: messages, tijdlijn: timeline, kansenEnRisicos: consequences,
            partners: partners, externeOntwikkelingen: developments, bronnen: sources)
    }

    private func moment(_ text: String, _ moment: Moment) -> ConsequenceReport.MomentValue {
        ConsequenceReport.MomentValue(tekst: text, begin: moment.period?.start, eind: moment.period?.end)
    }

    private func shareText(_ share: Share) -> String {
        let whole = share.basisPoints / 100, fraction = share.basisPoints % 100
        return fraction == 0 ? "\(whole)%" : "\(whole),\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    private func amountText(_ effect: BudgetEffect) -> String {
        let prefix = effect.side == .baten ? "baten " : ""
        switch effect.timing {
        case .years(let years):
            let list = years.map(String.init).joined(separator: ", ")
            return "\(prefix)\(DutchFormat.amount(effect.amount)) in \(list)"
        case .from(let year):
            return "\(prefix)\(DutchFormat.amount(effect.amount)) per jaar vanaf \(year)"
        case .perYear(let amounts):
            return prefix + amounts.keys.sorted().map { "\($0): \(DutchFormat.amount(amounts[$0]!))" }.joined(separator: "; ")
        }
    }
}
