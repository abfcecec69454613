/// One article or teaser recovered from a dump, before it becomes an `Entry`.
struct DumpItem: Equatable {
    var kicker: String?
    var title: String?
    var teaser: String?
    var authors: [String] = []
    var date: FoundDate?
    /// Place and agency, e.g. `BERLIN (dts Nachrichtenagentur)`.
    var dateline: String?
    /// Body paragraphs as found (sentence spacing not yet repaired).
    var paragraphs: [String] = []

    /// True when the item has something to show under a title: a kicker, a teaser, a date, an author or a body.
    var hasSubstance: Bool {
        kicker != nil || teaser != nil || date != nil || !authors.isEmpty || !paragraphs.isEmpty
    }
}
