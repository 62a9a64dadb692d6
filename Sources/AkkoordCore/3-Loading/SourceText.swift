import Crypto
import Foundation

/// A declared source text as found (or not) in the sources folder.
public enum SourceText: Sendable {
    /// Read, with the hash the declaration names: the text as it is (`contents`) and prepared for searching.
    case found(path: String, text: SearchableText, contents: String)
    /// No such file in the folder.
    case missing(path: String)
    /// Read, but its SHA-256 is not the declared one: another version of the text.
    case changed(path: String, actualSHA256: String)
    /// There, but not usable (too large, not UTF-8, not readable); `reason` is in Dutch.
    case unreadable(path: String, reason: String)

    /// The largest source text read, in bytes.
    public static let maxBytes = 64 * 1024 * 1024

    /// Looks for the declared file in `directory` and checks its hash.
    public init(_ source: DossierSource, directory: String) {
        let path = directory.hasSuffix("/") ? directory + source.file : directory + "/" + source.file
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            self = .missing(path: path)
            return
        }
        if isDirectory.boolValue {
            self = .unreadable(path: path, reason: "is een map, geen tekstbestand")
            return
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Self.maxBytes {
            self = .unreadable(path: path, reason: "is groter dan \(Self.maxBytes / 1024 / 1024) MB")
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            self = .unreadable(path: path, reason: "kan niet worden gelezen")
            return
        }
        let hash = Self.sha256(data)
        guard hash == source.sha256 else {
            self = .changed(path: path, actualSHA256: hash)
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            self = .unreadable(path: path, reason: "is geen UTF-8-tekst")
            return
        }
        self = .found(path: path, text: SearchableText(text), contents: text)
    }

    /// Lower-case hexadecimal SHA-256, as `sha256sum` prints it.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
