import Foundation
import Logging
import RundschauModel
import RundschauText

/// Where in a feed something was found, for warnings: `feed` or `entry 3` (1-based, document order).
enum FeedPlace: CustomStringConvertible {
    case feed
    case entry(Int)

    var description: String {
        switch self {
        case .feed: return "feed"
        case .entry(let index): return "entry \(index + 1)"
        }
    }
}

/// What every adapter needs besides its raw document: the document URL, the warnings collected so far,
/// and the logger to mirror them to. Also the small normalizations all adapters share.
struct AdapterContext {
    /// The URL or file name the caller gave, for log metadata.
    let documentURL: String?
    /// The document URL when it can serve as a base (it has a scheme); a bare file name cannot.
    var baseURL: String? { documentURL.flatMap { URLResolver.hasScheme($0) ? $0 : nil } }
    let logger: Logger?
    /// The kept text of the document being adapted (XML formats; set for the duration of the adapter's run).
    var text = CapturedText.empty
    private var kept: [String] = []
    private var suppressed = 0

    /// The most warnings a feed keeps: a hostile feed can have a bad date in each of 100,000 entries.
    static let maxWarnings = 100

    /// The warnings recorded, at most ``maxWarnings``, then one line counting the rest.
    var warnings: [String] {
        suppressed == 0 ? kept : kept + ["\(suppressed) more warning(s) not shown"]
    }

    init(documentURL: String?, logger: Logger?, warnings: [String] = []) {
        self.documentURL = documentURL
        self.logger = logger
        for warning in warnings { warn(warning) }
    }

    /// Records a recoverable oddity in ``Feed/warnings`` and logs it at debug level (the first
    /// ``maxWarnings`` of them; the rest are only counted).
    mutating func warn(_ message: String) {
        guard kept.count < Self.maxWarnings else {
            suppressed += 1
            return
        }
        kept.append(message)
        logger?.debug("\(message)", metadata: ["feed.url": .string(documentURL ?? "")])
    }

    /// The first candidate that reads as a date; each unreadable candidate met before it is a warning
    /// (`entry 3: unreadable date "Foo 32"`). Absent candidates are passed over silently.
    @inline(__always)
    mutating func date(_ candidates: String?..., at place: FeedPlace) -> Date? {
        for candidate in candidates {
            guard let text = candidate?.nonEmpty else { continue }
            if let date = FeedDate.parse(text) { return date }
            warn("\(place): unreadable date \"\(Self.excerpt(text))\"")
        }
        return nil
    }

    /// ``date(_:at:)`` for kept text, read from its bytes without making a string of it. Up to seven candidates,
    /// as parameters rather than variadic (no array per call).
    mutating func date(
        _ first: RawString?, _ second: RawString? = nil, _ third: RawString? = nil, _ fourth: RawString? = nil,
        _ fifth: RawString? = nil, _ sixth: RawString? = nil, _ seventh: RawString? = nil, at place: FeedPlace
    ) -> Date? {
        if let first, let date = date(first, at: place) { return date }
        if let second, let date = date(second, at: place) { return date }
        if let third, let date = date(third, at: place) { return date }
        if let fourth, let date = date(fourth, at: place) { return date }
        if let fifth, let date = date(fifth, at: place) { return date }
        if let sixth, let date = date(sixth, at: place) { return date }
        if let seventh, let date = date(seventh, at: place) { return date }
        return nil
    }

    /// One candidate of ``date(_:_:_:_:_:_:_:at:)``: its date, else `nil` (with a warning when it is not empty).
    private mutating func date(_ candidate: RawString, at place: FeedPlace) -> Date? {
        let bytes = text.utf8(candidate)
        guard let first = bytes.first, let last = bytes.last else { return nil }
        if first < 0x80, last < 0x80, !first.isASCIISpace, !last.isASCIISpace {
            // Nothing for `nonEmpty` to trim: the bytes are the text.
            if let date = FeedDate.parse(utf8: bytes) { return date }
            warn("\(place): unreadable date \"\(Self.excerpt(text.string(candidate)))\"")
            return nil
        }
        guard let value = text.string(candidate).nonEmpty else { return nil }
        if let date = FeedDate.parse(value) { return date }
        warn("\(place): unreadable date \"\(Self.excerpt(value))\"")
        return nil
    }

    /// A value quoted in a warning: at most 100 characters, then `…` (a hostile feed can put megabytes
    /// into a date element).
    static func excerpt(_ text: String) -> String {
        text.count <= 100 ? text : text.prefix(100) + "…"
    }

    /// Resolves a raw URL against its base, else against `fallbackBase` (the site link, for feeds that
    /// give relative links and no base); `nil` when empty.
    func resolve(_ url: RawURL?, fallbackBase: String? = nil) -> String? {
        guard let url, let value = text.string(url.value).nonEmpty else { return nil }
        return URLResolver.resolve(value, against: text.base(url.base) ?? fallbackBase)
    }

    /// Kept strings as strings.
    func strings(_ raws: [RawString]) -> [String] { raws.map { text.string($0) } }

