import ArgumentParser
import Foundation

/// A command-line usage error in Dutch: what swift-argument-parser reports in English, translated, with the usage
/// line. Usage errors exit with code 2, like any other unusable input.
public struct UsageError: Sendable {
    /// The translated message (first line).
    public var message: String
    /// The usage line(s) of the command, translated.
    public var usage: [String]

    /// Translates swift-argument-parser's full message (`Error: …`, `Usage: …`, `See '…' for more information.`).
    public init(fullMessage: String) {
        var message = ""
        var usage: [String] = []
        var inUsage = false
        for line in fullMessage.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("Error: ") {
                message = UsageError.translate(String(line.dropFirst("Error: ".count)))
                inUsage = false
            } else if line.hasPrefix("Help: ") {
                continue
            } else if line.hasPrefix("Usage: ") {
                usage.append("gebruik: " + line.dropFirst("Usage: ".count))
                inUsage = true
            } else if let see = UsageError.seeHelp(line) {
                usage.append(see)
                inUsage = false
            } else if inUsage, !line.trimmingCharacters(in: .whitespaces).isEmpty {
                usage.append(line)
            } else if message.isEmpty, !line.isEmpty {
                message = UsageError.translate(line)
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                message += "\n" + UsageError.translate(line)
            }
        }
        self.message = message.isEmpty ? "ongeldige aanroep" : message
        self.usage = usage
    }

    /// The lines to print on standard error: `PROGRAM: error: …` followed by the usage.
    public func lines(program: String) -> [String] { ["\(program): error: \(message)"] + usage }

    private static func seeHelp(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("See '"), trimmed.hasSuffix("' for more information.") else { return nil }
        let command = trimmed.dropFirst("See '".count).dropLast("' for more information.".count)
        return "  zie '\(command)' voor meer informatie."
    }

    /// English message patterns of swift-argument-parser 1.x and their Dutch text; `%1`, `%2` stand for the quoted
    /// parts of the original, in order.
    private static let patterns: [(english: String, dutch: String)] = [
        ("Missing expected argument '%1'", "argument '%1' ontbreekt"),
        ("Missing one of: '%1'", "een van deze ontbreekt: '%1'"),
        ("Missing value for '%1'", "optie '%1' heeft een waarde nodig"),
        ("Unknown option '%1'. Did you mean '%2'?", "onbekende optie '%1'; bedoelde je '%2'?"),
        ("Unknown option '%1'", "onbekende optie '%1'"),
        ("Unexpected argument '%1'", "onverwacht argument '%1'"),
        ("The value '%1' is invalid for '%2'. Please provide one of %3.", "de waarde '%1' is ongeldig voor '%2'; kies uit %3"),
        ("The value '%1' is invalid for '%2'", "de waarde '%1' is ongeldig voor '%2'"),
        ("The option '%1' does not take any value, but '%2' was specified.", "optie '%1' neemt geen waarde, maar '%2' werd gegeven"),
        ("Missing required subcommand.", "geef een opdracht (report, compare, pack, check of test)"),
        ("Invalid option: %1", "ongeldige optie: %1"),
    ]

    /// Translates one English message, or keeps it as it is when no pattern fits (validation errors are Dutch).
    static func translate(_ english: String) -> String {
        for pattern in patterns {
            if let parts = match(english, pattern.english) {
                var dutch = pattern.dutch
                for (index, part) in parts.enumerated() {
                    let value =
                        index == 2
                        ? part.replacingOccurrences(of: " and ", with: " en ").replacingOccurrences(of: " or ", with: " of ") : part
                    dutch = dutch.replacingOccurrences(of: "%\(index + 1)", with: value)
                }
                return dutch
            }
        }
        if let count = english.firstIndex(of: " "), english[english.index(after: count)...].hasPrefix("unexpected arguments: ") {
            return "onverwachte argumenten: " + english[english.index(after: count)...].dropFirst("unexpected arguments: ".count)
        }
        guard let first = english.first else { return english }
        return first.lowercased() + english.dropFirst()
    }

    /// Matches `text` against a pattern with `%N` holes; returns the holes' contents in order.
    private static func match(_ text: String, _ pattern: String) -> [String]? {
        var literals: [Substring] = []
        var rest = Substring(pattern)
        while let hole = rest.range(of: "%") {
            literals.append(rest[..<hole.lowerBound])
            rest = rest[rest.index(hole.lowerBound, offsetBy: 2)...]
        }
        literals.append(rest)
        guard text.hasPrefix(literals[0]) else { return nil }
        var remaining = Substring(text).dropFirst(literals[0].count)
        var parts: [String] = []
        for (index, literal) in literals.enumerated().dropFirst() {
            let isLast = index == literals.count - 1
            if isLast && literal.isEmpty {
                parts.append(String(remaining))
                remaining = ""
                continue
            }
            let found = isLast ? remaining.range(of: literal, options: .backwards) : remaining.range(of: literal)
            guard let found else { return nil }
            parts.append(String(remaining[..<found.lowerBound]))
            remaining = remaining[found.upperBound...]
        }
        return remaining.isEmpty ? parts : nil
    }
}
