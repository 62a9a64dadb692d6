/// Fiche codes for a synthetic rule base: `1A` … `9Z` like the real dossier (a theme digit and a letter).
///
/// The format allows 9 × 26 = 234 codes. Larger rule bases get the natural extension, a digit and two letters
/// (`1AA` … `9ZZ`, 6,084 codes); the loader of today rejects those (see `FicheCode.isValid`), and the benchmark then
/// stops with the loader's diagnostics instead of measuring error paths.
enum FicheCodeScheme {
    /// How many fiches fit in the two-character format.
    static let standardCapacity = 9 * 26

    /// How many fiches any scheme here can number.
    static let capacity = standardCapacity + 9 * 26 * 26

    /// The code of fiche `index` (0-based) in a rule base of `count` fiches.
    static func code(_ index: Int, of count: Int) -> String {
        precondition(count <= capacity && index < count, "te veel fiches voor het codeschema")
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if count <= standardCapacity {
            return "\(index / 26 + 1)\(letters[index % 26])"
        }
        return "\(index / 676 + 1)\(letters[(index / 26) % 26])\(letters[index % 26])"
    }
}
