/// Reads one fiche file.
struct FicheReader {
    let context: ReadContext
    let periods: PeriodParser

    /// The fiche plus the assumptions and rules its file defines.
    func read(_ root: YAMLNode) -> (fiche: Fiche, assumptions: [Assumption], rules: [Rule])? {
        guard let reader = MappingReader<FicheKey>(root, what: "een fichebestand", context: context) else { return nil }
        reader.allowOnly(in: "een fiche")
        let code = reader.string(.code)
        if let code, !FicheCode.isValid(code) {
            context.sink.error(
                .valueFicheCode, reader.valueLocation(.code),
                "'code' moet een fichecode zijn zoals 2F (gevonden: \(InputText.quoted(code)))")
        }
        let programme = reader.identifier(.programma)
        let effects = EffectReader(context: context, fiche: code, defaultProgramme: programme)
        let rules = RuleReader(context: context, fiche: code, defaultProgramme: programme)
        let title = reader.string(.titel)
        let opgaven = reader.list(.opgaven, required: true) { context.text($0, what: "een opgave") }
        let currentLine = reader.string(.huidigeLijn)
        let sources = reader.list(.bronnen) { source($0) }
        let partners = reader.strings(.partners)
        let developments = reader.list(.externeOntwikkelingen) { development($0) }
        let steering = reader.mapping(.stuurmoment, of: SteeringMomentKey.self, required: true).flatMap {
            steeringMoment($0, effects: effects)
        }
        let assumptions = reader.list(.aannames) {
            AssumptionReader(context: context, periods: periods, effects: effects).read($0, fiche: code)
        }
        let decisions = reader.list(.beslissingen, required: true) { decision($0, effects: effects, fiche: code) }
        let budgeted = effects.effects(in: reader, key: .begroot)
        let relations = reader.list(.relaties) { relation($0) }
        let ruleList = reader.list(.regels) { rules.rule($0) }
        let facts = reader.list(.feiten) { fact($0, fiche: code) }
        let doubts = reader.list(.twijfels) { doubt($0, fiche: code) }
        guard let code, let title, let programme, let currentLine else { return nil }
        let fiche = Fiche(
            code: code, title: title, opgaven: opgaven, programme: programme, currentLine: currentLine,
            sources: sources, partners: partners, externalDevelopments: developments,
            steeringMoment: steering, decisions: decisions, budgeted: budgeted, relations: relations, facts: facts,
            doubts: doubts, location: reader.location)
        return (fiche, assumptions, ruleList)
    }

    func moment(_ node: YAMLNode, what: String) -> Moment? {
        guard let text = context.text(node, what: what) else { return nil }
        guard let moment = periods.parse(text) else {
            context.sink.error(
                .valuePeriod, context.location(of: node),
                "\(what): periode \(InputText.quoted(text)) wordt niet begrepen (zie docs/format.md, Periodes)")
            return nil
        }
        return moment
    }

    func steeringMoment(_ reader: MappingReader<SteeringMomentKey>, effects: EffectReader) -> SteeringMoment? {
        reader.allowOnly(in: "'stuurmoment'")
        let text = reader.string(.tekst)
        let moment = reader.node(.periode).flatMap { self.moment($0, what: "'periode'") }
        if !reader.has(.periode) { context.sink.error(.keyMissing, reader.location, "verplichte sleutel 'periode' ontbreekt") }
        let latest = reader.mapping(.uiterlijk, of: LatestMomentKey.self, required: false).flatMap { latestMoment($0, effects: effects) }
        guard let text, let moment else { return nil }
        return SteeringMoment(
            text: text, moment: moment, explanation: reader.string(.toelichting, required: false), latest: latest,
            location: reader.location)
    }

    /// `uiterlijk`: the last practical moment, with its own `bron` or `aanname`.
    func latestMoment(_ reader: MappingReader<LatestMomentKey>, effects: EffectReader) -> LatestMoment? {
        reader.allowOnly(in: "'uiterlijk'")
        let text = reader.string(.tekst)
        let moment = reader.node(.periode).flatMap { self.moment($0, what: "'periode'") }
        if !reader.has(.periode) { context.sink.error(.keyMissing, reader.location, "verplichte sleutel 'periode' ontbreekt") }
        let provenance = effects.provenance(in: reader, required: true)
        guard let text, let moment, let provenance else { return nil }
        return LatestMoment(text: text, moment: moment, provenance: provenance, location: reader.location)
    }

