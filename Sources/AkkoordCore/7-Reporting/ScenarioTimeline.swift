/// The steering moments and lapses of several scenarios on one timeline: each moment once, with which scenarios
/// have it. Undated moments come last. Built once for the comparison and the briefing pack.
public struct ScenarioTimeline: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// The moment as the first scenario that has it reports it.
        public var item: ConsequenceReport.TimelineItem
        /// Whether each scenario has this moment, in scenario order.
        public var aanwezig: [Bool]
    }

    public var rows: [Row]

    /// Everything on the reports' timelines except assumptions, in date order.
    public init(reports: [ConsequenceReport]) {
        struct Key: Hashable { var ref: String; var title: String; var kind: TimelineEntry.Kind }
        var rows: [Key: Row] = [:]
        for (index, report) in reports.enumerated() {
            for item in report.tijdlijn where item.soort != .aanname {
                let key = Key(ref: item.verwijzing, title: item.titel, kind: item.soort)
                var row = rows[key] ?? Row(item: item, aanwezig: Array(repeating: false, count: reports.count))
                row.aanwezig[index] = true
                rows[key] = row
            }
        }
        self.rows = rows.values.sorted {
            (Day.undatedLast($0.item.moment.begin), $0.item.verwijzing, $0.item.titel, $0.item.soort.rawValue)
                < (Day.undatedLast($1.item.moment.begin), $1.item.verwijzing, $1.item.titel, $1.item.soort.rawValue)
        }
    }
}
