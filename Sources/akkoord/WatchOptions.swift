import AkkoordCore
import ArgumentParser
import Foundation

/// `--watch`: run once, then again whenever a YAML file under the watched folders changes.
struct WatchOptions: ParsableArguments {
    @Flag(name: .long, help: "Blijf kijken en draai opnieuw als een bestand onder rules/ of scenarios/ verandert.")
    var watch = false

    func run(directories: [String], _ body: () throws(ExitCode) -> Void) throws {
        guard watch else { return try body() }
        var last = snapshot(directories)
        while true {
            do { try body() } catch { print("(exitcode \(error.rawValue))") }
            print("— wacht op wijzigingen (Ctrl-C stopt) —")
            repeat {
                Thread.sleep(forTimeInterval: 0.5)
            } while snapshot(directories) == last
            last = snapshot(directories)
        }
    }

    /// Modification dates and sizes of every YAML file under the folders.
    private func snapshot(_ directories: [String]) -> [String: String] {
        var state: [String: String] = [:]
        for directory in directories {
            guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
                state[directory] = "?"
                continue
            }
            for case let relative as String in enumerator where RuleBaseLayout.isYAMLFileName((relative as NSString).lastPathComponent) {
                let path = directory + "/" + relative
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                state[path] =
                    "\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)/\((attributes?[.size] as? Int) ?? 0)"
            }
        }
        return state
    }
}
