/// The namespaced extension elements of one channel, feed, item or entry.
struct ExtensionFields: Sendable {
    var dc = DublinCore()
    /// `content:encoded` (RSS 1.0 content module): the full HTML content.
    var contentEncoded: RawString?
    var media = MediaRSS()
    var itunes = ITunes()
    var sy = Syndication()
    /// `atom:link` inside RSS (self, hub, alternate…), RSS Best Practices "atom:link".
    var atomLinks: [AtomLink] = []
    /// `atom:updated` inside RSS.
    var atomUpdated: RawString?
    /// `atom:published` inside RSS.
    var atomPublished: RawString?
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
