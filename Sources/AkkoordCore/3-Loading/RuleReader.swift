/// Reads cross-fiche rules and their conditions.
struct RuleReader {
    let context: ReadContext
    let fiche: String?
    let effects: EffectReader

    init(context: ReadContext, fiche: String?, defaultProgramme: String?) {
        self.context = context
        self.fiche = fiche
        self.effects = EffectReader(context: context, fiche: fiche, defaultProgramme: defaultProgramme)
    }

    func rule(_ node: YAMLNode) -> Rule? {
        guard let reader = MappingReader<RuleKey>(node, what: "een regel", context: context) else { return nil }
        reader.allowOnly(in: "een regel")
        let id = reader.identifier(.id)
        let title = reader.string(.titel)
        let condition = reader.node(.als).flatMap { self.condition($0) }
        if !reader.has(.als) { context.sink.error(.keyMissing, reader.location, "verplichte sleutel 'als' ontbreekt") }
        let provenance = effects.provenance(in: reader, required: true)
        guard let then = reader.mapping(.dan, of: RuleThenKey.self) else { return nil }
        then.allowOnly(in: "'dan'")
        var message: RuleMessage?
        if let melding = then.mapping(.melding, of: MessageKey.self, required: false) {
            melding.allowOnly(in: "'melding'")
            let level: MessageLevel? = melding.enumValue(.niveau)
            if let level, let text = melding.string(.tekst) { message = RuleMessage(level: level, text: text) }
        }
        let ruleEffects = effects.effects(in: then, key: .effecten)
        let requires = optionRefs(in: then, key: .vereist)
        let excludes = optionRefs(in: then, key: .sluitUit)
        if !then.has(.melding), ruleEffects.isEmpty, requires.isEmpty, excludes.isEmpty {
            context.sink.error(.ruleNoEffect, then.location, "'dan' doet niets: geef een 'melding', 'effecten', 'vereist' of 'sluit_uit'")
        }
        guard let id, let title, let condition, let provenance else { return nil }
        var rule = Rule(
            id: id, title: title, condition: condition, message: message, effects: ruleEffects,
            requires: requires, excludes: excludes, provenance: provenance, fiche: fiche, location: reader.location)
        var places: [String: SourceLocation] = [:]
        collectReferencePlaces(node, into: &places)
        rule.referencePlaces = places
        return rule
    }

    /// The place of every reference in a rule, so that an unknown one is reported where it is written.
    private func collectReferencePlaces(_ node: YAMLNode, into places: inout [String: SourceLocation]) {
        func record(_ value: YAMLNode) {
            guard let text = value.scalarText?.trimmingWhitespace(), !text.isEmpty, places[text] == nil else { return }
            places[text] = context.location(of: value)
        }
        switch node.content {
        case .scalar:
            return
        case .sequence(let items):
            items.forEach { collectReferencePlaces($0, into: &places) }
        case .mapping(let pairs):
            for pair in pairs {
                switch pair.key {
                case ConditionKey.keuze.rawValue, ConditionKey.afwijking.rawValue, ConditionKey.aanname.rawValue:
                    record(pair.value)
                case RuleThenKey.vereist.rawValue, RuleThenKey.sluitUit.rawValue:
                    if case .sequence(let items) = pair.value.content { items.forEach(record) }
                default:
                    break
                }
                collectReferencePlaces(pair.value, into: &places)
            }
        }
    }

    func condition(_ node: YAMLNode) -> Condition? {
        guard let reader = MappingReader<ConditionKey>(node, what: "een voorwaarde", context: context) else { return nil }
        let forms: [ConditionKey] = [.keuze, .afwijking, .aanname, .alle, .eenVan, .niet]
        let formNames = forms.map(\.rawValue).joined(separator: ", ")
        let present = forms.filter(reader.has)
        guard present.count == 1 else {
            reader.allowOnly(in: "een voorwaarde")
            context.sink.error(
                present.isEmpty ? .keyNoneOf : .keyConflict, reader.location,
                present.isEmpty
                    ? "een voorwaarde heeft één van \(formNames) nodig"
                    : "een voorwaarde heeft precies één van \(formNames); splits met 'alle' of 'een_van'")
            return nil
        }
        let form = present[0]
        reader.allowOnly(form == .aanname ? [.aanname, .`is`] : [form], in: "een voorwaarde")
        switch form {
        case .keuze:
            guard let text = reader.string(.keuze) else { return nil }
            guard let ref = OptionRef(parsing: text) else {
                context.sink.error(
                    .valueReferenceForm, reader.valueLocation(.keuze),
                    "'keuze' moet de vorm fiche.beslissing.optie hebben (gevonden: \(InputText.quoted(text)))")
                return nil
            }
            return .chosen(ref)
        case .afwijking:
            guard let text = reader.string(.afwijking) else { return nil }
            guard let ref = DecisionRef(parsing: text) else {
                context.sink.error(
                    .valueReferenceForm, reader.valueLocation(.afwijking),
                    "'afwijking' moet de vorm fiche.beslissing hebben (gevonden: \(InputText.quoted(text)))")
                return nil
            }
            return .deviates(ref)
        case .aanname:
            guard let id = reader.identifier(.aanname) else { return nil }
            let value = reader.has(.`is`) ? reader.bool(.`is`) : true
            return value.map { .assumption(id: id, value: $0) }
        case .niet:
            return reader.node(.niet).flatMap { self.condition($0) }.map { .not($0) }
        default:
            let parts = reader.list(form, required: true) { self.condition($0) }
            guard !parts.isEmpty else {
                context.sink.error(
                    .valueEmpty, reader.keyLocation(form), "\(InputText.quoted(form.rawValue)) heeft minstens één voorwaarde nodig")
                return nil
            }
            return form == .alle ? .all(parts) : .any(parts)
        }
    }

    func optionRefs<Key: FormatKey>(in reader: MappingReader<Key>, key: Key) -> [OptionRef] {
        reader.list(key) { node in
            guard let text = context.text(node, what: "een element van \(InputText.quoted(key.rawValue))") else { return nil }
            guard let ref = OptionRef(parsing: text) else {
                context.sink.error(
                    .valueReferenceForm, context.location(of: node), "\(InputText.quoted(text)) moet de vorm fiche.beslissing.optie hebben")
                return nil
            }
            return ref
        }
    }
}
