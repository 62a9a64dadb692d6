import Foundation
import Testing

@testable import AkkoordCore

/// The JSON Schemas in `schemas/` (editor completion and validation) must agree with the loader.
@Suite("JSON Schemas for editors")
struct SchemaTests {
    static let schemaNames = ["dossier", "fiche", "regels", "scenario"]

    /// Kinds whose mapping is the root of a schema file rather than an entry under `$defs`.
    static let rootKinds = ["dossier": "dossier", "fiche": "fiche", "ruleFile": "regels", "scenario": "scenario"]

    static func loadSchemas() throws -> [String: [String: Any]] {
        var schemas: [String: [String: Any]] = [:]
        for name in schemaNames {
            let url = Fixture.root.appendingPathComponent("schemas/\(name).schema.json")
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
            schemas[name] = try #require(object as? [String: Any], "\(name).schema.json is not a JSON object")
        }
        return schemas
    }

    static func canonical(_ value: Any) -> Data? {
        try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    }

    @Test func keysMatchTheLoader() throws {
        let schemas = try Self.loadSchemas()
        for (kind, keys) in FormatKeys.all.sorted(by: { $0.key < $1.key }) {
            var places: [(String, [String: Any])] = []
            if let file = Self.rootKinds[kind], let root = schemas[file] {
                places.append(("\(file).schema.json (root)", root))
            }
            for name in Self.schemaNames {
                if let defs = schemas[name]?["$defs"] as? [String: Any], let def = defs[kind] {
                    let object = try #require(def as? [String: Any], "\(name).schema.json#/$defs/\(kind) is not an object")
                    places.append(("\(name).schema.json#/$defs/\(kind)", object))
                }
            }
            #expect(!places.isEmpty, "FormatKeys.\(kind) does not appear in any schema (as $defs/\(kind) or as a schema root)")
            for (place, schema) in places {
                let properties = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
                let expected = Set(keys)
                let missing = expected.subtracting(properties).sorted()
                let extra = properties.subtracting(expected).sorted()
                #expect(
                    missing.isEmpty && extra.isEmpty,
                    "\(place): properties differ from FormatKeys.\(kind); missing \(missing), extra \(extra)")
                #expect(schema["additionalProperties"] as? Bool == false, "\(place): needs \"additionalProperties\": false")
                let required = Set(schema["required"] as? [String] ?? [])
                #expect(
                    required.isSubset(of: expected),
                    "\(place): required keys \(required.subtracting(expected).sorted()) are not in FormatKeys.\(kind)")
            }
            // A kind defined in several files is a copy; the copies must stay identical.
            let copies = places.filter { $0.0.contains("#/$defs/") }
            if let first = copies.first {
                for other in copies.dropFirst() {
                    #expect(
                        Self.canonical(first.1) == Self.canonical(other.1), "\(first.0) and \(other.0) differ; keep the copies identical")
                }
            }
        }
        // Every object shape under $defs is a kind the loader knows (helpers such as `tekst` have no properties).
        for name in Self.schemaNames {
            for (def, value) in schemas[name]?["$defs"] as? [String: Any] ?? [:] {
                if let object = value as? [String: Any], object["properties"] != nil {
                    #expect(FormatKeys.all[def] != nil, "\(name).schema.json#/$defs/\(def) has properties but is not a FormatKeys kind")
                }
            }
        }
    }

    /// Validates every bundled YAML file against its schema with Python (PyYAML + jsonschema), reading YAML the way
    /// the editor does (YAML 1.2). The script also checks that broken snippets are rejected.
    @Test func everyFileValidates() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.validationScript, Fixture.root.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "schema validation failed (exit \(process.terminationStatus)):\n\(text)")
    }

    static let validationScript = #"""
        import json, pathlib, re, sys

        try:
            import yaml
            from jsonschema import Draft202012Validator
        except ImportError as error:
            print(f"python-module ontbreekt ({error}); installeer met: pip install pyyaml jsonschema")
            sys.exit(3)

        root = pathlib.Path(sys.argv[1])


        # YAML is read the way the editor (yaml-language-server, YAML 1.2 core schema) reads it: true/false are booleans,
        # plain integers are integers, plain floats are floats, null/~/empty are null, everything else stays a string.
        # In particular `ja`, `nee`, `yes`, `2026-06-01` and `50%` are strings (no YAML 1.1 booleans or timestamps).
        # Akkoord itself reads every scalar as text; the schemas therefore accept integers and strings where the loader does.
        class Yaml12Loader(yaml.SafeLoader):
            yaml_implicit_resolvers = {}

            def construct_mapping(self, node, deep=False):
                # Duplicate keys are an error in Akkoord (and in the editor); PyYAML would silently keep the last one.
                seen = set()
                for key_node, _ in node.value:
                    key = self.construct_object(key_node, deep=True)
                    if key in seen:
                        raise yaml.constructor.ConstructorError(None, None, f"dubbele sleutel '{key}'", key_node.start_mark)
                    seen.add(key)
                return super().construct_mapping(node, deep)


        for tag, pattern, first in [
            ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
            ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
            ("tag:yaml.org,2002:float",
             r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
             "-+.0123456789"),
            ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
            ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
        ]:
            Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))
        Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", lambda loader, node: loader.construct_scalar(node).lower() == "true")
        Yaml12Loader.add_constructor("tag:yaml.org,2002:int", lambda loader, node: int(
            loader.construct_scalar(node), 0 if loader.construct_scalar(node).startswith(("0o", "0x")) else 10))


        def as_json(value):
            """Mapping keys become strings, as in the editor (`2027:` is the key "2027")."""
            if isinstance(value, dict):
                def key(k):
                    if isinstance(k, bool):
                        return "true" if k else "false"
                    return "null" if k is None else str(k)
                return {key(k): as_json(v) for k, v in value.items()}
            if isinstance(value, list):
                return [as_json(v) for v in value]
            return value


        schemas = {}
        for name in ["dossier", "fiche", "regels", "scenario"]:
            schema = json.loads((root / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
            schemas[name] = Draft202012Validator(schema)


        def errors(text, schema):
            try:
                document = as_json(yaml.load(text, Loader=Yaml12Loader))
            except yaml.YAMLError as error:
                return [f"(yaml): {error}".replace("\n", " ")]
            found = sorted(schemas[schema].iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
            return [f"{'/'.join(map(str, e.absolute_path)) or '(hoofdniveau)'}: {e.message}" for e in found]


        groups = [
            ("dossier", ["rules/dossier.yaml", "examples/regels/dossier.yaml"]),
            ("fiche", ["rules/fiches/*.yaml", "examples/regels/fiches/*.yaml"]),
            ("regels", ["rules/regels/*.yaml", "examples/regels/regels/*.yaml"]),
            ("scenario", ["scenarios/*.yaml", "examples/scenario-*.yaml"]),
        ]
        failed = False
        checked = 0
        for schema, patterns in groups:
            files = sorted({path for pattern in patterns for path in root.glob(pattern)})
            if not files:
                print(f"geen bestanden gevonden voor {schema}: {patterns}")
                failed = True
            for path in files:
                checked += 1
                for line in errors(path.read_text(encoding="utf-8"), schema):
                    print(f"{path.relative_to(root)}: {line}")
                    failed = True

        # The schemas must also reject things, or the check above proves nothing. Each pair: (schema, valid, broken).
        SCENARIO = "titel: x\npeildatum: 2026-06-15\nkeuzes:\n  2F.exploitatie: uitbesteden\n"
        RULES = ("regels:\n  - id: r\n    titel: t\n    als:\n      aanname: a\n      is: nee\n"
                 "    dan:\n      melding: {niveau: info, tekst: t}\n    bron: {fiche: 2F, citaat: c}\n")
        DOSSIER = ("gemeente: g\ntitel: t\nversie: \"1\"\nperiode: {van: 2026, tot: 2030}\nstart_coalitie: 2026-06-01\n"
                   "opgaven: []\nprogrammas: []\naannames:\n  - {id: a, titel: t, standaard: nee}\n")
        FICHE = ("code: 2F\ntitel: t\nopgaven: [o]\nprogramma: p\nhuidige_lijn: h\nstuurmoment: {tekst: t, periode: 2027}\n"
                 "beslissingen:\n  - id: b\n    vraag: v\n    vorm: ja_nee\n    opties:\n"
                 "      - {id: ja, titel: t, huidige_lijn: ja}\n"
                 "      - id: nee\n        titel: t\n        effecten:\n"
                 "          - {omschrijving: o, soort: lasten, bedrag: \"1.000,50\", vanaf: 2027, aanname: a}\n")
        EXPECTATIONS = (SCENARIO + "verwachtingen:\n  fouten: 0\n  keuzes:\n    2F.exploitatie: uitbesteden\n"
                        "  nadeel_per_jaar:\n    2026: {min: -100000, max: \"1234,50\", onbekend: 2}\n    2027: onbekend\n"
                        "  structureel_na_periode: 250000\n  meldingen_aanwezig:\n    - {niveau: waarschuwing, regel: 2F-x}\n"
                        "  meldingen_afwezig:\n    - bevat: tekort\n  regels_afgegaan: [2F-x]\n  regels_niet_afgegaan: []\n")
        cases = [
            ("scenario", EXPECTATIONS, EXPECTATIONS.replace("bevat: tekort", "tekst: tekort")),
            ("scenario", EXPECTATIONS, EXPECTATIONS.replace("onbekend: 2", "onbekend: 2, aantal: 3")),
            ("scenario", SCENARIO, SCENARIO + "onbekende_sleutel: 1\n"),
            ("scenario", SCENARIO, SCENARIO.replace("2F.exploitatie", "2F-exploitatie")),
            ("regels", RULES, RULES.replace("aanname: a", "aanname: a\n      keuze: 2F.a.b")),
            ("regels", RULES, RULES.replace("niveau: info", "niveau: waarschuwnig")),
            ("dossier", DOSSIER, DOSSIER.replace("standaard: nee", "standaard: no")),
            ("fiche", FICHE, FICHE.replace("vanaf: 2027", "vanaf: 2027, jaar: 2028")),
            ("fiche", FICHE, FICHE.replace("bedrag: \"1.000,50\"", "bedrag: 0.5")),
            ("fiche", FICHE, FICHE.replace("{id: ja, titel: t, huidige_lijn: ja}", "{id: ja, titel: t, huidig: ja}")),
        ]
        for schema, valid, broken in cases:
            for line in errors(valid, schema):
                print(f"(zelftest {schema}, geldig voorbeeld): {line}")
                failed = True
            if not errors(broken, schema):
                print(f"(zelftest {schema}): dit foute voorbeeld werd niet geweigerd:\n{broken}")
                failed = True

        print(f"{checked} bestanden en {len(cases)} zelftests gecontroleerd")
        sys.exit(1 if failed else 0)
        """#
}
