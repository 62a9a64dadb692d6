/// Writes one fiche file with the shape of the real dossier's fiches: current line, sources, partners, external
/// developments, a steering moment, an own assumption, decisions with options and effects, relations, rules,
/// facts and doubts.
struct FicheWriter {
    /// The skeleton the fiche belongs to.
    let plan: RuleBasePlan
    /// Writes the fiche's rules.
    let rules: RuleWriter

    /// Steering moments: the words as the dossier writes them and their interpretation.
    static let moments: [(tekst: String, periode: String)] = [
        ("het voorjaar van 2027", "voorjaar 2027"), ("in het najaar van 2026", "najaar 2026"), ("eind 2026", "eind 2026"),
        ("medio 2027", "medio 2027"), ("Q2 2027", "Q2 2027"), ("begin 2028", "begin 2028"),
        ("de eerste helft van 2027", "eerste helft 2027"), ("tweede helft 2028", "tweede helft 2028"),
        ("juni 2027", "juni 2027"), ("bij de start van de nieuwe coalitie", "start nieuwe coalitie"),
        ("bij de begroting 2027", "begroting-2027"), ("in 2028", "2028"), ("niet genoemd", "onbekend"),
        ("het voorjaar van 2026", "voorjaar 2026"), ("15 maart 2027", "15 maart 2027"), ("zomer 2026", "zomer 2026"),
    ]

    /// The fiche file of fiche `index`.
    func text(_ index: Int, random: inout SeededGenerator) -> String {
        let fiche = plan.fiches[index]
        var w = YAMLWriter()
        w.line(0, "# Synthetische fiche \(fiche.code) voor akkoord-bench.")
        w.line(0, "code: \(fiche.code)")
        w.line(0, "titel: \(YAMLWriter.quote(DutchText.title(&random)))")
        let opgaven = ["aantrekkelijk", "open", "groen", "inclusief"]
        w.line(0, "opgaven: [\(random.chance(0.7) ? random.pick(opgaven) : "\(opgaven[index % 2]), \(opgaven[2 + index % 2])")]")
        w.line(0, "programma: \(random.pick(EffectWriter.programmes))")
        w.block(0, "huidige_lijn", DutchText.text(random.int(700...1100), &random))
        w.line(0, "bronnen:")
        for number in 0..<4 {
            w.line(1, "- titel: \(YAMLWriter.quote("Beleidsnota \(number + 1): \(DutchText.title(&random))"))")
            w.line(2, "einddatum: \(random.pick(["onbekend", "geen", "31-12-2027", "eind 2028", "2030"]))")
        }
        w.line(0, "partners:")
        for _ in 0..<6 { w.line(1, "- \(YAMLWriter.quote(random.pick(DutchText.partners) + " (" + random.pick(DutchText.objects) + ")"))") }
        w.line(0, "externe_ontwikkelingen:")
        for _ in 0..<random.int(2...3) {
            w.line(1, "- tekst: \(YAMLWriter.quote(DutchText.text(100, &random)))")
            if random.chance(0.5) { w.line(2, "moment: \(Self.moments[random.int(0...8)].periode)") }
            if random.chance(0.25) { w.line(2, "aanname: \(fiche.assumption ?? random.pick(RuleBasePlan.sharedAssumptions))") }
        }
        steering(&w, 0, random: &random)
        if let id = fiche.assumption {
            w.line(0, "aannames:")
            w.line(1, "- id: \(id)")
            w.line(2, "titel: \(YAMLWriter.quote(DutchText.sentence(&random)))")
            w.line(2, "standaard: \(random.chance(0.6) ? "ja" : "nee")")
            if random.chance(0.3) { w.line(2, "kans: \"\(random.int(1...9) * 10)%\"") }
            if random.chance(0.5) { w.line(2, "moment: \(Self.moments[random.int(0...8)].periode)") }
            w.line(2, "bron: {fiche: \(fiche.code), citaat: \(YAMLWriter.quote(DutchText.sentence(&random)))}")
        }
        w.line(0, "beslissingen:")
        for (number, decision) in fiche.decisions.enumerated() {
            self.decision(&w, index, number, decision, random: &random)
        }
        if random.chance(0.06) {
            w.line(0, "begroot:")
            w.lines(1, YAMLWriter.item(EffectWriter.lines(&random)))
        }
        w.line(0, "relaties:")
        for _ in 0..<4 {
            var item: [String] = []
            if random.chance(0.7) {
                let other =
                    random.chance(0.9) ? plan.neighbour(of: index, local: 0, random: &random) : random.int(0...(plan.fiches.count - 1))
                item.append("fiche: \(plan.fiches[other].code)")
            }
            item.append("beleidsterrein: \(YAMLWriter.quote(random.pick(DutchText.areas)))")
            item.append("soort: \(random.pick(["kans", "risico", "vereist", "maakt_mogelijk", "conflict", "concurreert"]))")
            item.append("tekst: \(YAMLWriter.quote(DutchText.text(80, &random)))")
            w.lines(1, YAMLWriter.item(item))
        }
        w.line(0, "regels:")
        for number in 0..<ruleCount(random: &random) {
            w.lines(
                1,
                YAMLWriter.item(
                    rules.lines(
                        id: "\(fiche.code)-r\(number + 1)-\(DutchText.idWord(&random))", for: index,
                        local: 0.7, inFiche: true, random: &random)))
        }
        w.line(0, "feiten:")
        for number in 0..<random.int(2...4) {
            let shared = random.chance(0.03)
            w.line(1, "- id: \(shared ? "inwoners-gemeente" : "\(fiche.code.lowercased())-feit-\(number + 1)")")
            w.line(2, "waarde: \(YAMLWriter.quote(shared ? "160000" : "\(random.int(1...500)) ha"))")
            w.line(2, "citaat: \(YAMLWriter.quote(DutchText.sentence(&random)))")
        }
        w.line(0, "twijfels:")
        for _ in 0..<random.int(3...5) {
            w.line(1, "- tekst: \(YAMLWriter.quote(DutchText.text(140, &random)))")
            w.line(2, "citaat: \(YAMLWriter.quote(random.pick(DutchText.objects)))")
        }
        return w.text
    }

