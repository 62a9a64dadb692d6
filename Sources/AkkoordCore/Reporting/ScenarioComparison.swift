/// Several scenarios side by side: where their decisions differ, money per year with deltas against the first,
/// structural run-rate, messages and steering moments that not every scenario has.
public struct ScenarioComparison: Sendable, Hashable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var dossier: ConsequenceReport.DossierHeader
    public var scenarios: [ScenarioColumn]
    public var verschillendeKeuzes: [DecisionRow]
    public var geld: [YearRow]
    public var structureelNaPeriode: [TotalWithDelta]
    public var saldoPeriode: [TotalWithDelta]
    public var verschillendeMeldingen: [MessageRow]
    public var stuurmomentenNietInAlle: [MomentRow]

    public struct ScenarioColumn: Sendable, Hashable, Codable {
        public var titel: String
        public var bestand: String
        public var peildatum: Day
        public var bijsturingen: Int
        public var fouten: Int
        public var waarschuwingen: Int
    }

    public struct DecisionRow: Sendable, Hashable, Codable {
        public var beslissing: String
        public var ficheTitel: String
        public var vraag: String
        public var huidigeLijn: String
        /// Chosen option title per scenario, in scenario order.
        public var keuzes: [String]
        /// Whether each scenario deviates from the current line.
        public var afwijking: [Bool]
    }

    public struct TotalWithDelta: Sendable, Hashable, Codable {
        public var totaal: ConsequenceReport.Total
        /// Difference with the first scenario (`nil` for the first).
        public var verschil: ConsequenceReport.Total?
    }

    public struct YearRow: Sendable, Hashable, Codable {
        public var jaar: Int
        /// Net burden per scenario, with the delta against the first.
        public var nadeel: [TotalWithDelta]
    }

    public struct MessageRow: Sendable, Hashable, Codable {
        public var niveau: MessageLevel
        public var tekst: String
        /// Whether each scenario has this message.
        public var aanwezig: [Bool]
    }

    public struct MomentRow: Sendable, Hashable, Codable {
        public var titel: String
        public var verwijzing: String
        public var moment: String
        public var kwartaal: String?
        public var begin: Day?
        public var aanwezig: [Bool]
    }

    /// Compares reports; the first is the reference for deltas.
    public init(reports: [ConsequenceReport]) {
        typealias R = ConsequenceReport
        schemaVersion = Self.currentSchemaVersion
        dossier = reports.first?.dossier ?? R.DossierHeader(gemeente: "", titel: "", versie: "", periode: [])
        scenarios = reports.map {
            ScenarioColumn(titel: $0.scenario.titel, bestand: $0.scenario.bestand, peildatum: $0.scenario.peildatum,
                           bijsturingen: $0.samenvatting.bijsturingen, fouten: $0.samenvatting.fouten,
                           waarschuwingen: $0.samenvatting.waarschuwingen)
        }
        let first = reports.first
        verschillendeKeuzes = (first?.keuzes ?? []).enumerated().compactMap { index, reference in
            let row = reports.map { $0.keuzes[index] }
            guard Set(row.map(\.gekozen.id)).count > 1 else { return nil }
            return DecisionRow(beslissing: reference.beslissing, ficheTitel: reference.ficheTitel, vraag: reference.vraag,
                               huidigeLijn: reference.huidigeLijn.titel, keuzes: row.map(\.gekozen.titel),
                               afwijking: row.map(\.afwijking))
        }
        // Deltas come from the effects that differ: an effect both scenarios share (same rule or option, same place
        // in the rule base) cancels out, so its unknown amount does not make the difference unknown.
        struct EffectKey: Hashable { var location: String; var origin: String }
        let periodYears = (first?.geld.jaren ?? []).map(\.jaar)
        let lastYear = periodYears.last ?? 0
        func keyed(_ report: R) -> [EffectKey: R.EffectLine] {
            Dictionary(report.effecten.map { (EffectKey(location: $0.locatie, origin: $0.herkomst), $0) }, uniquingKeysWith: { lhs, _ in lhs })
        }
        let keyedReports = reports.map(keyed)
        func burden(_ line: R.EffectLine, year: Int) -> AmountTotal {
            guard let amount = line.perJaar.first(where: { $0.jaar == year })?.bedrag.amountTotal else { return .zero }
            return line.soort == BudgetSide.baten.rawValue ? AmountTotal.zero.subtracting(amount) : amount
        }
        func runRate(_ line: R.EffectLine) -> AmountTotal {
            line.vanaf != nil && line.aard == BudgetNature.structureel.rawValue ? burden(line, year: lastYear) : .zero
        }
        func delta(_ index: Int, _ measure: (R.EffectLine) -> AmountTotal) -> R.Total {
            let mine = keyedReports[index], reference = keyedReports[0]
            var added = AmountTotal.zero, removed = AmountTotal.zero
            for (key, line) in mine where reference[key] == nil { added.add(measure(line)) }
            for (key, line) in reference where mine[key] == nil { removed.add(measure(line)) }
            return R.Total(added.subtracting(removed))
        }
        func withDeltas(_ totals: [R.Total], _ measure: @escaping (R.EffectLine) -> AmountTotal) -> [TotalWithDelta] {
            totals.enumerated().map { index, total in
                TotalWithDelta(totaal: total, verschil: index == 0 ? nil : delta(index, measure))
            }
        }
        geld = periodYears.enumerated().map { index, year in
            YearRow(jaar: year, nadeel: withDeltas(reports.map { $0.geld.jaren[index].nadeel }) { burden($0, year: year) })
        }
        structureelNaPeriode = withDeltas(reports.map(\.geld.structureelNaPeriode), runRate)
        saldoPeriode = withDeltas(reports.map(\.samenvatting.saldoPeriode)) { line in
            periodYears.reduce(into: AmountTotal.zero) { $0.add(burden(line, year: $1)) }
        }

        struct MessageKey: Hashable, Comparable {
            var level: MessageLevel
            var text: String
            static func < (lhs: MessageKey, rhs: MessageKey) -> Bool { (lhs.level, lhs.text) < (rhs.level, rhs.text) }
        }
        let messageSets = reports.map { Set($0.meldingen.map { MessageKey(level: $0.niveau, text: $0.tekst) }) }
        let allMessages = messageSets.reduce(into: Set<MessageKey>()) { $0.formUnion($1) }
        verschillendeMeldingen = allMessages.sorted().compactMap { key in
            let present = messageSets.map { $0.contains(key) }
            return present.allSatisfy { $0 } ? nil : MessageRow(niveau: key.level, tekst: key.text, aanwezig: present)
        }
        var moments: [String: MomentRow] = [:]
        for (index, report) in reports.enumerated() {
            for item in report.tijdlijn where item.soort == .bijsturing {
                let key = item.verwijzing + "|" + item.titel
                var row = moments[key] ?? MomentRow(titel: item.titel, verwijzing: item.verwijzing, moment: item.moment.tekst,
                                                    kwartaal: item.kwartaal, begin: item.moment.begin, aanwezig: Array(repeating: false, count: reports.count))
                row.aanwezig[index] = true
                moments[key] = row
            }
        }
        stuurmomentenNietInAlle = moments.values.filter { !$0.aanwezig.allSatisfy { $0 } }
            .sorted { ($0.begin ?? Day(year: 9999, month: 1, day: 1)!, $0.verwijzing, $0.titel)
                < ($1.begin ?? Day(year: 9999, month: 1, day: 1)!, $1.verwijzing, $1.titel) }
    }
}
