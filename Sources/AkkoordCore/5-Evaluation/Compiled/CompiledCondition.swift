/// A rule condition as bit tests: a conjunction of literals (the common case) tested with masks, anything else as a
/// small tree of nodes. Bits are numbered by ``CompiledRuleBase``; a reference to something outside the compiled
/// rule base (an option of a decision without a current line, an unknown assumption) never holds, as in ``Evaluator``.
struct CompiledCondition: Sendable {
    /// How references map to bits (`nil`: never holds).
    struct Bits {
        var option: (OptionRef) -> Int?
        var deviates: (DecisionRef) -> Int?
        var assumption: (String) -> Int?
    }

    indirect enum Node: Sendable {
        case constant(Bool)
        /// The bit is set (`true`) or clear (`false`).
        case literal(Int, Bool)
        case all([Node])
        case any([Node])
        case not(Node)
    }

    /// For a conjunction of literals: bits that must be set and bits that must be clear (per word), or `nil`.
    let mustSet: [(word: Int, mask: UInt64)]?
    let mustClear: [(word: Int, mask: UInt64)]?
    let node: Node
    /// Whether the condition is a conjunction containing a constant `false`.
    let never: Bool

    init(_ condition: Condition, bits: Bits) {
        let node = Self.compile(condition, bits: bits)
        self.node = node
        var set: [Int: UInt64] = [:], clear: [Int: UInt64] = [:]
        var never = false
        if Self.collectConjunction(node, set: &set, clear: &clear, never: &never) {
            mustSet = set.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            mustClear = clear.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            self.never = never
        } else {
            mustSet = nil
            mustClear = nil
            self.never = false
        }
    }

    private static func compile(_ condition: Condition, bits: Bits) -> Node {
        switch condition {
        case .chosen(let ref): bits.option(ref).map { .literal($0, true) } ?? .constant(false)
        case .deviates(let ref): bits.deviates(ref).map { .literal($0, true) } ?? .constant(false)
        case .assumption(let id, let value): bits.assumption(id).map { .literal($0, value) } ?? .constant(false)
        case .all(let parts): .all(parts.map { compile($0, bits: bits) })
        case .any(let parts): .any(parts.map { compile($0, bits: bits) })
        case .not(let inner):
            switch compile(inner, bits: bits) {
            case .literal(let bit, let value): .literal(bit, !value)
            case .constant(let value): .constant(!value)
            case let other: .not(other)
            }
        }
    }

    /// Collects a conjunction of literals; `false` when the node is something else.
    private static func collectConjunction(
        _ node: Node, set: inout [Int: UInt64], clear: inout [Int: UInt64], never: inout Bool
    ) -> Bool {
        switch node {
        case .constant(let value):
            if !value { never = true }
            return true
        case .literal(let bit, let value):
            if value { set[bit >> 6, default: 0] |= 1 << UInt64(bit & 63) } else { clear[bit >> 6, default: 0] |= 1 << UInt64(bit & 63) }
            return true
        case .all(let parts):
            return parts.allSatisfy { collectConjunction($0, set: &set, clear: &clear, never: &never) }
        case .any, .not:
            return false
        }
    }

    /// Whether the condition holds for these bits.
    @inline(__always)
    func holds(_ bits: UnsafeBufferPointer<UInt64>) -> Bool {
        if let mustSet, let mustClear {
            if never { return false }
            for (word, mask) in mustSet where bits[word] & mask != mask { return false }
            for (word, mask) in mustClear where bits[word] & mask != 0 { return false }
            return true
        }
        return Self.holds(node, bits)
    }

    private static func holds(_ node: Node, _ bits: UnsafeBufferPointer<UInt64>) -> Bool {
        switch node {
        case .constant(let value): value
        case .literal(let bit, let value): (bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0) == value
        case .all(let parts): parts.allSatisfy { holds($0, bits) }
        case .any(let parts): parts.contains { holds($0, bits) }
        case .not(let inner): !holds(inner, bits)
        }
    }

    /// Three-valued evaluation under a partial assignment: `known(bit)` gives a bit's value or `nil` when undecided.
    func value(_ known: (Int) -> Bool?) -> Bool? { Self.value(node, known) }

    private static func value(_ node: Node, _ known: (Int) -> Bool?) -> Bool? {
        switch node {
        case .constant(let value): return value
        case .literal(let bit, let value): return known(bit).map { $0 == value }
        case .all(let parts):
            var result: Bool? = true
            for part in parts {
                switch value(part, known) {
                case false?: return false
                case nil: result = nil
                case true?: break
                }
            }
            return result
        case .any(let parts):
            var result: Bool? = false
            for part in parts {
                switch value(part, known) {
                case true?: return true
                case nil: result = nil
                case false?: break
                }
            }
            return result
        case .not(let inner): return value(inner, known).map { !$0 }
        }
    }

    /// The condition in disjunctive normal form: a list of conjunctions of (bit, value) literals, or `nil` when that
    /// form would have more than `limit` conjunctions. An empty list never holds; an empty conjunction always does.
    func disjunctiveNormalForm(limit: Int = 32) -> [[(bit: Int, value: Bool)]]? { Self.dnf(node, limit: limit) }

    private static func negated(_ node: Node) -> Node {
        switch node {
        case .constant(let value): .constant(!value)
        case .literal(let bit, let value): .literal(bit, !value)
        case .all(let parts): .any(parts.map(negated))
        case .any(let parts): .all(parts.map(negated))
        case .not(let inner): inner
        }
    }

    private static func dnf(_ node: Node, limit: Int) -> [[(bit: Int, value: Bool)]]? {
        switch node {
        case .constant(let value): return value ? [[]] : []
        case .literal(let bit, let value): return [[(bit, value)]]
        case .not(let inner): return dnf(negated(inner), limit: limit)
        case .any(let parts):
            var result: [[(bit: Int, value: Bool)]] = []
            for part in parts {
                guard let terms = dnf(part, limit: limit) else { return nil }
                result += terms
                if result.count > limit { return nil }
            }
            return result
        case .all(let parts):
            var result: [[(bit: Int, value: Bool)]] = [[]]
            for part in parts {
                guard let terms = dnf(part, limit: limit) else { return nil }
                var next: [[(bit: Int, value: Bool)]] = []
                for left in result {
                    for right in terms { next.append(left + right) }
                }
                if next.count > limit { return nil }
                result = next
            }
            return result
        }
    }

    /// Every bit the condition reads.
    var bitsRead: [Int] { Self.bitsRead(node) }

    private static func bitsRead(_ node: Node) -> [Int] {
        switch node {
        case .constant: []
        case .literal(let bit, _): [bit]
        case .all(let parts), .any(let parts): parts.flatMap(bitsRead)
        case .not(let inner): bitsRead(inner)
        }
    }
}
