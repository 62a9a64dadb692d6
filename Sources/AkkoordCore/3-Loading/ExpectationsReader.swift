/// Reads the `verwachtingen` block of a scenario.
struct ExpectationsReader {
    let context: ReadContext
    let ruleBase: RuleBase

    func read(_ reader: MappingReader) -> Expectations {
        reader.allowOnly(FormatKeys.expectations, in: "'verwachtingen'")
        var expectations = Expectations(location: reader.location)
        let effects = EffectReader(context: context, fiche: nil, defaultProgramme: nil)
        if let keuzes = reader.mapping("keuzes", required: false) {
            for pair in keuzes.pairs {
                guard let ref = DecisionRef(parsing: pair.key), let decision = ruleBase.decision(ref) else {
                    context.sink.error(
                        .refUnknownDecision, context.location(of: pair.keyNode),
                        "onbekende beslissing \(InputText.quoted(pair.key)) in de verwachtingen")
                    continue
                }
                guard let option = context.text(pair.value, what: "de verwachte keuze"), decision.option(option) != nil else {
                    context.sink.error(
                        .refUnknownOption, context.location(of: pair.value),
                        "beslissing \(ref) heeft geen optie \(InputText.quoted(pair.value.scalarText ?? ""))")
                    continue
                }
                expectations.choices[ref] = Located(option, at: context.location(of: pair.value))
            }
        }
        if let perYear = reader.mapping("nadeel_per_jaar", required: false) {
            for pair in perYear.pairs {
                guard let year = context.integer(pair.keyNode, what: "een jaar"), ruleBase.info.years.contains(year) else {
                    context.sink.error(
                        .boundsPeriodYear, context.location(of: pair.keyNode), "\(InputText.quoted(pair.key)) is geen jaar in de periode")
                    continue
                }
                if let total = total(pair.value, effects: effects) {
                    expectations.burdenPerYear[year] = Located(total, at: context.location(of: pair.value))
                }
            }
        }
        if let node = reader.node("structureel_na_periode"), let total = total(node, effects: effects) {
            expectations.structuralRunRate = Located(total, at: context.location(of: node))
        }
        expectations.messagesPresent = reader.list("meldingen_aanwezig") { pattern($0) }
        expectations.messagesAbsent = reader.list("meldingen_afwezig") { pattern($0) }
        let ruleIDs = Set(ruleBase.rules.map(\.id))
        func rules(_ key: String) -> [Located<String>] {
            reader.list(key) { node in
                guard let id = context.text(node, what: "een regel-id") else { return nil }
                guard ruleIDs.contains(id) else {
                    context.sink.error(
                        .refUnknownRule, context.location(of: node),
                        "onbekende regel \(InputText.quoted(id))\(Suggestion.hint(for: id, in: ruleIDs))")
                    return nil
                }
                return Located(id, at: context.location(of: node))
            }
        }
        expectations.rulesFired = rules("regels_afgegaan")
        expectations.rulesNotFired = rules("regels_niet_afgegaan")
        if let node = reader.node("fouten"), let count = context.integer(node, what: "'fouten'") {
            expectations.errorCount = Located(count, at: context.location(of: node))
        }
        return expectations
    }

    /// `1000000`, `onbekend`, or `{min: .., max: .., onbekend: n}`.
    private func total(_ node: YAMLNode, effects: EffectReader) -> AmountTotal? {
        if case .mapping = node.content {
            guard let reader = MappingReader(node, what: "een verwacht totaal", context: context) else { return nil }
            reader.allowOnly(FormatKeys.expectedTotal, in: "een verwacht totaal")
            let unknown = reader.integer("onbekend", required: false) ?? 0
            let min = reader.node("min").flatMap { effects.amount($0, what: "'min'") }?.minimum ?? .zero
            let max = reader.node("max").flatMap { effects.amount($0, what: "'max'") }?.maximum ?? min
            if reader.has("max"), !reader.has("min") { context.sink.error(.keyMissing, reader.location, "'max' zonder 'min'") }
            // `onbekend: n` counts unknown amounts in either direction; ExpectationCheck compares the count only.
            return AmountTotal(minimum: min, maximum: max, unknownBurdens: unknown, unknownBenefits: 0)
        }
        switch effects.amount(node, what: "het verwachte bedrag") {
        case let amount?: return AmountTotal(amount)
        case nil: return nil
        }
    }

    private func pattern(_ node: YAMLNode) -> Expectations.MessagePattern? {
        guard let reader = MappingReader(node, what: "een verwachte melding", context: context) else { return nil }
        reader.allowOnly(FormatKeys.expectedMessage, in: "een verwachte melding")
        let level: MessageLevel? = reader.enumValue("niveau", required: false)
        let pattern = Expectations.MessagePattern(
            level: level, contains: reader.string("bevat", required: false),
            rule: reader.string("regel", required: false), location: reader.location)
        if pattern.level == nil, pattern.contains == nil, pattern.rule == nil {
            context.sink.error(.keyNoneOf, reader.location, "een verwachte melding noemt 'niveau', 'bevat' of 'regel'")
            return nil
        }
        return pattern
    }
}
