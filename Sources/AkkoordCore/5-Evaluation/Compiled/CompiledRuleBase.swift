/// A rule base compiled once for fast evaluation of many choice vectors (search and simulation).
///
/// Decisions, options, rules and assumptions are numbered; a condition is a small program of bit tests over the
/// chosen options, the deviating decisions and the true assumptions; every option's and rule's budget effects are
/// pre-aggregated into one sparse vector of totals (see ``CompiledTotals``). Evaluating a choice vector sets the bits,
/// adds the chosen options' vectors, fires the rules and collects the errors, without allocating.
///
/// It agrees exactly with ``Evaluator`` on the budget totals (per year, structural run-rate, period, unknown
/// effects), the fired rules and the errors (`vereist`, `sluit_uit`, rules with a `fout` message); a property test
/// compares them. The reference evaluator stays the source of every report.
public struct CompiledRuleBase: Sendable {
    /// A decision that has a current line (decisions without one are not part of a scenario's choices).
    public struct Decision: Sendable, Hashable {
        public var ref: DecisionRef
        /// Option ids, in rule-base order.
        public var options: [String]
        /// Index of the current line in ``options``.
        public var currentLine: Int
        /// Global index of the first option (options of a decision are numbered consecutively).
        public var firstOption: Int
        /// Source location of the decision.
        public var location: SourceLocation
    }

    /// Where an error comes from.
    public enum ErrorSource: Sendable, Hashable {
        /// A chosen option (global option index).
        case option(Int)
        /// A fired rule (rule index).
        case rule(Int)
    }

    /// What an error says.
    public enum ErrorKind: Sendable, Hashable {
        /// The source requires this option (global index, or `nil` for an option outside the compiled decisions).
        case requires(Int?)
        /// The source excludes this option (global index).
        case excludes(Int)
        /// A rule with a `fout` message fired.
        case ruleMessage
    }

    /// One error of an evaluation.
    public struct EvaluationError: Sendable, Hashable {
        public var source: ErrorSource
        public var kind: ErrorKind
    }

    public let decisions: [Decision]
    /// For each global option index: its decision index.
    public let optionDecision: [Int]
    /// For each global option index: its option reference.
    public let optionRefs: [OptionRef]
    /// Assumption ids, as in the rule base (sorted).
    public let assumptionIDs: [String]
    /// Default value of each assumption.
    public let assumptionDefaults: [Bool]
    /// Rule ids, as in the rule base (sorted).
    public let ruleIDs: [String]
    /// The layout of the totals vector.
    public let layout: CompiledTotals.Layout

    /// Bits: one per option, then one per decision (deviates), then one per assumption (true).
    let bitCount: Int
    let wordCount: Int
    let conditions: [CompiledCondition]
    /// Per option, then per rule: a range into `termIndex`/`termValue`.
    let optionTerms: [Range<Int>]
    let ruleTerms: [Range<Int>]
    let termIndex: [Int32]
    let termValue: [Int64]
    /// Per option: required options (`-1` for one that can never be chosen) and excluded options.
    let optionRequires: [[Int]]
    let optionExcludes: [[Int]]
    let ruleRequires: [[Int]]
    let ruleExcludes: [[Int]]
    let ruleIsError: [Bool]
    /// The number of rules.
    let ruleCount: Int
    /// The same data as flat arrays for the evaluation loop (no nested arrays, no reference counting per step).
    let flat: Flat

    /// Flat arrays: `*Start` arrays are offsets (count + 1) into the array after them.
    struct Flat: Sendable {
        var decisionFirst: [Int32] = []
        var decisionCurrent: [Int32] = []
        var optionTermStart: [Int32] = []
        var ruleTermStart: [Int32] = []
        /// Per rule: 0 a disjunction of conjunctions of literals (masks), 2 a general condition.
        var conditionKind: [UInt8] = []
        /// Per rule, its range of conjunctions; per conjunction, its range of words.
        var conditionStart: [Int32] = []
        var conjunctionStart: [Int32] = []
        var conditionWord: [Int32] = []
        var conditionSet: [UInt64] = []
        var conditionClear: [UInt64] = []
        var optionRequiresStart: [Int32] = []
        var optionRequires: [Int32] = []
        var optionExcludesStart: [Int32] = []
        var optionExcludes: [Int32] = []
        var ruleRequiresStart: [Int32] = []
        var ruleRequires: [Int32] = []
        var ruleExcludesStart: [Int32] = []
        var ruleExcludes: [Int32] = []
        /// The totals of the current line (every decision on its current line, no rule).
        var base: [Int64] = []
        /// Per option: its vector minus its decision's current-line vector (empty for the current line itself), so an
        /// evaluation only adds the deviating decisions.
        var deltaStart: [Int32] = []
        var deltaIndex: [Int32] = []
        var deltaValue: [Int64] = []
    }

