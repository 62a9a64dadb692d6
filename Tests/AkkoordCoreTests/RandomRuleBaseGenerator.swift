import Foundation

@testable import AkkoordCore

/// Seeded random rule bases of the shape a hostile tester builds by hand: a handful of fiches with a few decisions
/// each (2 to 4 options, one current line), random `vereist`/`sluit_uit` between options of different decisions,
/// a few assumptions and a few rules with nested conditions (some errors, some with `vereist`/`sluit_uit`).
/// Built in memory, every reference valid, so `ConstraintAnalysis` sees exactly what the loader would give it.
struct RandomRuleBase {
    struct Shape: Sendable {
        var fiches: ClosedRange<Int> = 1...9
        var decisionsPerFiche: ClosedRange<Int> = 1...5
        var options: ClosedRange<Int> = 2...4
        var assumptions: ClosedRange<Int> = 0...3
        var rules: ClosedRange<Int> = 0...4
        /// Chance per option of a `vereist` and, separately, of a `sluit_uit`; one of these per base.
        var linkChances: [Double] = [0.05, 0.1, 0.2, 0.3, 0.45]
        /// Chance that a linked option gets a second link of the same kind.
        var secondLink = 0.3

        /// Small enough that every combination can be tried (a few thousand at most).
        static let small = Shape(fiches: 1...3, decisionsPerFiche: 1...3, options: 2...3, assumptions: 0...2, rules: 0...4)
        /// The tester's size: up to 9 fiches and some 30 decisions.
        static let tester = Shape()
        /// The tester's size with many links: 9 fiches of 3 or 4 decisions of 3 or 4 options, half of the options
        /// with a `vereist` and half with a `sluit_uit`, 3 rules.
        static let dense = Shape(
            fiches: 9...9, decisionsPerFiche: 3...4, options: 3...4, assumptions: 1...3, rules: 3...3,
            linkChances: [0.5])
    }

    let seed: UInt64
    let ruleBase: RuleBase

    init(seed: UInt64, shape: Shape, info: DossierInfo) {
        self.seed = seed
        var random = SplitMix(seed: seed)
        let letters = Array("ABCDEFGHIJ")
        var line = 0
        func location(_ file: String) -> AkkoordCore.SourceLocation {
            line += 1
            return SourceLocation(file: file, line: line, column: 9)
        }
        // The decisions and their options first, so links can point anywhere.
        let ficheCount = Int.random(in: shape.fiches, using: &random)
        var plan: [(fiche: String, decision: String, options: [String], current: Int)] = []
        for fiche in 0..<ficheCount {
            let code = "\(1 + fiche / letters.count)\(letters[fiche % letters.count])"
            for decision in 0..<Int.random(in: shape.decisionsPerFiche, using: &random) {
                let count = Int.random(in: shape.options, using: &random)
                plan.append((code, "d\(decision)", (0..<count).map { "o\($0)" }, Int.random(in: 0..<count, using: &random)))
            }
        }
        let all = plan.flatMap { entry in
            entry.options.map { OptionRef(decision: DecisionRef(fiche: entry.fiche, decision: entry.decision), option: $0) }
        }
        let assumptionIDs = (0..<Int.random(in: shape.assumptions, using: &random)).map { "a\($0)" }
        let link = shape.linkChances.randomElement(using: &random) ?? 0.1

        func other(than option: OptionRef) -> OptionRef? {
            all.filter { $0.decision != option.decision }.randomElement(using: &random)
        }
        func links(for option: OptionRef) -> [OptionRef] {
            guard Double.random(in: 0..<1, using: &random) < link, let first = other(than: option) else { return [] }
            guard Double.random(in: 0..<1, using: &random) < shape.secondLink, let second = other(than: option),
                second.decision != first.decision
            else { return [first] }
            return [first, second]
        }
        var byFiche: [String: [Decision]] = [:]
        var order: [String] = []
        for entry in plan {
            if byFiche[entry.fiche] == nil { order.append(entry.fiche) }
            let file = "fiches/\(entry.fiche).yaml"
            let decisionLocation = location(file)
            let options = entry.options.enumerated().map { index, id in
                let me = OptionRef(decision: DecisionRef(fiche: entry.fiche, decision: entry.decision), option: id)
                let requires = links(for: me)
                let excludes = links(for: me).filter { !requires.contains($0) }
                return DecisionOption(
                    id: id, title: id, isCurrentLine: index == entry.current, explanation: nil, effects: [],
                    requires: requires, excludes: excludes, opportunities: [], risks: [], location: location(file))
            }
            byFiche[entry.fiche, default: []].append(
                Decision(
                    id: entry.decision, question: "?", shape: .keuze, steeringMoment: nil,
                    lapse: nil, options: options, location: decisionLocation))
        }
        func condition(_ depth: Int) -> Condition {
            if depth > 2 || Double.random(in: 0..<1, using: &random) < 0.45 {
                let pick = Int.random(in: 0..<20, using: &random)
                if pick >= 15, let id = assumptionIDs.randomElement(using: &random) {
                    return .assumption(id: id, value: Bool.random(using: &random))
                }
                let option = all.randomElement(using: &random) ?? all[0]
                return pick < 12 ? .chosen(option) : .deviates(option.decision)
            }
            let parts = (0..<Int.random(in: 2...3, using: &random)).map { _ in condition(depth + 1) }
            switch Int.random(in: 0..<3, using: &random) {
            case 0: return .all(parts)
            case 1: return .any(parts)
            default: return .not(parts[0])
            }
        }
        var rules: [Rule] = []
        for index in 0..<Int.random(in: shape.rules, using: &random) {
            let level: MessageLevel? = [.fout, .fout, .waarschuwing, .info, nil].randomElement(using: &random) ?? nil
            let requires = Double.random(in: 0..<1, using: &random) < 0.3 ? [all.randomElement(using: &random) ?? all[0]] : []
            let excludes = Double.random(in: 0..<1, using: &random) < 0.3 ? [all.randomElement(using: &random) ?? all[0]] : []
            rules.append(
                Rule(
                    id: "r\(index)", title: "r\(index)", condition: condition(0),
                    message: level.map { RuleMessage(level: $0, text: "t") }, effects: [], requires: requires,
                    excludes: excludes, provenance: nil, fiche: nil, location: location("regels/regels.yaml")))
        }
        let fiches = order.map { code in
            Fiche(
                code: code, title: code, opgaven: [], programme: "sport", currentLine: "", sources: [], partners: [],
                externalDevelopments: [], steeringMoment: nil, decisions: byFiche[code] ?? [], relations: [], facts: [],
                doubts: [], location: SourceLocation(file: "fiches/\(code).yaml", line: 1, column: 1))
        }
        let assumptions = assumptionIDs.enumerated().map { index, id in
            Assumption(
                id: id, title: id, defaultValue: index % 2 == 0, probability: nil, moment: nil, explanation: nil,
                provenance: nil, fiche: nil, location: SourceLocation(file: "dossier.yaml", line: 1, column: 1))
        }
        ruleBase = RuleBase(info: info, fiches: fiches, assumptions: assumptions, rules: rules)
    }
}

