/// Reads the `verwachtingen` block of a scenario.
struct ExpectationsReader {
    let context: ReadContext
    let ruleBase: RuleBase

    func read(_ reader: MappingReader<ExpectationsKey>) -> Expectations {
        reader.allowOnly(in: "'verwachtingen'")
        var expectations = Expectations(location: reader.location)
        let effects = EffectReader(context: context, fiche: nil, defaultProgramme: nil)
        if let keuzes = reader.entries(.keuzes, required: false) {
            for pair in keuzes {
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
        if let perYear = reader.entries(.nadeelPerJaar, required: false) {
            for pair in perYear {
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
        if let node = reader.node(.structureelNaPeriode), let total = total(node, effects: effects) {
            expectations.structuralRunRate = Located(total, at: context.location(of: node))
        }
        expectations.messagesPresent = reader.list(.meldingenAanwezig) { pattern($0) }
        expectations.messagesAbsent = reader.list(.meldingenAfwezig) { pattern($0) }
        let ruleIDs = Set(ruleBase.rules.map(\.id))
        func rules(_ key: ExpectationsKey) -> [Located<String>] {
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
        expectations.rulesFired = rules(.regelsAfgegaan)
        expectations.rulesNotFired = rules(.regelsNietAfgegaan)
        if let node = reader.node(.fouten), let count = context.integer(node, what: "'fouten'") {
            expectations.errorCount = Located(count, at: context.location(of: node))
        }
        return expectations
    }

    /// `1000000`, `onbekend`, or `{min: .., max: .., onbekend: n}`.
    private func total(_ node: YAMLNode, effects: EffectReader) -> AmountTotal? {
        if case .mapping = node.content {
            guard let reader = MappingReader<ExpectedTotalKey>(node, what: "een verwacht totaal", context: context) else { return nil }
            reader.allowOnly(in: "een verwacht totaal")
            let unknown = reader.integer(.onbekend, required: false) ?? 0
            let min = reader.node(.min).flatMap { effects.amount($0, what: "'min'") }?.minimum ?? .zero
            let max = reader.node(.max).flatMap { effects.amount($0, what: "'max'") }?.maximum ?? min
            if reader.has(.max), !reader.has(.min) { context.sink.error(.keyMissing, reader.location, "'max' zonder 'min'") }
            // `onbekend: n` counts unknown amounts in either direction; ExpectationCheck compares the count only.
            return AmountTotal(minimum: min, maximum: max, unknownBurdens: unknown, unknownBenefits: 0)
        }
        switch effects.amount(node, what: "het verwachte bedrag") {
        case let amount?: return AmountTotal(amount)
        case nil: return nil
        }
    }

    private func pattern(_ node: YAMLNode) -> Expectations.MessagePattern? {
        guard let reader = MappingReader<ExpectedMessageKey>(node, what: "een verwachte melding", context: context) else { return nil }
        reader.allowOnly(in: "een verwachte melding")
        let level: MessageLevel? = reader.enumValue(.niveau, required: false)
        let pattern = Expectations.MessagePattern(
            level: level, contains: reader.string(.bevat, required: false),
            rule: reader.string(.regel, required: false), location: reader.location)
        if pattern.level == nil, pattern.contains == nil, pattern.rule == nil {
            context.sink.error(.keyNoneOf, reader.location, "een verwachte melding noemt 'niveau', 'bevat' of 'regel'")
            return nil
        }
        return pattern
    }
}
