/// The consolidated consequence report of one scenario: a presentation-neutral, Codable model that every
/// renderer (Markdown, JSON, ...) draws from. Field names are Dutch and stable; see `docs/report-json.md`.
public struct ConsequenceReport: Sendable, Hashable, Codable {
    /// Version of the JSON schema; raised on every incompatible change.
    public static let currentSchemaVersion = 3

    public var schemaVersion: Int
    public var dossier: DossierHeader
    public var scenario: ScenarioHeader
    /// What the scenario changes against the current line under its own assumptions and reference date.
    public var wijzigingen: Changes
    public var samenvatting: Summary
    public var keuzes: [Choice]
    public var aannames: [AssumptionValue]
    public var geld: MoneySection
    public var effecten: [EffectLine]
    /// Amounts already in the adopted budget for the fiches this scenario steers on (context, not in the totals).
    public var inBegroting: [EffectLine]
    public var meldingen: [Message]
    public var tijdlijn: [TimelineItem]
    public var kansenEnRisicos: [OpportunitiesAndRisks]
    public var partners: [Partners]
    public var externeOntwikkelingen: [Developments]
    public var bronnen: [SourceQuote]

    public struct DossierHeader: Sendable, Hashable, Codable {
        public var gemeente: String
        public var titel: String
        public var versie: String
        public var periode: [Int]
    }

    public struct ScenarioHeader: Sendable, Hashable, Codable {
        public var titel: String
        public var omschrijving: String?
        public var bestand: String
        public var peildatum: Day
    }

    public struct Summary: Sendable, Hashable, Codable {
        public var beslissingen: Int
        public var bijsturingen: Int
        public var standaardKeuzes: Int
        public var fouten: Int
        public var waarschuwingen: Int
        public var info: Int
        /// Effects with an unknown amount, in either direction.
        public var onbekendeBedragen: Int
        /// Effects with an unknown cost (nadeel) and with an unknown saving or revenue (voordeel).
        public var onbekendNadeel: Int
        public var onbekendVoordeel: Int
        public var saldoPeriode: Total
        public var structureelNaPeriode: Total
        /// The structural balance after the period (BBV "structureel en reëel evenwicht").
        public var structureelEvenwicht: StructuralBalance
        /// Years in which a structural nadeel stands against an incidental voordeel.
        public var structureelIncidenteelGedekt: [Int]
        /// Deviating choices that have no budget effect because of an assumption (a warning each).
        public var zonderBegrotingseffect: [NoEffectWarning]
    }

    /// A deviating choice without a budget effect, with the assumptions that keep the effect away.
    public struct NoEffectWarning: Sendable, Hashable, Codable {
        public var niveau: MessageLevel
        public var beslissing: DecisionRef
        public var tekst: String
        public var aannames: [BlockingAssumption]
    }

    /// An assumption whose other value would give a choice a budget effect.
    public struct BlockingAssumption: Sendable, Hashable, Codable {
        public var id: String
        public var titel: String
        public var waarde: Bool
        /// Rules with budget effects that would fire with the other value.
        public var regels: [String]
        /// The choice's marginal effect with the other value.
        public var marginaalBijAndereWaarde: Change
    }

    /// A change bound by bound, in cents: how much the lower and the upper bound of a total move, and how many
    /// unknown costs (nadeel) and unknown savings (voordeel) come in (positive) or drop out (negative). Changes add up
    /// exactly.
    public struct Delta: Sendable, Hashable, Codable {
        public var laagCent: Int64
        public var hoogCent: Int64
        public var onbekendNadeel: Int
        public var onbekendVoordeel: Int

        init(_ delta: BudgetDelta) {
            laagCent = delta.lower.cents
            hoogCent = delta.upper.cents
            onbekendNadeel = delta.unknownBurdens
            onbekendVoordeel = delta.unknownBenefits
        }

        public var isZero: Bool { laagCent == 0 && hoogCent == 0 && onbekendNadeel == 0 && onbekendVoordeel == 0 }

        /// The change in words (``DutchFormat/change(lower:upper:unknownBurdens:unknownBenefits:compact:)``).
        public func text(compact: Bool = false) -> String {
            DutchFormat.change(
                lower: Money(cents: laagCent), upper: Money(cents: hoogCent), unknownBurdens: onbekendNadeel,
                unknownBenefits: onbekendVoordeel, compact: compact)
        }
    }