    /// Compiles a loaded rule base.
    public init(_ ruleBase: RuleBase) throws(MoneyOverflow) {
        var decisions: [Decision] = []
        var optionDecision: [Int] = [], optionRefs: [OptionRef] = [], options: [DecisionOption] = []
        var optionIndex: [OptionRef: Int] = [:], decisionIndex: [DecisionRef: Int] = [:]
        for (ref, _, decision) in ruleBase.allDecisions {
            guard let current = decision.currentLine else { continue }
            let index = decisions.count
            decisionIndex[ref] = index
            decisions.append(
                Decision(
                    ref: ref, options: decision.options.map(\.id),
                    currentLine: decision.options.firstIndex { $0.id == current.id } ?? 0,
                    firstOption: optionRefs.count, location: decision.location))
            for option in decision.options {
                let optionRef = OptionRef(decision: ref, option: option.id)
                // The first option with an id wins, as `Decision.option(_:)` does.
                if optionIndex[optionRef] == nil { optionIndex[optionRef] = optionRefs.count }
                optionDecision.append(index)
                optionRefs.append(optionRef)
                options.append(option)
            }
        }
        self.decisions = decisions
        self.optionDecision = optionDecision
        self.optionRefs = optionRefs
        assumptionIDs = ruleBase.assumptions.map(\.id)
        assumptionDefaults = ruleBase.assumptions.map(\.defaultValue)
        ruleIDs = ruleBase.rules.map(\.id)
        ruleCount = ruleBase.rules.count
        var assumptionIndex: [String: Int] = [:]
        for (index, id) in assumptionIDs.enumerated() where assumptionIndex[id] == nil { assumptionIndex[id] = index }

        let optionCount = optionRefs.count
        bitCount = optionCount + decisions.count + assumptionIDs.count
        wordCount = max(1, (bitCount + 63) / 64)
        let bits = CompiledCondition.Bits(
            option: { optionIndex[$0] }, deviates: { decisionIndex[$0].map { optionCount + $0 } },
            assumption: { assumptionIndex[$0].map { optionCount + decisions.count + $0 } })
        conditions = ruleBase.rules.map { CompiledCondition($0.condition, bits: bits) }

        let layout = CompiledTotals.Layout(years: ruleBase.info.years)
        self.layout = layout
        var termIndex: [Int32] = [], termValue: [Int64] = []
        func append(_ effects: [BudgetEffect]) throws(MoneyOverflow) -> Range<Int> {
            let vector = try layout.vector(of: effects)
            let start = termIndex.count
            for (index, value) in vector.enumerated() where value != 0 {
                termIndex.append(Int32(index))
                termValue.append(value)
            }
            return start..<termIndex.count
        }
        var optionTerms: [Range<Int>] = []
        for option in options { optionTerms.append(try append(option.effects)) }
        var ruleTerms: [Range<Int>] = []
        for rule in ruleBase.rules { ruleTerms.append(try append(rule.effects)) }
        self.optionTerms = optionTerms
        self.ruleTerms = ruleTerms
        self.termIndex = termIndex
        self.termValue = termValue
        optionRequires = options.map { $0.requires.map { optionIndex[$0] ?? -1 } }
        optionExcludes = options.map { $0.excludes.compactMap { optionIndex[$0] } }
        ruleRequires = ruleBase.rules.map { $0.requires.map { optionIndex[$0] ?? -1 } }
        ruleExcludes = ruleBase.rules.map { $0.excludes.compactMap { optionIndex[$0] } }
        ruleIsError = ruleBase.rules.map { $0.message?.level == .fout }

        var flat = Flat()
        flat.decisionFirst = decisions.map { Int32($0.firstOption) }
        flat.decisionCurrent = decisions.map { Int32($0.currentLine) }
        flat.optionTermStart = optionTerms.map { Int32($0.lowerBound) } + [Int32(optionTerms.last?.upperBound ?? 0)]
        flat.ruleTermStart = ruleTerms.map { Int32($0.lowerBound) } + [Int32(ruleTerms.last?.upperBound ?? 0)]
        // Conditions in disjunctive normal form: per rule a range of conjunctions, per conjunction a range of words
        // with the bits that must be set and those that must be clear.
        flat.conditionStart = [0]
        flat.conjunctionStart = [0]
        for condition in conditions {
            if let terms = condition.disjunctiveNormalForm() {
                flat.conditionKind.append(0)
                for term in terms {
                    var words: [Int: (UInt64, UInt64)] = [:]
                    for (bit, value) in term {
                        if value {
                            words[bit >> 6, default: (0, 0)].0 |= 1 << UInt64(bit & 63)
                        } else {
                            words[bit >> 6, default: (0, 0)].1 |= 1 << UInt64(bit & 63)
                        }
                    }
                    for (word, masks) in words.sorted(by: { $0.key < $1.key }) {
                        flat.conditionWord.append(Int32(word))
                        flat.conditionSet.append(masks.0)
                        flat.conditionClear.append(masks.1)
                    }
                    flat.conjunctionStart.append(Int32(flat.conditionWord.count))
                }
            } else {
                flat.conditionKind.append(2)
            }
            flat.conditionStart.append(Int32(flat.conjunctionStart.count - 1))
        }
        func csr(_ lists: [[Int]]) -> (start: [Int32], items: [Int32]) {
            var start: [Int32] = [0], items: [Int32] = []
            for list in lists {
                items += list.map(Int32.init)
                start.append(Int32(items.count))
            }
            return (start, items)
        }
        (flat.optionRequiresStart, flat.optionRequires) = csr(optionRequires)
        (flat.optionExcludesStart, flat.optionExcludes) = csr(optionExcludes)
        (flat.ruleRequiresStart, flat.ruleRequires) = csr(ruleRequires)
        (flat.ruleExcludesStart, flat.ruleExcludes) = csr(ruleExcludes)
        var base = [Int64](repeating: 0, count: layout.width)
        func dense(_ range: Range<Int>) throws(MoneyOverflow) -> [Int64] {
            var vector = [Int64](repeating: 0, count: layout.width)
            for term in range { vector[Int(termIndex[term])] = termValue[term] }
            return vector
        }
        flat.deltaStart = [0]
        for decision in decisions {
            let current = try dense(optionTerms[decision.firstOption + decision.currentLine])
            for slot in base.indices { base[slot] = try Money(cents: base[slot]).adding(Money(cents: current[slot])).cents }
            for local in decision.options.indices {
                let vector = try dense(optionTerms[decision.firstOption + local])
                for slot in vector.indices where vector[slot] != current[slot] {
                    flat.deltaIndex.append(Int32(slot))
                    flat.deltaValue.append(try Money(cents: vector[slot]).subtracting(Money(cents: current[slot])).cents)
                }
                flat.deltaStart.append(Int32(flat.deltaIndex.count))
            }
        }
        flat.base = base
        self.flat = flat
    }

