/// Which decisions, options and rules a set of scenarios exercises.
public struct ScenarioCoverage: Sendable, Hashable {
    public var decisionsDeviated: Int
    public var decisions: Int
    public var optionsChosen: Int
    public var options: Int
    public var rulesFired: Int
    public var rules: Int
    /// Rules no scenario fires, sorted.
    public var unfiredRules: [String]

    public init(ruleBase: RuleBase, evaluations: [Evaluation]) {
        let all = ruleBase.allDecisions
        var deviated: Set<DecisionRef> = []
        var chosen: Set<OptionRef> = []
        var fired: Set<String> = []
        for evaluation in evaluations {
            for choice in evaluation.choices {
                chosen.insert(choice.optionRef)
                if choice.isDeviation { deviated.insert(choice.ref) }
            }
            fired.formUnion(evaluation.firedRules.map(\.id))
        }
        decisionsDeviated = deviated.count
        decisions = all.count
        optionsChosen = chosen.count
        options = all.reduce(0) { $0 + $1.decision.options.count }
        rulesFired = fired.count
        rules = ruleBase.rules.count
        unfiredRules = ruleBase.rules.map(\.id).filter { !fired.contains($0) }.sorted()
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : "\(part * 100 / whole)%"
    }

    /// `dekking: beslissingen 40/124 (32%) bijgestuurd, opties ..., regels ...`
    public var summary: String {
        "dekking: beslissingen \(decisionsDeviated)/\(decisions) (\(Self.percent(decisionsDeviated, decisions))) afgeweken, "
            + "opties \(optionsChosen)/\(options) (\(Self.percent(optionsChosen, options))) gekozen, "
            + "regels \(rulesFired)/\(rules) (\(Self.percent(rulesFired, rules))) afgegaan"
    }
}