extension RandomRuleBase {
    /// The rule base as YAML files in the format of `docs/format.md` (relative path → text), with the dossier
    /// header of the tutorial. Loading them gives the same decisions, options, links, assumptions and rules.
    func yamlFiles() -> [String: String] {
        var files: [String: String] = [:]
        var dossier = """
            gemeente: Willekeurigstad
            titel: Gegenereerde regelbasis (seed \(seed))
            versie: "seed-\(seed)"
            periode: {van: 2026, tot: 2030}
            start_coalitie: 2026-06-01
            opgaven:
              - id: sport
                titel: Sport
            programmas:
              - id: sport
                titel: Sport

            """
        if !ruleBase.assumptions.isEmpty {
            dossier += "aannames:\n"
            for assumption in ruleBase.assumptions {
                dossier +=
                    "  - id: \(assumption.id)\n    titel: Aanname \(assumption.id)\n    standaard: \(assumption.defaultValue ? "ja" : "nee")\n"
            }
        }
        files["dossier.yaml"] = dossier
        func list(_ refs: [OptionRef]) -> String { "[" + refs.map(\.description).joined(separator: ", ") + "]" }
        for fiche in ruleBase.fiches {
            var text =
                "code: \(fiche.code)\ntitel: Fiche \(fiche.code)\nopgaven: [sport]\nprogramma: sport\nhuidige_lijn: Zoals het is.\n"
                + "stuurmoment:\n  tekst: het voorjaar van 2027\n  periode: voorjaar 2027\nbeslissingen:\n"
            for decision in fiche.decisions {
                text += "  - id: \(decision.id)\n    vraag: Wat doen we?\n    vorm: keuze\n    opties:\n"
                for option in decision.options {
                    text += "      - id: \(option.id)\n        titel: Optie \(option.id)\n"
                    if option.isCurrentLine { text += "        huidige_lijn: ja\n" }
                    if !option.requires.isEmpty { text += "        vereist: \(list(option.requires))\n" }
                    if !option.excludes.isEmpty { text += "        sluit_uit: \(list(option.excludes))\n" }
                }
            }
            files["fiches/\(fiche.code).yaml"] = text
        }
        guard !ruleBase.rules.isEmpty else { return files }
        func lines(_ condition: Condition) -> [String] {
            func items(_ parts: [Condition]) -> [String] {
                parts.flatMap { part in lines(part).enumerated().map { ($0 == 0 ? "  - " : "    ") + $1 } }
            }
            switch condition {
            case .chosen(let ref): return ["keuze: \(ref)"]
            case .deviates(let ref): return ["afwijking: \(ref)"]
            case .assumption(let id, let value): return ["aanname: \(id)", "is: \(value ? "ja" : "nee")"]
            case .all(let parts): return ["alle:"] + items(parts)
            case .any(let parts): return ["een_van:"] + items(parts)
            case .not(let inner): return ["niet:"] + lines(inner).map { "  " + $0 }
            }
        }
        var text = "regels:\n"
        for rule in ruleBase.rules {
            text += "  - id: \(rule.id)\n    titel: Regel \(rule.id)\n    als:\n"
            text += lines(rule.condition).map { "      " + $0 + "\n" }.joined()
            text += "    dan:\n"
            // A rule must do something; one without a message, `vereist` or `sluit_uit` gets an info message
            // (which no check treats as a constraint).
            let level = rule.message?.level ?? (rule.requires.isEmpty && rule.excludes.isEmpty ? .info : nil)
            if let level { text += "      melding:\n        niveau: \(level.rawValue)\n        tekst: Let op.\n" }
            if !rule.requires.isEmpty { text += "      vereist: \(list(rule.requires))\n" }
            if !rule.excludes.isEmpty { text += "      sluit_uit: \(list(rule.excludes))\n" }
            text += "    aanname: Gegenereerd.\n"
        }
        files["regels/willekeurig.yaml"] = text
        return files
    }

    /// Writes `yamlFiles()` under `directory`.
    func write(to directory: URL) throws {
        for (path, text) in yamlFiles() {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}
