import Foundation
import Testing

@testable import AkkoordCore

/// The dead-option analysis of `akkoord check` (`ConstraintAnalysis`) on large rule bases, where everything hangs
/// together through a shared assumption, and on many small random ones, where it must agree exactly with an
/// exhaustive search and with the original algorithm.
@Suite("Constraint analysis at scale")
struct ConstraintAnalysisScaleTests {
    let info: DossierInfo
    init() throws { info = try Fixture.exampleRuleBase().info }

    /// The messages of the findings about dead options, rules that never hold and unfinished analysis.
    func analysisMessages(_ findings: [Diagnostic]) -> [String] {
        findings.map(\.message).filter { $0.contains("kan nooit") || $0.contains("niet volledig geanalyseerd") }
    }

    @Test func deadOptionFarApartInALargeRuleBaseIsFoundWithItsChain() throws {
        var sketch = Sketch.chainedFiches(count: 600)
        // Three fiches far apart: P's "ja" needs Q's, which needs R's; R's "ja" is an error when the shared
        // assumption holds, P's when it does not. So P's "ja" can never be chosen, and only through all four.
        let p = Sketch.code(100), q = Sketch.code(300), r = Sketch.code(500)
        for code in [p, q, r] { sketch.decision(code, "plan", ["nee", "ja"]) }
        sketch.require("\(p).plan.ja", "\(q).plan.ja")
        sketch.require("\(q).plan.ja", "\(r).plan.ja")
        sketch.rule("plant-zonder", .fout, .all([.chosen(Sketch.ref("\(r).plan.ja")), .assumption(id: "gedeeld", value: true)]))
        sketch.rule("plant-met", .fout, .all([.chosen(Sketch.ref("\(p).plan.ja")), .assumption(id: "gedeeld", value: false)]))
        let ruleBase = sketch.ruleBase(info: info)
        let analysis = ConstraintAnalysis(ruleBase: ruleBase)
        // The shared assumption links all constraints into one component.
        #expect(ConstraintAnalysis.Network(ruleBase: ruleBase, constraints: analysis.constraints).components.count == 1)

        let findings = analysis.findings()
        #expect(
            analysisMessages(findings) == [
                "optie \(p).plan.ja kan nooit zonder fout gekozen worden: \(p).plan.ja vereist \(q).plan.ja; \(q).plan.ja vereist \(r).plan.ja; regel plant-zonder geeft een fout als haar voorwaarde geldt; regel plant-met geeft een fout als haar voorwaarde geldt"
            ])
        let dead = try #require(findings.first { $0.message.hasPrefix("optie \(p).plan.ja") })
        #expect(dead.severity == .warning)
        #expect(dead.location == ruleBase.option(Sketch.ref("\(p).plan.ja"))?.location)
    }

    @Test func sharedAssumptionLinkingEverythingIsAnalysedCompletely() throws {
        var sketch = Sketch.chainedFiches(count: 1_000)
        // A long chain: each "ja" of `c` needs the next fiche's, and the last one needs its own `b` to be "ja", so
        // choosing the first one moves a thousand decisions and the shared assumption at once.
        for index in 0..<1_000 { sketch.decision(Sketch.code(index), "c", ["nee", "ja"]) }
        for index in 0..<999 {
            sketch.require("\(Sketch.code(index)).c.ja", "\(Sketch.code(index + 1)).c.ja")
        }
        sketch.require("\(Sketch.code(999)).c.ja", "\(Sketch.code(999)).b.ja")
        let ruleBase = sketch.ruleBase(info: info)
        let analysis = ConstraintAnalysis(ruleBase: ruleBase)
        #expect(ConstraintAnalysis.Network(ruleBase: ruleBase, constraints: analysis.constraints).components.count == 1)
        // Every option can be chosen, and the analysis says so without running out of budget.
        #expect(analysisMessages(analysis.findings()).isEmpty)
    }

    @Test func componentWithoutAnyConsistentChoiceMakesEveryOptionInItDead() throws {
        var sketch = Sketch()
        sketch.decision("1A", "d", ["x", "y"])
        sketch.decision("2A", "e", ["p", "q"])
        sketch.assumptions["z"] = true
        sketch.rule("altijd-ja", .fout, .assumption(id: "z", value: true))
        sketch.rule("altijd-nee", .fout, .assumption(id: "z", value: false))
        sketch.rule("koppel", .fout, .all([.chosen(Sketch.ref("1A.d.y")), .assumption(id: "z", value: true)]))
        let findings = ConstraintAnalysis(ruleBase: sketch.ruleBase(info: info)).findings()
        let chain = "regel altijd-ja geeft een fout als haar voorwaarde geldt; regel altijd-nee geeft een fout als haar voorwaarde geldt"
        #expect(
            analysisMessages(findings) == [
                "optie 1A.d.x kan nooit zonder fout gekozen worden: \(chain)",
                "optie 1A.d.y kan nooit zonder fout gekozen worden: \(chain)",
            ])
        // The current line is dead too: an error.
        #expect(findings.first { $0.message.hasPrefix("optie 1A.d.x") }?.severity == .error)
    }

    @Test func searchLimitsAreReportedNotHidden() throws {
        // Five decisions, four places, none shared: no consistent choice exists at all (pigeonhole), so every
        // option is dead, but proving it takes many combinations.
        var sketch = Sketch()
        let codes = ["1A", "1B", "1C", "1D", "1E"]
        for code in codes { sketch.decision(code, "plek", ["p1", "p2", "p3", "p4"]) }
        for (index, code) in codes.enumerated() {
            for other in codes[(index + 1)...] {
                for place in 1...4 { sketch.exclude("\(code).plek.p\(place)", "\(other).plek.p\(place)") }
            }
        }
        let analysis = ConstraintAnalysis(ruleBase: sketch.ruleBase(info: info))

        let complete = analysisMessages(analysis.findings())
        #expect(complete.count == 20)
        #expect(complete.allSatisfy { $0.contains("kan nooit zonder fout gekozen worden") })

        // With a tiny allowance per search nothing is claimed, and the note says how many options are open.
        let perSearch = analysisMessages(analysis.findings(limits: .init(perSearch: 3, options: 1_000_000, rules: 1_000)))
        #expect(perSearch == ["20 optie(s) niet volledig geanalyseerd: te veel combinaties (meer dan 3 per optie)"])

        // With a tiny allowance for all options together, the note says the total stopped the analysis.
        let total = analysisMessages(analysis.findings(limits: .init(perSearch: 200_000, options: 10, rules: 1_000)))
        #expect(total.count == 1)
        #expect(
            total.first?.hasPrefix(
                "20 optie(s) niet volledig geanalyseerd: te veel combinaties (meer dan 200000 per optie, of meer dan 10 voor alle opties samen; "
            ) == true)
    }

    @Test func ruleConditionsRunningOutOfBudgetAreReported() throws {
        var sketch = Sketch()
        for code in ["1A", "1B", "1C"] { sketch.decision(code, "d", ["a", "b", "c"]) }
        // Can never hold: it asks for 1A.d.a and for its opposite. Finding that out takes a few search steps.
        sketch.rule(
            "nooit", .info,
            .all([
                .chosen(Sketch.ref("1A.d.a")), .chosen(Sketch.ref("1B.d.a")),
                .chosen(Sketch.ref("1C.d.a")), .not(.chosen(Sketch.ref("1A.d.a"))),
            ]))
        let analysis = ConstraintAnalysis(ruleBase: sketch.ruleBase(info: info))
        #expect(
            analysisMessages(analysis.findings()) == [
                "de voorwaarde van regel 'nooit' kan nooit gelden (bijv. twee opties van één beslissing tegelijk)"
            ])
        #expect(
            analysisMessages(analysis.findings(limits: .init(perSearch: 2, options: 1_000, rules: 1_000))) == [
                "1 regel(s) niet volledig geanalyseerd: te veel combinaties (meer dan 2 per regel, of meer dan 1000 voor alle regels samen)"
            ])
    }

    @Test func randomRuleBasesAgreeWithExhaustiveSearchAndTheOriginalAlgorithm() throws {
        var generator = SplitMix(seed: 2026)
        var deadSeen = 0
        for _ in 0..<150 {
            let sketch = Sketch.random(&generator)
            let ruleBase = sketch.ruleBase(info: info)
            let analysis = ConstraintAnalysis(ruleBase: ruleBase)
            let findings = analysis.findings()
            // Exactly what the original exhaustive algorithm reported: same findings, texts and order.
            #expect(findings == OriginalConstraintAnalysis(ruleBase: ruleBase, constraints: analysis.constraints).findings())

            let oracle = BruteForce(ruleBase: ruleBase, constraints: analysis.constraints)
            for (ref, _, decision) in ruleBase.allDecisions {
                for option in decision.options {
                    let me = OptionRef(decision: ref, option: option.id)
                    guard Set(option.requires).isDisjoint(with: option.excludes) else { continue }
                    let dead = findings.first { $0.message.hasPrefix("optie \(me) kan nooit zonder fout gekozen worden: ") }
                    let possible = oracle.satisfiable(goal: .chosen(me), constraints: analysis.constraints)
                    #expect(possible == (dead == nil), "\(me)")
                    guard let dead else { continue }
                    deadSeen += 1
                    // The chain forbids the option, and every link is needed.
                    let texts = dead.message.components(separatedBy: "gekozen worden: ").last?.components(separatedBy: "; ") ?? []
                    let chain = analysis.constraints.filter { texts.contains($0.description) }
                    #expect(!oracle.satisfiable(goal: .chosen(me), constraints: chain), "\(dead.message)")
                    for link in chain {
                        #expect(
                            oracle.satisfiable(goal: .chosen(me), constraints: chain.filter { $0 != link }),
                            "\(dead.message) without \(link.description)")
                    }
                }
            }
            for rule in ruleBase.rules {
                let never = findings.contains { $0.message.hasPrefix("de voorwaarde van regel '\(rule.id)' kan nooit gelden") }
                #expect(never == !oracle.satisfiable(goal: rule.condition, constraints: []), "\(rule.id)")
            }
        }
        // The generated rule bases do contain dead options (the test is not vacuous).
        #expect(deadSeen > 50)
    }
}

