/// An RSS 0.91–2.0 document: the `<rss>` root (RSS 2.0 specification, rssboard.org, 2009 edition;
/// RSS 0.91 Netscape/UserLand; RSS 0.92–0.94 UserLand).
struct RSSDocument: Sendable {
    /// The `version` attribute of `<rss>` (`2.0`, `0.91`, `0.92`…), as written.
    var version: String?
    /// `xml:lang` in effect on `<rss>`/`<channel>`.
    var lang: String?
    /// The root is the channel itself: a CDF document (see ``FeedFormat/cdf``).
    var channelIsRoot = false
    var channel = RSSChannel()
}

/// `<channel>`: RSS 2.0 "Required channel elements" and "Optional channel elements".
struct RSSChannel: Sendable {
    /// Required: the name of the channel.
    var title: RawString?
    /// Required: the URL of the website the channel corresponds to.
    var link: RawURL?
    /// Required: a phrase or sentence describing the channel.
    var description: RawString?
    /// The channel's language (RSS 2.0 allows the Netscape/W3C language codes).
    var language: RawString?
    /// Copyright notice.
    var copyright: RawString?
    /// Email address of the editorial contact (`geo@herald.com (George Matesky)`).
    var managingEditor: RawString?
    /// `author` directly in the channel: not in RSS 2.0, but written by feeds that mean the feed's author (and read
    /// so by feedparser). Used when there is no `managingEditor`.
    var authors: [RawString] = []
    /// Email address of the technical contact.
    var webMaster: RawString?
    /// Publication date of the content (RFC 822).
    var pubDate: RawString?
    /// The last time the content changed (RFC 822).
    var lastBuildDate: RawString?
    /// `category`, with optional `domain`.
    var categories: [RSSCategory] = []
    /// `ttl`: minutes the channel may be cached.
    var ttl: RawString?
    /// `image`: a GIF, JPEG or PNG for the channel.
    var image: RSSImage?
    /// Namespaced extension elements of the channel.
    var extensions = ExtensionFields()
    /// `item`s in document order.
    var items: [RSSItem] = []
}

/// `<image>` sub-element of `<channel>` (RSS 2.0 "<image> sub-element of <channel>").
struct RSSImage: Sendable {
    /// The URL of the image.
    var url: RawURL?
    /// Describes the image (the `alt` text).
    var title: RawString?
    /// The URL of the site; the image links there.
    var link: RawURL?
}

/// `<item>`: RSS 2.0 "Elements of <item>". All elements are optional; at least a title or a description.
struct RSSItem: Sendable {
    /// The title of the item.
    var title: RawString?
    /// The URL of the item.
    var link: RawURL?
    /// The item synopsis (entity-encoded HTML in practice).
    var description: RawString?
    /// `author`: the email address of the author (`lawyer@boyer.net (Lawyer Boyer)`). Repeatable in practice.
    var authors: [RawString] = []
    /// `category`s with optional `domain`.
    var categories: [RSSCategory] = []
    /// `comments`: URL of a page for comments.
    var comments: RawURL?
    /// `enclosure`s: `url`, `length`, `type` (one per item in the spec, several in practice).
    var enclosures: [RSSEnclosure] = []
    /// `guid`: a string that uniquely identifies the item.
    var guid: RSSGUID?
    /// `pubDate`: when the item was published (RFC 822).
    var pubDate: RawString?
    /// `source`: the RSS channel the item came from (`url` attribute, channel title as text).
    var source: RawString?
    /// `xml:lang` in effect on `<item>`.
    var lang: String?
    /// Namespaced extension elements of the item.
    var extensions = ExtensionFields()
}

/// `<guid isPermaLink="…">` (RSS 2.0 "<guid> sub-element of <item>").
struct RSSGUID: Sendable {
    /// The identifier, as written.
    var value: RawString
    /// `isPermaLink`: when true (the default), the guid is a permanent URL of the item.
    var isPermaLink: Bool
}

/// `<enclosure url length type>` (RSS 2.0 "<enclosure> sub-element of <item>").
struct RSSEnclosure: Sendable {
    var url: RawURL
    /// `length`: size in bytes.
    var length: RawString?
    /// `type`: the MIME type.
    var type: RawString?
}

/// `<category domain="…">term</category>` (RSS 2.0 "<category> sub-element of <item>").
struct RSSCategory: Sendable {
    var term: RawString
    /// `domain`: identifies a categorization taxonomy.
    var domain: RawString?
}
