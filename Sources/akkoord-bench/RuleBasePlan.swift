/// The skeleton of a synthetic rule base: which fiches, decisions and options exist. Drawn before any text is
/// written, so rules and constraints can point at options in neighbouring fiches.
struct RuleBasePlan {
    /// One decision and its option ids.
    struct DecisionPlan {
        var id: String
        /// `vorm`: ja_nee, keuze, niveau or later.
        var shape: String
        /// Option ids.
        var options: [String]
        /// Index of the option that is the current line.
        var current: Int

        /// The options that are not the current line.
        var alternatives: [String] { options.enumerated().filter { $0.offset != current }.map(\.element) }
    }

    /// One fiche.
    struct FichePlan {
        var code: String
        var decisions: [DecisionPlan]
        /// The fiche's own assumption (`<code>-...`), if it has one.
        var assumption: String?
    }

    /// Assumptions shared by the whole dossier (the ids of the real `dossier.yaml`).
    static let sharedAssumptions = [
        "provincie-cofinanciert-baan", "aanbesteding-luchthaven-slaagt", "defensie-uitwijkhaven",
        "netcongestie-doorbraak", "stikstof-doorbraak", "twence-nascheiding-medio-2027",
    ]

    /// Option ids per decision shape, like the real dossier's.
    static let optionIDs: [String: [String]] = [
        "ja_nee": ["bestendigen", "niet-bestendigen", "heroverwegen"],
        "niveau": ["continueren", "intensiveren", "afbouwen", "stoppen"],
        "keuze": ["variant-a", "variant-b", "variant-c"],
        "later": ["nu-beslissen", "later-beslissen", "uitstellen"],
    ]

    /// The fiches in code order.
    var fiches: [FichePlan]

    /// Draws the skeleton: about 2.5 decisions per fiche, 2 or 3 options each (2.4 on average), one current line.
    init(fiches count: Int, random: inout SeededGenerator) {
        var fiches: [FichePlan] = []
        fiches.reserveCapacity(count)
        for index in 0..<count {
            let code = FicheCodeScheme.code(index, of: count)
            var decisions: [DecisionPlan] = []
            for number in 1...(random.chance(0.5) ? 2 : 3) {
                let shape = random.weighted([("ja_nee", 59), ("keuze", 27), ("niveau", 36), ("later", 2)])
                let optionCount = random.chance(0.4) ? 3 : 2
                let id = "b\(number)-\(DutchText.idWord(&random))"
                decisions.append(
                    DecisionPlan(
                        id: id, shape: shape, options: Array(Self.optionIDs[shape]!.prefix(optionCount)),
                        current: random.int(0...(optionCount - 1))))
            }
            let assumption = random.chance(0.9) ? "\(code)-\(DutchText.idWord(&random))-gaat-door" : nil
            fiches.append(FichePlan(code: code, decisions: decisions, assumption: assumption))
        }
        self.fiches = fiches
    }

    /// A fiche near `index`: itself with probability `local`, otherwise one of the two fiches on either side.
    func neighbour(of index: Int, local: Double, random: inout SeededGenerator) -> Int {
        if fiches.count == 1 || random.chance(local) { return index }
        let offset = random.pick([-2, -1, 1, 2])
        return ((index + offset) % fiches.count + fiches.count) % fiches.count
    }

    /// `CODE.decision.option`.
    func optionRef(_ fiche: Int, _ decision: Int, _ option: String) -> String {
        "\(fiches[fiche].code).\(fiches[fiche].decisions[decision].id).\(option)"
    }
}