/// A rule base described compactly for these tests: decisions with options (the first one is the current line),
/// `vereist`/`sluit_uit` between options, rules and assumptions. Each option and rule gets a distinct location.
private struct Sketch {
    struct Choice {
        var id: String
        var isCurrentLine: Bool
        var requires: [OptionRef] = []
        var excludes: [OptionRef] = []
    }

    var decisions: [(ref: DecisionRef, options: [Choice])] = []
    var rules: [(id: String, level: MessageLevel?, condition: Condition, requires: [OptionRef], excludes: [OptionRef])] = []
    var assumptions: [String: Bool] = [:]

    /// A fiche code for a number: `1AA`, `1AB`, …
    static func code(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return "\(1 + index / 676)\(letters[(index / 26) % 26])\(letters[index % 26])"
    }

    static func ref(_ text: String) -> OptionRef {
        OptionRef(parsing: text) ?? OptionRef(decision: DecisionRef(fiche: "?", decision: "?"), option: text)
    }

    mutating func decision(_ fiche: String, _ id: String, _ options: [String], current: Int = 0) {
        decisions.append(
            (
                DecisionRef(fiche: fiche, decision: id),
                options.enumerated().map { Choice(id: $1, isCurrentLine: $0 == current) }
            ))
    }

    mutating func require(_ option: String, _ required: String) {
        edit(Self.ref(option)) { $0.requires.append(Self.ref(required)) }
    }

