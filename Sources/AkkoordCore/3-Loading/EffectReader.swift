/// Reads budget effects, amounts and provenance.
struct EffectReader {
    let context: ReadContext
    /// Fiche the effect belongs to (default for `bron.fiche`), if any.
    let fiche: String?
    /// Programme used when an effect names none.
    let defaultProgramme: String?

    func effects<Key: FormatKey>(in reader: MappingReader<Key>, key: Key) -> [BudgetEffect] {
        reader.list(key) { effect($0) }
    }

    func effect(_ node: YAMLNode) -> BudgetEffect? {
        guard let reader = MappingReader<EffectKey>(node, what: "een effect", context: context) else { return nil }
        reader.allowOnly(in: "een effect")
        let description = reader.string(.omschrijving)
        let side: BudgetSide? = reader.enumValue(.soort)
        let provenance = self.provenance(in: reader, required: true, allowBoth: true)
        let addedAssumption = reader.has(.bron) ? reader.string(.aanname, required: false) : nil

        var amount: Amount?
        var total: Amount?
        var share: Share?
        if let node = reader.node(.bedrag) { amount = self.amount(node, what: "'bedrag'", side: side) }
        if let node = reader.node(.totaal) { total = self.amount(node, what: "'totaal'", side: side) }
        if let node = reader.node(.aandeel), let text = context.text(node, what: "'aandeel'") {
            share = MoneyParser.parseShare(text)
            if share == nil {
                context.sink.error(
                    .valuePercentage, context.location(of: node),
                    "'aandeel' moet een percentage zijn zoals 50% (gevonden: \(InputText.quoted(text)))")
            }
        }
        if reader.has(.totaal) != reader.has(.aandeel), !reader.has(.bedrag) {
            context.sink.error(.keyMissing, reader.location, "'totaal' en 'aandeel' horen bij elkaar: geef beide, of geef 'bedrag'")
        }
        if amount == nil, let total, let share {
            // Cannot fail: 'totaal' is within the ceiling and a share is at most 100% (see MoneyLimits).
            do throws(MoneyOverflow) {
                amount = try total.applying(share)
            } catch {
                context.sink.error(.boundsOverflow, reader.keyLocation(.aandeel), "'totaal' × 'aandeel': \(error)")
            }
        }
        if let explicit = amount, let total, let share, reader.has(.bedrag), explicit != (try? total.applying(share)) {
            context.sink.error(.effectAmountMismatch, reader.keyLocation(.bedrag), "'bedrag' is niet gelijk aan 'totaal' × 'aandeel'")
        }

        let timingKeys = [EffectKey.jaar, .jaren, .vanaf, .perJaar].filter(reader.has)
        var timing: EffectTiming?
        var investment: Investment?
        if reader.has(.investering) {
            if !timingKeys.isEmpty {
                context.sink.error(
                    .keyConflict, reader.keyLocation(.investering),
                    "bij 'investering' volgen de jaren uit de kapitaallasten; laat \(timingKeys.map(\.rawValue).joined(separator: " en ")) weg"
                )
            }
            if let amount, let statement = reader.mapping(.investering, of: InvestmentKey.self) {
                investment = self.investment(statement, amount: amount)
                do throws(MoneyOverflow) {
                    if let investment { timing = .perYear(try investment.charges()) }
                } catch {
                    context.sink.error(.boundsOverflow, reader.keyLocation(.investering), "kapitaallasten: \(error)")
                }
            }
        } else if timingKeys.count != 1 {
            context.sink.error(
                timingKeys.isEmpty ? .keyNoneOf : .keyConflict, reader.location,
                timingKeys.isEmpty
                    ? "een effect heeft precies één van 'jaar', 'jaren', 'vanaf' of 'per_jaar' nodig"
                    : "een effect heeft precies één van 'jaar', 'jaren', 'vanaf' of 'per_jaar', niet \(timingKeys.map(\.rawValue).joined(separator: " en "))"
            )
        } else {
            switch timingKeys[0] {
            case .jaar: timing = reader.year(.jaar).map { .years([$0]) }
            case .jaren: timing = yearList(reader).map { .years($0) }
            case .vanaf: timing = reader.year(.vanaf).map { .from($0) }
            default:
                if let perYear = reader.entries(.perJaar) {
                    if perYear.isEmpty {
                        context.sink.error(
                            .valueEmpty, reader.valueLocation(.perJaar),
                            "'per_jaar' is leeg: het effect zou in geen enkel jaar meetellen; noem minstens één jaar")
                    }
                    var amounts: [Int: Amount] = [:]
                    for pair in perYear {
                        guard let year = context.year(pair.keyNode, what: "een jaar in 'per_jaar'"),
                            let value = self.amount(pair.value, what: "het bedrag voor \(pair.key)", side: side)
                        else { continue }
                        amounts[year] = value
                    }
                    timing = .perYear(amounts)
                    if reader.has(.bedrag) || reader.has(.totaal) {
                        context.sink.error(
                            .keyConflict, reader.location, "bij 'per_jaar' staan de bedragen per jaar; laat 'bedrag' en 'totaal' weg")
                    }
                    amount = amount ?? .unknown(.natural(for: side ?? .lasten))
                }
            }
        }
        if amount == nil, !reader.has(.bedrag), !reader.has(.totaal) {
            context.sink.error(
                .keyMissing, reader.location, "verplichte sleutel 'bedrag' ontbreekt (schrijf 'onbekend' als niemand het bedrag weet)")
        }
        var nature: BudgetNature?
        if reader.has(.aard) {
            nature = reader.enumValue(.aard, required: false)
            if nature == .structureel, case .years(let years)? = timing, years.count == 1 {
                context.sink.warning(
                    .effectStructuralOneYear, reader.keyLocation(.aard),
                    "'aard: structureel' met één jaar (\(years[0])): een "
                        + "structureel effect loopt door, maar dit telt alleen in \(years[0]) en niet na de periode; schrijf "
                        + "'vanaf: \(years[0])' als het blijvend is, of 'aard: incidenteel' als het eenmalig is")
            }
        } else if investment != nil {
            nature = .structureel
        } else if let timing {
            if case .from = timing { nature = .structureel } else { nature = .incidenteel }
        }
        let programme = reader.identifier(.programma, required: false) ?? defaultProgramme
        if programme == nil, !reader.has(.programma) {
            context.sink.error(
                .keyMissing, reader.location, "verplichte sleutel 'programma' ontbreekt (buiten een fiche is er geen standaardprogramma)")
        }
        guard let description, let side, let nature, let programme, let amount, let timing, let provenance else { return nil }
        return BudgetEffect(
            description: description, side: side, nature: nature, programme: programme, amount: amount,
            total: total, share: share, cofunders: reader.strings(.medefinanciers), timing: timing,
            provenance: provenance, location: reader.location, investment: investment, addedAssumption: addedAssumption)
    }

