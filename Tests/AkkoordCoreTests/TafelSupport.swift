import AkkoordCore
import AkkoordServer
import Foundation
import Glibc

/// An `akkoord serve` server started in the test process on a free port.
final class RunningTafel: Sendable {
    let server: TafelServer
    let port: Int
    let task: Task<Void, any Error>
    let scenarios: URL
    let shutdown: TafelShutdown

    private init(server: TafelServer, port: Int, task: Task<Void, any Error>, scenarios: URL, shutdown: TafelShutdown) {
        self.server = server
        self.port = port
        self.task = task
        self.scenarios = scenarios
        self.shutdown = shutdown
    }

    /// The source texts the server and the CLI both use: AKKOORD_BRONNEN when set, else `bronnen/` beside the rules.
    static var sources: String {
        if let variable = ProcessInfo.processInfo.environment["AKKOORD_BRONNEN"], !variable.isEmpty { return variable }
        return Fixture.root.appendingPathComponent("bronnen").path
    }

    static func start(
        rules: URL = Fixture.rules, scenarios: URL? = nil, host: String = "127.0.0.1", token: String? = nil,
        reloadInterval: Duration = .milliseconds(100), requestTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(30)
    ) async throws -> RunningTafel {
        let folder = scenarios ?? Fixture.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let server = try TafelServer(
            configuration: TafelConfiguration(
                host: host, port: 0, rulesDirectory: rules.path, sourcesDirectory: sources, scenariosDirectory: folder.path, token: token,
                reloadInterval: reloadInterval, requestTimeout: requestTimeout, idleTimeout: idleTimeout))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let shutdown = TafelShutdown()
        let task = Task { try await server.run(handleSignals: false, shutdown: shutdown) { port in continuation.yield(port) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CocoaError(.fileNoSuchFile) }
        return RunningTafel(server: server, port: port, task: task, scenarios: folder, shutdown: shutdown)
    }

    /// Stops gracefully, as SIGTERM does; the run ends without an error.
    @discardableResult
    func stop() async -> Bool {
        await shutdown.trigger()
        do {
            try await task.value
            return true
        } catch {
            return false
        }
    }

    /// A request to this server; `Host` is `127.0.0.1:<port>` unless given.
    func send(
        _ method: String, _ path: String, body: String? = nil, headers: [String: String] = [:], host: String? = nil
    ) async throws -> HTTPReply {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: \(host ?? "127.0.0.1:\(port)")", "Connection: close"]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { lines.append("\(name): \(value)") }
        let payload = Data((body ?? "").utf8)
        if body != nil {
            if headers["Content-Type"] == nil { lines.append("Content-Type: application/json") }
            lines.append("Content-Length: \(payload.count)")
        }
        return try await RawHTTP.exchange(port: port, Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + payload)
    }
}

/// A parsed HTTP/1.1 response.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    func all(_ name: String) -> [String] { headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value) }

    /// The body as a JSON object.
    var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
}

/// A tiny blocking HTTP/1.1 client over a socket, run on its own thread so the server's tasks are never starved; it
/// lets tests send any `Host`, `Origin`, `Cookie` or body, byte for byte.
enum RawHTTP {
    static func exchange(port: Int, _ request: Data, pause: Duration? = nil) async throws -> HTTPReply {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blockingExchange(port: port, request, pause: pause) })
            }
        }
    }

    /// Runs blocking socket work on a thread of its own, never on the tasks' shared threads (which the server needs).
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }

    /// A socket to the server. The receive timeout is generous: in a full parallel test run, long synchronous tests
    /// (Chromium printing PDFs) can keep the shared task threads, and so the server, busy for a while.
    static func connect(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        return socket
    }

    static func write(_ socket: Int32, _ data: Data) {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { return }
                offset += written
            }
        }
    }

    static func readAll(_ socket: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    static func blockingExchange(port: Int, _ request: Data, pause: Duration?) throws -> HTTPReply {
        let socket = try connect(port: port)
        defer { close(socket) }
        write(socket, request)
        shutdown(socket, Int32(SHUT_WR))
        return try parse(readAll(socket))
    }

    static func parse(_ raw: Data) throws -> HTTPReply {
        let separator = Data("\r\n\r\n".utf8)
        guard let end = raw.range(of: separator) else { throw POSIXError(.EBADMSG) }
        let head = String(decoding: raw[raw.startIndex..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw POSIXError(.EBADMSG) }
        let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Data(raw[end.upperBound...])
        if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            body = dechunked(body)
        }
        return HTTPReply(status: status, headers: headers, body: body)
    }

    static func dechunked(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[rest.startIndex..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else {
                result.append(rest[start...])
                break
            }
            let stop = rest.index(start, offsetBy: size)
            result.append(rest[start..<stop])
            rest = rest[min(rest.index(stop, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex, rest.endIndex)...]
        }
        return result
    }
}