    mutating func exclude(_ option: String, _ excluded: String) {
        edit(Self.ref(option)) { $0.excludes.append(Self.ref(excluded)) }
    }

    mutating func rule(_ id: String, _ level: MessageLevel?, _ condition: Condition, requires: [OptionRef] = [], excludes: [OptionRef] = [])
    {
        rules.append((id, level, condition, requires, excludes))
    }

    private mutating func edit(_ ref: OptionRef, _ change: (inout Choice) -> Void) {
        guard let decision = decisions.firstIndex(where: { $0.ref == ref.decision }),
            let option = decisions[decision].options.firstIndex(where: { $0.id == ref.option })
        else {
            Issue.record("no option \(ref)")
            return
        }
        change(&decisions[decision].options[option])
    }

    func ruleBase(info: DossierInfo) -> RuleBase {
        var line = 0
        func location(_ file: String) -> AkkoordCore.SourceLocation {
            line += 1
            return SourceLocation(file: file, line: line, column: 9)
        }
        var byFiche: [String: [Decision]] = [:]
        var order: [String] = []
        for (ref, choices) in decisions {
            if byFiche[ref.fiche] == nil { order.append(ref.fiche) }
            let options = choices.map { choice in
                DecisionOption(
                    id: choice.id, title: choice.id, isCurrentLine: choice.isCurrentLine, explanation: nil, effects: [],
                    requires: choice.requires, excludes: choice.excludes, opportunities: [], risks: [],
                    location: location("fiches/\(ref.fiche).yaml"))
            }
            byFiche[ref.fiche, default: []].append(
                Decision(
                    id: ref.decision, question: "?", shape: .keuze, steeringMoment: nil,
                    lapse: nil, options: options, location: location("fiches/\(ref.fiche).yaml")))
        }
        let fiches = order.map { code in
            Fiche(
                code: code, title: code, opgaven: [], programme: "sport", currentLine: "", sources: [], partners: [],
                externalDevelopments: [], steeringMoment: nil, decisions: byFiche[code] ?? [], relations: [], facts: [],
                doubts: [], location: SourceLocation(file: "fiches/\(code).yaml", line: 1, column: 1))
        }
        let rules = self.rules.map { rule in
            Rule(
                id: rule.id, title: rule.id, condition: rule.condition, message: rule.level.map { RuleMessage(level: $0, text: "t") },
                effects: [], requires: rule.requires, excludes: rule.excludes, provenance: nil, fiche: nil,
                location: location("regels/regels.yaml"))
        }
        let assumptions = self.assumptions.map { id, value in
            Assumption(
                id: id, title: id, defaultValue: value, probability: nil, moment: nil, explanation: nil, provenance: nil,
                fiche: nil, location: SourceLocation(file: "dossier.yaml", line: 1, column: 1))
        }
        return RuleBase(info: info, fiches: fiches, assumptions: assumptions, rules: rules)
    }

