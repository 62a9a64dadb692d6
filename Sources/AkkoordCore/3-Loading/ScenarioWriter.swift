/// A scenario as someone edits it (at the table, `akkoord serve`): what a scenario file says, without locations.
/// ``ScenarioWriter`` turns it into the YAML that ``ScenarioLoader`` reads back to the same scenario.
public struct ScenarioDraft: Sendable, Hashable {
    /// One decision the scenario names: the option it picks (none keeps the current line) and what it says beyond
    /// that (``ChoiceTerms``: weight, must, red lines, negotiation status, note).
    public struct Choice: Sendable, Hashable {
        public var decision: DecisionRef
        public var option: String?
        public var weight: Int
        public var isMust: Bool
        public var never: [String]
        public var status: NegotiationStatus?
        public var note: String?

        public init(
            decision: DecisionRef, option: String?, weight: Int = 1, isMust: Bool = false, never: [String] = [],
            status: NegotiationStatus? = nil, note: String? = nil
        ) {
            self.decision = decision
            self.option = option
            self.weight = weight
            self.isMust = isMust
            self.never = never
            self.status = status
            self.note = note
        }

        /// Written as `fiche.beslissing: optie`.
        public var isPlain: Bool { option != nil && weight == 1 && !isMust && never.isEmpty && status == nil && note == nil }
    }

    public var title: String
    public var description: String?
    public var referenceDate: Day
    /// Explicit choices; written in the rule base's decision order.
    public var choices: [Choice]
    /// Assumptions the scenario sets; written in the rule base's order.
    public var assumptions: [String: Bool]
    public var frame: BudgetFrame?
    /// The `regelbasis:` line, as seen from the scenario file, if any.
    public var ruleBaseFolder: String?

    public init(
        title: String, description: String? = nil, referenceDate: Day, choices: [Choice] = [], assumptions: [String: Bool] = [:],
        frame: BudgetFrame? = nil, ruleBaseFolder: String? = nil
    ) {
        self.title = title
        self.description = description
        self.referenceDate = referenceDate
        self.choices = choices
        self.assumptions = assumptions
        self.frame = frame
        self.ruleBaseFolder = ruleBaseFolder
    }

    /// The draft of a loaded scenario (its `verwachtingen` and comments are not part of a draft).
    public init(_ scenario: Scenario, ruleBaseFolder: String? = nil) {
        self.init(
            title: scenario.title, description: scenario.description, referenceDate: scenario.referenceDate,
            choices: Set(scenario.choices.keys).union(scenario.terms.keys).sorted().map { ref in
                let terms = scenario.terms[ref]
                return Choice(
                    decision: ref, option: scenario.choices[ref]?.value, weight: terms?.weight ?? 1, isMust: terms?.isMust ?? false,
                    never: terms?.never.map(\.value) ?? [], status: terms?.status, note: terms?.note)
            },
            assumptions: scenario.assumptions.mapValues(\.value), frame: scenario.frame, ruleBaseFolder: ruleBaseFolder)
    }
}

/// Writes a ``ScenarioDraft`` as scenario YAML: deterministic (the same draft and rule base give the same bytes), every
/// free text double-quoted, choices and assumptions in the rule base's order.
public struct ScenarioWriter: Sendable {
    public var ruleBase: RuleBase

    public init(ruleBase: RuleBase) { self.ruleBase = ruleBase }

