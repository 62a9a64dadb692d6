import AkkoordCore
import Foundation

/// What `akkoord serve` starts with: where the rule base, the source texts and the scenarios are, and how the page is
/// reached.
public struct TafelConfiguration: Sendable {
    /// The address the server binds to; 127.0.0.1 unless asked otherwise.
    public var host: String
    /// The port; 0 lets the system choose a free one (the address printed at start names it).
    public var port: Int
    /// The rule-base folder (dossier.yaml, fiches/, regels/).
    public var rulesDirectory: String
    /// The folder with the source texts the quotes are verified against (as `akkoord report` does).
    public var sourcesDirectory: String
    /// The only folder whose scenarios the page opens and saves, as the command line names it; reports name scenarios
    /// as `<scenariosDirectory>/<naam>.yaml`, the way `akkoord report` names them from the same working folder.
    public var scenariosDirectory: String
    /// The access token. Required (and generated when not given) for any host other than the loopback address.
    public var token: String?
    /// Extra names the `Host` header may carry besides the bound address, `localhost` and 127.0.0.1.
    public var allowedHosts: [String]
    /// How often the rule files are checked for changes.
    public var reloadInterval: Duration
    /// A request must arrive whole (head to last body byte) within this time, or its connection is closed
    /// (``RequestTimer``): a client that sends one byte a second holds nothing for long.
    public var requestTimeout: Duration
    /// A connection on which nothing arrives for this long (no request, or a head that is not complete) is closed.
    public var idleTimeout: Duration

    /// Requests larger than this are refused with 413.
    public static let maxBodyBytes = 1_048_576

    public init(
        host: String = "127.0.0.1", port: Int = 8080, rulesDirectory: String, sourcesDirectory: String, scenariosDirectory: String,
        token: String? = nil, allowedHosts: [String] = [], reloadInterval: Duration = .milliseconds(500),
        requestTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(30)
    ) {
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.host = host
        self.port = port
        self.rulesDirectory = rulesDirectory
        self.sourcesDirectory = sourcesDirectory
        self.scenariosDirectory = scenariosDirectory
        self.token = token
        self.allowedHosts = allowedHosts
        self.reloadInterval = reloadInterval
    }

    /// True when only this machine can reach the server.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }

    /// The configuration as it runs: a token is generated for a host other than the loopback address.
    public func secured() -> TafelConfiguration {
        var secured = self
        if secured.token == nil, !isLoopback { secured.token = Self.newToken() }
        return secured
    }

    /// 32 random bytes as hex (cookie-safe).
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// The names a `Host` header may carry (without port).
    var hostNames: Set<String> {
        var names: Set<String> = ["127.0.0.1", "localhost", "[::1]", host.lowercased()]
        if host.contains(":") { names.insert("[\(host.lowercased())]") }
        for name in allowedHosts { names.insert(name.lowercased()) }
        return names
    }
}
