import AkkoordCore
import ArgumentParser
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Maak een kleine regelbasis om mee te beginnen: dossier, fiche, regel, brontekst en scenario.",
        discussion: "Schrijft alleen in een nieuwe of lege map. Uitleg stap voor stap: docs/tutorial.md.",
        aliases: ["begin"]
    )

    @Argument(help: ArgumentHelp("Nieuwe (of lege) map voor de regelbasis.", valueName: "map"))
    var folder: String

    func run() throws {
        let project = StarterProject()
        try reportingWriteErrors { () throws(WriteError) in
            try NewFolderWriter.write(
                project.files, to: folder,
                refusal:
                    "bestaat al en is geen lege map; akkoord init schrijft alleen in een nieuwe of lege map en overschrijft niets. "
                    + "Kies een andere naam, bijvoorbeeld akkoord init mijn-gemeente.")
        }
        print("Nieuwe regelbasis in \(folder):")
        for path in project.files.keys.sorted() { print("  \(path)") }
        print("Controleer hem met: cd \(folder) && akkoord check scenarios/ && akkoord test")
    }
}
