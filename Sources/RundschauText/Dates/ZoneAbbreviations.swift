/// Time-zone abbreviations the date reader accepts, as offsets from UTC in minutes.
///
/// The set:
/// - RFC 822/2822 zones: `UT`, `GMT`, `Z`, `EST`/`EDT`, `CST`/`CDT`, `MST`/`MDT`, `PST`/`PDT` (North American
///   meanings), plus `UTC`.
/// - Other North American zones: `AKST`/`AKDT`, `HST`, `AST`/`ADT` (Atlantic), `NST`/`NDT` (Newfoundland).
/// - European zones in English and German: `WET`/`WEST`, `BST` (British Summer Time), `CET`/`CEST`, `MET`/`MEST`,
///   `MEZ`/`MESZ`, `EET`/`EEST`, `OEZ`/`OESZ`, `WEZ`/`WESZ`, `MSK`.
/// - A few common elsewhere: `IDT` (Israel summer), `JST`, `KST`, `HKT`, `SGT`, `AWST`, `ACST`/`ACDT`,
///   `AEST`/`AEDT`, `NZST`/`NZDT`.
/// - Military single letters `A`–`I` and `K`–`M` (UTC+1 … +12), `N`–`Y` (UTC−1 … −12), `Z` (UTC), with their
///   military meaning. RFC 822 printed these signs reversed and RFC 2822 advises distrust; in feeds they are rare,
///   and the military definition is the one their writers mean. They are accepted only when the whole field is a
///   date (never when searching a line), because a lone letter in running text is no zone.
///
/// Deliberately absent because they are ambiguous: `IST` (India, Ireland, Israel), `CST` in its China sense,
/// `ET`/`CT`/`MT`/`PT` (no standard or daylight told). A field with an unknown zone is unreadable, never guessed.
enum ZoneAbbreviations {
    /// The offset in minutes for a lowercase abbreviation (not a military letter).
    static func offsetMinutes(_ word: String) -> Int? { named[word] }

    /// The offset in minutes for a lowercase military zone letter (`j` is not a zone).
    static func militaryOffsetMinutes(_ word: String) -> Int? {
        guard word.utf8.count == 1, let b = word.utf8.first else { return nil }
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "i"): return Int(b - UInt8(ascii: "a") + 1) * 60
        case UInt8(ascii: "k")...UInt8(ascii: "m"): return Int(b - UInt8(ascii: "k") + 10) * 60
        case UInt8(ascii: "n")...UInt8(ascii: "y"): return -Int(b - UInt8(ascii: "n") + 1) * 60
        case UInt8(ascii: "z"): return 0
        default: return nil
        }
    }

    /// True for the names that mean UTC and may carry an offset after them (`GMT+2`, `UTC-05:00`).
    static func isUTCName(_ word: String) -> Bool { word == "gmt" || word == "utc" || word == "ut" }

    private static let named: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
        "akst": -540, "akdt": -480, "hst": -600, "ast": -240, "adt": -180, "nst": -210, "ndt": -150,
        "wet": 0, "west": 60, "bst": 60, "cet": 60, "cest": 120, "met": 60, "mest": 120, "mez": 60, "mesz": 120,
        "eet": 120, "eest": 180, "oez": 120, "oesz": 180, "wez": 0, "wesz": 60, "msk": 180,
        "idt": 180, "jst": 540, "kst": 540, "hkt": 480, "sgt": 480, "awst": 480, "acst": 570, "acdt": 630,
        "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
    ]
}