    public func yaml(_ draft: ScenarioDraft) -> String {
        var lines = ["# Scenario, bewaard aan tafel (akkoord serve)."]
        if let folder = draft.ruleBaseFolder { lines.append("regelbasis: \(Self.quoted(folder))") }
        lines.append("titel: \(Self.quoted(draft.title))")
        if let description = draft.description { lines.append("omschrijving: \(Self.quoted(description))") }
        lines.append("peildatum: \(draft.referenceDate)")
        // The rule base's decision order, walked directly (``RuleBase/allDecisions`` copies every fiche).
        var order: [DecisionRef: Int] = [:]
        for fiche in ruleBase.fiches {
            for decision in fiche.decisions where order[DecisionRef(fiche: fiche.code, decision: decision.id)] == nil {
                order[DecisionRef(fiche: fiche.code, decision: decision.id)] = order.count
            }
        }
        // A choice that says nothing (no option, no terms) would be an empty mapping: it is left out.
        let choices = draft.choices.filter {
            $0.option != nil || $0.isMust || $0.weight != 1 || !$0.never.isEmpty || $0.status != nil || $0.note != nil
        }
        .sorted {
            (order[$0.decision] ?? Int.max, $0.decision) < (order[$1.decision] ?? Int.max, $1.decision)
        }
        if !choices.isEmpty {
            lines.append("keuzes:")
            lines += choices.map { "  \(Self.scalar($0.decision.description)): \(Self.value($0))" }
        }
        let known = ruleBase.assumptions.map(\.id)
        let assumptions = known.filter { draft.assumptions[$0] != nil } + draft.assumptions.keys.filter { !known.contains($0) }.sorted()
        if !assumptions.isEmpty {
            lines.append("aannames:")
            lines += assumptions.map { "  \(Self.scalar($0)): \(draft.assumptions[$0]! ? "ja" : "nee")" }
        }
        if let frame = draft.frame, frame.maxStructuralBurden != nil || frame.maxBurdenPerYear != nil {
            lines.append("kader:")
            if let money = frame.maxStructuralBurden { lines.append("  max_structureel_nadeel: \(Self.euros(money))") }
            if let money = frame.maxBurdenPerYear { lines.append("  max_nadeel_per_jaar: \(Self.euros(money))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A choice: the plain option, or the structured form as a flow mapping in a fixed key order.
    static func value(_ choice: ScenarioDraft.Choice) -> String {
        if choice.isPlain, let option = choice.option { return scalar(option) }
        var parts: [String] = []
        if let option = choice.option { parts.append("optie: \(scalar(option))") }
        if choice.weight != 1 { parts.append("gewicht: \(choice.weight)") }
        if choice.isMust { parts.append("moet: ja") }
        if !choice.never.isEmpty { parts.append("nooit: [\(choice.never.map(scalar).joined(separator: ", "))]") }
        if let status = choice.status { parts.append("status: \(status.rawValue)") }
        if let note = choice.note { parts.append("notitie: \(quoted(note))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// An amount as the loader reads it: whole euros plain, otherwise Dutch notation with a decimal comma, quoted.
    static func euros(_ money: Money) -> String {
        if money.cents % 100 == 0 { return "\(money.cents / 100)" }
        let sign = money.cents < 0 ? "-" : ""
        let magnitude = money.cents.magnitude
        let cents = magnitude % 100
        return "\"\(sign)\(magnitude / 100),\(cents < 10 ? "0" : "")\(cents)\""
    }

    /// An id as a plain scalar when it is one unambiguously (letters, digits, `.`, `-`, `_`, not starting with a sign
    /// or digit-only), otherwise quoted.
    static func scalar(_ text: String) -> String {
        let plain =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_"
            }
            && text.first != "-" && text.first != "." && !text.allSatisfy { $0.isNumber || $0 == "." || $0 == "_" }
            && !["ja", "nee", "yes", "no", "true", "false", "on", "off", "null", "y", "n"].contains(text.lowercased())
        return plain ? text : quoted(text)
    }

    /// A YAML double-quoted scalar: `\`, `"` and every control character escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028
                    || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension ScenarioWriter {
    /// The top-level sections a ``ScenarioDraft`` does not hold, kept when a file is written over.
    public static let keptSections = ["verwachtingen", "risico"]

    /// `yaml` (written by ``yaml(_:)``) as it replaces `existing`, the file it is saved over: the existing file's
    /// leading comment block takes the place of the writer's one-line header, and its `verwachtingen` and `risico`
    /// sections (with their comments) are appended as they were. Comments inside the other sections are not kept:
    /// those sections are rewritten from the draft.
    public static func keeping(_ yaml: String, from existing: String) -> String {
        let old = existing.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        var new = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if new.last == "" { new.removeLast() }
        let header = old.prefix { $0.hasPrefix("#") || $0.trimmingCharacters(in: .whitespaces).isEmpty }
        let comments = Array(header.reversed().drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }.reversed())
        if !comments.isEmpty, new.first?.hasPrefix("#") == true { new.replaceSubrange(0..<1, with: comments) }
        for key in keptSections {
            guard let start = old.firstIndex(where: { topLevelKey($0) == key }) else { continue }
            var end = start + 1
            while end < old.count, topLevelKey(old[end]) == nil, !(old[end].hasPrefix("#") && isLastComment(old, from: end)) { end += 1 }
            var block = Array(old[start..<end])
            while let last = block.last, last.trimmingCharacters(in: .whitespaces).isEmpty { block.removeLast() }
            new += block
        }
        return new.joined(separator: "\n") + "\n"
    }

    /// The key of a top-level mapping entry (`key:` at column 0), if the line is one.
    private static func topLevelKey(_ line: String) -> String? {
        guard let first = line.first, !first.isWhitespace, first != "#", first != "-", let colon = line.firstIndex(of: ":") else {
            return nil
        }
        return String(line[..<colon])
    }

    /// True when the comment lines from `index` on lead to the next top-level entry or the end (they belong to it, not
    /// to the section before).
    private static func isLastComment(_ lines: [String], from index: Int) -> Bool {
        var next = index
        while next < lines.count, lines[next].hasPrefix("#") || lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
        return next == lines.count || topLevelKey(lines[next]) != nil
    }
}
