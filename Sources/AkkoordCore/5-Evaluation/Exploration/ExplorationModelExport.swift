/// The exploration problem as plain data for another solver (the CP-SAT comparison in `Benchmarks/cpsat/`), with the
/// assumptions already substituted. Documented in docs/performance.md ("Het model als JSON").
public struct ExplorationModelExport: Sendable, Codable {
    /// A condition: `{"op": "and"|"or", "args": [...]}`, `{"op": "not", "args": [x]}`, `{"op": "option", "index": o}`
    /// (global option chosen), `{"op": "deviates", "index": d}` (decision off its current line), `{"op": "const",
    /// "value": true|false}`.
    public indirect enum Expression: Sendable, Codable {
        case and([Expression])
        case or([Expression])
        case not(Expression)
        case option(Int)
        case deviates(Int)
        case constant(Bool)

        enum Keys: String, CodingKey {
            case op, args, index, value
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            switch self {
            case .and(let parts):
                try container.encode("and", forKey: .op)
                try container.encode(parts, forKey: .args)
            case .or(let parts):
                try container.encode("or", forKey: .op)
                try container.encode(parts, forKey: .args)
            case .not(let inner):
                try container.encode("not", forKey: .op)
                try container.encode([inner], forKey: .args)
            case .option(let index):
                try container.encode("option", forKey: .op)
                try container.encode(index, forKey: .index)
            case .deviates(let index):
                try container.encode("deviates", forKey: .op)
                try container.encode(index, forKey: .index)
            case .constant(let value):
                try container.encode("const", forKey: .op)
                try container.encode(value, forKey: .value)
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            switch try container.decode(String.self, forKey: .op) {
            case "and": self = .and(try container.decode([Expression].self, forKey: .args))
            case "or": self = .or(try container.decode([Expression].self, forKey: .args))
            case "not": self = .not(try container.decode([Expression].self, forKey: .args).first ?? .constant(false))
            case "option": self = .option(try container.decode(Int.self, forKey: .index))
            case "deviates": self = .deviates(try container.decode(Int.self, forKey: .index))
            default: self = .constant(try container.decode(Bool.self, forKey: .value))
            }
        }
    }

    public struct Decision: Sendable, Codable {
        public var ref: String
        /// Global index of the first option; the options are `first ..< first + count`.
        public var first: Int
        public var count: Int
        public var current: Int
    }

    public struct Rule: Sendable, Codable {
        public var id: String
        public var condition: Expression
        /// Added to the money totals when the rule fires.
        public var metrics: [Int64]
        /// A `fout` message: the condition must not hold.
        public var error: Bool
        /// When it fires, these options must be chosen (`-1`: an option that cannot be) / must not be.
        public var requires: [Int]
        public var excludes: [Int]
    }

    public struct Position: Sendable, Codable {
        public var name: String
        /// (global option, weight scaled to ``ExplorationModelExport/scale``).
        public var wishes: [[Int64]]
        public var must: [Int]
        public var never: [Int]
        /// The position has no weight: its satisfaction counts as the full scale.
        public var empty: Bool
    }

    /// Money totals: `structureel` (run-rate after the period, upper bound, cents), one per year (net burden, upper
    /// bound, cents), `onbekend` (effects with an unknown nadeel).
    public var metrics: [String]
    public var decisions: [Decision]
    /// Per global option, its contribution to each metric.
    public var optionMetrics: [[Int64]]
    /// Upper limit per metric, `nil` for none.
    public var limits: [Int64?]
    /// `[option, target]`: choosing the option requires the target (`-1`: cannot be chosen) / excludes it.
    public var requires: [[Int]]
    public var excludes: [[Int]]
    public var rules: [Rule]
    public var positions: [Position]
    public var scale: Int64
    /// The objective, in order: maximise the lowest position satisfaction, then the sum, then minimise `structureel`.
    public var objective: String
    /// The optimum Akkoord found (lowest, total, structural), when proven.
    public var akkoordOptimum: [Int64]?

    public init(_ problem: ExplorationProblem, optimum: ExplorationScore?) throws(ExplorationError) {
        let model = try Model(problem)
        let compiled = problem.compiled
        metrics = ["structureel"] + compiled.layout.years.map(String.init) + ["onbekend"]
        decisions = compiled.decisions.map {
            Decision(ref: $0.ref.description, first: $0.firstOption, count: $0.options.count, current: $0.currentLine)
        }
        optionMetrics = (0..<compiled.optionRefs.count).map { option in
            Array(model.optionMetric[(option * model.metricCount)..<((option + 1) * model.metricCount)])
        }
        limits = model.limits(model.allConstraints)
        requires = compiled.optionRequires.enumerated().flatMap { option, targets in targets.map { [option, $0] } }
        excludes = compiled.optionExcludes.enumerated().flatMap { option, targets in targets.map { [option, $0] } }
        let optionCount = compiled.optionRefs.count, decisionCount = compiled.decisions.count
        func expression(_ node: CompiledCondition.Node) -> Expression {
            switch node {
            case .constant(let value): return .constant(value)
            case .literal(let bit, let value):
                let positive: Expression =
                    bit < optionCount
                    ? .option(bit)
                    : bit < optionCount + decisionCount
                        ? .deviates(bit - optionCount) : .constant(problem.assumptions[bit - optionCount - decisionCount])
                return value ? positive : .not(positive)
            case .all(let parts): return .and(parts.map(expression))
            case .any(let parts): return .or(parts.map(expression))
            case .not(let inner): return .not(expression(inner))
            }
        }
        let money = Dictionary(model.moneyRules.map { ($0.rule, $0.metrics) }, uniquingKeysWith: { first, _ in first })
        rules = (0..<compiled.ruleCount).compactMap { rule in
            let metrics = money[rule]
            let isError = compiled.ruleIsError[rule]
            guard metrics != nil || isError || !compiled.ruleRequires[rule].isEmpty || !compiled.ruleExcludes[rule].isEmpty else {
                return nil
            }
            return Rule(
                id: compiled.ruleIDs[rule], condition: expression(compiled.conditions[rule].node),
                metrics: metrics ?? Array(repeating: 0, count: model.metricCount), error: isError,
                requires: compiled.ruleRequires[rule], excludes: compiled.ruleExcludes[rule])
        }
        positions = problem.positions.enumerated().map { index, position in
            var wishes: [[Int64]] = [], must: [Int] = [], never: [Int] = []
            for wish in position.wishes {
                guard let option = compiled.optionIndex(wish.option) else { continue }
                if model.weights[index] > 0 {
                    wishes.append([Int64(option), Int64(wish.weight) * (model.scale / Int64(model.weights[index]))])
                }
                if wish.isMust { must.append(option) }
            }
            for line in position.redLines { if let option = compiled.optionIndex(line.option) { never.append(option) } }
            return Position(name: position.name, wishes: wishes, must: must, never: never, empty: model.weights[index] == 0)
        }
        scale = model.scale
        objective = "max laagste tevredenheid, dan max som, dan min structureel"
        akkoordOptimum = optimum.map { [$0.lowest, $0.total, $0.structural] }
    }
}
