/// Places steering moments, lapses and assumption moments against the scenario's reference date.
struct SteeringAnalysis {
    let scenario: Scenario
    let ruleBase: RuleBase
    let choices: [ResolvedChoice]
    let assumptions: [ResolvedAssumption]

    private var referenceDate: Day { scenario.referenceDate }

    func messages() -> [EvaluationMessage] {
        var messages: [EvaluationMessage] = []
        let byRef = Dictionary(uniqueKeysWithValues: choices.map { ($0.ref, $0) })
        for choice in choices where choice.isDeviation {
            let origin = Origin.steering(choice.ref)
            switch choice.steeringMoment?.moment {
            case .known(let period)? where period.end < referenceDate:
                messages.append(
                    EvaluationMessage(
                        level: .waarschuwing, kind: .momentVerstreken,
                        text:
                            "Logisch moment verstreken: bijsturen op \(choice.ref) (\(choice.chosen.title)) was het goedkoopst rond '\(period.text)' (t/m \(DutchFormat.date(period.end))); de peildatum is \(DutchFormat.date(referenceDate)).\(latestNote(choice.steeringMoment?.latest))",
                        origin: origin, location: choice.steeringMoment?.location))
            case .known?:
                break
            case .unknown?, .coalitionStart?, nil:
                messages.append(
                    EvaluationMessage(
                        level: .info, kind: .momentOnbekend,
                        text: "Voor bijsturing op \(choice.ref) noemt het dossier geen logisch moment.",
                        origin: origin, location: choice.decision.location))
            }
            for (other, mine, theirs) in orderConflicts(of: choice, among: byRef) {
                messages.append(
                    EvaluationMessage(
                        level: .waarschuwing, kind: .afhankelijkheidLater,
                        text:
                            "\(choice.ref) hangt af van \(other.ref), maar dat logische moment ('\(theirs.text)') ligt later dan '\(mine.text)'.",
                        origin: origin, location: choice.chosen.location))
            }
        }
        for choice in choices where !choice.isDeviation {
            guard var lapse = choice.decision.lapse else { continue }
            lapse.moment = lapse.moment.resolved(referenceDate: referenceDate)
            let when = lapse.moment.period.map { "'\($0.text)'" } ?? "een onbekend moment"
            let past = lapse.moment.period.map { $0.end < referenceDate } ?? false
            messages.append(
                EvaluationMessage(
                    level: .info, kind: .verloopt,
                    text:
                        "\(choice.ref): als niemand beslist, \(past ? "is dit al verlopen" : "verloopt dit") (\(when)): \(lapse.consequence)",
                    origin: .lapse(choice.ref), location: choice.decision.location))
        }
        return messages
    }

    /// The last practical moment after a passed logical moment: how many days are left, or that it passed too.
    private func latestNote(_ latest: LatestMoment?) -> String {
        guard let latest else { return "" }
        guard let period = latest.moment.period else { return " Uiterlijk: \(latest.text) (moment onbekend)." }
        let left = referenceDate.days(until: period.end)
        if left < 0 { return " Ook het uiterste moment is voorbij: \(latest.text) (t/m \(DutchFormat.date(period.end)))." }
        let days = left == 1 ? "nog 1 dag" : "nog \(left) dagen"
        return " Uiterlijk: \(latest.text) (t/m \(DutchFormat.date(period.end))), \(days)."
    }

    /// The decisions a deviating choice requires whose logical moment starts after its own ends: the order conflicts
    /// of a bijsturing, with both periods.
    func orderConflicts(of choice: ResolvedChoice, among byRef: [DecisionRef: ResolvedChoice]) -> [(
        other: ResolvedChoice, mine: Period, theirs: Period
    )] {
        choice.chosen.requires.compactMap { required in
            guard let other = byRef[required.decision], other.ref != choice.ref,
                let mine = choice.steeringMoment?.moment.period, let theirs = other.steeringMoment?.moment.period,
                theirs.start > mine.end
            else { return nil }
            return (other, mine, theirs)
        }
    }

    func timeline() -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        for choice in choices where choice.isDeviation {
            let moment = choice.steeringMoment?.moment ?? .unknown
            entries.append(entry(.bijsturing, "\(choice.ficheTitle): \(choice.chosen.title)", moment, choice.ref.description))
            if let latest = choice.steeringMoment?.latest {
                entries.append(
                    entry(
                        .uiterlijk, "\(choice.ficheTitle): uiterlijk moment voor \(choice.chosen.title) (\(latest.text))", latest.moment,
                        choice.ref.description))
            }
        }
        for choice in choices where !choice.isDeviation {
            if let lapse = choice.decision.lapse {
                entries.append(entry(.verloop, "\(choice.ficheTitle): \(lapse.consequence)", lapse.moment, choice.ref.description))
            }
        }
        for resolved in assumptions {
            if let moment = resolved.assumption.moment {
                entries.append(entry(.aanname, "Bekend: \(resolved.assumption.title)", moment, resolved.assumption.id))
            }
        }
        return entries.sorted()
    }

    private func entry(_ kind: TimelineEntry.Kind, _ title: String, _ unresolved: Moment, _ ref: String) -> TimelineEntry {
        let moment = unresolved.resolved(referenceDate: referenceDate)
        let period = moment.period
        let planning = period.flatMap { period in
            ruleBase.info.planning
                .filter { ($0.moment.period?.end ?? period.start) >= period.start }
                .min { ($0.moment.period?.start ?? period.start) < ($1.moment.period?.start ?? period.start) }
        }
        return TimelineEntry(
            kind: kind, title: title, moment: moment, ref: ref, planning: planning,
            isPast: period.map { $0.end < referenceDate } ?? false)
    }
}
