/// Consistency findings about a rule base that loads: what the dossier itself leaves doubtful. These do not stop
/// evaluation, so `report` stays quiet about them; `check` reports them.
public struct RuleBaseAudit: Sendable {
    public var ruleBase: RuleBase

    public init(ruleBase: RuleBase) { self.ruleBase = ruleBase }

    /// Every finding, sorted by location.
    public func findings() -> [Diagnostic] {
        (doubts() + conflictingFacts() + valuesPastTheirEnd() + ConstraintAnalysis(ruleBase: ruleBase).findings()).sorted()
    }

    /// Each recorded doubt (placeholder dates, duplicated blocks, contradictions) as a warning.
    public func doubts() -> [Diagnostic] {
        ruleBase.fiches.flatMap { fiche in
            fiche.doubts.map { Diagnostic(.warning, $0.location, "twijfel in fiche \(fiche.code): \($0.text)") }
        }
    }

    /// Facts the dossier states more than once with different values.
    public func conflictingFacts() -> [Diagnostic] {
        let byID = Dictionary(grouping: ruleBase.fiches.flatMap(\.facts), by: \.id)
        var findings: [Diagnostic] = []
        for (id, facts) in byID.sorted(by: { $0.key < $1.key }) where Set(facts.map(\.value)).count > 1 {
            let listing = facts.map { "\($0.fiche): \($0.value)" }.joined(separator: ", ")
            // One finding per fact, at the first place that disagrees with the first statement.
            if let differing = facts.first(where: { $0.value != facts[0].value }) {
                findings.append(
                    Diagnostic(
                        .warning, differing.location,
                        "feit '\(id)' staat in het dossier met verschillende waarden (\(listing))"))
            }
        }
        return findings
    }

    /// Amounts booked on a lapsing line after the moment it lapses: the line no longer exists then, so such a value
    /// is used past its end date.
    public func valuesPastTheirEnd() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (ref, _, decision) in ruleBase.allDecisions {
            guard let lapse = decision.lapse, let end = lapse.moment.period?.end, let current = decision.currentLine else { continue }
            for effect in current.effects {
                let late = effect.years(within: ruleBase.info.years).filter { $0 > end.year }
                if let first = late.first {
                    findings.append(
                        Diagnostic(
                            .warning, effect.location,
                            "\(ref): de huidige lijn loopt af op '\(lapse.moment.period?.text ?? "")', maar dit bedrag wordt nog gebruikt in \(first)\(late.count > 1 ? "–\(late.last!)" : "")"
                        ))
                }
            }
        }
        return findings
    }
}
