/// Reads the value of one decision under a scenario's `keuzes`: the plain form (`2F.doorgaan: sluiten`) or the
/// structured form (`{optie, gewicht, moet, nooit, status, notitie}`, ``ChoiceTerms``).
struct ChoiceReader {
    let context: ReadContext
    let decision: Decision
    let ref: DecisionRef

    /// The option the scenario picks (if any) and its terms; `nil` after reporting an error.
    func read(_ node: YAMLNode) -> (option: Located<String>?, terms: ChoiceTerms)? {
        let location = context.location(of: node)
        guard case .mapping = node.content else {
            guard let option = context.text(node, what: "de keuze voor \(InputText.quoted(ref.description))"),
                checkOption(option, at: location)
            else { return nil }
            return (Located(option, at: location), ChoiceTerms(location: location))
        }
        guard let reader = MappingReader<ChoiceKey>(node, what: "de keuze voor \(InputText.quoted(ref.description))", context: context)
        else {
            return nil
        }
        let errors = context.sink.errorCount
        reader.allowOnly(in: "een keuze")
        guard !reader.pairs.isEmpty else {
            context.sink.error(
                .keyNoneOf, location,
                "de keuze voor \(InputText.quoted(ref.description)) is leeg; geef 'optie', 'nooit', 'status' of 'notitie'")
            return nil
        }
        var option: Located<String>?
        if let text = reader.string(.optie, required: false), checkOption(text, at: reader.valueLocation(.optie)) {
            option = Located(text, at: reader.valueLocation(.optie))
        }
        var weight = 1
        if let value = reader.integer(.gewicht, required: false) {
            if (0...ChoiceTerms.maximumWeight).contains(value) {
                weight = value
            } else {
                context.sink.error(
                    .boundsWeight, reader.valueLocation(.gewicht),
                    "'gewicht' moet een geheel getal van 0 tot en met \(ChoiceTerms.maximumWeight) zijn (gevonden: \(value))")
            }
        }
        let isMust = reader.bool(.moet, required: false) ?? false
        var never: [Located<String>] = []
        for item in reader.list(.nooit, { $0 }) {
            let itemLocation = context.location(of: item)
            guard let text = context.text(item, what: "een element van 'nooit'"), checkOption(text, at: itemLocation) else { continue }
            if let first = never.first(where: { $0.value == text }) {
                context.sink.error(
                    .idDuplicate, itemLocation, "optie \(InputText.quoted(text)) staat twee keer onder 'nooit'",
                    notes: [Diagnostic.Note(first.location, "eerste keer hier")])
                continue
            }
            never.append(Located(text, at: itemLocation))
        }
        if let option, let clash = never.first(where: { $0.value == option.value }) {
            context.sink.error(
                .choiceContradiction, clash.location,
                "optie \(InputText.quoted(option.value)) is gekozen en staat ook onder 'nooit'",
                notes: [Diagnostic.Note(option.location, "hier gekozen")])
        }
        if isMust, option == nil, !reader.has(.optie) {
            context.sink.error(
                .choiceContradiction, reader.valueLocation(.moet), "'moet: ja' zonder 'optie': zeg welke optie moet")
        }
        let status: NegotiationStatus? = reader.enumValue(.status, required: false)
        let note = reader.string(.notitie, required: false)
        guard context.sink.errorCount == errors else { return nil }
        return (option, ChoiceTerms(weight: weight, isMust: isMust, never: never, status: status, note: note, location: location))
    }

    /// Reports an option the decision does not have.
    private func checkOption(_ option: String, at location: SourceLocation) -> Bool {
        guard decision.option(option) == nil else { return true }
        let ids = decision.options.map(\.id)
        context.sink.error(
            .refUnknownOption, location,
            "beslissing \(ref) heeft geen optie \(InputText.quoted(option))\(Suggestion.hint(for: option, in: ids)) (opties: \(ids.joined(separator: ", ")))"
        )
        return false
    }
}
