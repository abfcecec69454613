/// The top-level object of a JSON Feed, version 1.1 (https://www.jsonfeed.org/version/1.1/), also
/// reading 1.0 (https://www.jsonfeed.org/version/1/): `author` (1.0) beside `authors` (1.1).
///
/// Decoding is lenient: a field of the wrong type is treated as absent, and an item that is not an
/// object is dropped, so one odd value never costs the whole feed.
struct JSONFeedDocument: Decodable, Sendable {
    /// `version` (required): `https://jsonfeed.org/version/1.1` or `…/version/1`.
    var version: String?
    /// `title` (required).
    var title: String?
    /// `home_page_url`: the site.
    var homePageURL: String?
    /// `feed_url`: the feed itself.
    var feedURL: String?
    /// `description`.
    var description: String?
    /// `next_url`: pagination.
    var nextURL: String?
    /// `icon` (512×512) and `favicon` (64×64).
    var icon: String?
    var favicon: String?
    /// 1.0 `author` object (deprecated in 1.1).
    var author: JSONFeedAuthor?
    /// 1.1 `authors` array.
    var authors: [JSONFeedAuthor]?
    /// 1.1 `language` (RFC 5646).
    var language: String?
    /// `hubs`: WebSub endpoints.
    var hubs: [JSONFeedHub]?
    /// `items` (required), at most as many as the decoder's ``maxItemsKey`` allows.
    var items: [JSONFeedItem]?
    /// How many elements the `items` array has, decoded or not.
    var itemCount = 0

    /// `userInfo` key for the most items to decode (an `Int`; unlimited when absent). Items past it are not
    /// decoded at all, so memory follows the limit, not the document.
    static let maxItemsKey: CodingUserInfoKey = {
        guard let key = CodingUserInfoKey(rawValue: "rundschau.jsonfeed.maxItems") else {
            preconditionFailure("a non-empty raw value always makes a CodingUserInfoKey")
        }
        return key
    }()

    private enum Keys: String, CodingKey {
        case version, title, description, icon, favicon, author, authors, language, hubs, items
        case homePageURL = "home_page_url", feedURL = "feed_url", nextURL = "next_url"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        version = c.lenientString(.version)
        title = c.lenientString(.title)
        homePageURL = c.lenientString(.homePageURL)
        feedURL = c.lenientString(.feedURL)
        description = c.lenientString(.description)
        nextURL = c.lenientString(.nextURL)
        icon = c.lenientString(.icon)
        favicon = c.lenientString(.favicon)
        author = (try? c.decodeIfPresent(JSONFeedAuthor.self, forKey: .author)) ?? nil
        authors = c.lenientArray(JSONFeedAuthor.self, .authors)
        language = c.lenientString(.language)
        hubs = c.lenientArray(JSONFeedHub.self, .hubs)
        let maxItems = decoder.userInfo[Self.maxItemsKey] as? Int ?? .max
        if let (values, count) = c.lenientArray(JSONFeedItem.self, .items, limit: maxItems) {
            items = values
            itemCount = count
        }
    }
}

/// An item (JSON Feed 1.1 § "Items").
struct JSONFeedItem: Decodable, Sendable {
    /// `id` (required): a string; numbers are accepted and written in decimal.
    var id: String?
    /// `url`: the permalink.
    var url: String?
    /// `external_url`: the page the item is about, elsewhere.
    var externalURL: String?
    /// `title`: plain text.
    var title: String?
    /// `content_html` / `content_text`: at least one must be present.
    var contentHTML: String?
    var contentText: String?
    /// `summary`: plain text.
    var summary: String?
    /// `image` and `banner_image`.
    var image: String?
    var bannerImage: String?
    /// `date_published` / `date_modified`: RFC 3339.
    var datePublished: String?
    var dateModified: String?
    /// 1.0 `author`, 1.1 `authors`.
    var author: JSONFeedAuthor?
    var authors: [JSONFeedAuthor]?
    /// `tags`: plain strings.
    var tags: [String]?
    /// 1.1 `language`.
    var language: String?
    /// `attachments`: enclosures.
    var attachments: [JSONFeedAttachment]?

