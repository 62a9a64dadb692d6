import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output that is ready to appear: either a complete temporary file beside its target, waiting to be renamed into
/// place, or the contents for a device or FIFO that is written directly. `commit` makes it appear, `discard` leaves no
/// trace. A folder of outputs prepares every file first and commits them together.
public struct PendingFile: Sendable {
    enum Step: Sendable {
        case rename(temporary: String)
        case direct(Data)
    }

    /// The path as the user gave it, for messages.
    public var shownPath: String
    /// Where the output ends up (symbolic links resolved).
    public var target: String
    var step: Step

    /// Renames the temporary file over the target, or writes a device or FIFO directly.
    public func commit() throws(WriteError) {
        switch step {
        case .rename(let temporary):
            // rename(2) replaces the target atomically on the same file system.
            guard rename(temporary, target) == 0 else {
                let code = errno
                unlink(temporary)
                throw WriteError(path: shownPath, errno: code)
            }
            POSIXFile.syncFolder(POSIXFile.folder(of: target))
        case .direct(let data):
            let descriptor = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0 else { throw WriteError(path: shownPath, errno: errno) }
            defer { close(descriptor) }
            if let code = POSIXFile.writeAll(descriptor, data) { throw WriteError(path: shownPath, errno: code) }
        }
    }

    /// Removes the temporary file; nothing was written to the target.
    public func discard() {
        if case .rename(let temporary) = step { unlink(temporary) }
    }
}
