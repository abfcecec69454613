/// `tag:` URIs (RFC 4151): `tag:<authority>,<date>:<specific>`.
public enum TagURI {
    /// Builds a tag URI; `specific` is percent-encoded where RFC 4151 (`*( pchar / "/" / "?" )`) requires.
    public static func make(authority: String, date: String, specific: String) -> String {
        "tag:\(authority.lowercased()),\(date):\(encodeSpecific(specific))"
    }

    /// Percent-encodes what may not stand in a tag URI's specific part. Non-ASCII is encoded too, so that the
    /// result is a URI and not only an IRI.
    public static func encodeSpecific(_ specific: String) -> String {
        var out = ""
        out.reserveCapacity(specific.utf8.count)
        for byte in specific.utf8 {
            if isAllowed(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%"
                out += hexDigit(byte >> 4)
                out += hexDigit(byte & 0xF)
            }
        }
        return out
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        // unreserved, sub-delims, ":", "@", "/", "?"
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"),
             UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    private static func hexDigit(_ value: UInt8) -> String {
        String(UnicodeScalar(value < 10 ? value + 48 : value + 55))
    }
}
