import Foundation

/// Writes output files atomically: to a temporary file beside the target, then renamed into place,
/// so a failure never leaves a partial file behind.
public enum AtomicFileWriter {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: kan niet schrijven: \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces the target atomically on the same file system.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: "\(error.localizedDescription)")
        }
    }

    /// Writes a folder of files: first to a temporary folder beside the target, then renamed into place. An
    /// existing target folder is replaced only after the new one is complete.
    public static func writeDirectory(_ files: [String: String], to path: String) throws(WriteError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let stamp = ProcessInfo.processInfo.processIdentifier
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).\(stamp).tmp")
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).\(stamp).old")
        let manager = FileManager.default
        do {
            try? manager.removeItem(at: temporary)
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            for (relative, text) in files.sorted(by: { $0.key < $1.key }) {
                let url = temporary.appendingPathComponent(relative)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            var isDirectory: ObjCBool = false
            let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
            if exists && !isDirectory.boolValue {
                throw CocoaError(.fileWriteFileExists, userInfo: [NSLocalizedDescriptionKey: "bestaat al en is geen map"])
            }
            if exists { try manager.moveItem(at: target, to: old) }
            guard rename(temporary.path, target.path) == 0 else {
                if exists { try? manager.moveItem(at: old, to: target) }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            if exists { try? manager.removeItem(at: old) }
        } catch {
            try? manager.removeItem(at: temporary)
            throw WriteError(path: path, reason: "\(error.localizedDescription)")
        }
    }
}
