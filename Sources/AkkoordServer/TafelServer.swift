import AkkoordCore
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `akkoord serve`: a local page where every change re-evaluates the scenario (docs/serve.md).
public struct TafelServer: Sendable {
    public let configuration: TafelConfiguration
    let store: RuleBaseStore
    let session = TafelSession()
    let folder: ScenarioFolder

    /// Loads the rule base; throws its diagnostics, or one for a scenarios folder that does not exist.
    public init(configuration: TafelConfiguration) throws(LoadError) {
        self.configuration = configuration.secured()
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: configuration.scenariosDirectory, isDirectory: &isDirectory)
        guard exists, isDirectory.boolValue else {
            throw LoadError(diagnostics: [
                Diagnostic(
                    exists ? .folderNotAFolder : .folderMissing, .error,
                    SourceLocation(file: configuration.scenariosDirectory, line: 1, column: 1),
                    exists
                        ? "de scenariomap is geen map; geef een map met --scenarios MAP"
                        : "de scenariomap bestaat niet; maak hem aan of geef een bestaande map met --scenarios MAP")
            ])
        }
        store = try RuleBaseStore(rulesDirectory: configuration.rulesDirectory, sourcesDirectory: configuration.sourcesDirectory)
        folder = ScenarioFolder(directory: configuration.scenariosDirectory, rulesDirectory: configuration.rulesDirectory)
    }

    /// The address to open, with the token once in the URL when one is required.
    public func address(port: Int, path: String = "") -> String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)/\(path)" + (configuration.token.map { "?token=\($0)" } ?? "")
    }

    /// Runs until SIGINT/SIGTERM (when `handleSignals`) or until the task is cancelled; stops cleanly: presentation
    /// streams end, requests in progress finish (a scenario is written whole or not at all).
    public func run(
        handleSignals: Bool = true, shutdown: TafelShutdown? = nil, onRunning: @escaping @Sendable (_ port: Int) async -> Void
    ) async throws {
        var logger = Logger(label: "akkoord.tafel")
        logger.logLevel = .error
        let app = Application(
            router: TafelRoutes(server: self).router(),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [RequestTimer(limit: Self.timeAmount(configuration.requestTimeout))],
                    idleTimeout: Self.timeAmount(configuration.idleTimeout))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "akkoord"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: app), .init(service: RuleBaseWatcher(server: self))],
                gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
                logger: logger))
        await shutdown?.attach(group)
        try await group.run()
    }
}

extension TafelServer {
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

/// Stops a running server gracefully from elsewhere (as SIGTERM would).
public actor TafelShutdown {
    private var group: ServiceGroup?
    private var requested = false

    public init() {}

    func attach(_ group: ServiceGroup) async {
        self.group = group
        if requested { await group.triggerGracefulShutdown() }
    }

    public func trigger() async {
        requested = true
        await group?.triggerGracefulShutdown()
    }
}

/// Reloads changed rule files and tells the pages; on shutdown it ends the presentation streams first.
struct RuleBaseWatcher: Service {
    let server: TafelServer

    func run() async throws {
        await withGracefulShutdownHandler {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                try? await Task.sleep(for: server.configuration.reloadInterval)
                if await server.store.reloadIfChanged() {
                    let generation = await server.store.snapshot.generation
                    let problems = await server.store.problems.count
                    await server.session.broadcast(event: "regelbasis", data: "{\"generatie\":\(generation),\"problemen\":\(problems)}")
                }
            }
        } onGracefulShutdown: {
            Task { await server.session.finish() }
        }
        await server.session.finish()
    }
}

/// The CPU time of the calling thread: with the wall-clock time it tells computing from waiting for a core.
enum ThreadCPUClock {
    static var now: Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}
