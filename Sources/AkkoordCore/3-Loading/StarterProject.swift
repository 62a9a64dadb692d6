import Foundation

/// The files of a small, complete starting project for a municipality's own rule base (`akkoord init`): a rule base
/// in `rules/` (dossier with period, planning and one declared source text, one fiche with a decision, one cross-fiche
/// rule), the source text in `bronnen/` and one scenario with expectations in `scenarios/`. It passes `akkoord check`
/// and `akkoord test` as it is; docs/tutorial.md starts from it.
///
/// It lives in 3-Loading because it is the format's own smallest example: it uses the loader's SHA-256 of a source
/// text (`SourceText`) and its test loads it with the real loader. Writing it to disk is 9-Output's work.
public struct StarterProject: Sendable, Hashable {
    /// Relative path → file contents.
    public let files: [String: String]

    public init() {
        files = [
            "rules/dossier.yaml": Self.dossier,
            "rules/fiches/1A-buurthuizen.yaml": Self.fiche,
            "rules/regels/samenhang.yaml": Self.rules,
            "bronnen/\(Self.sourceFileName)": Self.sourceText,
            "scenarios/twee-buurthuizen-sluiten.yaml": Self.scenario,
        ]
    }

    /// The name of the source text in `bronnen/`.
    public static let sourceFileName = "voorbeelddossier.txt"

    /// The made-up source text the quotes come from.
    public static let sourceText = """
        Voorbeelddossier coalitieonderhandelingen Voorbeeldgemeente
        Verzonnen tekst, gemaakt door akkoord init. Vervang hem door de publicaties van uw gemeente en zet hun
        SHA-256 (sha256sum) onder bronnen in rules/dossier.yaml.

        Onderwerp 1A Buurthuizen

        De lijn die we hebben ingezet is: alle zes buurthuizen blijven open.

        Als twee buurthuizen sluiten, bespaart de gemeente 150.000 euro per jaar op huur en beheer.
        Het huurcontract loopt dan nog een jaar door; dat kost in 2027 eenmalig 40.000 euro.
        Een logisch moment om bij te sturen is de voorjaarsnota 2027.

        """

    static var dossier: String {
        """
        # Het dossier: gegevens voor de hele regelbasis. Gemaakt door `akkoord init`; uitleg in docs/tutorial.md
        # en elke sleutel in docs/format.md (in de Akkoord-repository).
        gemeente: Voorbeeldgemeente
        titel: Coalitieonderhandelingen Voorbeeldgemeente
        versie: "1"                        # staat op elk rapport; verhoog hem als u de regels verandert
        periode: {van: 2026, tot: 2029}    # de begrotingsjaren van de raadsperiode
        start_coalitie: 2026-06-01
        opgaven:                           # de strategische opgaven van de gemeente
          - id: leefbaar
            titel: Leefbare wijken
        programmas:                        # de programma's van de begroting
          - id: wijken
            titel: Wijken en ontmoeting
        planning:                          # de planning-en-controlcyclus: momenten om bij te sturen
          - id: begroting-2027
            titel: Begroting 2027
            moment: november 2026
          - id: voorjaarsnota-2027
            titel: Voorjaarsnota 2027
            moment: voorjaar 2027
        aannames:                          # onzekerheden; een scenario kan ze op ja of nee zetten
          - id: huur-loopt-door
            titel: Het huurcontract van een gesloten buurthuis loopt nog een jaar door
            standaard: ja
        bronnen:                           # de teksten waaruit de citaten komen; de tekst staat in bronnen/
          - id: voorbeelddossier
            titel: Voorbeelddossier coalitieonderhandelingen Voorbeeldgemeente
            uitgever: Voorbeeldgemeente (verzonnen)
            datum: 2026-03
            sha256: \(SourceText.sha256(Data(sourceText.utf8)))
            bestand: \(sourceFileName)

        """
    }

    static let fiche = """
        # Eén fiche: een onderwerp met de beslissingen die de onderhandelaars kunnen nemen.
        code: 1A
        titel: Buurthuizen
        opgaven: [leefbaar]
        programma: wijken
        huidige_lijn: Alle zes buurthuizen blijven open.
        stuurmoment:                       # wanneer bijsturen logisch is
          tekst: bij de voorjaarsnota 2027
          periode: voorjaarsnota-2027      # een id uit planning in dossier.yaml
        beslissingen:
          - id: buurthuizen
            vraag: Houden we alle buurthuizen open?
            vorm: keuze
            opties:
              - id: openhouden
                titel: Alle buurthuizen open
                huidige_lijn: ja           # precies één optie is de huidige lijn
              - id: sluiten
                titel: Twee buurthuizen sluiten
                effecten:
                  - omschrijving: Besparing op huur en beheer
                    soort: lasten          # lasten (kosten) of baten (opbrengsten)
                    bedrag: -150000        # in euro's; min is een besparing
                    vanaf: 2027            # elk jaar vanaf 2027
                    bron: {citaat: "bespaart de gemeente 150.000 euro per jaar"}
                  - omschrijving: Verkoop van de gebouwen
                    soort: baten
                    bedrag: 300000
                    jaar: 2028             # één keer, in 2028
                    aanname: Er is nog geen taxatie; wij gaan uit van de WOZ-waarde.
                risicos: [Minder ontmoetingsplekken in de wijken]

        """

    static let rules = """
        # Regels die voor meer dan één fiche gelden: als ... dan ...
        regels:
          - id: huur-na-sluiting
            titel: Na sluiting loopt de huur nog een jaar door
            als:
              alle:
                - keuze: 1A.buurthuizen.sluiten
                - aanname: huur-loopt-door
                  is: ja
            dan:
              melding:
                niveau: info
                tekst: Het huurcontract van de gesloten buurthuizen loopt nog een jaar door.
              effecten:
                - omschrijving: Huur gesloten buurthuizen
                  soort: lasten
                  bedrag: 40000
                  jaar: 2027
                  programma: wijken
                  bron: {fiche: 1A, citaat: "dat kost in 2027 eenmalig 40.000 euro"}
            bron: {fiche: 1A, citaat: "Het huurcontract loopt dan nog een jaar door"}

        """

    static let scenario = """
        # Een scenario: de keuzes van één verhaal. De regelbasis staat in ../rules, vanaf dit bestand gezien.
        regelbasis: ../rules
        titel: Twee buurthuizen sluiten
        omschrijving: Twee van de zes buurthuizen gaan dicht; de gebouwen worden verkocht.
        peildatum: 2026-06-15
        keuzes:
          1A.buurthuizen: sluiten

        verwachtingen:
          # Bijgewerkt met `akkoord test --update`: controleer de wijzigingen voordat je ze vastlegt.
          fouten: 0
          keuzes:
            1A.buurthuizen: sluiten
          nadeel_per_jaar:
            2026: {min: 0, max: 0, onbekend: 0}
            2027: {min: -110000, max: -110000, onbekend: 0}
            2028: {min: -450000, max: -450000, onbekend: 0}
            2029: {min: -150000, max: -150000, onbekend: 0}
          structureel_na_periode: {min: -150000, max: -150000, onbekend: 0}
          regels_afgegaan:
            - huur-na-sluiting

        """
}
