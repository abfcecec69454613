import Foundation
import RundschauModel
import RundschauText

/// The identity scheme of imported items, so that re-importing a dump adds nothing and editing one article
/// updates that item only.
///
/// An item's id is `urn:rundschau:dump:<source-slug>:<key>`, where `<key>` is 16 hex digits of a 64-bit
/// FNV-1a hash (`StableHash`) over the item's normalized title and its publication day:
///
/// - the normalized title is the title (or, for an article without a title line, the title derived from its
///   first sentence) lowercased, with every run of characters other than letters and digits turned into one
///   space; so case, punctuation and spacing edits keep the id;
/// - the day is `YYYY-MM-DD` in UTC (month-precision dates give the first of the month), empty without a date.
///
/// The body, teaser, kicker and authors are not part of the id: editing them keeps the id while
/// ``contentHash(of:)`` changes, so a store updates the item in place. Two items of one dump with the same
/// key get `-2`, `-3`, … in dump order. The source slug is ``slug(_:)`` of the source name.
public enum DumpIdentity {
    /// The id of an item with `title` and `published` imported under `source`.
    public static func entryID(source: String, title: String, published: Date?) -> String {
        "urn:rundschau:dump:\(slug(source)):\(StableHash.hex(of: titleKey(title) + "|" + dayKey(published)))"
    }

    /// A hash of everything an item shows (title, kicker, summary, content, date, authors, dateline,
    /// language), as 16 hex digits: equal for an unchanged item, different after any edit.
    public static func contentHash(of entry: Entry) -> String {
        let fields: [String] = [
            entry.title ?? "", entry.kicker ?? "", entry.summary ?? "", entry.content ?? "",
            entry.published.map { String($0.timeIntervalSince1970) } ?? "",
            entry.authors.compactMap(\.name).joined(separator: ","), entry.dateline ?? "", entry.language ?? "",
        ]
        return StableHash.hex(of: fields.joined(separator: "\u{1F}"))
    }

    /// The source name as it appears in ids: lowercased, German umlauts and `ß` transliterated
    /// (`ä` → `ae`), other diacritics dropped, every run of characters other than `a-z`, `0-9`, `.` and `_`
    /// turned into one `-`, no `-` at either end; `-` for a name with nothing left.
    public static func slug(_ source: String) -> String {
        var text = source.lowercased()
        for (from, to) in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        text = text.folding(options: [.diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", ".", "_": slug.unicodeScalars.append(scalar)
            default: if !slug.isEmpty, slug.last != "-" { slug.append("-") }
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "-" : slug
    }

    /// Lowercased letters and digits, each run of anything else one space.
    static func titleKey(_ title: String) -> String {
        var key = ""
        var pendingSpace = false
        for ch in title.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pendingSpace && !key.isEmpty { key.append(" ") }
                pendingSpace = false
                key.append(ch)
            } else {
                pendingSpace = true
            }
        }
        return key
    }

    private static func dayKey(_ date: Date?) -> String {
        guard let date else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return "" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
