import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the briefing pack as a folder without ever deleting or replacing a file pack did not write.
///
/// - A new folder is written in full beside its place and renamed into place, so it appears at once.
/// - An empty folder, or one with a `.akkoord-pakket` marker (see `PackMarker`), is updated file by file: every new
///   file is first written to a temporary name, then all are renamed into place; files the marker lists that pack no
///   longer makes are removed; nothing else in the folder is touched.
/// - Any other folder, a file in the way that the marker does not list, or a symbolic link inside the folder is refused.
public enum PackFolderWriter {
    public static func write(_ files: [String: String], to path: String, inputs: InputFiles = InputFiles()) throws(WriteError) {
        for relative in files.keys where !PackMarker.isSafeRelativePath(relative) || relative == PackMarker.fileName {
            throw WriteError(path: path, message: "ongeldige bestandsnaam in het pakket: \(relative)")
        }
        let target = try SymbolicLinks.resolve(path)
        guard let status = FileStatus.of(target) else {
            guard errno == ENOENT else { throw WriteError(path: path, errno: errno) }
            return try writeNew(files, to: target, shownAs: path)
        }
        guard status.kind == .directory else {
            throw WriteError(
                path: path,
                message: "bestaat al en is geen map; akkoord pack schrijft een map (of één HTML-bestand "
                    + "met --single-file). Kies een andere naam.")
        }
        let earlier = try earlierFiles(in: target, shownAs: path)
        try update(files, in: target, earlier: Set(earlier), inputs: inputs, shownAs: path)
    }

    /// The files an earlier pack wrote into the folder: none for an empty folder; refused for a folder pack did not make.
    static func earlierFiles(in folder: String, shownAs path: String) throws(WriteError) -> [String] {
        let entries = try entries(of: folder, shownAs: path)
        if entries.isEmpty { return [] }
        let marker = (folder as NSString).appendingPathComponent(PackMarker.fileName)
        guard entries.contains(PackMarker.fileName), FileStatus.of(marker)?.kind == .regular,
            let text = POSIXFile.head(of: marker, limit: 4_000_000).map({ String(decoding: $0, as: UTF8.self) }),
            let files = PackMarker.files(in: text)
        else {
            throw WriteError(
                path: path,
                message: "de map bestaat al, is niet leeg en is niet eerder door akkoord pack gemaakt "
                    + "(er staat geen \(PackMarker.fileName) in). Pack wist of vervangt nooit bestanden die het niet zelf "
                    + "schreef. Kies een nieuwe of lege map, bijvoorbeeld --output briefingpakket.")
        }
        return files
    }

    /// A new folder: written completely under a temporary name beside it, with the marker, then renamed into place.
    static func writeNew(_ files: [String: String], to target: String, shownAs path: String) throws(WriteError) {
        var all = files
        all[PackMarker.fileName] = PackMarker.text(listing: Array(files.keys))
        try NewFolderWriter.create(all, at: target, shownAs: path)
    }

    /// An empty folder or an earlier pack: checks every file first, then writes all to temporary names, renames them
    /// into place and removes the files of the earlier pack that are no longer made.
    static func update(
        _ files: [String: String], in target: String, earlier: Set<String>, inputs: InputFiles,
        shownAs path: String
    ) throws(WriteError) {
        let produced = Set(files.keys)
        var foldersToMake: [String] = []
        for relative in produced.sorted() {
            let parts = relative.split(separator: "/").map(String.init)
            var prefix = target
            for folder in parts.dropLast() {
                prefix = (prefix as NSString).appendingPathComponent(folder)
                if let status = FileStatus.of(prefix) {
                    guard status.kind == .directory else {
                        throw WriteError(
                            path: prefix,
                            message: "staat in de weg: akkoord pack wil hier een map maken, maar er staat "
                                + "een bestand of symbolische koppeling. Pack laat het staan; verplaats het of kies een andere map.")
                    }
                } else if !foldersToMake.contains(prefix) {
                    foldersToMake.append(prefix)
                }
            }
            let file = (target as NSString).appendingPathComponent(relative)
            if let status = FileStatus.of(file) {
                guard status.kind == .regular, earlier.contains(relative) else {
                    throw WriteError(
                        path: file,
                        message: "bestaat al en is niet door akkoord pack geschreven (het staat niet in "
                            + "\(PackMarker.fileName)). Pack laat het staan; verplaats het of kies een andere map.")
                }
                try inputs.refuse(file, shownAs: file)
            }
        }

        // The marker first lists everything pack may have written, so an interrupted run still knows what is its own.
        let marker = (target as NSString).appendingPathComponent(PackMarker.fileName)
        try AtomicFileWriter.write(PackMarker.text(listing: Array(earlier.union(produced))), to: marker)
        var made: [String] = []
        var pending: [PendingFile] = []
        do throws(WriteError) {
            for folder in foldersToMake {
                guard mkdir(folder, POSIXFile.folderMode) == 0 else { throw WriteError(path: folder, errno: errno) }
                made.append(folder)
            }
            for (relative, text) in files.sorted(by: { $0.key < $1.key }) {
                let file = (target as NSString).appendingPathComponent(relative)
                pending.append(try AtomicFileWriter.prepare(Data(text.utf8), to: file, inputs: inputs))
            }
        } catch {
            pending.forEach { $0.discard() }
            made.reversed().forEach { _ = rmdir($0) }
            throw error
        }
        for (index, file) in pending.enumerated() {
            do throws(WriteError) { try file.commit() } catch {
                pending[(index + 1)...].forEach { $0.discard() }
                throw error
            }
        }
        for relative in earlier.subtracting(produced).sorted() {
            removeEarlier(relative, in: target)
        }
        try AtomicFileWriter.write(PackMarker.text(listing: Array(produced)), to: marker)
    }

    /// Removes a file an earlier pack wrote, only when it is still a regular file reached through real folders; then
    /// the folders above it that became empty.
    static func removeEarlier(_ relative: String, in target: String) {
        let parts = relative.split(separator: "/").map(String.init)
        var prefix = target
        var folders: [String] = []
        for folder in parts.dropLast() {
            prefix = (prefix as NSString).appendingPathComponent(folder)
            guard FileStatus.of(prefix)?.kind == .directory else { return }
            folders.append(prefix)
        }
        let file = (target as NSString).appendingPathComponent(relative)
        guard FileStatus.of(file)?.kind == .regular else { return }
        unlink(file)
        for folder in folders.reversed() where rmdir(folder) != 0 { break }
    }

    /// The names in a folder, without `.` and `..`.
    static func entries(of folder: String, shownAs path: String) throws(WriteError) -> [String] {
        guard let stream = opendir(folder) else { throw WriteError(path: path, errno: errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// `mkdir -p` with `0777` minus the umask.
    static func makeFolders(_ folder: String, shownAs path: String) throws(WriteError) {
        if let status = FileStatus.following(folder) {
            guard status.kind == .directory else { throw WriteError(path: path, errno: ENOTDIR, detail: folder) }
            return
        }
        let parent = POSIXFile.folder(of: folder)
        if parent != folder, folder != "/" { try makeFolders(parent, shownAs: path) }
        guard mkdir(folder, POSIXFile.folderMode) == 0 || errno == EEXIST else {
            throw WriteError(path: path, errno: errno, detail: folder)
        }
    }
}
