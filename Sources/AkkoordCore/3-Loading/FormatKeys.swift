/// Every key the loader accepts, per kind of mapping. The loader rejects anything else; the JSON Schemas in
/// `schemas/` are tested against this list so editors and loader never disagree.
public enum FormatKeys {
    public static let dossier = [
        "gemeente", "titel", "versie", "periode", "start_coalitie", "opgaven", "programmas", "planning", "aannames", "bronnen",
    ]
    public static let period = ["van", "tot"]
    public static let label = ["id", "titel"]
    public static let sourceText = ["id", "titel", "uitgever", "datum", "sha256", "bestand"]
    public static let planningItem = ["id", "titel", "moment"]
    public static let assumption = ["id", "titel", "standaard", "kans", "moment", "toelichting", "bron"]
    public static let fiche = [
        "code", "titel", "opgaven", "programma", "huidige_lijn", "bronnen", "partners", "externe_ontwikkelingen",
        "stuurmoment", "aannames", "beslissingen", "begroot", "relaties", "regels", "feiten", "twijfels",
    ]
    public static let source = ["titel", "einddatum"]
    public static let externalDevelopment = ["tekst", "moment", "aanname"]
    public static let steeringMoment = ["tekst", "periode", "toelichting", "uiterlijk"]
    public static let latestMoment = ["tekst", "periode", "bron", "aanname"]
    public static let decision = ["id", "vraag", "vorm", "stuurmoment", "verloopt", "opties"]
    public static let lapse = ["moment", "gevolg"]
    public static let option = ["id", "titel", "huidige_lijn", "toelichting", "effecten", "vereist", "sluit_uit", "kansen", "risicos"]
    public static let effect = [
        "omschrijving", "soort", "aard", "programma", "bedrag", "totaal", "aandeel", "medefinanciers", "jaar",
        "jaren", "vanaf", "per_jaar", "bron", "aanname",
    ]
    public static let range = ["min", "max"]
    public static let quote = ["fiche", "citaat", "document"]
    public static let relation = ["fiche", "beleidsterrein", "soort", "tekst"]
    public static let fact = ["id", "waarde", "citaat"]
    public static let doubt = ["tekst", "citaat"]
    public static let ruleFile = ["regels"]
    public static let rule = ["id", "titel", "als", "dan", "bron", "aanname"]
    public static let condition = ["keuze", "afwijking", "aanname", "is", "alle", "een_van", "niet"]
    public static let ruleThen = ["melding", "effecten", "vereist", "sluit_uit"]
    public static let message = ["niveau", "tekst"]
    public static let scenario = ["regelbasis", "titel", "omschrijving", "peildatum", "keuzes", "aannames", "kader", "verwachtingen"]
    public static let choice = ["optie", "gewicht", "moet", "nooit", "status", "notitie"]
    public static let frame = ["max_structureel_nadeel", "max_nadeel_per_jaar"]
    public static let expectations = [
        "keuzes", "nadeel_per_jaar", "structureel_na_periode", "meldingen_aanwezig", "meldingen_afwezig",
        "regels_afgegaan", "regels_niet_afgegaan", "fouten",
    ]
    public static let expectedTotal = ["min", "max", "onbekend"]
    public static let expectedMessage = ["niveau", "bevat", "regel"]

    /// All kinds by name, for the schema test.
    public static let all: [String: [String]] = [
        "dossier": dossier, "period": period, "label": label, "sourceText": sourceText, "planningItem": planningItem,
        "assumption": assumption,
        "fiche": fiche, "source": source, "externalDevelopment": externalDevelopment, "steeringMoment": steeringMoment,
        "latestMoment": latestMoment,
        "decision": decision, "lapse": lapse, "option": option, "effect": effect, "range": range, "quote": quote,
        "relation": relation, "fact": fact, "doubt": doubt, "ruleFile": ruleFile, "rule": rule, "condition": condition,
        "ruleThen": ruleThen, "message": message, "scenario": scenario, "choice": choice, "frame": frame, "expectations": expectations,
        "expectedTotal": expectedTotal, "expectedMessage": expectedMessage,
    ]
}
