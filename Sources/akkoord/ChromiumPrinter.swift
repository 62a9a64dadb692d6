import Foundation

/// Prints an HTML page to PDF with headless Chromium (`pack --pdf`). The page and the PDF live in a private temporary
/// folder that is removed afterwards; the caller writes the PDF to its place (safely, through `AtomicFileWriter`).
struct ChromiumPrinter {
    /// Why no PDF was made, in Dutch.
    struct Failure: Error {
        var message: String
    }

    /// The browser's executable.
    var executable: String

    /// The names tried, in order, on `PATH`.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// Chromium from `AKKOORD_CHROMIUM` (a path), or the first of ``names`` found on `PATH`; `nil` when there is none.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChromiumPrinter? {
        if let path = environment["AKKOORD_CHROMIUM"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? ChromiumPrinter(executable: path) : nil
        }
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for name in names {
            for folder in folders {
                let path = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return ChromiumPrinter(executable: path) }
            }
        }
        return nil
    }

    /// The message when Chromium is missing.
    static let missingMessage =
        "akkoord: error: pack --pdf heeft Chromium nodig (headless) en vindt het niet op PATH"
        + " (gezocht: \(names.joined(separator: ", "))).\n"
        + "note: installeer het met: apt-get install chromium (Debian/Ubuntu), of geef het pad in AKKOORD_CHROMIUM.\n"

    /// Prints `html` (a self-contained page) to an A4 PDF: no browser header or footer (the page's own `@page` rules
    /// number the pages and carry the marking), with a document outline from the headings.
    func pdf(of html: String) throws(Failure) -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("akkoord-pdf-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw Failure(message: "kan geen tijdelijke map maken voor de PDF: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("pakket.html")
        let pdf = folder.appendingPathComponent("pakket.pdf")
        let log = folder.appendingPathComponent("chromium.log")
        do {
            try Data(html.utf8).write(to: page)
            try Data().write(to: log)
        } catch {
            throw Failure(message: "kan de pagina niet klaarzetten voor Chromium: \(error.localizedDescription)")
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
            "--generate-pdf-document-outline", "--user-data-dir=\(folder.appendingPathComponent("profiel").path)",
            "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        do {
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
        } catch {
            throw Failure(message: "kan Chromium (\(executable)) niet starten: \(error.localizedDescription)")
        }
        process.waitUntilExit()

        let data = (try? Data(contentsOf: pdf)) ?? Data()
        guard process.terminationReason == .exit, process.terminationStatus == 0, data.starts(with: Data("%PDF-".utf8)),
            data.suffix(1024).range(of: Data("%%EOF".utf8)) != nil
        else {
            let detail = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").last.map { ": \($0)" } ?? ""
            throw Failure(message: "Chromium (\(executable)) maakte geen volledige PDF (exitcode \(process.terminationStatus))\(detail)")
        }
        return data
    }
}
