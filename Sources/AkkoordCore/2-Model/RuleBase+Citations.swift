/// Every quote in a rule base, in a fixed order: fiches (last practical moments, effects of options and why an option has
/// none, budgeted effects, facts, doubts), rules
/// (their own source and their effects), then assumptions.
extension RuleBase {
    /// All quotes.
    public var citations: [Citation] {
        var all: [Citation] = []
        _ = updatingCitations { citation in
            all.append(citation)
            return citation
        }
        return all
    }

    /// The rule base with every quote replaced by what `transform` makes of it, in the order of ``citations``.
    public func updatingCitations(_ transform: (Citation) -> Citation) -> RuleBase {
        var fiches = fiches
        var rules = rules
        var assumptions = assumptions
        func update(_ provenance: inout Provenance) {
            if case .quote(let citation) = provenance { provenance = .quote(transform(citation)) }
        }
        func update(_ provenance: inout Provenance?) {
            if case .quote(let citation)? = provenance { provenance = .quote(transform(citation)) }
        }
        func update(_ effects: inout [BudgetEffect]) {
            for index in effects.indices { update(&effects[index].provenance) }
        }
        func update(_ steering: inout SteeringMoment?) {
            if case .quote(let citation)? = steering?.latest?.provenance { steering?.latest?.provenance = .quote(transform(citation)) }
        }
        for f in fiches.indices {
            update(&fiches[f].steeringMoment)
            for d in fiches[f].decisions.indices {
                update(&fiches[f].decisions[d].steeringMoment)
                for o in fiches[f].decisions[d].options.indices {
                    update(&fiches[f].decisions[d].options[o].effects)
                    update(&fiches[f].decisions[d].options[o].noBudgetEffect)
                }
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
        var info = info
        if var rate = info.investmentInterest {
            update(&rate.provenance)
            info.investmentInterest = rate
        }
        return RuleBase(info: info, fiches: fiches, assumptions: assumptions, rules: rules)
    }
}
