/// The keys of one kind of YAML mapping, as an enumeration: the single source for the loader's key checks
/// (``MappingReader`` accepts exactly these), its readers (which can only ask for a key of their own kind), the JSON
/// Schemas in `schemas/` (SchemaTests compares them) and the glossary in docs/architecture.md. A case's raw value is the
/// Dutch key as written in YAML.
public protocol FormatKey: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

/// The keys of a mapping that can quote its source (`bron`).
protocol QuotedKey: FormatKey {
    static var bron: Self { get }
}

/// The keys of a mapping that states its provenance: a quote (`bron`) or a labelled assumption (`aanname`).
protocol ProvenanceKey: QuotedKey {
    static var aanname: Self { get }
}

extension FormatKey {
    /// The keys as written in YAML, in declaration order.
    public static var keys: [String] { allCases.map(\.rawValue) }
}

/// The keys of `dossier.yaml`.
public enum DossierKey: String, FormatKey {
    case gemeente
    case titel
    case versie
    case periode
    case startCoalitie = "start_coalitie"
    case opgaven
    case programmas
    case planning
    case aannames
    case bronnen
    case renteInvesteringen = "rente_investeringen"
}

/// The keys of `rente_investeringen` in `dossier.yaml`: the rule base's interest rate for investments.
public enum InterestKey: String, FormatKey, ProvenanceKey {
    case percentage
    case bron
    case aanname
}

/// The keys of an effect's `investering`.
public enum InvestmentKey: String, FormatKey {
    case jaar
    case looptijd
    case methode
    case rente
    case aanname
}

/// The keys of a period (`periode`).
public enum PeriodKey: String, FormatKey {
    case van
    case tot
}

/// The keys of an opgave or programme.
public enum LabelKey: String, FormatKey {
    case id
    case titel
}

/// The keys of a declared source text under `bronnen`.
public enum SourceTextKey: String, FormatKey {
    case id
    case titel
    case uitgever
    case datum
    case sha256
    case bestand
}

/// The keys of a planning-and-control moment.
public enum PlanningItemKey: String, FormatKey {
    case id
    case titel
    case moment
}

/// The keys of an assumption.
public enum AssumptionKey: String, FormatKey, QuotedKey {
    case id
    case titel
    case standaard
    case kans
    case moment
    case toelichting
    case bron
}

/// The keys of an assumption's probability written as a mapping (`kans: {waarde: 50%, schatting: ja}`).
public enum ProbabilityKey: String, FormatKey {
    case waarde
    case schatting
    case bron
}

/// The keys of a fiche file.
public enum FicheKey: String, FormatKey {
    case code
    case titel
    case opgaven
    case programma
    case huidigeLijn = "huidige_lijn"
    case bronnen
    case partners
    case externeOntwikkelingen = "externe_ontwikkelingen"
    case stuurmoment
    case aannames
    case beslissingen
    case begroot
    case relaties
    case regels
    case feiten
    case twijfels
}

/// The keys of a source of a fiche (`bronnen`).
public enum SourceKey: String, FormatKey {
    case titel
    case einddatum
}

/// The keys of an external development.
public enum ExternalDevelopmentKey: String, FormatKey {
    case tekst
    case moment
    case aanname
}

/// The keys of a steering moment (`stuurmoment`).
public enum SteeringMomentKey: String, FormatKey {
    case tekst
    case periode
    case toelichting
    case uiterlijk
}

/// The keys of the last practical moment (`uiterlijk`).
public enum LatestMomentKey: String, FormatKey, ProvenanceKey {
    case tekst
    case periode
    case bron
    case aanname
}

/// The keys of a decision.
public enum DecisionKey: String, FormatKey {
    case id
    case vraag
    case vorm
    case stuurmoment
    case verloopt
    case opties
}

/// The keys of a lapse (`verloopt`).
public enum LapseKey: String, FormatKey {
    case moment
    case gevolg
}

/// The keys of an option.
public enum OptionKey: String, FormatKey {
    case id
    case titel
    case huidigeLijn = "huidige_lijn"
    case toelichting
    case effecten
    case vereist
    case sluitUit = "sluit_uit"
    case kansen
    case risicos
    case geenBegrotingseffect = "geen_begrotingseffect"
}

/// The keys of an option's `geen_begrotingseffect`: why choosing it changes no budget.
public enum NoBudgetEffectKey: String, FormatKey, ProvenanceKey {
    case bron
    case aanname
}

/// The keys of a budget effect.
public enum EffectKey: String, FormatKey, ProvenanceKey {
    case omschrijving
    case soort
    case aard
    case programma
    case bedrag
    case totaal
    case aandeel
    case medefinanciers
    case jaar
    case jaren
    case vanaf
    case perJaar = "per_jaar"
    case investering
    case bron
    case aanname
}