    /// ``people(_:)`` of kept strings (no array of strings for the usual one).
    func people(_ raws: [RawString]) -> [Person] {
        guard raws.count == 1 else { return raws.isEmpty ? [] : Self.people(strings(raws)) }
        guard let person = PersonParser.parse(text.string(raws[0])), !person.isEmpty else { return [] }
        return [person]
    }

    /// One entry per raw element, each built in place in the array: `fill` gets an empty entry, the raw element
    /// (read where it lies, never copied), its index and the feed so far (borrowed). Returning a finished `Entry`
    /// (some 250 bytes) copied it field by field, every reference retained and released once more, and a feed
    /// captured from the caller's variable was copied for every entry.
    @inline(__always)
    static func entries<Raw>(
        of raws: [Raw], in feed: Feed, _ fill: (inout Entry, UnsafePointer<Raw>, Int, Feed) -> Void
    ) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(raws.count)
        raws.withUnsafeBufferPointer { buffer in
            guard let first = buffer.baseAddress else { return }
            for index in buffer.indices {
                entries.append(Entry(id: ""))
                fill(&entries[index], first + index, index, feed)
            }
        }
        return entries
    }

    /// Sets what every XML format's entry has on an entry built in place (``entries(of:_:)``); the summary and the
    /// content stay ``LazyText``. One assignment per field: the many-argument initializer would build a second
    /// entry and copy it over.
    @inline(__always)
    static func fill(
        _ entry: inout Entry, title: String?, link: String?, links: [Link], summary: LazyMarkup?, content: LazyMarkup?,
        published: Date?, updated: Date?, authors: [Person], categories: [RundschauModel.Category],
        enclosures: [Enclosure], language: String?, image: String?
    ) {
        entry.title = title
        entry.link = link
        entry.links = links
        entry.summaryText = summary?.value
        entry.summaryType = summary?.type
        entry.contentText = content?.value
        entry.contentType = content?.type
        entry.published = published
        entry.updated = updated
        entry.authors = authors
        entry.categories = categories
        entry.enclosures = enclosures
        entry.language = language
        entry.image = image
    }

    /// The last step of every adapter's entry: an entry without an id the feed gave or one derived from its
    /// link, enclosure, title or text (`id` is `nil`) gets ``EntryIdentity/fallback(for:)``; an entry with
    /// nothing to show (``Entry/hasSomethingToShow``) is kept, with a warning.
    mutating func finish(_ entry: inout Entry, id: String?, at place: FeedPlace) {
        entry.id = id ?? EntryIdentity.fallback(for: entry)
        if !entry.hasSomethingToShow { warn("\(place): nothing to show (no title, link, text or enclosure); kept") }
    }

    // MARK: Shared normalizations

    // The de-duplications below keep a hash index beside the result: a hostile feed can repeat an element
    // 10^5 times or more, and a linear search per element made that quadratic (minutes per feed).

    /// People from single-string forms (`email (Name)`, `Name <email>`, a bare name), de-duplicated.
    static func people(_ texts: [String]) -> [Person] {
        if texts.isEmpty { return [] }
        if texts.count == 1 {
            guard let person = PersonParser.parse(texts[0]), !person.isEmpty else { return [] }
            return [person]
        }
        var result: [Person] = []
        var seen: Set<Person> = []
        for text in texts {
            guard let person = PersonParser.parse(text), !person.isEmpty, seen.insert(person).inserted else { continue }
            result.append(person)
        }
        return result
    }

    /// `first` followed by `second`, without a new array when either is empty.
    @inline(__always)
    static func joined<Element>(_ first: [Element], _ second: [Element]) -> [Element] {
        if second.isEmpty { return first }
        if first.isEmpty { return second }
        return first + second
    }

    /// Enclosures de-duplicated by URL: the first occurrence wins, later ones fill in a missing type or length.
    static func dedupe(_ enclosures: [Enclosure]) -> [Enclosure] {
        if enclosures.count < 2 || !hasDuplicate(enclosures, by: { $0.url == $1.url }) { return enclosures }
        var result: [Enclosure] = []
        var indexByURL: [String: Int] = [:]
        for enclosure in enclosures {
            if let index = indexByURL[enclosure.url] {
                if result[index].type == nil { result[index].type = enclosure.type }
                if result[index].length == nil { result[index].length = enclosure.length }
            } else {
                indexByURL[enclosure.url] = result.count
                result.append(enclosure)
            }
        }
        return result
    }

    /// A relation and a target, or a term and a scheme: what two links or two categories must share to be one.
    private struct PairKey: Hashable {
        var first: String
        var second: String?
    }

    /// Links de-duplicated by relation and target.
    static func dedupe(_ links: [Link]) -> [Link] {
        if links.count < 2 || !hasDuplicate(links, by: { $0.rel == $1.rel && $0.href == $1.href }) { return links }
        var result: [Link] = []
        var seen: Set<PairKey> = []
        for link in links where seen.insert(PairKey(first: link.rel, second: link.href)).inserted {
            result.append(link)
        }
        return result
    }

    /// Categories de-duplicated by term and scheme (a later label fills in a missing one).
    static func dedupe(_ categories: [RundschauModel.Category]) -> [RundschauModel.Category] {
        if categories.count < 2 || !hasDuplicate(categories, by: { $0.term == $1.term && $0.scheme == $1.scheme }) {
            return categories
        }
        var result: [RundschauModel.Category] = []
        var indexByKey: [PairKey: Int] = [:]
        for category in categories {
            let key = PairKey(first: category.term, second: category.scheme)
            if let index = indexByKey[key] {
                if result[index].label == nil { result[index].label = category.label }
            } else {
                indexByKey[key] = result.count
                result.append(category)
            }
        }
        return result
    }

    /// Whether two elements are the same by `same` (then the dedupe functions have work to do).
    @inline(__always)
    /// Whether any two elements are the same. Pairwise only for the handful an entry usually has; beyond that it
    /// answers "maybe" so the caller's linear, hashing de-duplication runs (hostile feeds carry 10^5 categories).
    private static func hasDuplicate<Element>(_ elements: [Element], by same: (Element, Element) -> Bool) -> Bool {
        guard elements.count <= 16 else { return true }
        for i in 1..<elements.count {
            for j in 0..<i where same(elements[i], elements[j]) { return true }
        }
        return false
    }

    /// A byte count: a positive integer, else `nil` (feeds write `0` or `-1` for "unknown").
    static func length(_ text: String?) -> Int64? {
        guard let text = text?.trimmed, let value = Int64(text), value > 0 else { return nil }
        return value
    }

    /// A non-negative integer (`ttl`), else `nil`.
    static func integer(_ text: String?) -> Int? {
        guard let text = text?.trimmed, let value = Int(text), value >= 0 else { return nil }
        return value
    }

    /// A BCP 47 language tag in its conventional case (`de`, `en-US`, `zh-Hant-TW`); `_` becomes `-`.
    static func language(_ text: String?) -> String? {
        guard let text = text?.nonEmpty else { return nil }
        if isCanonicalLanguage(text) { return text }
        return normalizedLanguage(text)
    }

    /// ``language(_:)`` for trimmed, non-empty text, without the fast path for tags already in canonical form.
    static func normalizedLanguage(_ text: String) -> String? {
        let parts = text.replacingOccurrences(of: "_", with: "-").split(separator: "-", omittingEmptySubsequences: true)
        guard let first = parts.first, first.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "*") }) else { return nil }
        var out = [first.lowercased()]
        for part in parts.dropFirst() {
            if part.count == 2 && part.allSatisfy(\.isLetter) {
                out.append(part.uppercased())
            } else if part.count == 4 && part.allSatisfy(\.isLetter) {
                out.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            } else {
                out.append(part.lowercased())
            }
        }
        return out.joined(separator: "-")
    }

    /// True when `language(_:)` would return `text` unchanged: printable ASCII without `_`, non-empty parts
    /// between single hyphens, a first part of lowercase letters (or `*`), then two-letter parts in upper case,
    /// four-letter parts capitalized and all other parts in lower case.
    private static func isCanonicalLanguage(_ text: String) -> Bool {
        var part = 0
        var start = 0
        var index = 0
        var firstByte: UInt8 = 0
        var upper = 0
        var letters = true
        func partIsCanonical(_ length: Int) -> Bool {
            guard length > 0 else { return false }
            if part == 0 { return upper == 0 }
            if letters && length == 2 { return upper == 2 }
            if letters && length == 4 {
                return upper == 1 && firstByte >= UInt8(ascii: "A") && firstByte <= UInt8(ascii: "Z")
            }
            return upper == 0
        }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                guard partIsCanonical(index - start) else { return false }
                part += 1
                start = index + 1
                upper = 0
                letters = true
            } else {
                guard byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "_") else { return false }
                let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                let isLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
                if isUpper { upper += 1 }
                if !isUpper && !isLower { letters = false }
                if part == 0 && !isLower && byte != UInt8(ascii: "*") { return false }
                if index == start { firstByte = byte }
            }
            index += 1
        }
        return partIsCanonical(index - start)
    }

    /// The language of an entry: its own (`xml:lang`, `dc:language`, JSON `language`), else the feed's.
    /// Never guessed: a feed that declares no language gives entries without one.
    static func entryLanguage(_ own: String?, feed: String?) -> String? {
        language(own) ?? feed
    }

    /// An IANA link relation as a short name: `http://www.iana.org/assignments/relation/self` → `self`
    /// (RFC 4287 §4.2.7.2); absent → `alternate`.
    static func relation(_ rel: String?) -> String {
        guard let rel = rel?.nonEmpty else { return "alternate" }
        let prefix = "http://www.iana.org/assignments/relation/"
        // The usual short names (`alternate`, `self`) are too short to carry the prefix: no lowercased copy.
        if rel.utf8.count >= prefix.utf8.count, rel.lowercased().hasPrefix(prefix) { return String(rel.dropFirst(prefix.count)) }
        return rel
    }
}