    /// `count` fiches that all hang together through the assumption `gedeeld`: each has a decision `a` (huidig,
    /// uitbreiden, stoppen) and `b` (nee, ja). "uitbreiden" needs the next fiche's `b` to be "ja"; "stoppen" needs
    /// its own `b` to be "ja" and excludes the next fiche's "stoppen"; `b` = "ja" is an error for one value of
    /// `gedeeld`, alternating between fiches. Every option can be chosen.
    static func chainedFiches(count: Int) -> Sketch {
        var sketch = Sketch()
        sketch.assumptions["gedeeld"] = true
        for index in 0..<count {
            sketch.decision(code(index), "a", ["huidig", "uitbreiden", "stoppen"])
            sketch.decision(code(index), "b", ["nee", "ja"])
        }
        for index in 0..<count {
            let me = code(index)
            if index + 1 < count {
                let next = code(index + 1)
                sketch.require("\(me).a.uitbreiden", "\(next).b.ja")
                sketch.exclude("\(me).a.stoppen", "\(next).a.stoppen")
            }
            sketch.rule("r-\(me)-fout", .fout, .all([.chosen(ref("\(me).b.ja")), .assumption(id: "gedeeld", value: index % 2 == 0)]))
            sketch.rule("r-\(me)-stoppen", .info, .chosen(ref("\(me).a.stoppen")), requires: [ref("\(me).b.ja")])
            sketch.rule(
                "r-\(me)-info", .info, .any([.chosen(ref("\(me).a.uitbreiden")), .deviates(DecisionRef(fiche: me, decision: "b"))]))
        }
        return sketch
    }

