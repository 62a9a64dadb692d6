/// Every quote in a rule base, in a fixed order: fiches (effects of options, budgeted effects, facts, doubts), rules
/// (their own source and their effects), then assumptions.
extension RuleBase {
    /// All quotes.
    public var citations: [Citation] {
        var all: [Citation] = []
        var copy = self
        copy.updateCitations { citation in
            all.append(citation)
            return citation
        }
        return all
    }

    /// Replaces every quote by what `transform` makes of it, in the order of ``citations``.
    public mutating func updateCitations(_ transform: (Citation) -> Citation) {
        func update(_ provenance: inout Provenance) {
            if case .quote(let citation) = provenance { provenance = .quote(transform(citation)) }
        }
        func update(_ provenance: inout Provenance?) {
            if case .quote(let citation)? = provenance { provenance = .quote(transform(citation)) }
        }
        func update(_ effects: inout [BudgetEffect]) {
            for index in effects.indices { update(&effects[index].provenance) }
        }
        for f in fiches.indices {
            for d in fiches[f].decisions.indices {
                for o in fiches[f].decisions[d].options.indices { update(&fiches[f].decisions[d].options[o].effects) }
            }
            update(&fiches[f].budgeted)
            for index in fiches[f].facts.indices { fiches[f].facts[index].citation = transform(fiches[f].facts[index].citation) }
            for index in fiches[f].doubts.indices {
                if let citation = fiches[f].doubts[index].citation { fiches[f].doubts[index].citation = transform(citation) }
            }
        }
        for r in rules.indices {
            update(&rules[r].provenance)
            update(&rules[r].effects)
        }
        for a in assumptions.indices { update(&assumptions[a].provenance) }
    }
}
