import AkkoordCommandLine
import AkkoordCore
import AkkoordServer
import ArgumentParser
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start de onderhandelingspagina: elke klik rekent het scenario opnieuw door (alleen op deze computer).",
        discussion: """
            Standaard alleen bereikbaar op 127.0.0.1. Met een ander adres (--host) is een toegangstoken nodig; zonder \
            --token wordt er een gemaakt en getoond. Ctrl-C stopt de server netjes.
            """,
        aliases: ["tafel"]
    )

    @OptionGroup var ruleBase: RuleBaseOptions

    @Option(name: .customLong("scenarios"), help: ArgumentHelp("Map waarin de pagina scenario's opent en bewaart.", valueName: "map"))
    var scenarios = "scenarios"

    @Option(name: .long, help: ArgumentHelp("Adres waarop de server luistert.", valueName: "adres"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Poort (0: een vrije poort).", valueName: "n"))
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("Toegangstoken (standaard gemaakt als --host niet 127.0.0.1 is).", valueName: "token"))
    var token: String?

    @Option(
        name: .customLong("sta-host-toe"),
        help: ArgumentHelp("Nog een naam die de Host-kop mag hebben (herhaalbaar), bijv. de naam van deze computer.", valueName: "naam"))
    var allowedHosts: [String] = []

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port moet tussen 0 en 65535 liggen.") }
        if let token, token.count < 16 || !token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            throw ValidationError("--token moet minstens 16 letters, cijfers, - of _ hebben.")
        }
    }

    func run() throws {
        let selection = try ruleBase.selection(for: [])
        let server: TafelServer
        do {
            server = try TafelServer(
                configuration: TafelConfiguration(
                    host: host, port: port, rulesDirectory: selection.rules, sourcesDirectory: selection.sourcesDirectory,
                    scenariosDirectory: scenarios, token: token, allowedHosts: allowedHosts))
        } catch {
            printDiagnostics(selection.explained(error.diagnostics))
            throw ExitStatus.unusableInput
        }
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { port in
                    let lines = [
                        "Akkoord aan tafel: \(server.address(port: port))",
                        "Presentatie (voor de beamer): \(server.address(port: port, path: "presentatie"))", "Ctrl-C stopt de server.",
                    ]
                    FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8))
                }
            } catch {
                outcome.fail("\(error)")
            }
            done.signal()
        }
        done.wait()
        if let message = outcome.message {
            FileHandle.standardError.write(Data("error: de server kon niet starten of stoppen: \(message)\n".utf8))
            throw ExitStatus.unusableInput
        }
    }
}

/// The error a server run ended with, handed from its task to the command.
final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?

    func fail(_ message: String) { lock.withLock { stored = message } }
    var message: String? { lock.withLock { stored } }
}
