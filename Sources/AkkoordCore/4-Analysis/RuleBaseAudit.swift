/// Consistency findings about a rule base that loads: what the dossier itself leaves doubtful. These do not stop
/// evaluation, so `report` stays quiet about them; `check` reports them.
public struct RuleBaseAudit: Sendable {
    public var ruleBase: RuleBase

    public init(ruleBase: RuleBase) { self.ruleBase = ruleBase }

    /// Every finding, sorted by location.
    public func findings() -> [Diagnostic] {
        (doubts() + conflictingFacts() + valuesPastTheirEnd() + momentsWithoutReason() + optionsRepeatingCurrentLine()
            + currentLinesEndingWhatContinues() + lapsesBeforeTheirMoment() + optionsWithoutBudgetEffect()
            + ConstraintAnalysis(ruleBase: ruleBase).findings()).sorted()
    }

    /// Each recorded doubt (placeholder dates, duplicated blocks, contradictions) as a warning.
    public func doubts() -> [Diagnostic] {
        ruleBase.fiches.flatMap { fiche in
            fiche.doubts.map { Diagnostic(.auditDoubt, .warning, $0.location, "twijfel in fiche \(fiche.code): \($0.text)") }
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
                        .auditFactConflict, .warning, differing.location,
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
                            .auditAfterLapse, .warning, effect.location,
                            "\(ref): de huidige lijn loopt af op '\(lapse.moment.period?.text ?? "")', maar dit bedrag wordt nog gebruikt in \(first)\(late.count > 1 ? "–\(late.last!)" : "")"
                        ))
                }
            }
        }
        return findings
    }

    /// Decisions whose own steering moment differs from their fiche's without a `toelichting` saying why. The
    /// dossier's logical moment is the fiche's; a later practical moment belongs under `uiterlijk`.
    public func momentsWithoutReason() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (ref, fiche, decision) in ruleBase.allDecisions {
            guard let own = decision.steeringMoment, let ficheMoment = fiche.steeringMoment, own.explanation == nil,
                !Self.sameInterval(own.moment, ficheMoment.moment)
            else { continue }
            findings.append(
                Diagnostic(
                    .auditMomentDiffers, .warning, own.location,
                    "\(ref): het stuurmoment \(InputText.quoted(own.text)) wijkt af van dat van fiche \(fiche.code) (\(InputText.quoted(ficheMoment.text))) zonder 'toelichting'; zeg waarom, of zet een later praktisch moment onder 'uiterlijk'"
                ))
        }
        return findings
    }

    /// Decisions whose current line lapses (`verloopt`) before the moment to decide begins: the logical steering
    /// moment (the decision's own, else its fiche's) or, when that is in time, the last practical moment
    /// (`uiterlijk`). Whoever waits for that moment finds the line already lapsed, so the order is wrong: the moment, or
    /// the lapse, is not what the dossier means. One warning per decision, at the moment, with a note at the decision
    /// that holds `verloopt`. Unknown moments and moments relative to the coalition start are not compared.
    public func lapsesBeforeTheirMoment() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (ref, fiche, decision) in ruleBase.allDecisions {
            guard let lapse = decision.lapse, let lapsed = lapse.moment.period,
                let steering = decision.steeringMoment ?? fiche.steeringMoment
            else { continue }
            let lapseText = "de huidige lijn verloopt \(InputText.quoted(lapsed.text)) (t/m \(DutchFormat.date(lapsed.end)))"
            let note = Diagnostic.Note(decision.location, "hier staat 'verloopt' bij beslissing \(ref)")
            if let moment = steering.moment.period, moment.start > lapsed.end {
                findings.append(
                    Diagnostic(
                        .auditLapseBeforeMoment, .warning, steering.location,
                        "\(ref): \(lapseText), vóór het logische moment om bij te sturen \(InputText.quoted(steering.text)) "
                            + "(vanaf \(DutchFormat.date(moment.start))); wie tot dan wacht, is te laat. Controleer 'verloopt' "
                            + "en het stuurmoment, of geef de beslissing een eigen, eerder stuurmoment",
                        notes: [note]))
            } else if let latest = steering.latest, let moment = latest.moment.period, moment.start > lapsed.end {
                findings.append(
                    Diagnostic(
                        .auditLapseBeforeMoment, .warning, latest.location,
                        "\(ref): \(lapseText), vóór het uiterste moment \(InputText.quoted(latest.text)) "
                            + "(vanaf \(DutchFormat.date(moment.start))); dat moment is dan te laat. Controleer 'verloopt' "
                            + "en 'uiterlijk'",
                        notes: [note]))
            }
        }
        return findings
    }

    /// Options that are not the current line while their title repeats the fiche's `huidige_lijn` text: either the
    /// current line is marked on the wrong option, or the title needs to say how it differs.
    public func optionsRepeatingCurrentLine() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (ref, fiche, decision) in ruleBase.allDecisions {
            let currentLine = Self.words(fiche.currentLine)
            for option in decision.options where !option.isCurrentLine {
                let title = Self.words(option.title)
                guard title.count >= Self.minimumRepeatedWords, Self.contains(currentLine, title) else { continue }
                findings.append(
                    Diagnostic(
                        .auditCurrentLineTitle, .warning, option.location,
                        "\(ref).\(option.id) is niet de huidige lijn, maar de titel herhaalt de huidige lijn van fiche \(fiche.code) (\(InputText.quoted(option.title))); markeer de juiste optie met 'huidige_lijn: ja' of zeg in de titel waarin deze optie afwijkt"
                    ))
            }
        }
        return findings
    }

    /// Current lines that end something while the fiche's `huidige_lijn` speaks of continuing it, and the decision
    /// has no `verloopt` saying when and how the line ends. A heuristic on words: the option's id or title holds a word
    /// that ends (`stop`, `aflopen`, `afbouwen`, `beëindigen`, `opzeggen`, `vervallen`, `afschaffen`, or `niet`
    /// before a word that continues), and the fiche's current-line text holds a word that continues (`continueren`,
    /// `voortzetten`, `doorzetten`, `verlengen`, `versterken`, `doorontwikkelen`, `bestendigen`, `doorgaan`). Either
    /// the current line is marked on the wrong option, or `verloopt` should record that the line ends by itself.
    public func currentLinesEndingWhatContinues() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (ref, fiche, decision) in ruleBase.allDecisions where decision.lapse == nil {
            guard let current = decision.currentLine,
                let ending = Self.endingWord(Self.words(current.id) + Self.words(current.title)),
                let continuing = Self.words(fiche.currentLine).first(where: Self.continues)
            else { continue }
            findings.append(
                Diagnostic(
                    .auditCurrentLineEnds, .warning, current.location,
                    "\(ref).\(current.id) is de huidige lijn en beëindigt iets (\(InputText.quoted(ending))), terwijl de huidige lijn van fiche \(fiche.code) spreekt van doorgaan (\(InputText.quoted(String(continuing)))); markeer de juiste optie met 'huidige_lijn: ja', of leg met 'verloopt' vast wanneer en hoe de lijn vanzelf afloopt"
                ))
        }
        return findings
    }

    /// Word beginnings that end a line, and that continue one.
    static let endingStems = ["stop", "aflop", "afbouw", "beëindig", "beeindig", "opzeg", "vervall", "afschaf"]
    static let continuingStems = [
        "continu", "voortzet", "voortgezet", "doorzet", "doorgezet", "verleng", "versterk", "doorontwikkel", "bestendig",
        "doorgaan",
    ]

    private static func continues(_ word: Substring) -> Bool { continuingStems.contains { word.hasPrefix($0) } }

    /// The first word that ends something: an ending stem, or `niet` directly before a word that continues.
    private static func endingWord(_ words: [Substring]) -> String? {
        for (index, word) in words.enumerated() {
            if endingStems.contains(where: { word.hasPrefix($0) }) { return String(word) }
            if word == "niet", index + 1 < words.count, continues(words[index + 1]) { return "niet \(words[index + 1])" }
        }
        return nil
    }

    /// Options other than the current line that change no budget and do not say so: no effects of their own, no rule
    /// with effects that names the option (`keuze`) or its decision (`afwijking`), no effects on the current line that
    /// the choice would drop, and no `geen_begrotingseffect`. Such an option would count as a silent € 0.
    public func optionsWithoutBudgetEffect() -> [Diagnostic] {
        var namedOptions: Set<OptionRef> = [], namedDecisions: Set<DecisionRef> = []
        for rule in ruleBase.rules where !rule.effects.isEmpty {
            Self.collect(rule.condition, options: &namedOptions, decisions: &namedDecisions)
        }
        var findings: [Diagnostic] = []
        for (ref, _, decision) in ruleBase.allDecisions {
            let currentLineChangesMoney =
                !(decision.currentLine?.effects.isEmpty ?? true) || namedDecisions.contains(ref)
                || decision.currentLine.map { namedOptions.contains(OptionRef(decision: ref, option: $0.id)) } ?? false
            for option in decision.options
            where !option.isCurrentLine && option.effects.isEmpty && option.noBudgetEffect == nil && !currentLineChangesMoney
                && !namedOptions.contains(OptionRef(decision: ref, option: option.id))
            {
                findings.append(
                    Diagnostic(
                        .auditOptionWithoutEffect, .warning, option.location,
                        "\(ref).\(option.id) heeft geen begrotingseffect en zegt niet waarom; geef 'effecten' (desnoods 'bedrag: onbekend') of 'geen_begrotingseffect' met 'bron' of 'aanname'"
                    ))
            }
        }
        return findings
    }

    private static func collect(_ condition: Condition, options: inout Set<OptionRef>, decisions: inout Set<DecisionRef>) {
        switch condition {
        case .chosen(let ref): options.insert(ref)
        case .deviates(let ref): decisions.insert(ref)
        case .assumption: break
        case .all(let parts), .any(let parts): for part in parts { collect(part, options: &options, decisions: &decisions) }
        case .not(let inner): collect(inner, options: &options, decisions: &decisions)
        }
    }

    /// A title shorter than this many words ("Continueren") repeats a current line by chance.
    static let minimumRepeatedWords = 5

    private static func sameInterval(_ lhs: Moment, _ rhs: Moment) -> Bool {
        switch (lhs, rhs) {
        case (.known(let a), .known(let b)): a.start == b.start && a.end == b.end
        case (.unknown, .unknown), (.coalitionStart, .coalitionStart): true
        default: false
        }
    }

    /// Lowercased words of letters and digits only, so punctuation and line breaks do not matter.
    private static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }
    }

    private static func contains(_ haystack: [Substring], _ needle: [Substring]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
