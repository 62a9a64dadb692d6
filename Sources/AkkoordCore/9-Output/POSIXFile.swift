import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin wrappers over the system calls the writers use, so that every failure keeps its `errno`.
enum POSIXFile {
    /// Writes all of `data` to `descriptor`; returns the `errno` of a failure, or `nil`.
    static func writeAll(_ descriptor: Int32, _ data: Data) -> Int32? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            guard var pointer = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(descriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                remaining -= written
                pointer += written
            }
            return nil
        }
    }

    /// Permission bits for a new file: `0666` minus the umask, as `open(2)` would give.
    static var creationMode: mode_t {
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }

    /// Permission bits for a new folder: `0777` minus the umask.
    static var folderMode: mode_t {
        let mask = umask(0)
        umask(mask)
        return 0o777 & ~mask
    }

    /// Flushes a folder's entries (after a rename); best effort.
    static func syncFolder(_ path: String) {
        let descriptor = open(path.isEmpty ? "." : path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The folder part of a path (`.` for a bare name).
    static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// A fresh, unused temporary name beside `path`, created exclusively with mode 0600 and opened for writing.
    static func createTemporary(beside path: String) -> (path: String, descriptor: Int32)? {
        let folder = folder(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? "uitvoer"
        let stem = ".\(name.prefix(80)).akkoord-\(getpid())"
        for attempt in 0..<1000 {
            let candidate = (folder as NSString).appendingPathComponent("\(stem)-\(attempt).tmp")
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (candidate, descriptor) }
            if errno != EEXIST { return nil }
        }
        errno = EEXIST
        return nil
    }

    /// The first `limit` bytes of a file, or `nil`.
    static func head(of path: String, limit: Int) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: limit)
        var total = 0
        while total < limit {
            let count = buffer.withUnsafeMutableBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return read(descriptor, base + total, limit - total)
            }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            total += count
        }
        return Data(buffer[0..<total])
    }
}