    /// A change of the net burden: per year of the period, over the period, structurally after it.
    public struct Change: Sendable, Hashable, Codable {
        public var perJaar: [YearDelta]
        public var saldoPeriode: Delta
        public var structureelNaPeriode: Delta

        init(_ change: BudgetChange) {
            perJaar = change.perYear.map { YearDelta(jaar: $0.year, verschil: Delta($0.delta)) }
            saldoPeriode = Delta(change.period)
            structureelNaPeriode = Delta(change.structural)
        }

        public var isZero: Bool { saldoPeriode.isZero && structureelNaPeriode.isZero && perJaar.allSatisfy(\.verschil.isZero) }
    }

    public struct YearDelta: Sendable, Hashable, Codable {
        public var jaar: Int
        public var verschil: Delta
    }

    /// What the scenario changes against its baseline: the current line under the scenario's own assumptions and
    /// reference date (so choices and assumptions are never mixed).
    public struct Changes: Sendable, Hashable, Codable {
        public var bijsturingen: [DecisionChange]
        /// What the decisions do only together: `totaal` minus the sum of the marginals; absent when that is zero.
        public var interactie: Change?
        /// Scenario minus baseline.
        public var totaal: Change
        public var meldingenErbij: [Message]
        public var meldingenEraf: [Message]
        public var afwijkendeAannames: [ChangedAssumption]
    }

    /// One deviating decision: its marginal effect and its deadline.
    public struct DecisionChange: Sendable, Hashable, Codable {
        public var beslissing: DecisionRef
        public var ficheTitel: String
        public var gekozen: OptionSummary
        public var huidigeLijn: OptionSummary
        /// Scenario minus the scenario with only this decision on its current line.
        public var marginaal: Change
        public var termijn: Deadline
    }

    /// The last day to decide on a deviation.
    public struct Deadline: Sendable, Hashable, Codable {
        public var stuurmoment: MomentValue
        public var laatsteDag: Day?
        /// Days from the reference date to `laatsteDag`; negative when it has passed.
        public var dagenVanafPeildatum: Int?
        public var verstreken: Bool
        /// Decisions this one requires whose logical moment comes later.
        public var laterNodig: [DecisionRef]
        /// The last practical moment after the logical one (`uiterlijk` in the rule base), if any.
        public var uiterlijk: MomentValue?
        /// Days from the reference date to the last day of `uiterlijk`; negative when that has passed too.
        public var dagenTotUiterlijk: Int?
    }

    /// An assumption whose value differs from its default.
    public struct ChangedAssumption: Sendable, Hashable, Codable {
        public var id: String
        public var titel: String
        public var waarde: Bool
        public var standaardwaarde: Bool
    }

    /// An amount total in euro cents: `min` and `max` of the known part and the number of unknown costs (nadeel) and
    /// unknown savings or revenues (voordeel).
    public struct Total: Sendable, Hashable, Codable {
        public var minCent: Int64
        public var maxCent: Int64
        public var onbekendNadeel: Int
        public var onbekendVoordeel: Int

        init(_ total: AmountTotal) {
            minCent = total.minimum.cents
            maxCent = total.maximum.cents
            onbekendNadeel = total.unknownBurdens
            onbekendVoordeel = total.unknownBenefits
        }

        public var amountTotal: AmountTotal {
            AmountTotal(
                minimum: Money(cents: minCent), maximum: Money(cents: maxCent), unknownBurdens: onbekendNadeel,
                unknownBenefits: onbekendVoordeel)
        }
    }

    public struct OptionSummary: Sendable, Hashable, Codable {
        public var id: String
        public var titel: String
    }

    public struct Choice: Sendable, Hashable, Codable {
        public var beslissing: DecisionRef
        public var fiche: String
        public var ficheTitel: String
        public var vraag: String
        public var gekozen: OptionSummary
        public var huidigeLijn: OptionSummary
        public var afwijking: Bool
        public var expliciet: Bool
        public var stuurmoment: MomentValue?
    }

    public struct MomentValue: Sendable, Hashable, Codable {
        public var tekst: String
        public var begin: Day?
        public var eind: Day?
    }

    public struct AssumptionValue: Sendable, Hashable, Codable {
        public var id: String
        public var titel: String
        public var waarde: Bool
        public var standaard: Bool
    }