    /// A small random rule base with many links: 1 to 6 decisions of 2 or 3 options, one or two assumptions,
    /// `vereist`/`sluit_uit` between options and rules with random conditions, mostly errors.
    static func random(_ generator: inout SplitMix) -> Sketch {
        var sketch = Sketch()
        let fiches = Array(["1A", "1B", "2A"].prefix(Int.random(in: 1...3, using: &generator)))
        for fiche in fiches {
            for decision in 0..<Int.random(in: 1...2, using: &generator) {
                sketch.decision(
                    fiche, "d\(decision)", Array(["o0", "o1", "o2"].prefix(Int.random(in: 2...3, using: &generator))),
                    current: Int.random(in: 0...1, using: &generator))
            }
        }
        let assumptionIDs = Array(["x", "y"].prefix(Int.random(in: 1...2, using: &generator)))
        for id in assumptionIDs { sketch.assumptions[id] = Bool.random(using: &generator) }
        let options = sketch.decisions.flatMap { decision in decision.options.map { OptionRef(decision: decision.ref, option: $0.id) } }
        let link = [0.1, 0.2, 0.35].randomElement(using: &generator) ?? 0.2
        for option in options {
            let others = options.filter { $0.decision != option.decision }
            guard let other = others.randomElement(using: &generator) else { continue }
            if Double.random(in: 0..<1, using: &generator) < link { sketch.require(option.description, other.description) }
            if Double.random(in: 0..<1, using: &generator) < link {
                sketch.exclude(option.description, (others.randomElement(using: &generator) ?? other).description)
            }
        }
        func condition(_ depth: Int) -> Condition {
            if depth > 2 || Double.random(in: 0..<1, using: &generator) < 0.45 {
                switch Int.random(in: 0..<20, using: &generator) {
                case 0..<12: return .chosen(options.randomElement(using: &generator) ?? options[0])
                case 12..<15: return .deviates((options.randomElement(using: &generator) ?? options[0]).decision)
                default:
                    return .assumption(id: assumptionIDs.randomElement(using: &generator) ?? "x", value: Bool.random(using: &generator))
                }
            }
            let parts = (0..<Int.random(in: 2...3, using: &generator)).map { _ in condition(depth + 1) }
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: return .all(parts)
            case 1: return .any(parts)
            default: return .not(parts[0])
            }
        }
        for index in 0..<Int.random(in: 1...7, using: &generator) {
            let level: MessageLevel? = [.fout, .fout, .waarschuwing, .info, nil].randomElement(using: &generator) ?? nil
            let requires = Double.random(in: 0..<1, using: &generator) < 0.3 ? [options.randomElement(using: &generator) ?? options[0]] : []
            let excludes = Double.random(in: 0..<1, using: &generator) < 0.3 ? [options.randomElement(using: &generator) ?? options[0]] : []
            sketch.rule("r\(index)", level, condition(0), requires: requires, excludes: excludes)
        }
        return sketch
    }
}

/// Decides satisfiability by trying every combination of all decisions and assumptions of a (small) rule base.
private struct BruteForce {
    /// A condition with decisions, options and assumptions by number.
    private indirect enum Indexed {
        case chosen(decision: Int, option: Int)
        case deviates(decision: Int)
        case assumption(Int, Bool)
        case all([Indexed])
        case any([Indexed])
        case not(Indexed)
    }

    private let decisionIndex: [DecisionRef: Int]
    private let optionIDs: [[String]]
    private let currentLines: [[Bool]]
    private let assumptionIndex: [String: Int]
    /// Every combination: an option number per decision and a value per assumption.
    private var combinations: [(options: [Int], values: [Bool])] = []

