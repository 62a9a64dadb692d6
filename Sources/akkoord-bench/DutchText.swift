/// Plausible Dutch policy prose of a chosen length, so synthetic files have the size and texture of real fiches.
enum DutchText {
    /// Sentence parts and names; sentences are subject + verb + object + tail.
    static let subjects = [
        "De gemeente", "Het college", "De raad", "De provincie", "Het Rijk", "De regio Twente", "Het programma",
        "De uitvoeringsorganisatie", "De werkgroep", "Het sociaal domein", "De wijkteams", "De partners",
        "Het bedrijfsleven", "De woningcorporaties", "De GR", "Het ministerie", "De stuurgroep", "Het netwerk",
    ]
    static let verbs = [
        "investeert in", "onderzoekt", "werkt samen aan", "financiert", "bouwt af", "verkent", "ondersteunt",
        "evalueert", "continueert", "intensiveert", "bereidt voor", "voert uit", "zet in op", "organiseert",
        "monitort", "versterkt", "herijkt", "begroot",
    ]
    static let objects = [
        "de aanpak van armoede", "het netwerk van ontmoetingsplekken", "de energietransitie in de wijken",
        "de woningbouwopgave", "het openbaar vervoer naar Kennispark", "de sociale basis", "de binnenstad",
        "de bereikbaarheid van werklocaties", "de jeugdhulp", "de klimaatadaptatie", "de afvalinzameling",
        "de vergroening van schoolpleinen", "de regionale economie", "de digitale dienstverlening",
        "de veiligheid in de wijken", "de opvang van statushouders", "het sportaanbod", "de cultuursector",
        "de samenwerking met kennisinstellingen", "het groot onderhoud", "de grondexploitatie", "het warmtenet",
    ]
    static let tails = [
        "binnen de bestaande middelen", "tot en met 2028", "vanaf 2027 structureel", "samen met de provincie",
        "zolang de rijksmiddelen doorlopen", "in afwachting van het regeerakkoord", "met een jaarlijkse evaluatie",
        "in alle stadsdelen", "volgens het vastgestelde beleidskader", "met cofinanciering van partners",
        "zonder extra formatie", "onder voorbehoud van netcongestie", "conform de kadernota",
    ]
    static let partners = [
        "Provincie Overijssel", "Ministerie van BZK", "Ministerie van VWS", "Ministerie van Defensie", "Twente Board",
        "Universiteit Twente", "Saxion", "ROC van Twente", "Menzis", "GGD Twente", "Twence", "Enexis", "Domijn",
        "Ons Huis", "De Woonplaats", "Sportaal", "Stadsbank Oost Nederland", "Novel-T", "Regio Twente", "COA",
        "Politie Oost-Nederland", "Veiligheidsregio Twente", "Kennispark Twente", "Hengelo", "Almelo", "Oldenzaal",
    ]
    static let areas = [
        "Netcongestie en stikstof", "Wonen", "Sociaal domein", "Economie en werk", "Mobiliteit", "Klimaatadaptatie",
        "Cultuur", "Sport en bewegen", "Openbare orde en veiligheid", "Bedrijfsvoering", "Onderwijs", "Energie",
    ]

    /// One sentence, ending in a full stop.
    static func sentence(_ random: inout SeededGenerator) -> String {
        "\(random.pick(subjects)) \(random.pick(verbs)) \(random.pick(objects)) \(random.pick(tails))."
    }

    /// Sentences until the text is at least `length` characters long.
    static func text(_ length: Int, _ random: inout SeededGenerator) -> String {
        var parts: [String] = []
        var count = 0
        repeat {
            let next = sentence(&random)
            parts.append(next)
            count += next.count + 1
        } while count < length
        return parts.joined(separator: " ")
    }

    /// A short title such as "Aanpak van de binnenstad".
    static func title(_ random: inout SeededGenerator) -> String {
        let object = random.pick(objects)
        return random.pick(["Aanpak van", "Toekomst van", "Versterken van", "Financiering van", "Herijking van"]) + " " + object
    }

    /// A lower-case identifier word, for ids.
    static func idWord(_ random: inout SeededGenerator) -> String {
        random.pick([
            "armoede", "wonen", "sport", "cultuur", "jeugd", "afval", "energie", "mobiliteit", "binnenstad",
            "veiligheid", "groen", "zorg", "economie", "talent", "regio", "digitaal", "opvang", "water",
        ])
    }
}