    func source(_ node: YAMLNode) -> SourceDocument? {
        guard let reader = MappingReader<SourceKey>(node, what: "een bron", context: context) else { return nil }
        reader.allowOnly(in: "een bron")
        guard let title = reader.string(.titel) else { return nil }
        var endDate = SourceDocument.EndDate.unknown
        if let node = reader.node(.einddatum), let text = context.text(node, what: "'einddatum'") {
            switch text.lowercased() {
            case "geen": endDate = .none
            case "onbekend": endDate = .unknown
            default:
                if case .known(let period)? = moment(node, what: "'einddatum'") { endDate = .on(period) }
            }
        }
        return SourceDocument(title: title, endDate: endDate)
    }

    func development(_ node: YAMLNode) -> ExternalDevelopment? {
        guard let reader = MappingReader<ExternalDevelopmentKey>(node, what: "een externe ontwikkeling", context: context) else {
            return nil
        }
        reader.allowOnly(in: "een externe ontwikkeling")
        guard let text = reader.string(.tekst) else { return nil }
        return ExternalDevelopment(
            text: text, moment: reader.node(.moment).flatMap { moment($0, what: "'moment'") },
            assumption: reader.identifier(.aanname, required: false), location: reader.location)
    }

    func decision(_ node: YAMLNode, effects: EffectReader, fiche: String?) -> Decision? {
        guard let reader = MappingReader<DecisionKey>(node, what: "een beslissing", context: context) else { return nil }
        reader.allowOnly(in: "een beslissing")
        let id = reader.identifier(.id)
        let question = reader.string(.vraag)
        let shape: DecisionShape? = reader.enumValue(.vorm)
        let steering = reader.mapping(.stuurmoment, of: SteeringMomentKey.self, required: false).flatMap {
            steeringMoment($0, effects: effects)
        }
        var lapse: Lapse?
        if let verloopt = reader.mapping(.verloopt, of: LapseKey.self, required: false) {
            verloopt.allowOnly(in: "'verloopt'")
            let moment = verloopt.node(.moment).flatMap { self.moment($0, what: "'moment'") }
            if !verloopt.has(.moment) { context.sink.error(.keyMissing, verloopt.location, "verplichte sleutel 'moment' ontbreekt") }
            if let moment, let consequence = verloopt.string(.gevolg) { lapse = Lapse(moment: moment, consequence: consequence) }
        }
        let options = reader.list(.opties, required: true) { option($0, effects: effects) }
        var seen: Set<String> = []
        for option in options where !seen.insert(option.id).inserted {
            context.sink.error(
                .idDuplicate, option.location, "optie-id \(InputText.quoted(option.id)) komt twee keer voor in deze beslissing")
        }
        if reader.has(.opties), options.count == 1 {
            context.sink.error(.decisionTooFewOptions, reader.keyLocation(.opties), "een beslissing heeft minstens twee opties nodig")
        }
        let current = options.filter(\.isCurrentLine)
        if !options.isEmpty, current.count != 1 {
            context.sink.error(
                .decisionCurrentLine, reader.keyLocation(.opties),
                current.isEmpty
                    ? "geen enkele optie is de huidige lijn: markeer er precies één met 'huidige_lijn: ja'"
                    : "\(current.count) opties zijn de huidige lijn (\(current.map(\.id).joined(separator: ", "))): precies één mag")
        }
        guard let id, let question, let shape else { return nil }
        return Decision(
            id: id, question: question, shape: shape, steeringMoment: steering, lapse: lapse,
            options: options, location: reader.location)
    }

    func option(_ node: YAMLNode, effects: EffectReader) -> DecisionOption? {
        guard let reader = MappingReader<OptionKey>(node, what: "een optie", context: context) else { return nil }
        reader.allowOnly(in: "een optie")
        let rules = RuleReader(context: context, fiche: effects.fiche, defaultProgramme: effects.defaultProgramme)
        let id = reader.identifier(.id)
        let title = reader.string(.titel)
        let isCurrent = reader.bool(.huidigeLijn, required: false) ?? false
        let optionEffects = effects.effects(in: reader, key: .effecten)
        let requires = rules.optionRefs(in: reader, key: .vereist)
        let excludes = rules.optionRefs(in: reader, key: .sluitUit)
        var noBudgetEffect: Provenance?
        if let statement = reader.mapping(.geenBegrotingseffect, of: NoBudgetEffectKey.self, required: false) {
            statement.allowOnly(in: "'geen_begrotingseffect'")
            noBudgetEffect = effects.provenance(in: statement, required: true)
            if !optionEffects.isEmpty {
                context.sink.error(
                    .keyConflict, reader.keyLocation(.geenBegrotingseffect),
                    "een optie met 'effecten' heeft geen 'geen_begrotingseffect'; laat een van beide weg")
            }
        }
        guard let id, let title else { return nil }
        return DecisionOption(
            id: id, title: title, isCurrentLine: isCurrent, explanation: reader.string(.toelichting, required: false),
            effects: optionEffects, requires: requires, excludes: excludes,
            opportunities: reader.strings(.kansen), risks: reader.strings(.risicos), location: reader.location,
            noBudgetEffect: noBudgetEffect)
    }

