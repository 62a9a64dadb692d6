import Foundation

/// A generated rule base held in memory as YAML files (path → bytes), plus the scenario that evaluates it.
/// Same size and seed give byte-identical files.
struct SyntheticRuleBase {
    /// Number of fiches.
    let ficheCount: Int
    /// `dossier.yaml`, `fiches/*.yaml` and `regels/*.yaml`, as `RuleBaseLoader.load(files:dossierPath:)` takes them.
    let files: [String: Data]
    /// Path of `dossier.yaml` among `files`.
    let dossierPath: String
    /// A scenario that deviates from the current line on about 20% of the decisions.
    let scenario: Data
    /// The path the scenario is loaded under (used in messages only).
    let scenarioPath: String

    /// Rules per cross-rule file (the loader caps a file at 200,000 nodes).
    static let rulesPerFile = 200

    /// Generates a rule base of `fiches` fiches.
    init(fiches count: Int, seed: UInt64) {
        var random = SeededGenerator(seed: seed ^ (UInt64(count) &* 0x2545_F491_4F6C_DD1D))
        let plan = RuleBasePlan(fiches: count, random: &random)
        let rules = RuleWriter(plan: plan)
        let writer = FicheWriter(plan: plan, rules: rules)
        let base = "synthetisch-\(count)"
        var files: [String: Data] = [:]
        files[base + "/dossier.yaml"] = Data(Self.dossier(count).utf8)
        for index in 0..<count {
            files["\(base)/fiches/\(plan.fiches[index].code).yaml"] = Data(writer.text(index, random: &random).utf8)
        }
        // Cross-fiche rules in `regels/`: 0.7 per fiche, mostly between neighbouring fiches.
        var crossRules: [[String]] = []
        for index in 0..<count {
            for number in 0..<random.weighted([(0, 35), (1, 60), (2, 5)]) {
                crossRules.append(
                    rules.lines(id: "x-\(plan.fiches[index].code)-\(number + 1)", for: index, local: 0.3, inFiche: false, random: &random))
            }
        }
        for start in stride(from: 0, to: crossRules.count, by: Self.rulesPerFile) {
            var w = YAMLWriter()
            w.line(0, "# Synthetische fiche-overstijgende regels voor akkoord-bench.")
            w.line(0, "regels:")
            for rule in crossRules[start..<min(start + Self.rulesPerFile, crossRules.count)] {
                w.lines(1, YAMLWriter.item(rule))
            }
            files["\(base)/regels/kruisverbanden-\(start / Self.rulesPerFile + 1).yaml"] = Data(w.text.utf8)
        }
        self.ficheCount = count
        self.files = files
        self.dossierPath = base + "/dossier.yaml"
        self.scenario = Data(Self.scenario(plan, random: &random).utf8)
        self.scenarioPath = base + "/scenario.yaml"
    }

    /// Writes the files and the scenario under `directory` (paths keep their `synthetisch-N/` prefix).
    func write(to directory: String) throws {
        let root = URL(fileURLWithPath: directory)
        for (path, data) in files.map({ ($0.key, $0.value) }) + [(scenarioPath, scenario)] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    /// Bytes of all rule-base files.
    var ruleBaseBytes: Int { files.values.reduce(0) { $0 + $1.count } }

    /// `dossier.yaml`: the real dossier's period, opgaven, programmes and planning cycle, and six shared assumptions.
    private static func dossier(_ count: Int) -> String {
        var w = YAMLWriter()
        w.line(0, "gemeente: Synthetica")
        w.line(0, "titel: \(YAMLWriter.quote("Synthetisch dossier met \(count) fiches"))")
        w.line(0, "versie: \"bench-1\"")
        w.line(0, "periode: {van: 2026, tot: 2030}")
        w.line(0, "start_coalitie: 2026-06-01")
        w.line(0, "opgaven:")
        for (id, title) in [
            ("aantrekkelijk", "Aantrekkelijk"), ("open", "Open"), ("groen", "Groen en Duurzaam"), ("inclusief", "Inclusief"),
        ] {
            w.line(1, "- {id: \(id), titel: \(title)}")
        }
        w.line(0, "programmas:")
        for id in EffectWriter.programmes { w.line(1, "- {id: \(id), titel: \"Programma \(id)\"}") }
        w.line(0, "planning:")
        for year in 2027...2030 {
            w.line(1, "- {id: kadernota-\(year), titel: Kadernota \(year), moment: juni \(year - 1)}")
            w.line(1, "- {id: begroting-\(year), titel: Begroting \(year), moment: november \(year - 1)}")
        }
        w.line(0, "aannames:")
        for (number, id) in RuleBasePlan.sharedAssumptions.enumerated() {
            w.line(1, "- id: \(id)")
            w.line(2, "titel: \(YAMLWriter.quote("Gedeelde aanname \(number + 1)"))")
            w.line(2, "standaard: \(number % 2 == 0 ? "ja" : "nee")")
            if number < 3 { w.line(2, "moment: \(["juni 2026", "najaar 2026", "Q2 2026"][number])") }
            w.line(2, "bron: {fiche: 1A, citaat: \"Het dossier noemt deze onzekerheid.\"}")
        }
        return w.text
    }

    /// The scenario: a non-current option for about 20% of the decisions, some assumptions flipped, a budget frame.
    private static func scenario(_ plan: RuleBasePlan, random: inout SeededGenerator) -> String {
        var w = YAMLWriter()
        w.line(0, "titel: \(YAMLWriter.quote("Synthetisch scenario (\(plan.fiches.count) fiches)"))")
        w.line(0, "omschrijving: Wijkt af van de huidige lijn op ongeveer een vijfde van de beslissingen.")
        w.line(0, "peildatum: 2026-06-15")
        w.line(0, "keuzes:")
        for fiche in plan.fiches {
            for decision in fiche.decisions where random.chance(0.2) {
                w.line(1, "\(fiche.code).\(decision.id): \(random.pick(decision.alternatives))")
            }
        }
        w.line(0, "aannames:")
        for (number, id) in RuleBasePlan.sharedAssumptions.enumerated() where number < 3 {
            w.line(1, "\(id): \(number % 2 == 0 ? "nee" : "ja")")
        }
        for fiche in plan.fiches {
            if let id = fiche.assumption, random.chance(0.1) { w.line(1, "\(id): \(random.chance(0.5) ? "ja" : "nee")") }
        }
        w.line(0, "kader:")
        w.line(1, "max_structureel_nadeel: 2000000")
        return w.text
    }
}
