/// Writes rules: a condition, a message (mostly info and warnings, rarely an error), sometimes budget effects and
/// now and then a `vereist`/`sluit_uit` on a neighbouring option.
struct RuleWriter {
    /// The skeleton the rules refer into.
    let plan: RuleBasePlan

    /// The YAML lines of one rule mapping (relative indentation) of fiche `index`.
    /// `local` is the chance that a choice in the condition comes from the fiche itself.
    /// `inFiche` is false for rules in `regels/`, whose effects must name their programme and source fiche.
    func lines(id: String, for index: Int, local: Double, inFiche: Bool, random: inout SeededGenerator) -> [String] {
        let condition = SyntheticCondition.draw(for: index, in: plan, local: local, random: &random)
        var lines = ["id: \(id)", "titel: \(YAMLWriter.quote(DutchText.title(&random)))", "als:"]
        lines += condition.lines.map { "  " + $0 }
        lines.append("dan:")
        var levels = [("info", 41), ("waarschuwing", 58)]
        if condition.mentionsAssumption { levels.append(("fout", 2)) }
        lines.append("  melding:")
        lines.append("    niveau: \(random.weighted(levels))")
        lines.append("    tekst: \(YAMLWriter.quote(DutchText.text(220, &random)))")
        if random.chance(0.12) {
            lines.append("  effecten:")
            lines += YAMLWriter.item(EffectWriter.lines(outside: inFiche ? nil : plan.fiches[index].code, &random)).map { "    " + $0 }
        }
        if random.chance(0.02) {
            let fiche = plan.neighbour(of: index, local: 0.5, random: &random)
            let decision = random.int(0...(plan.fiches[fiche].decisions.count - 1))
            let option = random.pick(plan.fiches[fiche].decisions[decision].alternatives)
            lines.append("  sluit_uit: [\(plan.optionRef(fiche, decision, option))]")
        }
        if random.chance(0.85) {
            lines.append("bron: {fiche: \(plan.fiches[index].code), citaat: \(YAMLWriter.quote(DutchText.sentence(&random)))}")
        } else {
            lines.append("aanname: \(YAMLWriter.quote(DutchText.sentence(&random)))")
        }
        return lines
    }
}
