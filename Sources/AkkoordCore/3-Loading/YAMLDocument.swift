import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

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
    let root: YAMLNode

    /// Reads and composes a file. Returns `nil` after reporting to `sink` when the file is unusable.
    static func read(path: String, limits: LoadLimits, sink: DiagnosticSink) -> YAMLDocument? {
        readBytes(path: path, limits: limits, sink: sink).flatMap { parse(data: $0, path: path, limits: limits, sink: sink) }
    }

    /// Reads a file, refusing one larger than the limit before reading it into memory. A file that cannot be read is
    /// reported with its cause (missing, no permission, a folder, …).
    static func readBytes(path: String, limits: LoadLimits, sink: DiagnosticSink) -> Data? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            sink.error(.fileUnreadable, start, "kan het bestand niet lezen: \(SystemErrorText.current)")
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                sink.error(.fileUnreadable, start, "kan het bestand niet lezen: \(SystemErrorText.describe(EISDIR))")
                return nil
            }
            if (info.st_mode & S_IFMT) == S_IFREG, info.st_size > limits.maxFileBytes {
                sink.error(.fileTooLarge, start, "bestand is te groot (\(info.st_size) bytes; maximaal \(limits.maxFileBytes))")
                return nil
            }
        }
        // Read at most one byte past the limit, so a device or pipe without a size cannot exhaust memory.
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while data.count <= limits.maxFileBytes {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                sink.error(.fileUnreadable, start, "kan het bestand niet lezen: \(SystemErrorText.current)")
                return nil
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        if data.count > limits.maxFileBytes {
            sink.error(.fileTooLarge, start, "bestand is te groot (meer dan \(limits.maxFileBytes) bytes)")
            return nil
        }
        return data
    }

    /// Composes YAML bytes. Returns `nil` after reporting to `sink` when the bytes are unusable.
    static func parse(data: Data, path: String, limits: LoadLimits, sink: DiagnosticSink) -> YAMLDocument? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard data.count <= limits.maxFileBytes else {
            sink.error(.fileTooLarge, start, "bestand is te groot (\(data.count) bytes; maximaal \(limits.maxFileBytes))")
            return nil
        }
        let outcome: Result<YAMLNode?, YAMLComposer.Failure> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let nul = bytes.firstIndex(of: 0) {
                return .failure(
                    .init(
                        id: .yamlEncoding, line: 0, column: 0, message: "bestand bevat een NUL-byte: is dit een binair bestand?",
                        byteOffset: nul))
            }
            guard String(validating: bytes, as: UTF8.self) != nil else {
                return .failure(
                    .init(
                        id: .yamlEncoding, line: 0, column: 0, message: "bestand is geen geldige UTF-8-tekst",
                        byteOffset: firstInvalidUTF8(Array(bytes))))
            }
            return Result { () throws(YAMLComposer.Failure) in try YAMLComposer(limits: limits).compose(raw) }
        }
        switch outcome {
        case .success(let root?):
            return YAMLDocument(path: path, root: root)
        case .success(nil):
            sink.error(.fileEmpty, start, "bestand is leeg")
        case .failure(let failure):
            report(failure, bytes: [UInt8](data), path: path, sink: sink)
        }
        return nil
    }

    private static func report(_ failure: YAMLComposer.Failure, bytes: [UInt8], path: String, sink: DiagnosticSink) {
        if let offset = failure.byteOffset {
            sink.error(failure.id, location(ofByte: offset, in: bytes, path: path), failure.message)
            return
        }
        var message = failure.message
        if character(line: failure.line, column: failure.column, in: bytes) == "\t" {
            message += "; tabs zijn niet toegestaan om in te springen, gebruik spaties"
        }
        let notes = failure.note.map { [Diagnostic.Note(SourceLocation(file: path, line: $0.line, column: 1), $0.message)] } ?? []
        sink.error(failure.id, SourceLocation(file: path, line: failure.line, column: failure.column), message, notes: notes)
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

    private static func character(line: Int, column: Int, in bytes: [UInt8]) -> Character? {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let scalars = Array(lines[line - 1].unicodeScalars)
        guard column >= 1, column <= scalars.count else { return nil }
        return Character(scalars[column - 1])
    }
}