    public struct MoneySection: Sendable, Hashable, Codable {
        public var jaren: [YearLine]
        public var programmas: [GroupLine]
        public var opgaven: [GroupLine]
        public var structureelNaPeriode: Total
        public var kader: Frame?
    }

    public struct YearLine: Sendable, Hashable, Codable {
        public var jaar: Int
        public var lasten: Total
        public var baten: Total
        /// Lasten − baten: positive is a nadeel for the budget.
        public var nadeel: Total
        public var structureel: Total
        public var incidenteel: Total
        /// `structureel` split at zero: the structural burdens (positive) and the structural means (negative, as a
        /// burden); together they are `structureel`.
        public var structureelNadeel: Total
        public var structureelVoordeel: Total
    }

    public struct GroupLine: Sendable, Hashable, Codable {
        public var id: String
        public var titel: String
        /// Net burden per year, in the order of `geld.jaren`.
        public var perJaar: [Total]
    }

    public struct Frame: Sendable, Hashable, Codable {
        public var maxStructureelNadeelCent: Int64?
        public var maxNadeelPerJaarCent: Int64?
    }

    public struct EffectLine: Sendable, Hashable, Codable {
        /// Stable number within the report (`E1`, `E2`, ...), used by the sources section.
        public var nummer: String
        public var omschrijving: String
        public var fiche: String
        @ReportText public var herkomst: Origin
        public var soort: BudgetSide
        public var aard: BudgetNature
        public var programma: String
        @ReportText public var bedrag: EffectAmount
        public var perJaar: [YearAmount]
        /// First year of a recurring effect that continues after the period (`vanaf`), if it is one.
        public var vanaf: Int?
        @OptionalReportText public var totaal: Amount?
        @OptionalReportText public var aandeel: Share?
        public var medefinanciers: [String]
        public var bron: Quote?
        public var aanname: String?
        @ReportText public var locatie: SourceLocation
        /// When the effect is an investment: the investment; `per_jaar` then holds its capital charges.
        public var investering: InvestmentLine?
    }

    /// An investment (BBV): the amount and year, and how it is written off. Its capital charges are the effect's
    /// `per_jaar` (structural, from the year after `jaar`, for `looptijd` years).
    public struct InvestmentLine: Sendable, Hashable, Codable {
        @ReportText public var bedrag: Amount
        public var jaar: Int
        public var looptijd: Int
        public var methode: DepreciationMethod
        @ReportText public var rente: Share
        /// Whether the rate is the rule base's `rente_investeringen` (a labelled assumption or quote) rather than the fiche's.
        public var standaardRente: Bool
        /// The capital charge of the first year (`jaar + 1`).
        public var eersteJaarlast: Total
        public var aanname: String?
    }

    public struct YearAmount: Sendable, Hashable, Codable {
        public var jaar: Int
        public var bedrag: Total
    }

    /// A quote; `document`, `bestand` and `regel` say where it stands in its source text, when it was verified there.
    public struct Quote: Sendable, Hashable, Codable {
        public var fiche: String
        public var citaat: String
        public var document: String?
        public var bestand: String?
        public var regel: Int?
    }

    public struct Message: Sendable, Hashable, Codable {
        public var niveau: MessageLevel
        public var soort: MessageKind
        public var tekst: String
        @ReportText public var herkomst: Origin
        @OptionalReportText public var locatie: SourceLocation?
    }

    public struct TimelineItem: Sendable, Hashable, Codable {
        public var soort: TimelineEntry.Kind
        public var titel: String
        public var verwijzing: String
        public var moment: MomentValue
        public var kwartaal: String?
        public var planning: String?
        public var verstreken: Bool
    }

    public struct OpportunitiesAndRisks: Sendable, Hashable, Codable {
        public var beslissing: DecisionRef
        public var optie: String
        public var afwijking: Bool
        public var kansen: [String]
        public var risicos: [String]
    }

    public struct Partners: Sendable, Hashable, Codable {
        public var fiche: String
        public var titel: String
        public var partners: [String]
    }

    public struct Developments: Sendable, Hashable, Codable {
        public var fiche: String
        public var ontwikkelingen: [String]
    }

    /// A quote with the effects that rest on it; `document`, `bestand` and `regel` as in ``Quote``.
    public struct SourceQuote: Sendable, Hashable, Codable {
        public var fiche: String
        public var citaat: String
        public var effecten: [String]
        public var document: String?
        public var bestand: String?
        public var regel: Int?
    }
}