    init(ruleBase: RuleBase, constraints: [ConstraintAnalysis.Constraint]) {
        let decisions = ruleBase.allDecisions
        decisionIndex = Dictionary(uniqueKeysWithValues: decisions.enumerated().map { ($1.ref, $0) })
        optionIDs = decisions.map { $0.decision.options.map(\.id) }
        currentLines = decisions.map { $0.decision.options.map(\.isCurrentLine) }
        let mentioned = constraints.flatMap(\.violation.assumptionIDs) + ruleBase.rules.flatMap(\.condition.assumptionIDs)
        let assumptions = Array(Set(mentioned)).sorted()
        assumptionIndex = Dictionary(uniqueKeysWithValues: assumptions.enumerated().map { ($1, $0) })
        var options = Array(repeating: 0, count: decisions.count)
        while true {
            for bits in 0..<(1 << assumptions.count) {
                combinations.append((options, assumptions.indices.map { bits & (1 << $0) != 0 }))
            }
            // Next combination of options, like an odometer.
            var position = 0
            while position < options.count {
                options[position] += 1
                if options[position] < optionIDs[position].count { break }
                options[position] = 0
                position += 1
            }
            if position == options.count { break }
        }
    }

    /// Whether some combination makes `goal` hold and none of `constraints` violated.
    func satisfiable(goal: Condition, constraints: [ConstraintAnalysis.Constraint]) -> Bool {
        let goal = indexed(goal), violations = constraints.map { indexed($0.violation) }
        return combinations.contains { combination in
            holds(goal, combination) && !violations.contains { holds($0, combination) }
        }
    }

    private func indexed(_ condition: Condition) -> Indexed {
        switch condition {
        case .chosen(let ref):
            let decision = decisionIndex[ref.decision] ?? -1
            return .chosen(decision: decision, option: decision < 0 ? -1 : optionIDs[decision].firstIndex(of: ref.option) ?? -1)
        case .deviates(let ref): return .deviates(decision: decisionIndex[ref] ?? -1)
        case .assumption(let id, let value): return .assumption(assumptionIndex[id] ?? -1, value)
        case .all(let parts): return .all(parts.map(indexed))
        case .any(let parts): return .any(parts.map(indexed))
        case .not(let inner): return .not(indexed(inner))
        }
    }

    private func holds(_ condition: Indexed, _ combination: (options: [Int], values: [Bool])) -> Bool {
        switch condition {
        case .chosen(let decision, let option): decision >= 0 && combination.options[decision] == option
        case .deviates(let decision): decision >= 0 && !currentLines[decision][combination.options[decision]]
        case .assumption(let index, let value): index >= 0 && combination.values[index] == value
        case .all(let parts): parts.allSatisfy { holds($0, combination) }
        case .any(let parts): parts.contains { holds($0, combination) }
        case .not(let inner): !holds(inner, combination)
        }
    }
}

/// The analysis as it was before it was made fast (per option: gather the component by repeated passes, search it
/// with pruning, then drop constraints one by one, each time searching again), kept as the reference whose findings
/// the fast one must equal exactly.
private struct OriginalConstraintAnalysis {
    typealias Constraint = ConstraintAnalysis.Constraint
    let ruleBase: RuleBase
    let constraints: [Constraint]