/// The keys of a range (`min`, `max`).
public enum RangeKey: String, FormatKey {
    case min
    case max
}

/// The keys of a quote (`bron`).
public enum QuoteKey: String, FormatKey {
    case fiche
    case citaat
    case document
}

/// The keys of a relation.
public enum RelationKey: String, FormatKey {
    case fiche
    case beleidsterrein
    case soort
    case tekst
}

/// The keys of a fact (`feiten`).
public enum FactKey: String, FormatKey {
    case id
    case waarde
    case citaat
}

/// The keys of a doubt (`twijfels`).
public enum DoubtKey: String, FormatKey {
    case tekst
    case citaat
}

/// The keys of a rule file.
public enum RuleFileKey: String, FormatKey {
    case regels
}

/// The keys of a cross-fiche rule.
public enum RuleKey: String, FormatKey, ProvenanceKey {
    case id
    case titel
    case als
    case dan
    case bron
    case aanname
}

/// The keys of a condition (`als`).
public enum ConditionKey: String, FormatKey {
    case keuze
    case afwijking
    case aanname
    case `is`
    case alle
    case eenVan = "een_van"
    case niet
}

/// The keys of a rule's consequence (`dan`).
public enum RuleThenKey: String, FormatKey {
    case melding
    case effecten
    case vereist
    case sluitUit = "sluit_uit"
}

/// The keys of a message (`melding`).
public enum MessageKey: String, FormatKey {
    case niveau
    case tekst
}

/// The keys of a scenario file.
public enum ScenarioKey: String, FormatKey {
    case regelbasis
    case titel
    case omschrijving
    case peildatum
    case keuzes
    case aannames
    case kader
    case risico
    case verwachtingen
}

/// The keys of a scenario's settings for `akkoord risico` (`risico`).
public enum RiskKey: String, FormatKey {
    case vast
    case kansen
}

/// The keys of a structured choice under `keuzes`.
public enum ChoiceKey: String, FormatKey {
    case optie
    case gewicht
    case moet
    case nooit
    case status
    case notitie
}

/// The keys of a budget frame (`kader`).
public enum FrameKey: String, FormatKey {
    case maxStructureelNadeel = "max_structureel_nadeel"
    case maxNadeelPerJaar = "max_nadeel_per_jaar"
}

/// The keys of expectations (`verwachtingen`).
public enum ExpectationsKey: String, FormatKey {
    case keuzes
    case nadeelPerJaar = "nadeel_per_jaar"
    case structureelNaPeriode = "structureel_na_periode"
    case meldingenAanwezig = "meldingen_aanwezig"
    case meldingenAfwezig = "meldingen_afwezig"
    case regelsAfgegaan = "regels_afgegaan"
    case regelsNietAfgegaan = "regels_niet_afgegaan"
    case fouten
}

/// The keys of an expected total.
public enum ExpectedTotalKey: String, FormatKey {
    case min
    case max
    case onbekend
}

/// The keys of an expected message.
public enum ExpectedMessageKey: String, FormatKey {
    case niveau
    case bevat
    case regel
}

/// Every kind of mapping by name, for the schema test.
public enum FormatKeys {
    public static let all: [String: [String]] = [
        "dossier": DossierKey.keys,
        "investmentInterest": InterestKey.keys,
        "investment": InvestmentKey.keys,
        "period": PeriodKey.keys,
        "label": LabelKey.keys,
        "sourceText": SourceTextKey.keys,
        "planningItem": PlanningItemKey.keys,
        "assumption": AssumptionKey.keys,
        "probability": ProbabilityKey.keys,
        "fiche": FicheKey.keys,
        "source": SourceKey.keys,
        "externalDevelopment": ExternalDevelopmentKey.keys,
        "steeringMoment": SteeringMomentKey.keys,
        "latestMoment": LatestMomentKey.keys,
        "decision": DecisionKey.keys,
        "lapse": LapseKey.keys,
        "option": OptionKey.keys,
        "noBudgetEffect": NoBudgetEffectKey.keys,
        "effect": EffectKey.keys,
        "range": RangeKey.keys,
        "quote": QuoteKey.keys,
        "relation": RelationKey.keys,
        "fact": FactKey.keys,
        "doubt": DoubtKey.keys,
        "ruleFile": RuleFileKey.keys,
        "rule": RuleKey.keys,
        "condition": ConditionKey.keys,
        "ruleThen": RuleThenKey.keys,
        "message": MessageKey.keys,
        "scenario": ScenarioKey.keys,
        "choice": ChoiceKey.keys,
        "frame": FrameKey.keys,
        "risk": RiskKey.keys,
        "expectations": ExpectationsKey.keys,
        "expectedTotal": ExpectedTotalKey.keys,
        "expectedMessage": ExpectedMessageKey.keys,
    ]
}
