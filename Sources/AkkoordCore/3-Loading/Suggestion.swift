/// "Did you mean" suggestions based on edit distance.
public enum Suggestion {
    /// The longest word for which a suggestion is looked for.
    static let longestWord = 64

    /// The closest candidate within a small edit distance, if any.
    ///
    /// Only words of at most ``longestWord`` characters get a suggestion, and only candidates whose length is within
    /// the allowed distance are compared, so a hostile value costs no more than a short one.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        guard word.utf8.count <= longestWord * 4, word.count <= longestWord else { return nil }
        let limit = max(2, word.count / 3)
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates.sorted() where abs(candidate.count - word.count) <= limit {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// The most candidates listed when none is close.
    static let longestList = 10

    /// `"; bedoelde je 'x'?"` when a candidate is close; otherwise, when there are few, `"; mogelijk: a, b, c"`;
    /// otherwise an empty string. For references, where the user must pick one of the ids that exist.
    public static func hintOrList(for word: String, in candidates: some Sequence<String>) -> String {
        let candidates = Array(Set(candidates))
        let close = hint(for: word, in: candidates)
        guard close.isEmpty, !candidates.isEmpty, candidates.count <= longestList else { return close }
        return "; mogelijk: " + candidates.sorted().joined(separator: ", ")
    }

    /// `" (bedoelde je 'x'?)"` or an empty string.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "; bedoelde je \(InputText.quoted($0))?" } ?? ""
    }

    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
