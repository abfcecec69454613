/// A URL as written in the document, with the base URL (`xml:base` chain over the document URL) in effect
/// where it was written. Adapters resolve it with ``URLResolver``.
struct RawURL: Sendable, Hashable {
    var value: String
    var base: String?

    init(_ value: String, base: String?) {
        self.value = value
        self.base = base
    }
}

/// The namespaced extension elements of one channel, feed, item or entry.
struct ExtensionFields: Sendable {
    var dc = DublinCore()
    /// `content:encoded` (RSS 1.0 content module): the full HTML content.
    var contentEncoded: String?
    var media = MediaRSS()
    var itunes = ITunes()
    var sy = Syndication()
    /// `atom:link` inside RSS (self, hub, alternate…), RSS Best Practices "atom:link".
    var atomLinks: [AtomLink] = []
    /// `atom:updated` inside RSS.
    var atomUpdated: String?
    /// `atom:published` inside RSS.
    var atomPublished: String?
}

/// The extension elements the handlers capture as text.
enum ExtensionField: UInt8 {
    case dcCreator, dcDate, dcSubject, dcLanguage, dcRights, dcTitle, dcDescription, dcIdentifier
    case dctermsModified, dctermsCreated, dctermsIssued
    case contentEncoded
    case mediaTitle, mediaDescriptionPlain, mediaDescriptionHTML
    case itunesAuthor, itunesTitle, itunesSummary, itunesSubtitle, itunesDuration, itunesOwnerName, itunesOwnerEmail
    case syUpdatePeriod, syUpdateFrequency
    case atomUpdated, atomPublished
}