    /// The global option index of an option reference, if it belongs to a compiled decision.
    public func optionIndex(_ ref: OptionRef) -> Int? {
        guard let decision = decisions.firstIndex(where: { $0.ref == ref.decision }),
            let local = decisions[decision].options.firstIndex(of: ref.option)
        else { return nil }
        return decisions[decision].firstOption + local
    }

    /// The current line of every decision, as a choice vector (local option index per decision).
    public var currentLine: [Int] { decisions.map(\.currentLine) }

    /// The choice vector and assumption values of a scenario, as ``Evaluator`` resolves them.
    public func vectors(for scenario: Scenario) -> (choices: [Int], assumptions: [Bool]) {
        let choices = decisions.map { decision in
            scenario.choices[decision.ref].flatMap { decision.options.firstIndex(of: $0.value) } ?? decision.currentLine
        }
        let assumptions = zip(assumptionIDs, assumptionDefaults).map { id, value in scenario.assumptions[id]?.value ?? value }
        return (choices, assumptions)
    }

    /// A reusable workspace and result of one evaluation.
    public struct Outcome: Sendable {
        /// The totals vector (see ``CompiledTotals/Layout``).
        public internal(set) var totals: [Int64]
        /// Whether each rule fired.
        public internal(set) var fired: [Bool]
        /// The errors, options first (in decision order), then rules (in rule order).
        public internal(set) var errors: [EvaluationError]
        var bits: [UInt64]

