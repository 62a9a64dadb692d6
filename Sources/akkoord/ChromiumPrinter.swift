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
    /// When the printing must be done: Chromium is stopped (with every process it started) at this moment.
    var deadline: Date = .distantFuture
    /// The time limit that `deadline` came from, in seconds, for the message.
    var limit: Int = 0

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

        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
            "--generate-pdf-document-outline", "--user-data-dir=\(folder.appendingPathComponent("profiel").path)",
            "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ]
        let status = try run(arguments, log: log.path)

        let data = (try? Data(contentsOf: pdf)) ?? Data()
        guard status == 0, data.starts(with: Data("%PDF-".utf8)),
            data.suffix(1024).range(of: Data("%%EOF".utf8)) != nil
        else {
            let detail = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").last.map { ": \($0)" } ?? ""
            throw Failure(message: "Chromium (\(executable)) maakte geen volledige PDF (exitcode \(status))\(detail)")
        }
        return data
    }

    /// Runs Chromium in a process group of its own, with standard output to nowhere and standard error to `log`, and
    /// waits for it; at the deadline the whole group (the browser and its helper processes) is killed. Returns the
    /// exit status.
    private func run(_ arguments: [String], log: String) throws(Failure) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_APPEND, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw Failure(message: "kan Chromium (\(executable)) niet starten: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0, errno != EINTR {
                throw Failure(message: "kan niet wachten op Chromium (\(executable)): \(String(cString: strerror(errno)))")
            }
            if Date() >= deadline {
                killpg(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                throw Failure(
                    message:
                        "Chromium (\(executable)) was na \(limit == 1 ? "1 seconde" : "\(limit) seconden") nog niet klaar met de PDF en is gestopt; "
                        + "er is geen PDF geschreven. Geef meer tijd met --pdf-tijdslimiet SECONDEN, of maak het pakket kleiner "
                        + "(minder scenario's, of zonder bronteksten)")
            }
            usleep(50_000)
        }
        // Helper processes that outlive the browser are stopped too.
        killpg(pid, SIGKILL)
        // Exited normally: its exit code; killed by a signal: 128 + the signal, as a shell shows it.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
