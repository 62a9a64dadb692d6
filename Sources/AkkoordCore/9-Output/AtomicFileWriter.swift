import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes an output file safely (see "Wat Akkoord nooit overschrijft" in the README):
///
/// - never over an input (compared by device and inode, so `./x.yaml`, symbolic and hard links are caught);
/// - a symbolic link is followed and its target replaced, the link stays;
/// - a regular file is written to a temporary file beside the (resolved) target, synced and renamed into place, so a
///   failure never leaves a partial file; a replaced file keeps its permission bits and (when allowed) its owner, a new
///   file gets `0666` minus the umask;
/// - a device, FIFO or other non-regular file (`/dev/null`, `/dev/stdout`) is opened and written directly;
/// - failures are Dutch and name the path and the cause from `errno`.
public enum AtomicFileWriter {
    /// Which existing regular files may be replaced.
    public enum Existing: Sendable {
        /// Any regular file that is not an input.
        case replace
        /// Only an empty file or one whose first 64 KB contain `marker` (an earlier output of the same command);
        /// any other file is refused with `refusal`.
        case replaceIfContains(String, refusal: String)
        /// Only an empty file or one whose first 64 KB contain one of `markers`; any other file is refused with `refusal`.
        case replaceIfContainsAny([String], refusal: String)
    }

    public static func write(
        _ text: String, to path: String, inputs: InputFiles = InputFiles(),
        existing: Existing = .replace
    ) throws(WriteError) {
        try prepare(Data(text.utf8), to: path, inputs: inputs, existing: existing).commit()
    }

    /// Checks the target and writes the temporary file; nothing is visible at the target until `commit`.
    public static func prepare(
        _ data: Data, to path: String, inputs: InputFiles = InputFiles(),
        existing: Existing = .replace
    ) throws(WriteError) -> PendingFile {
        let target = try SymbolicLinks.resolve(path)
        try inputs.refuse(target, shownAs: path)
        let mode: mode_t
        var owner: (uid_t, gid_t)?
        if let status = FileStatus.of(target) {
            switch status.kind {
            case .directory:
                throw WriteError(path: path, errno: EISDIR)
            case .regular:
                let required: (markers: [String], refusal: String)? =
                    switch existing {
                    case .replace: nil
                    case .replaceIfContains(let marker, let refusal): ([marker], refusal)
                    case .replaceIfContainsAny(let markers, let refusal): (markers, refusal)
                    }
                if let required, status.size > 0 {
                    let head = POSIXFile.head(of: target, limit: 65_536) ?? Data()
                    guard required.markers.contains(where: { head.range(of: Data($0.utf8)) != nil }) else {
                        throw WriteError(path: path, message: required.refusal)
                    }
                }
                mode = status.permissions
                owner = (status.owner, status.group)
            case .symbolicLink:
                throw WriteError(path: path, errno: ELOOP)
            case .characterDevice, .blockDevice, .fifo, .socket, .other:
                return PendingFile(shownPath: path, target: target, step: .direct(data))
            }
        } else if errno == ENOENT {
            mode = POSIXFile.creationMode
        } else {
            throw WriteError(path: path, errno: errno)
        }

        let folder = POSIXFile.folder(of: target)
        guard let (temporary, descriptor) = POSIXFile.createTemporary(beside: target) else {
            let code = errno
            throw WriteError(path: path, errno: code, detail: code == ENOENT ? nil : "tijdelijk bestand in map \(folder)")
        }
        var failure: Int32? = POSIXFile.writeAll(descriptor, data)
        if failure == nil, fchmod(descriptor, mode) != 0 { failure = errno }
        if failure == nil, let (uid, gid) = owner, let made = FileStatus.of(descriptor: descriptor),
            made.owner != uid || made.group != gid
        {
            // Keeping the owner needs privileges; without them the file belongs to whoever runs Akkoord.
            if fchown(descriptor, uid, gid) == 0 { _ = fchmod(descriptor, mode) }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, errno: failure)
        }
        return PendingFile(shownPath: path, target: target, step: .rename(temporary: temporary))
    }
}
