import Foundation

/// The files a command reads (scenarios, every file in the rule-base folder), by identity, so that an output never
/// replaces one of them — however its path is spelled, and through symbolic or hard links.
public struct InputFiles: Sendable {
    private var identities: Set<FileIdentity> = []

    public init() {}

    /// The given files plus every file under the given folders (recursively, links followed to their targets).
    public init(files: [String], folders: [String] = []) {
        for path in files { add(path) }
        for folder in folders {
            add(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let relative as String in enumerator {
                add((folder as NSString).appendingPathComponent(relative))
            }
        }
    }

    private mutating func add(_ path: String) {
        if let status = FileStatus.following(path) { identities.insert(status.identity) }
    }

    /// Whether the path (links followed) is one of the inputs.
    public func contains(_ path: String) -> Bool {
        guard let status = FileStatus.following(path) else { return false }
        return identities.contains(status.identity)
    }

    /// Throws the refusal when the path is an input.
    public func refuse(_ path: String, shownAs shown: String) throws(WriteError) {
        if contains(path) {
            throw WriteError(
                path: shown,
                message: "dit is een invoerbestand (een scenario of een bestand in de regelbasis); "
                    + "Akkoord overschrijft zijn invoer nooit. Kies een ander uitvoerbestand.")
        }
    }
}
