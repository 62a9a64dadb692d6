import Foundation
import Yams

/// Limits that keep hostile YAML from exhausting time or memory.
public struct LoadLimits: Sendable, Hashable {
    /// Largest accepted file, in bytes.
    public var maxFileBytes: Int
    /// Most nodes a document may have after aliases are expanded.
    public var maxNodes: Int
    /// Deepest nesting accepted.
    public var maxDepth: Int

    public init(maxFileBytes: Int = 4 * 1024 * 1024, maxNodes: Int = 200_000, maxDepth: Int = 64) {
        self.maxFileBytes = maxFileBytes
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }

    public static let standard = LoadLimits()
}

/// One YAML file read into a node tree, or diagnostics explaining why it could not be.
struct YAMLDocument {
    let path: String
    let root: Node

    /// Reads and composes a file. Returns `nil` after reporting to `sink` when the file is unusable.
    static func read(path: String, limits: LoadLimits, sink: DiagnosticSink) -> YAMLDocument? {
        readBytes(path: path, limits: limits, sink: sink).flatMap { parse(data: $0, path: path, limits: limits, sink: sink) }
    }

    /// Reads a file, refusing one larger than the limit before reading it into memory.
    static func readBytes(path: String, limits: LoadLimits, sink: DiagnosticSink) -> Data? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limits.maxFileBytes {
            sink.error(start, "bestand is te groot (\(size) bytes; maximaal \(limits.maxFileBytes))")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            sink.error(start, "kan het bestand niet lezen (bestaat het?)")
            return nil
        }
        return data
    }

    /// Composes YAML bytes. Returns `nil` after reporting to `sink` when the bytes are unusable.
    static func parse(data: Data, path: String, limits: LoadLimits, sink: DiagnosticSink) -> YAMLDocument? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard data.count <= limits.maxFileBytes else {
            sink.error(start, "bestand is te groot (\(data.count) bytes; maximaal \(limits.maxFileBytes))")
            return nil
        }
        let bytes = [UInt8](data)
        if let nul = bytes.firstIndex(of: 0) {
            sink.error(location(ofByte: nul, in: bytes, path: path), "bestand bevat een NUL-byte: is dit een binair bestand?")
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes)
            sink.error(location(ofByte: bad, in: bytes, path: path), "bestand is geen geldige UTF-8-tekst")
            return nil
        }
        let root: Node?
        do {
            // Akkoord interprets every scalar itself; the basic resolver skips Yams' regular-expression tag resolution.
            let parser = try Parser(yaml: text, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            report(error, text: text, path: path, sink: sink)
            return nil
        } catch {
            sink.error(start, "YAML kan niet gelezen worden: \(error)")
            return nil
        }
        guard let root else {
            sink.error(start, "bestand is leeg")
            return nil
        }
        var budget = limits.maxNodes
        guard withinBudget(root, depth: 0, budget: &budget, maxDepth: limits.maxDepth) else {
            sink.error(start, "document is te groot of te diep genest (meer dan \(limits.maxNodes) knopen of "
                + "\(limits.maxDepth) niveaus na het uitklappen van aliassen)")
            return nil
        }
        return YAMLDocument(path: path, root: root)
    }

    private static func withinBudget(_ node: Node, depth: Int, budget: inout Int, maxDepth: Int) -> Bool {
        budget -= 1
        guard budget >= 0, depth <= maxDepth else { return false }
        switch node {
        case .scalar, .alias:
            return true
        case .sequence(let sequence):
            for child in sequence where !withinBudget(child, depth: depth + 1, budget: &budget, maxDepth: maxDepth) {
                return false
            }
            return true
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard withinBudget(key, depth: depth + 1, budget: &budget, maxDepth: maxDepth),
                      withinBudget(value, depth: depth + 1, budget: &budget, maxDepth: maxDepth) else { return false }
            }
            return true
        }
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var low = 0, high = bytes.count
        // The longest valid prefix, found by bisection; the first invalid byte follows it (within 3 bytes).
        while low < high {
            let mid = (low + high + 1) / 2
            if String(validating: bytes[0..<mid], as: UTF8.self) != nil || isTruncatedSequence(bytes[0..<mid]) {
                low = mid
            } else {
                high = mid - 1
            }
        }
        return min(low, max(0, bytes.count - 1))
    }

    private static func isTruncatedSequence(_ bytes: ArraySlice<UInt8>) -> Bool {
        for cut in 1...3 where bytes.count > cut {
            if String(validating: bytes.dropLast(cut), as: UTF8.self) != nil { return true }
        }
        return false
    }

    private static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in bytes[0..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: path, line: line, column: column)
    }

    private static func report(_ error: YamlError, text: String, path: String, sink: DiagnosticSink) {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: path, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "ongeldige YAML: \(problem)"
            if let context { message += " (\(context.text) op \(context.mark.line):\(context.mark.column))" }
            if character(at: mark, in: text) == "\t" {
                message += "; tabs zijn niet toegestaan om in te springen, gebruik spaties"
            }
            sink.error(at(mark), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let second = secondOccurrence(of: key, after: context.mark, in: text)
            let location = second.map { SourceLocation(file: path, line: $0.line, column: $0.column) } ?? at(context.mark)
            sink.error(location,
                       "dubbele sleutel '\(key)' (eerder gebruikt op regel \(context.mark.line))")
        case .reader(let problem, let offset, _, _):
            let place = offset.map { Self.location(ofByte: $0, in: Array(text.utf8), path: path) }
            sink.error(place ?? SourceLocation(file: path, line: 1, column: 1), "ongeldige invoer: \(problem)")
        case .no, .memory, .writer, .emitter, .representer, .dataCouldNotBeDecoded:
            sink.error(SourceLocation(file: path, line: 1, column: 1), "YAML kan niet gelezen worden: \(error)")
        }
    }

    private static func character(at mark: Mark, in text: String) -> Character? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        guard mark.column >= 1, mark.column <= scalars.count else { return nil }
        return Character(scalars[mark.column - 1])
    }

    /// Yams reports the first occurrence of a duplicated key; users need the second, which is the one to fix.
    private static func secondOccurrence(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = first.column - 1
        guard first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let line = lines[index]
            let leading = line.prefix { $0 == " " }.count
            let content = line.trimmingCharacters(in: .whitespaces)
            if leading < indent, !content.isEmpty, !content.hasPrefix("#") { break }
            let rest = line.dropFirst(leading)
            let candidates = [key + ":", "\"" + key + "\":", "'" + key + "':"]
            if leading == indent, candidates.contains(where: { rest.hasPrefix($0) }) {
                return (index + 1, leading + 1)
            }
        }
        return nil
    }
}