    /// `investering: {jaar, looptijd, methode, rente, aanname}`; without `rente` the rule base's `rente_investeringen`.
    private func investment(_ reader: MappingReader<InvestmentKey>, amount: Amount) -> Investment? {
        reader.allowOnly(in: "'investering'")
        let year = reader.year(.jaar)
        let term = reader.integer(.looptijd)
        if let term, !(1...Investment.maxTerm).contains(term) {
            context.sink.error(
                .boundsYear, reader.valueLocation(.looptijd), "'looptijd' is \(term) jaar; geef 1 tot en met \(Investment.maxTerm) jaar")
            return nil
        }
        let method: DepreciationMethod? = reader.enumValue(.methode)
        var rate: Share?
        if let text = reader.string(.rente, required: false) {
            rate = MoneyParser.parseShare(text)
            if rate == nil {
                context.sink.error(
                    .valuePercentage, reader.valueLocation(.rente),
                    "'rente' moet een percentage zijn zoals 2,5% (gevonden: \(InputText.quoted(text)))")
                return nil
            }
        } else if context.defaultInterest == nil {
            context.sink.error(
                .keyMissing, reader.location,
                "'investering' zonder 'rente', en dossier.yaml noemt geen 'rente_investeringen'; geef een van beide")
        }
        guard let year, let term, let method, let rate = rate ?? context.defaultInterest?.rate else { return nil }
        return Investment(
            amount: amount, year: year, term: term, method: method, rate: rate, isDefaultRate: !reader.has(.rente),
            assumption: reader.string(.aanname, required: false))
    }

    /// The years of `jaren`: at least one, each once (a repeated year would silently count once).
    private func yearList(_ reader: MappingReader<EffectKey>) -> [Int]? {
        guard let node = reader.node(.jaren) else { return nil }
        if case .sequence(let items) = node.content, items.isEmpty {
            context.sink.error(
                .valueEmpty, context.location(of: node),
                "'jaren' is leeg: het effect zou in geen enkel jaar meetellen; "
                    + "noem minstens één jaar")
            return nil
        }
        var seen: [Int: SourceLocation] = [:]
        var complete = true
        let years = reader.list(.jaren) { item -> Int? in
            guard let year = context.year(item, what: "een jaar in 'jaren'") else {
                complete = false
                return nil
            }
            if let first = seen[year] {
                context.sink.error(
                    .yearDuplicate, context.location(of: item),
                    "jaar \(year) staat twee keer in 'jaren'; "
                        + "een jaar telt één keer mee, geef het bedrag voor dat jaar één keer",
                    notes: [Diagnostic.Note(first, "eerste keer hier")])
                complete = false
                return nil
            }
            seen[year] = context.location(of: item)
            return year
        }
        return complete && !years.isEmpty ? years : nil
    }

