import AkkoordCore
import Foundation

/// libFuzzer entry point: feeds arbitrary bytes to the loader as a fiche file, a dossier file and a scenario.
/// The loader must never crash, hang or use unbounded memory; every input ends in a value or diagnostics.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    LoaderFuzzer.run(Data(bytes: bytes, count: count))
    return 0
}

enum LoaderFuzzer {
    /// A small valid rule base the scenario input is checked against.
    static let ruleBase: RuleBase? = {
        let dossier = Data(
            """
            gemeente: F
            titel: F
            versie: "1"
            periode: {van: 2026, tot: 2030}
            start_coalitie: 2026-06-01
            opgaven: [{id: a, titel: A}]
            programmas: [{id: p, titel: P}]
            """.utf8)
        let fiche = Data(
            """
            code: 1A
            titel: T
            opgaven: [a]
            programma: p
            huidige_lijn: x
            stuurmoment: {tekst: x, periode: voorjaar 2026}
            beslissingen:
              - id: d
                vraag: q
                vorm: ja_nee
                opties:
                  - {id: ja, titel: Ja, huidige_lijn: ja}
                  - {id: nee, titel: Nee}
            """.utf8)
        return try? RuleBaseLoader().load(files: ["r/dossier.yaml": dossier, "r/fiches/1A.yaml": fiche], dossierPath: "r/dossier.yaml")
            .value
    }()

    static func run(_ data: Data) {
        _ = try? RuleBaseLoader().load(files: ["r/dossier.yaml": data], dossierPath: "r/dossier.yaml")
        if let ruleBase {
            let dossier = Data(
                "gemeente: F\ntitel: F\nversie: \"1\"\nperiode: {van: 2026, tot: 2030}\nstart_coalitie: 2026-06-01\nopgaven: [{id: a, titel: A}]\nprogrammas: [{id: p, titel: P}]\n"
                    .utf8)
            if let loaded = try? RuleBaseLoader().load(
                files: ["r/dossier.yaml": dossier, "r/fiches/X.yaml": data], dossierPath: "r/dossier.yaml")
            {
                _ = RuleBaseAudit(ruleBase: loaded.value).findings()
            }
            if let scenario = try? ScenarioLoader().load(data: data, path: "s.yaml", ruleBase: ruleBase),
                let evaluation = try? Evaluator().evaluate(scenario.value, in: ruleBase),
                let report = try? ReportBuilder().build(evaluation)
            {
                _ = MarkdownRenderer().render(report)
            }
        }
    }
}

#if FUZZING
    /// libFuzzer's driver, available when linked with `-sanitize=fuzzer`.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif

/// With libFuzzer (`-DFUZZING`): hand control to its driver. Without: replay inputs given as arguments
/// (crash reproducers, corpus files), so a finding can be debugged in a normal build.
@main
struct FuzzMain {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzzLoader))
        #else
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                LoaderFuzzer.run(data)
                print("ok \(path)")
            }
        #endif
    }
}
