import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a set of files as a new folder that appears at once: everything is written under a temporary name beside the
/// folder, then renamed into place. A failure leaves no folder and no temporary files. An existing folder is used only
/// when it is empty (`init .` in a new folder): the files are then written into a temporary folder inside it and its
/// top-level entries renamed into place, or removed again if one fails; anything else in the way is refused.
public enum NewFolderWriter {
    /// Writes `files` (relative path → contents) as the folder `path`. `refusal` is the message when `path` exists
    /// and is not an empty folder.
    public static func write(_ files: [String: String], to path: String, refusal: String) throws(WriteError) {
        for relative in files.keys where !PackMarker.isSafeRelativePath(relative) {
            throw WriteError(path: path, message: "ongeldige bestandsnaam: \(relative)")
        }
        let target = try SymbolicLinks.resolve(path)
        guard let status = FileStatus.of(target) else {
            guard errno == ENOENT else { throw WriteError(path: path, errno: errno) }
            return try create(files, at: target, shownAs: path)
        }
        guard status.kind == .directory, try PackFolderWriter.entries(of: target, shownAs: path).isEmpty else {
            throw WriteError(path: path, message: refusal)
        }
        try fill(files, emptyFolder: target, shownAs: path)
    }

    /// Writes `files` into a temporary folder inside the empty folder `target`, then moves its top-level entries up.
    static func fill(_ files: [String: String], emptyFolder target: String, shownAs path: String) throws(WriteError) {
        let staging = try stage(files, in: target, named: ".akkoord-init", shownAs: path)
        var moved: [String] = []
        do throws(WriteError) {
            for name in try PackFolderWriter.entries(of: staging, shownAs: path).sorted() {
                let destination = (target as NSString).appendingPathComponent(name)
                guard rename((staging as NSString).appendingPathComponent(name), destination) == 0 else {
                    throw WriteError(path: path, errno: errno)
                }
                moved.append(destination)
            }
            _ = rmdir(staging)
            POSIXFile.syncFolder(target)
        } catch {
            // Only what this call made is removed: the staging folder and the entries moved out of it.
            moved.forEach { try? FileManager.default.removeItem(atPath: $0) }
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// Writes `files` into a temporary folder beside `target` (which does not exist) and renames it into place.
    static func create(_ files: [String: String], at target: String, shownAs path: String) throws(WriteError) {
        let parent = POSIXFile.folder(of: target)
        try PackFolderWriter.makeFolders(parent, shownAs: path)
        let temporary = try stage(files, in: parent, named: ".\((target.split(separator: "/").last ?? "map").prefix(80))", shownAs: path)
        do throws(WriteError) {
            guard rename(temporary, target) == 0 else { throw WriteError(path: path, errno: errno) }
            POSIXFile.syncFolder(parent)
        } catch {
            // The temporary folder is ours alone (mkdtemp made it), so it may go as a whole.
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError(path: path, message: error.message)
        }
    }

    /// Makes a temporary folder `<name>.akkoord-XXXXXX` in `parent` (mode `0777` minus the umask) and writes `files`
    /// into it; on failure it is removed again.
    static func stage(_ files: [String: String], in parent: String, named name: String, shownAs path: String) throws(WriteError) -> String {
        var template = Array(((parent as NSString).appendingPathComponent("\(name).akkoord-XXXXXX")).utf8CString)
        guard let made = mkdtemp(&template) else { throw WriteError(path: path, errno: errno, detail: "tijdelijke map in \(parent)") }
        let temporary = String(cString: made)
        do throws(WriteError) {
            for (relative, text) in files.sorted(by: { $0.key < $1.key }) {
                let file = (temporary as NSString).appendingPathComponent(relative)
                try PackFolderWriter.makeFolders(POSIXFile.folder(of: file), shownAs: path)
                try AtomicFileWriter.write(text, to: file)
            }
            guard chmod(temporary, POSIXFile.folderMode) == 0 else { throw WriteError(path: path, errno: errno) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError(path: path, message: error.message)
        }
        return temporary
    }
}
