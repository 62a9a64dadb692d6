#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Dutch descriptions of operating-system errors (`errno`), for messages about reading and writing files.
public enum SystemErrorText {
    /// The cause in plain Dutch, e.g. "geen toegang (rechten)" for `EACCES`.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "geen toegang (controleer de rechten)"
        case ENOENT: "bestaat niet"
        case ENOTDIR: "een deel van het pad is geen map"
        case EISDIR: "is een map"
        case ENOSPC: "de schijf is vol"
        case EDQUOT: "de schijfruimte (quota) is op"
        case EROFS: "het bestandssysteem is alleen-lezen"
        case ELOOP: "te veel symbolische koppelingen na elkaar"
        case ENAMETOOLONG: "de naam is te lang"
        case EEXIST: "er bestaat al iets met die naam"
        case EMFILE, ENFILE: "te veel open bestanden"
        case EIO: "invoer-/uitvoerfout van het apparaat"
        case EBUSY: "het bestand of apparaat is bezet"
        case ETXTBSY: "het bestand is in gebruik"
        case EXDEV: "tijdelijk bestand en doel liggen op verschillende bestandssystemen"
        case EFBIG: "het bestand wordt te groot"
        case ENXIO: "er is niemand die leest (apparaat, FIFO of socket zonder lezer)"
        case EPIPE: "de lezer is gestopt"
        case ENOTEMPTY: "de map is niet leeg"
        default: "systeemfout \(code)"
        }
    }

    /// The current `errno`, described.
    public static var current: String { describe(errno) }
}