    func relation(_ node: YAMLNode) -> Relation? {
        guard let reader = MappingReader<RelationKey>(node, what: "een relatie", context: context) else { return nil }
        reader.allowOnly(in: "een relatie")
        let kind: RelationKind? = reader.enumValue(.soort)
        let text = reader.string(.tekst)
        let fiche = reader.string(.fiche, required: false)
        let area = reader.string(.beleidsterrein, required: false)
        if fiche == nil, area == nil {
            context.sink.error(.keyNoneOf, reader.location, "een relatie noemt een 'fiche' of een 'beleidsterrein'")
        }
        guard let kind, let text else { return nil }
        return Relation(fiche: fiche, policyArea: area, kind: kind, text: text, location: reader.location)
    }

    func fact(_ node: YAMLNode, fiche: String?) -> Fact? {
        guard let reader = MappingReader<FactKey>(node, what: "een feit", context: context) else { return nil }
        reader.allowOnly(in: "een feit")
        guard let id = reader.identifier(.id), let value = reader.string(.waarde), let quote = reader.string(.citaat),
            let fiche
        else { return nil }
        return Fact(
            id: id, value: value, quote: quote, fiche: fiche, location: reader.location,
            quoteLocation: reader.node(.citaat).map { context.location(of: $0) })
    }

    func doubt(_ node: YAMLNode, fiche: String?) -> Doubt? {
        guard let reader = MappingReader<DoubtKey>(node, what: "een twijfel", context: context) else { return nil }
        reader.allowOnly(in: "een twijfel")
        guard let text = reader.string(.tekst) else { return nil }
        return Doubt(
            text: text, quote: reader.string(.citaat, required: false), location: reader.location,
            fiche: fiche ?? "", quoteLocation: reader.node(.citaat).map { context.location(of: $0) })
    }
}

/// Reads assumptions from `dossier.yaml` or a fiche.
struct AssumptionReader {
    let context: ReadContext
    let periods: PeriodParser
    let effects: EffectReader

    func read(_ node: YAMLNode, fiche: String?) -> Assumption? {
        guard let reader = MappingReader<AssumptionKey>(node, what: "een aanname", context: context) else { return nil }
        reader.allowOnly(in: "een aanname")
        let id = reader.identifier(.id)
        let title = reader.string(.titel)
        let value = reader.bool(.standaard)
        var probability: Share?
        var basis = ProbabilityBasis.unstated
        if let node = reader.node(.kans), case .mapping = node.content,
            let kans = MappingReader<ProbabilityKey>(node, what: "'kans'", context: context)
        {
            // `kans: {waarde: 50%, schatting: ja}` or `{waarde: 50%, bron: ...}`: the probability with its basis.
            kans.allowOnly(in: "'kans'")
            if let text = kans.string(.waarde) {
                probability = MoneyParser.parseShare(text)
                if probability == nil {
                    context.sink.error(.valuePercentage, kans.valueLocation(.waarde), "'waarde' moet een percentage zijn zoals 50%")
                }
            }
            if let source = kans.string(.bron, required: false) {
                basis = .source(source)
            } else if kans.bool(.schatting, required: false) == true {
                basis = .estimate
            }
        } else if let text = reader.string(.kans, required: false) {
            probability = MoneyParser.parseShare(text)
            if probability == nil {
                context.sink.error(.valuePercentage, reader.keyLocation(.kans), "'kans' moet een percentage zijn zoals 50%")
            }
        }
        let moment = reader.node(.moment).flatMap { FicheReader(context: context, periods: periods).moment($0, what: "'moment'") }
        let provenance = reader.has(.bron) ? effects.quote(in: reader).map { Provenance.quote($0) } : nil
        if let fiche, let id, !id.hasPrefix(fiche + "-") {
            context.sink.error(
                .assumptionPrefix, reader.keyLocation(.id),
                "een aanname in fiche \(fiche) heeft een id dat begint met '\(fiche)-' (of staat in dossier.yaml)"
            )
        }
        guard let id, let title, let value else {
            // The error is reported here; rules that use the assumption do not report it again as unknown.
            if let id { context.sink.declarationFailed(.assumption, id: id) }
            return nil
        }
        var assumption = Assumption(
            id: id, title: title, defaultValue: value, probability: probability, moment: moment,
            explanation: reader.string(.toelichting, required: false), provenance: provenance,
            fiche: fiche, location: reader.location)
        assumption.probabilityBasis = basis
        return assumption
    }
}
