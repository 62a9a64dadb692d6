/// A party's position: the choices it wants (with a weight), its must-haves and its red lines.
///
/// Built from a scenario file; every plain choice (`2F.doorgaan: sluiten`) is a wish of weight 1.
public struct Position: Sendable, Hashable {
    /// One choice the party wants; a must-have is a wish too (it counts in the satisfaction with its weight).
    public struct Wish: Sendable, Hashable {
        public var option: OptionRef
        public var weight: Int
        public var isMust: Bool
        public var location: SourceLocation

        public init(option: OptionRef, weight: Int, isMust: Bool, location: SourceLocation) {
            self.option = option
            self.weight = weight
            self.isMust = isMust
            self.location = location
        }
    }

    /// An option the party will never accept.
    public struct RedLine: Sendable, Hashable {
        public var option: OptionRef
        public var location: SourceLocation

        public init(option: OptionRef, location: SourceLocation) {
            self.option = option
            self.location = location
        }
    }

    /// The party or position name (the scenario's title).
    public var name: String
    /// The file the position comes from.
    public var file: String
    public var wishes: [Wish]
    public var redLines: [RedLine]

    public init(name: String, file: String, wishes: [Wish], redLines: [RedLine]) {
        self.name = name
        self.file = file
        self.wishes = wishes
        self.redLines = redLines
    }

    /// A scenario as a position (the structured choice form, see docs/format.md): each chosen option a wish with its
    /// `gewicht` (1 in the plain form), a must-have when `moet: ja`; each `nooit` option a red line. In decision order.
    public init(scenario: Scenario) {
        name = scenario.title
        file = scenario.file
        var wishes: [Wish] = [], redLines: [RedLine] = []
        let refs = Set(scenario.choices.keys).union(scenario.terms.keys).sorted()
        for ref in refs {
            let terms = scenario.terms[ref]
            if let choice = scenario.choices[ref] {
                wishes.append(
                    Wish(
                        option: OptionRef(decision: ref, option: choice.value), weight: terms?.weight ?? 1,
                        isMust: terms?.isMust ?? false, location: choice.location))
            }
            for never in terms?.never ?? [] {
                redLines.append(RedLine(option: OptionRef(decision: ref, option: never.value), location: never.location))
            }
        }
        self.wishes = wishes
        self.redLines = redLines
    }

    /// The total weight of the wishes.
    public var totalWeight: Int { wishes.reduce(0) { $0 + $1.weight } }
}
