/// The kind of problem a diagnostic reports, as a stable kebab-case name grouped by area ("yaml.duplicate-key",
/// "ref.unknown-option"). The message may be reworded; the id stays, so scripts and tests can rely on it. The same
/// kind of problem has the same id wherever it is found. docs/checks.md lists every id (a test keeps them equal).
public struct DiagnosticID: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue < rhs.rawValue }

    private init(_ rawValue: String) { self.rawValue = rawValue }

    // MARK: Files and folders

    /// A file or folder cannot be read (permissions, a folder where a file is expected).
    public static let fileUnreadable = DiagnosticID("file.unreadable")
    /// A file is larger than the load limit.
    public static let fileTooLarge = DiagnosticID("file.too-large")
    /// A file holds no YAML document.
    public static let fileEmpty = DiagnosticID("file.empty")
    /// A folder of the rule base does not exist.
    public static let folderMissing = DiagnosticID("folder.missing")
    /// A path that should be a folder is a file.
    public static let folderNotAFolder = DiagnosticID("folder.not-a-folder")
    /// The rule base folder has no dossier.yaml.
    public static let ruleBaseNoDossier = DiagnosticID("rulebase.no-dossier")
    /// No rule base was given or found next to the scenario.
    public static let ruleBaseNotFound = DiagnosticID("rulebase.not-found")
    /// Scenarios of one command name different rule bases.
    public static let ruleBaseConflict = DiagnosticID("rulebase.conflict")

    // MARK: YAML

    /// libyaml cannot parse the text.
    public static let yamlSyntax = DiagnosticID("yaml.syntax")
    /// The bytes are not valid UTF-8 (or contain bytes YAML forbids).
    public static let yamlEncoding = DiagnosticID("yaml.encoding")
    /// A mapping has the same key twice.
    public static let yamlDuplicateKey = DiagnosticID("yaml.duplicate-key")
    /// A key is a list or mapping instead of plain text.
    public static let yamlComplexKey = DiagnosticID("yaml.complex-key")
    /// The file holds more than one document.
    public static let yamlMultipleDocuments = DiagnosticID("yaml.multiple-documents")
    /// A value contains a control character.
    public static let yamlControlCharacter = DiagnosticID("yaml.control-character")
    /// An alias names an anchor that is not defined before it.
    public static let yamlUnknownAlias = DiagnosticID("yaml.unknown-alias")
    /// The document has too many nodes or too many levels.
    public static let yamlTooLarge = DiagnosticID("yaml.too-large")
    /// The YAML reader ran out of memory.
    public static let yamlOutOfMemory = DiagnosticID("yaml.out-of-memory")

    // MARK: Keys

    /// A required key is absent.
    public static let keyMissing = DiagnosticID("key.missing")
    /// A key is not allowed at this place.
    public static let keyUnknown = DiagnosticID("key.unknown")
    /// None of the keys of which one is needed is given.
    public static let keyNoneOf = DiagnosticID("key.none-of")
    /// Keys are given that exclude each other.
    public static let keyConflict = DiagnosticID("key.conflict")

    // MARK: Values

    /// A mapping was expected.
    public static let valueNotMapping = DiagnosticID("value.not-mapping")
    /// A list was expected.
    public static let valueNotList = DiagnosticID("value.not-list")
    /// A text was expected.
    public static let valueNotText = DiagnosticID("value.not-text")
    /// A text is empty (or a list that needs items has none).
    public static let valueEmpty = DiagnosticID("value.empty")
    /// An id is not made of lower-case letters, digits and '-'.
    public static let valueIdentifier = DiagnosticID("value.identifier")
    /// The value is not one of the allowed words.
    public static let valueNotAllowed = DiagnosticID("value.not-allowed")
    /// ja/nee was expected.
    public static let valueBoolean = DiagnosticID("value.boolean")
    /// A whole number was expected.
    public static let valueInteger = DiagnosticID("value.integer")
    /// A date was expected.
    public static let valueDate = DiagnosticID("value.date")
    /// A percentage was expected.
    public static let valuePercentage = DiagnosticID("value.percentage")
    /// An amount in euro, a range or 'onbekend' was expected.
    public static let valueAmount = DiagnosticID("value.amount")
    /// A range has 'min' above 'max'.
    public static let valueRangeReversed = DiagnosticID("value.range-reversed")
    /// A fiche code such as 2F was expected.
    public static let valueFicheCode = DiagnosticID("value.fiche-code")
    /// A reference does not have the form fiche.beslissing or fiche.beslissing.optie.
    public static let valueReferenceForm = DiagnosticID("value.reference-form")
    /// A period text is not understood.
    public static let valuePeriod = DiagnosticID("value.period")
    /// A file name of a source is a path or its SHA-256 is malformed.
    public static let valueSourceFile = DiagnosticID("value.source-file")

    // MARK: Bounds

    /// A year lies outside the supported years.
    public static let boundsYear = DiagnosticID("bounds.year")
    /// A year lies outside the period of the rule base.
    public static let boundsPeriodYear = DiagnosticID("bounds.period-year")
    /// The period is reversed or longer than allowed.
    public static let boundsPeriod = DiagnosticID("bounds.period")
    /// A number or amount is above its ceiling.
    public static let boundsAmount = DiagnosticID("bounds.amount")
    /// A choice's `gewicht` lies outside 0–1000.
    public static let boundsWeight = DiagnosticID("bounds.weight")
    /// Money arithmetic would overflow.
    public static let boundsOverflow = DiagnosticID("bounds.overflow")

    // MARK: Rule base structure

    /// An id is defined twice.
    public static let idDuplicate = DiagnosticID("id.duplicate")
    /// A year is listed twice in 'jaren'.
    public static let yearDuplicate = DiagnosticID("year.duplicate")
    /// A decision has fewer than two options.
    public static let decisionTooFewOptions = DiagnosticID("decision.too-few-options")
    /// A decision has no current line, or more than one.
    public static let decisionCurrentLine = DiagnosticID("decision.current-line")
    /// A rule's 'dan' does nothing.
    public static let ruleNoEffect = DiagnosticID("rule.no-effect")
    /// A fiche-specific assumption id lacks the fiche prefix.
    public static let assumptionPrefix = DiagnosticID("assumption.prefix")
    /// An effect's 'bedrag' differs from 'totaal' × 'aandeel'.
    public static let effectAmountMismatch = DiagnosticID("effect.amount-mismatch")
    /// 'aard: structureel' on an effect that counts in one year only.
    public static let effectStructuralOneYear = DiagnosticID("effect.structural-one-year")

    /// A structured scenario choice contradicts itself (an option both chosen and under `nooit`, `moet` without `optie`).
    public static let choiceContradiction = DiagnosticID("choice.contradiction")

    // MARK: References

    /// An unknown opgave.
    public static let refUnknownOpgave = DiagnosticID("ref.unknown-opgave")
    /// An unknown programme.
    public static let refUnknownProgramme = DiagnosticID("ref.unknown-programme")
    /// An unknown fiche.
    public static let refUnknownFiche = DiagnosticID("ref.unknown-fiche")
    /// An unknown source document.
    public static let refUnknownSource = DiagnosticID("ref.unknown-source")
    /// An unknown decision.
    public static let refUnknownDecision = DiagnosticID("ref.unknown-decision")
    /// An unknown option of a decision.
    public static let refUnknownOption = DiagnosticID("ref.unknown-option")
    /// An unknown assumption.
    public static let refUnknownAssumption = DiagnosticID("ref.unknown-assumption")
    /// An unknown rule.
    public static let refUnknownRule = DiagnosticID("ref.unknown-rule")

    // MARK: Quotes

    /// A quote is not literally in its source text.
    public static let quoteNotFound = DiagnosticID("quote.not-found")
    /// Quotes could not be verified (no sources, or a source text is absent).
    public static let quoteUnverified = DiagnosticID("quote.unverified")
    /// A source text has a different SHA-256 than dossier.yaml states.
    public static let quoteSourceChanged = DiagnosticID("quote.source-changed")

    // MARK: Audit of the rule base

    /// A fiche records a doubt.
    public static let auditDoubt = DiagnosticID("audit.doubt")
    /// One fact has different values in the dossier.
    public static let auditFactConflict = DiagnosticID("audit.fact-conflict")
    /// An amount is used after the current line lapses.
    public static let auditAfterLapse = DiagnosticID("audit.after-lapse")
    /// A decision's steering moment differs from its fiche's without explanation.
    public static let auditMomentDiffers = DiagnosticID("audit.moment-differs")
    /// A steering moment lies before the period.
    public static let auditMomentBeforePeriod = DiagnosticID("audit.moment-before-period")
    /// An option that is not the current line has the current line's title.
    public static let auditCurrentLineTitle = DiagnosticID("audit.current-line-title")
    /// A decision's current line lapses (`verloopt`) before its steering moment (or its last practical moment) begins.
    public static let auditLapseBeforeMoment = DiagnosticID("audit.lapse-before-moment")
    /// The current line is an option that ends something (stop, aflopen, afbouwen) while the fiche's current line
    /// speaks of continuing, and the decision has no `verloopt` saying when and how it ends.
    public static let auditCurrentLineEnds = DiagnosticID("audit.current-line-ends")
    /// An option other than the current line has no budget effect and does not say `geen_begrotingseffect`.
    public static let auditOptionWithoutEffect = DiagnosticID("audit.option-without-effect")

    // MARK: Constraints between options

    /// An option both requires and excludes the same option.
    public static let constraintRequiresAndExcludes = DiagnosticID("constraint.requires-and-excludes")
    /// An option can never be chosen without an error.
    public static let constraintUnchoosable = DiagnosticID("constraint.unchoosable")
    /// A rule's condition can never hold.
    public static let constraintNeverHolds = DiagnosticID("constraint.never-holds")
    /// The analysis stopped early: too many combinations.
    public static let constraintIncomplete = DiagnosticID("constraint.incomplete")

    // MARK: Scenario findings (check on a scenario)

    /// A scenario was checked only in part (or not at all) because the rule base has errors.
    public static let scenarioNotChecked = DiagnosticID("scenario.not-checked")
    /// A rule of the rule base fires.
    public static let scenarioRule = DiagnosticID("scenario.rule")
    /// A chosen option requires another choice.
    public static let scenarioRequires = DiagnosticID("scenario.requires")
    /// A chosen option excludes another choice.
    public static let scenarioExcludes = DiagnosticID("scenario.excludes")
    /// A steering moment has passed on the peildatum.
    public static let scenarioMomentPassed = DiagnosticID("scenario.moment-passed")
    /// A steering moment cannot be placed in time.
    public static let scenarioMomentUnknown = DiagnosticID("scenario.moment-unknown")
    /// A choice depends on one that is made later.
    public static let scenarioDependencyLater = DiagnosticID("scenario.dependency-later")
    /// The current line lapses.
    public static let scenarioLapses = DiagnosticID("scenario.lapses")
    /// A financial frame is exceeded.
    public static let scenarioFrame = DiagnosticID("scenario.frame")
    /// An amount is unknown.
    public static let scenarioUnknownAmount = DiagnosticID("scenario.unknown-amount")
    /// Structural costs lean on incidental money in a year (BBV: structureel en reëel evenwicht).
    public static let scenarioStructuralBalance = DiagnosticID("scenario.structural-balance")

    /// Every id, in the order docs/checks.md lists them.
    public static let all: [DiagnosticID] = [
        fileUnreadable, fileTooLarge, fileEmpty, folderMissing, folderNotAFolder, ruleBaseNoDossier, ruleBaseNotFound,
        ruleBaseConflict,
        yamlSyntax, yamlEncoding, yamlDuplicateKey, yamlComplexKey, yamlMultipleDocuments, yamlControlCharacter,
        yamlUnknownAlias, yamlTooLarge, yamlOutOfMemory,
        keyMissing, keyUnknown, keyNoneOf, keyConflict,
        valueNotMapping, valueNotList, valueNotText, valueEmpty, valueIdentifier, valueNotAllowed, valueBoolean,
        valueInteger, valueDate, valuePercentage, valueAmount, valueRangeReversed, valueFicheCode, valueReferenceForm,
        valuePeriod, valueSourceFile,
        boundsYear, boundsPeriodYear, boundsPeriod, boundsAmount, boundsWeight, boundsOverflow,
        idDuplicate, yearDuplicate, decisionTooFewOptions, decisionCurrentLine, ruleNoEffect, assumptionPrefix,
        effectAmountMismatch, effectStructuralOneYear, choiceContradiction,
        refUnknownOpgave, refUnknownProgramme, refUnknownFiche, refUnknownSource, refUnknownDecision, refUnknownOption,
        refUnknownAssumption, refUnknownRule,
        quoteNotFound, quoteUnverified, quoteSourceChanged,
        auditDoubt, auditFactConflict, auditAfterLapse, auditMomentDiffers, auditMomentBeforePeriod,
        auditCurrentLineTitle, auditLapseBeforeMoment, auditCurrentLineEnds,
        auditOptionWithoutEffect,
        constraintRequiresAndExcludes, constraintUnchoosable, constraintNeverHolds, constraintIncomplete,
        scenarioNotChecked, scenarioRule, scenarioRequires, scenarioExcludes, scenarioMomentPassed, scenarioMomentUnknown,
        scenarioDependencyLater, scenarioLapses, scenarioFrame, scenarioUnknownAmount,
        scenarioStructuralBalance,
    ]
}
