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
        case EDQUOT: "het schijfquotum is op"
        case EROFS: "het bestandssysteem is alleen-lezen"
        case ELOOP: "te veel symbolische koppelingen"
        case ENAMETOOLONG: "de naam is te lang"
        case EEXIST: "bestaat al"
        case EMFILE, ENFILE: "te veel open bestanden"
        case EIO: "invoer-/uitvoerfout van het apparaat"
        case EBUSY: "is in gebruik"
        case ETXTBSY: "is een programma dat draait"
        case EXDEV: "ligt op een ander bestandssysteem"
        default: "systeemfout \(code)"
        }
    }

    /// The current `errno`, described.
    public static var current: String { describe(errno) }
}