    /// In-fiche rules: 2.1 per fiche on average (the other 0.7 per fiche are in `regels/`).
    private func ruleCount(random: inout SeededGenerator) -> Int {
        random.weighted([(1, 25), (2, 40), (3, 35)])
    }

    /// A `stuurmoment` with Dutch period words.
    private func steering(_ w: inout YAMLWriter, _ indent: Int, random: inout SeededGenerator) {
        let moment = random.pick(Self.moments)
        w.line(indent, "stuurmoment:")
        w.line(indent + 1, "tekst: \(YAMLWriter.quote(moment.tekst))")
        w.line(indent + 1, "periode: \(moment.periode)")
        if random.chance(0.7) { w.line(indent + 1, "toelichting: \(YAMLWriter.quote(DutchText.text(150, &random)))") }
    }

    /// A decision with its options: exactly one current line, effects on a third of the options, constraints on a few.
    private func decision(
        _ w: inout YAMLWriter, _ index: Int, _ number: Int, _ decision: RuleBasePlan.DecisionPlan,
        random: inout SeededGenerator
    ) {
        w.line(1, "- id: \(decision.id)")
        w.line(2, "vraag: \(YAMLWriter.quote("Het wel of niet bestendigen van " + DutchText.sentence(&random).lowercased()))")
        w.line(2, "vorm: \(decision.shape)")
        if random.chance(0.17) { steering(&w, 2, random: &random) }
        if random.chance(0.14) {
            w.line(2, "verloopt:")
            w.line(3, "moment: \(random.pick(["eind 2026", "eind 2027", "medio 2027", "2028"]))")
            w.line(3, "gevolg: \(YAMLWriter.quote(DutchText.sentence(&random)))")
        }
        w.line(2, "opties:")
        for (position, option) in decision.options.enumerated() {
            var item = [
                "id: \(option)",
                "titel: \(YAMLWriter.quote(option.prefix(1).uppercased() + option.dropFirst() + ": " + DutchText.title(&random)))",
            ]
            if position == decision.current { item.append("huidige_lijn: ja") }
            item.append("toelichting: \(YAMLWriter.quote(DutchText.text(200, &random)))")
            if random.chance(1.0 / 3.0) {
                item.append("effecten:")
                item += YAMLWriter.item(EffectWriter.lines(&random)).map { "  " + $0 }
            }
            if position != decision.current, random.chance(0.055) {
                item += constraint(from: index, decision: number, random: &random)
            }
            for (key, count) in [("kansen", random.int(0...2)), ("risicos", random.int(0...2))] where count > 0 {
                item.append("\(key):")
                for _ in 0..<count { item.append("  - \(YAMLWriter.quote(DutchText.text(70, &random)))") }
            }
            w.lines(3, YAMLWriter.item(item))
        }
    }

    /// A `vereist` or `sluit_uit` to another decision of this fiche or of a neighbour (on about 3% of all options:
    /// 5.5% of the alternatives, which are 58% of the options).
    private func constraint(from index: Int, decision: Int, random: inout SeededGenerator) -> [String] {
        var fiche = plan.neighbour(of: index, local: 0.6, random: &random)
        var other = random.int(0...(plan.fiches[fiche].decisions.count - 1))
        if fiche == index, other == decision {
            fiche = (index + 1) % plan.fiches.count
            other = 0
        }
        if fiche == index, other == decision { return [] }
        let target = plan.fiches[fiche].decisions[other]
        if random.chance(0.5) {
            return ["vereist: [\(plan.optionRef(fiche, other, random.pick(target.options)))]"]
        }
        return ["sluit_uit: [\(plan.optionRef(fiche, other, random.pick(target.alternatives)))]"]
    }
}
