import Foundation

/// What is at a path, from `lstat(2)` or `stat(2)`: the kind, the identity (device + inode), permission bits and owner.
public struct FileStatus: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case regular, directory, symbolicLink, characterDevice, blockDevice, fifo, socket, other
    }

    public var kind: Kind
    public var identity: FileIdentity
    /// The permission bits (`mode & 07777`).
    public var permissions: mode_t
    public var owner: uid_t
    public var group: gid_t
    public var size: Int64

    init(_ raw: stat) {
        kind =
            switch raw.st_mode & 0o170000 {
            case 0o100000: .regular
            case 0o040000: .directory
            case 0o120000: .symbolicLink
            case 0o020000: .characterDevice
            case 0o060000: .blockDevice
            case 0o010000: .fifo
            case 0o140000: .socket
            default: .other
            }
        identity = FileIdentity(device: UInt64(truncatingIfNeeded: raw.st_dev), inode: UInt64(truncatingIfNeeded: raw.st_ino))
        permissions = raw.st_mode & 0o7777
        owner = raw.st_uid
        group = raw.st_gid
        size = Int64(raw.st_size)
    }

    /// The status of the path itself (a symbolic link is not followed); `nil` with `errno` set when there is nothing.
    public static func of(_ path: String) -> FileStatus? {
        var raw = stat()
        return lstat(path, &raw) == 0 ? FileStatus(raw) : nil
    }

    /// The status of what the path leads to (symbolic links followed).
    public static func following(_ path: String) -> FileStatus? {
        var raw = stat()
        return stat(path, &raw) == 0 ? FileStatus(raw) : nil
    }

    /// The status of an open file.
    static func of(descriptor: Int32) -> FileStatus? {
        var raw = stat()
        return fstat(descriptor, &raw) == 0 ? FileStatus(raw) : nil
    }
}

/// A file's identity: device and inode. Two paths name the same file exactly when these are equal, whatever the
/// spelling (`./x.yaml`, `../map/x.yaml`), symbolic links or hard links.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
}

/// Follows symbolic links at the end of a path, so that an output is written to the file a link points to.
public enum SymbolicLinks {
    /// The path with every symbolic link at its end resolved (the link target may not exist yet); links inside the
    /// folder part are left to the kernel. Throws for a loop or an unreadable link.
    public static func resolve(_ path: String) throws(WriteError) -> String {
        var current = path
        for _ in 0..<40 {
            guard let status = FileStatus.of(current), status.kind == .symbolicLink else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw WriteError(path: path, errno: errno, detail: "koppeling \(current)") }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : POSIXFile.folder(of: current) + "/" + target
        }
        throw WriteError(path: path, errno: ELOOP)
    }
}
