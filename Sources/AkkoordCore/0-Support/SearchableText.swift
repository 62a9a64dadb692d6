import Foundation

/// A source text prepared once for finding verbatim quotes in it, and the line each occurrence begins on.
///
/// A quote matches when it occurs in the text with only these differences: line breaks and runs of white space
/// count as one space, and a word hyphenated at a line end ("verant-⏎woordelijk") may be quoted either joined
/// ("verantwoordelijk") or with its hyphen ("Noord-Brabant"). Nothing looser: case, punctuation, quotation marks
/// and every other character must be as in the text.
///
/// The text is normalised once into three byte forms (line ends as spaces; line-end hyphens kept and joined;
/// line-end hyphens removed), each with the source line of every byte, so a quote costs three substring searches.
public struct SearchableText: Sendable {
    /// One normalised form: UTF-8 bytes and, per byte, the 1-based line of the source it came from.
    private struct Form: Sendable {
        var bytes: [UInt8] = []
        var lines: [Int32] = []

        mutating func append(_ scalar: Unicode.Scalar, line: Int32) {
            UTF8.encode(scalar) { byte in
                bytes.append(byte)
                lines.append(line)
            }
        }

        mutating func appendSpace(line: Int32) {
            if let last = bytes.last, last != 0x20 { append(" ", line: line) }
        }
    }

    /// Line ends as spaces, joined hyphens, removed hyphens.
    private let forms: [Form]

    /// How many lines the text has.
    public let lineCount: Int

    public init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var plain = Form(), joined = Form(), dropped = Form()
        plain.bytes.reserveCapacity(text.utf8.count)
        var line: Int32 = 1
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isSpace(scalar) {
                let start = line
                while index < scalars.count, Self.isSpace(scalars[index]) {
                    if scalars[index] == "\n" { line += 1 }
                    index += 1
                }
                plain.appendSpace(line: start)
                joined.appendSpace(line: start)
                dropped.appendSpace(line: start)
                continue
            }
            if Self.isHyphen(scalar), index > 0, scalars[index - 1].properties.isAlphabetic,
                let end = Self.lineBreakRunEnd(scalars, from: index + 1), end < scalars.count,
                scalars[end].properties.isAlphabetic
            {
                // A word broken at the line end: the plain form keeps "- ", the others join the halves.
                plain.append(scalar, line: line)
                plain.append(" ", line: line)
                joined.append(scalar, line: line)
                for skipped in scalars[(index + 1)..<end] where skipped == "\n" { line += 1 }
                index = end
                continue
            }
            plain.append(scalar, line: line)
            joined.append(scalar, line: line)
            dropped.append(scalar, line: line)
            index += 1
        }
        forms = [plain, joined, dropped]
        lineCount = Int(line)
    }

    /// The quote with runs of white space as one space and no space at either end.
    public static func normalised(_ quote: String) -> [UInt8] {
        var form = Form()
        for scalar in quote.unicodeScalars {
            if isSpace(scalar) { form.appendSpace(line: 0) } else { form.append(scalar, line: 0) }
        }
        if form.bytes.last == 0x20 { form.bytes.removeLast() }
        return form.bytes
    }

    /// The line on which the first occurrence of the quote begins, or `nil` when it does not occur.
    public func line(of quote: String) -> Int? { lines(of: quote)?.lowerBound }

    /// The lines on which the first occurrence of the quote begins and ends, or `nil` when it does not occur.
    public func lines(of quote: String) -> ClosedRange<Int>? {
        let needle = Self.normalised(quote)
        guard !needle.isEmpty else { return nil }
        for form in forms {
            if let offset = Self.firstOffset(of: needle[...], in: form.bytes) {
                return Int(form.lines[offset])...Int(form.lines[offset + needle.count - 1])
            }
        }
        return nil
    }

    /// The passage of the text that agrees longest with the quote, from its start or up to its end, shown at the
    /// length of the quote; `nil` when not even a few words agree. Meant for quotes that were not found.
    public func closestPassage(to quote: String) -> (line: Int, text: String)? {
        let needle = Self.normalised(quote)
        guard needle.count >= 2 else { return nil }
        var best: (length: Int, start: Int, form: Form)?
        for form in forms {
            let prefix = Self.longestMatch(needle, in: form.bytes) { needle[..<$0] }
            if let prefix, prefix.length > best?.length ?? 0 { best = (prefix.length, prefix.offset, form) }
            let suffix = Self.longestMatch(needle, in: form.bytes) { needle[(needle.count - $0)...] }
            if let suffix, suffix.length > best?.length ?? 0 {
                // Align the passage so that it ends where the matching end of the quote ends.
                best = (suffix.length, max(0, suffix.offset + suffix.length - needle.count), form)
            }
        }
        guard let best, best.length >= min(12, needle.count / 2) else { return nil }
        let bytes = best.form.bytes
        var start = best.start
        while start < bytes.count, bytes[start] & 0xC0 == 0x80 { start += 1 }
        var end = min(bytes.count, start + needle.count)
        // Finish the last word (up to 40 more bytes), and never cut a character.
        let limit = min(bytes.count, end + 40)
        while end < limit, end > start, bytes[end - 1] != 0x20, bytes[end] != 0x20 { end += 1 }
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard start < end else { return nil }
        return (Int(best.form.lines[start]), String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// The longest length `n` for which `part(n)` occurs, by bisection (if a prefix occurs, so do shorter ones).
    private static func longestMatch(
        _ needle: [UInt8], in haystack: [UInt8],
        _ part: (Int) -> ArraySlice<UInt8>
    ) -> (length: Int, offset: Int)? {
        var low = 0, high = needle.count
        var found: (Int, Int)?
        while low < high {
            let middle = (low + high + 1) / 2
            if let offset = firstOffset(of: part(middle), in: haystack) {
                low = middle
                found = (middle, offset)
            } else {
                high = middle - 1
            }
        }
        return found
    }

    /// The first offset at which `needle` occurs in `haystack`.
    private static func firstOffset(of needle: ArraySlice<UInt8>, in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        let rest = needle.dropFirst()
        return haystack.withUnsafeBufferPointer { hay -> Int? in
            rest.withUnsafeBufferPointer { tail -> Int? in
                guard let base = hay.baseAddress else { return nil }
                var position = 0
                let last = hay.count - needle.count
                while position <= last {
                    guard let hit = memchr(base + position, Int32(first), last - position + 1) else { return nil }
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    guard let tailBase = tail.baseAddress, !tail.isEmpty else { return offset }
                    if memcmp(base + offset + 1, tailBase, tail.count) == 0 { return offset }
                    position = offset + 1
                }
                return nil
            }
        }
    }

    /// If a run of white space containing a line break starts at `index` (spaces before the break allowed), the
    /// index just after the run.
    private static func lineBreakRunEnd(_ scalars: [Unicode.Scalar], from index: Int) -> Int? {
        var end = index
        var sawBreak = false
        while end < scalars.count, isSpace(scalars[end]) {
            if isLineBreak(scalars[end]) { sawBreak = true }
            end += 1
        }
        return sawBreak ? end : nil
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
    }

    /// A hyphen that may end a line inside a word: the hyphen-minus, the Unicode hyphen and the soft hyphen.
    private static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{AD}"
    }
}