    /// `500000`, `"1.000.000,00"`, `{min: .., max: ..}`, `onbekend nadeel`, `onbekend voordeel` or `onbekend` (an unknown
    /// amount in the direction of `side`: a cost on lasten, a revenue on baten).
    func amount(_ node: YAMLNode, what: String, side: BudgetSide? = nil) -> Amount? {
        if case .mapping = node.content {
            guard let reader = MappingReader<RangeKey>(node, what: what, context: context) else { return nil }
            reader.allowOnly(in: "een bandbreedte")
            guard let minText = reader.string(.min), let maxText = reader.string(.max) else { return nil }
            guard let minNode = reader.node(.min), let maxNode = reader.node(.max),
                let min = euros(minText, at: minNode, what: "'min'"),
                let max = euros(maxText, at: maxNode, what: "'max'")
            else { return nil }
            guard min <= max else {
                context.sink.error(.valueRangeReversed, reader.location, "bandbreedte: 'min' (\(min)) is groter dan 'max' (\(max))")
                return nil
            }
            return .range(min: min, max: max)
        }
        guard let text = context.text(node, what: what) else { return nil }
        switch text.lowercased().split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") {
        case "onbekend": return .unknown(.natural(for: side ?? .lasten))
        case "onbekend nadeel": return .unknown(.nadeel)
        case "onbekend voordeel": return .unknown(.voordeel)
        default: break
        }
        return euros(text, at: node, what: what).map { .exact($0) }
    }

    private func euros(_ text: String, at node: YAMLNode, what: String) -> Money? {
        if let money = MoneyParser.parseEuros(text) {
            guard money.cents.magnitude <= MoneyLimits.maxAmount.cents.magnitude else {
                context.sink.error(
                    .boundsAmount, context.location(of: node),
                    "\(what): \(DutchFormat.euro(money)) is meer dan het plafond van "
                        + "\(DutchFormat.euro(MoneyLimits.maxAmount)) (€ 100 miljard) per bedrag (zie docs/format.md, Grenzen)")
                return nil
            }
            return money
        }
        let hint =
            text.contains(".") && !text.contains(",") && text.split(separator: ".").last?.count != 3
            ? " (decimalen schrijf je met een komma: \"1.234,50\"; geen 1.5 of 0.5)" : ""
        context.sink.error(
            .valueAmount, context.location(of: node),
            "\(what) moet een bedrag in euro zijn, een {min, max}-bandbreedte, 'onbekend', 'onbekend nadeel' of 'onbekend voordeel' (gevonden: \(InputText.quoted(text)))\(hint)"
        )
        return nil
    }

    /// Exactly one of `bron` or `aanname` (when `required`); with `allowBoth` (an effect) both may be given, and the
    /// quote is the provenance (the caller reads `aanname` as what was added).
    func provenance<Key: ProvenanceKey>(in reader: MappingReader<Key>, required: Bool, allowBoth: Bool = false) -> Provenance? {
        switch (reader.has(.bron), reader.has(.aanname)) {
        case (true, true) where allowBoth:
            return quote(in: reader).map { .quote($0) }
        case (true, true):
            context.sink.error(.keyConflict, reader.keyLocation(.aanname), "geef 'bron' of 'aanname', niet beide")
            return nil
        case (false, false):
            if required {
                context.sink.error(
                    .keyNoneOf, reader.location, "herkomst ontbreekt: geef 'bron' (fiche + letterlijk citaat) of 'aanname' (met uitleg)")
            }
            return nil
        case (false, true):
            return reader.string(.aanname).map { .assumption($0) }
        case (true, false):
            return quote(in: reader).map { .quote($0) }
        }
    }

    /// The quote under `bron`: fiche (defaulting to the fiche being read), `citaat` and an optional `document`.
    func quote<Key: QuotedKey>(in reader: MappingReader<Key>) -> Citation? {
        guard let bron = reader.mapping(.bron, of: QuoteKey.self) else { return nil }
        bron.allowOnly(in: "'bron'")
        let code = bron.string(.fiche, required: fiche == nil) ?? fiche
        let document = bron.identifier(.document, required: false)
        guard let code, let quote = bron.string(.citaat) else { return nil }
        if !FicheCode.isValid(code) {
            context.sink.error(.valueFicheCode, bron.keyLocation(.fiche), "\(InputText.quoted(code)) is geen fichecode (zoals 2F)")
        }
        let location = bron.node(.citaat).map { context.location(of: $0) } ?? bron.location
        return Citation(fiche: code, text: quote, document: document, location: location)
    }
}
