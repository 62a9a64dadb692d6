/// A rule condition as the generator draws it, written out in the block style of `docs/format.md`.
indirect enum SyntheticCondition {
    /// `keuze: CODE.beslissing.optie`.
    case keuze(String)
    case afwijking(String)
    case aanname(String, Bool?)
    case alle([SyntheticCondition])
    case eenVan([SyntheticCondition])
    case niet(SyntheticCondition)

    /// Whether an assumption occurs anywhere in the condition (then it cannot make a current line dead).
    var mentionsAssumption: Bool {
        switch self {
        case .aanname: true
        case .keuze, .afwijking: false
        case .alle(let parts), .eenVan(let parts): parts.contains { $0.mentionsAssumption }
        case .niet(let inner): inner.mentionsAssumption
        }
    }

    /// The YAML lines of the condition mapping, relative to its own indentation.
    var lines: [String] {
        switch self {
        case .keuze(let ref): ["keuze: \(ref)"]
        case .afwijking(let ref): ["afwijking: \(ref)"]
        case .aanname(let id, let value): ["aanname: \(id)"] + (value.map { ["is: \($0 ? "ja" : "nee")"] } ?? [])
        case .alle(let parts): ["alle:"] + parts.flatMap { YAMLWriter.item($0.lines) }.map { "  " + $0 }
        case .eenVan(let parts): ["een_van:"] + parts.flatMap { YAMLWriter.item($0.lines) }.map { "  " + $0 }
        case .niet(let inner): ["niet:"] + inner.lines.map { "  " + $0 }
        }
    }

    /// Draws a condition for a rule of fiche `index` with the mix of the real dossier: mostly `alle` of a choice and
    /// an assumption, sometimes `een_van`, rarely `niet` or `afwijking`. Choices come from the fiche itself (70%) or a
    /// neighbouring fiche, each from a different decision so the condition can hold.
    static func draw(for index: Int, in plan: RuleBasePlan, local: Double, random: inout SeededGenerator) -> SyntheticCondition {
        var used: Set<String> = []
        func choice() -> SyntheticCondition {
            for _ in 0..<8 {
                let fiche = plan.neighbour(of: index, local: local, random: &random)
                let decision = random.int(0...(plan.fiches[fiche].decisions.count - 1))
                let key = "\(fiche)/\(decision)"
                guard used.insert(key).inserted else { continue }
                return .keuze(plan.optionRef(fiche, decision, random.pick(plan.fiches[fiche].decisions[decision].options)))
            }
            // Every nearby decision is taken: fall back to an assumption, which is always independent.
            return assumption()
        }
        func assumption() -> SyntheticCondition {
            let id =
                plan.fiches[index].assumption.flatMap { random.chance(0.5) ? $0 : nil }
                ?? random.pick(RuleBasePlan.sharedAssumptions)
            return .aanname(id, random.chance(0.8) ? random.chance(0.5) : nil)
        }
        switch random.weighted([(0, 15), (1, 40), (2, 10), (3, 15), (4, 8), (5, 5), (6, 4), (7, 3)]) {
        case 0: return choice()
        case 1: return .alle([choice(), assumption()])
        case 2: return .alle([choice(), choice()])
        case 3: return .alle([choice(), assumption(), .eenVan([choice(), choice()])])
        case 4: return .alle([assumption(), .eenVan([choice(), choice()])])
        case 5: return .alle([choice(), .niet(choice())])
        case 6: return .eenVan([choice(), choice()])
        default:
            let fiche = plan.neighbour(of: index, local: local, random: &random)
            let decision = plan.fiches[fiche].decisions[random.int(0...(plan.fiches[fiche].decisions.count - 1))]
            return .alle([.afwijking("\(plan.fiches[fiche].code).\(decision.id)"), assumption()])
        }
    }
}