        /// The budget totals as the reference evaluator reports them.
        public func summary(_ layout: CompiledTotals.Layout) -> CompiledTotals { CompiledTotals(layout: layout, vector: totals) }
    }

    /// An empty workspace for this rule base.
    public func makeOutcome() -> Outcome {
        var errors: [EvaluationError] = []
        errors.reserveCapacity(64)
        return Outcome(
            totals: Array(repeating: 0, count: layout.width), fired: Array(repeating: false, count: ruleCount),
            errors: errors, bits: Array(repeating: 0, count: wordCount))
    }

    /// Evaluates a choice vector (local option index per decision) under assumption values into `outcome`.
    /// Throws only when money does not fit in cents, which the loader's ceilings rule out (``MoneyLimits``).
    public func evaluate(choices: [Int], assumptions: [Bool], into outcome: inout Outcome) throws(MoneyOverflow) {
        precondition(choices.count == decisions.count && assumptions.count == assumptionIDs.count)
        let optionCount = optionRefs.count, decisionCount = decisions.count
        var overflow = false
        var bits: [UInt64] = [], totals: [Int64] = [], fired: [Bool] = [], errors: [EvaluationError] = []
        swap(&bits, &outcome.bits)
        swap(&totals, &outcome.totals)
        swap(&fired, &outcome.fired)
        swap(&errors, &outcome.errors)
        errors.removeAll(keepingCapacity: true)
        let flat = self.flat
        bits.withUnsafeMutableBufferPointer { bits in
            for word in bits.indices { bits[word] = 0 }
            choices.withUnsafeBufferPointer { choices in
                flat.decisionFirst.withUnsafeBufferPointer { first in
                    flat.decisionCurrent.withUnsafeBufferPointer { current in
                        for index in 0..<decisionCount {
                            let option = Int(first[index]) + choices[index]
                            bits[option >> 6] |= 1 << UInt64(option & 63)
                            if choices[index] != Int(current[index]) {
                                let bit = optionCount + index
                                bits[bit >> 6] |= 1 << UInt64(bit & 63)
                            }
                        }
                    }
                }
            }
            for (index, value) in assumptions.enumerated() where value {
                let bit = optionCount + decisionCount + index
                bits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        totals.withUnsafeMutableBufferPointer { totals in
            flat.base.withUnsafeBufferPointer { base in
                for index in totals.indices { totals[index] = base[index] }
            }
            flat.decisionFirst.withUnsafeBufferPointer { first in
                flat.decisionCurrent.withUnsafeBufferPointer { current in
                    flat.ruleTermStart.withUnsafeBufferPointer { ruleStart in
                        termIndex.withUnsafeBufferPointer { termIndex in
                            termValue.withUnsafeBufferPointer { termValue in
                                choices.withUnsafeBufferPointer { choices in
                                    bits.withUnsafeBufferPointer { bits in
                                        fired.withUnsafeMutableBufferPointer { fired in
                                            @inline(__always) func add(_ from: Int32, _ to: Int32) {
                                                var term = Int(from)
                                                while term < Int(to) {
                                                    let slot = Int(termIndex[term])
                                                    let (sum, carry) = totals[slot].addingReportingOverflow(termValue[term])
                                                    totals[slot] = sum
                                                    overflow = overflow || carry
                                                    term += 1
                                                }
                                            }
                                            flat.deltaStart.withUnsafeBufferPointer { deltaStart in
                                                flat.deltaIndex.withUnsafeBufferPointer { deltaIndex in
                                                    flat.deltaValue.withUnsafeBufferPointer { deltaValue in
                                                        for index in 0..<decisionCount where choices[index] != Int(current[index]) {
                                                            let option = Int(first[index]) + choices[index]
                                                            var term = Int(deltaStart[option])
                                                            let end = Int(deltaStart[option + 1])
                                                            while term < end {
                                                                let slot = Int(deltaIndex[term])
                                                                let (sum, carry) = totals[slot].addingReportingOverflow(deltaValue[term])
                                                                totals[slot] = sum
                                                                overflow = overflow || carry
                                                                term += 1
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                            flat.conditionKind.withUnsafeBufferPointer { kind in
                                                flat.conditionStart.withUnsafeBufferPointer { start in
                                                    flat.conjunctionStart.withUnsafeBufferPointer { conjunction in
                                                        flat.conditionWord.withUnsafeBufferPointer { word in
                                                            flat.conditionSet.withUnsafeBufferPointer { set in
                                                                flat.conditionClear.withUnsafeBufferPointer { clear in
                                                                    for rule in 0..<ruleCount {
                                                                        var holds = false
                                                                        if kind[rule] == 0 {
                                                                            var term = Int(start[rule])
                                                                            let lastTerm = Int(start[rule + 1])
                                                                            while term < lastTerm && !holds {
                                                                                holds = true
                                                                                var index = Int(conjunction[term])
                                                                                let end = Int(conjunction[term + 1])
                                                                                while index < end {
                                                                                    let value = bits[Int(word[index])]
                                                                                    if value & set[index] != set[index]
                                                                                        || value & clear[index] != 0
                                                                                    {
                                                                                        holds = false
                                                                                        break
                                                                                    }
                                                                                    index += 1
                                                                                }
                                                                                term += 1
                                                                            }
                                                                        } else {
                                                                            holds = conditions[rule].holds(bits)
                                                                        }
                                                                        fired[rule] = holds
                                                                        if holds { add(ruleStart[rule], ruleStart[rule + 1]) }
                                                                    }
                                                                }
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @inline(__always) func isSet(_ bit: Int32) -> Bool {
            bit >= 0 && bits[Int(bit) >> 6] & (1 << UInt64(bit & 63)) != 0
        }
        for index in 0..<decisionCount {
            let option = Int(flat.decisionFirst[index]) + choices[index]
            var item = Int(flat.optionRequiresStart[option])
            while item < Int(flat.optionRequiresStart[option + 1]) {
                let required = flat.optionRequires[item]
                if !isSet(required) {
                    errors.append(EvaluationError(source: .option(option), kind: .requires(required < 0 ? nil : Int(required))))
                }
                item += 1
            }
            item = Int(flat.optionExcludesStart[option])
            while item < Int(flat.optionExcludesStart[option + 1]) {
                let excluded = flat.optionExcludes[item]
                if isSet(excluded) { errors.append(EvaluationError(source: .option(option), kind: .excludes(Int(excluded)))) }
                item += 1
            }
        }
        for rule in 0..<ruleCount where fired[rule] {
            if ruleIsError[rule] { errors.append(EvaluationError(source: .rule(rule), kind: .ruleMessage)) }
            var item = Int(flat.ruleRequiresStart[rule])
            while item < Int(flat.ruleRequiresStart[rule + 1]) {
                let required = flat.ruleRequires[item]
                if !isSet(required) {
                    errors.append(EvaluationError(source: .rule(rule), kind: .requires(required < 0 ? nil : Int(required))))
                }
                item += 1
            }
            item = Int(flat.ruleExcludesStart[rule])
            while item < Int(flat.ruleExcludesStart[rule + 1]) {
                let excluded = flat.ruleExcludes[item]
                if isSet(excluded) { errors.append(EvaluationError(source: .rule(rule), kind: .excludes(Int(excluded)))) }
                item += 1
            }
        }
        swap(&bits, &outcome.bits)
        swap(&totals, &outcome.totals)
        swap(&fired, &outcome.fired)
        swap(&errors, &outcome.errors)
        if overflow { throw MoneyOverflow(operation: "optellen", lhs: .zero, rhs: nil) }
    }
}