    func findings() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let constrained = Set(constraints.flatMap(\.violation.decisionRefs))
        for (ref, _, decision) in ruleBase.allDecisions {
            for option in decision.options {
                let me = OptionRef(decision: ref, option: option.id)
                let both = Set(option.requires).intersection(option.excludes)
                if !both.isEmpty {
                    findings.append(
                        Diagnostic(
                            .constraintRequiresAndExcludes, .error, option.location,
                            "optie \(me) vereist én sluit uit: \(both.sorted().map(\.description).joined(separator: ", "))"))
                    continue
                }
                guard constrained.contains(ref), let chain = forbiddingChain(for: .chosen(me)) else { continue }
                findings.append(
                    Diagnostic(
                        .constraintUnchoosable, option.isCurrentLine ? .error : .warning, option.location,
                        "optie \(me) kan nooit zonder fout gekozen worden: \(chain.map(\.description).joined(separator: "; "))"))
            }
        }
        for rule in ruleBase.rules where !satisfiable(rule.condition, []) {
            findings.append(
                Diagnostic(
                    .constraintNeverHolds, .warning, rule.location,
                    "de voorwaarde van regel '\(rule.id)' kan nooit gelden (bijv. twee opties van één beslissing tegelijk)"))
        }
        return findings
    }

    private func forbiddingChain(for goal: Condition) -> [Constraint]? {
        var decisions = Set(goal.decisionRefs), assumptions = Set(goal.assumptionIDs)
        var component: [Constraint] = []
        var remaining = constraints
        var grew = true
        while grew {
            grew = false
            remaining.removeAll { constraint in
                let touches =
                    !Set(constraint.violation.decisionRefs).isDisjoint(with: decisions)
                    || !Set(constraint.violation.assumptionIDs).isDisjoint(with: assumptions)
                if touches {
                    component.append(constraint)
                    decisions.formUnion(constraint.violation.decisionRefs)
                    assumptions.formUnion(constraint.violation.assumptionIDs)
                    grew = true
                }
                return touches
            }
        }
        guard !satisfiable(goal, component) else { return nil }
        var chain = component
        for constraint in component {
            let without = chain.filter { $0 != constraint }
            if !satisfiable(goal, without) { chain = without }
        }
        return ordered(chain, from: Set(goal.decisionRefs))
    }

    private func ordered(_ chain: [Constraint], from start: Set<DecisionRef>) -> [Constraint] {
        var remaining = chain.sorted { $0.description < $1.description }
        var result: [Constraint] = []
        var frontier = start, seen = start
        while !remaining.isEmpty {
            let touching = remaining.indices.filter { !Set(remaining[$0].violation.decisionRefs).isDisjoint(with: frontier) }
            let subject = touching.first { index in frontier.contains { remaining[index].description.hasPrefix($0.description + ".") } }
            let next = remaining.remove(at: subject ?? touching.first ?? 0)
            result.append(next)
            let brought = Set(next.violation.decisionRefs).subtracting(seen)
            frontier = brought.isEmpty ? Set(next.violation.decisionRefs) : brought
            seen.formUnion(next.violation.decisionRefs)
        }
        return result
    }

    /// Backtracking over the decisions (sorted), then the assumptions, that the goal and constraints mention,
    /// pruned by three-valued evaluation of the partial choice.
    private func satisfiable(_ goal: Condition, _ constraints: [Constraint]) -> Bool {
        let decisions = Array(Set(goal.decisionRefs + constraints.flatMap(\.violation.decisionRefs))).sorted()
        let assumptions = Array(Set(goal.assumptionIDs + constraints.flatMap(\.violation.assumptionIDs))).sorted()
        var chosen: [DecisionRef: DecisionOption] = [:], values: [String: Bool] = [:]
        func evaluate(_ condition: Condition) -> Bool? {
            switch condition {
            case .chosen(let ref): return chosen[ref.decision].map { $0.id == ref.option }
            case .deviates(let ref): return chosen[ref].map { !$0.isCurrentLine }
            case .assumption(let id, let value): return values[id].map { $0 == value }
            case .all(let parts):
                let results = parts.map(evaluate)
                return results.contains(false) ? false : results.contains(nil) ? nil : true
            case .any(let parts):
                let results = parts.map(evaluate)
                return results.contains(true) ? true : results.contains(nil) ? nil : false
            case .not(let inner): return evaluate(inner).map { !$0 }
            }
        }
        func assign(_ decisionIndex: Int, _ assumptionIndex: Int) -> Bool {
            guard evaluate(goal) != false, !constraints.contains(where: { evaluate($0.violation) == true }) else { return false }
            if decisionIndex < decisions.count {
                for option in ruleBase.decision(decisions[decisionIndex])?.options ?? [] {
                    chosen[decisions[decisionIndex]] = option
                    if assign(decisionIndex + 1, assumptionIndex) { return true }
                }
                chosen[decisions[decisionIndex]] = nil
                return false
            }
            if assumptionIndex < assumptions.count {
                for value in [true, false] {
                    values[assumptions[assumptionIndex]] = value
                    if assign(decisionIndex, assumptionIndex + 1) { return true }
                }
                values[assumptions[assumptionIndex]] = nil
                return false
            }
            return evaluate(goal) == true
        }
        return assign(0, 0)
    }
}