    private enum Keys: String, CodingKey {
        case id, url, title, summary, image, author, authors, tags, language, attachments
        case externalURL = "external_url", contentHTML = "content_html", contentText = "content_text"
        case bannerImage = "banner_image", datePublished = "date_published", dateModified = "date_modified"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        id = c.lenientString(.id, acceptNumbers: true)
        url = c.lenientString(.url)
        externalURL = c.lenientString(.externalURL)
        title = c.lenientString(.title)
        contentHTML = c.lenientString(.contentHTML)
        contentText = c.lenientString(.contentText)
        summary = c.lenientString(.summary)
        image = c.lenientString(.image)
        bannerImage = c.lenientString(.bannerImage)
        datePublished = c.lenientString(.datePublished)
        dateModified = c.lenientString(.dateModified)
        author = (try? c.decodeIfPresent(JSONFeedAuthor.self, forKey: .author)) ?? nil
        authors = c.lenientArray(JSONFeedAuthor.self, .authors)
        tags = c.lenientArray(String.self, .tags)
        language = c.lenientString(.language)
        attachments = c.lenientArray(JSONFeedAttachment.self, .attachments)
    }
}

/// An author object (§ "authors"): `name`, `url`, `avatar`, all optional.
struct JSONFeedAuthor: Decodable, Sendable {
    var name: String?
    var url: String?
    var avatar: String?

    private enum Keys: String, CodingKey { case name, url, avatar }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        name = c.lenientString(.name)
        url = c.lenientString(.url)
        avatar = c.lenientString(.avatar)
    }
}

/// An attachment (§ "Attachments"): `url` and `mime_type` required; `title`, `size_in_bytes`,
/// `duration_in_seconds` optional.
struct JSONFeedAttachment: Decodable, Sendable {
    var url: String?
    var mimeType: String?
    var title: String?
    var sizeInBytes: Int64?
    var durationInSeconds: Double?

    private enum Keys: String, CodingKey {
        case url, title
        case mimeType = "mime_type", sizeInBytes = "size_in_bytes", durationInSeconds = "duration_in_seconds"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        url = c.lenientString(.url)
        mimeType = c.lenientString(.mimeType)
        title = c.lenientString(.title)
        sizeInBytes = (try? c.decodeIfPresent(Int64.self, forKey: .sizeInBytes)) ?? c.lenientString(.sizeInBytes).flatMap { Int64($0) }
        durationInSeconds = (try? c.decodeIfPresent(Double.self, forKey: .durationInSeconds)) ?? nil
    }
}

/// A WebSub hub (§ "hubs"): `type` and `url`.
struct JSONFeedHub: Decodable, Sendable {
    var type: String?
    var url: String?

    private enum Keys: String, CodingKey { case type, url }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        type = c.lenientString(.type)
        url = c.lenientString(.url)
    }
}

/// Decodes to `nil` instead of failing, so that arrays can drop bad elements.
private struct Failable<Value: Decodable>: Decodable {
    var value: Value?
    init(from decoder: any Decoder) throws { value = try? Value(from: decoder) }
}

extension KeyedDecodingContainer {
    /// A string, or `nil` when absent or of another type (numbers too when `acceptNumbers`).
    func lenientString(_ key: Key, acceptNumbers: Bool = false) -> String? {
        if let value = try? decodeIfPresent(String.self, forKey: key) { return value }
        guard acceptNumbers else { return nil }
        if let value = try? decodeIfPresent(Int64.self, forKey: key) { return String(value) }
        if let value = try? decodeIfPresent(Double.self, forKey: key) { return String(value) }
        return nil
    }

    /// An array whose elements that fail to decode are dropped; `nil` when absent or not an array.
    func lenientArray<Element: Decodable>(_ type: Element.Type, _ key: Key) -> [Element]? {
        guard let values = try? decodeIfPresent([Failable<Element>].self, forKey: key) else { return nil }
        return values.compactMap(\.value)
    }

    /// Like ``lenientArray(_:_:)``, but decodes only the first `limit` elements; also returns how many
    /// elements the array has.
    func lenientArray<Element: Decodable>(_ type: Element.Type, _ key: Key, limit: Int) -> ([Element], count: Int)? {
        guard (try? decodeNil(forKey: key)) == false, var array = try? nestedUnkeyedContainer(forKey: key) else {
            return nil
        }
        var values: [Element] = []
        while !array.isAtEnd, array.currentIndex < limit {
            guard let element = try? array.decode(Failable<Element>.self) else { break }
            if let value = element.value { values.append(value) }
        }
        return (values, array.count ?? array.currentIndex)
    }
}
