import Foundation
import RundschauModel

/// One feed to publish: a topic (`<slug>.atom`) or the feed of everything (`all.atom`).
///
/// A plain value the publishing glue fills from the configured topics; the writer renders it as it is.
public struct PublicationFeed: Sendable, Hashable {
    /// The file-name stem and the last part of the feed id: lower-case letters, digits, `-`, `_` and `.`,
    /// starting with a letter or digit (`middle-east` → `middle-east.atom`). `all` and `index` are reserved.
    public var slug: String
    /// The feed title (RFC 4287 §4.2.14), plain text.
    public var title: String
    /// The feed subtitle (§4.2.12), plain text.
    public var subtitle: String?
    /// The topic as a category (§4.2.2); entries carry the same `term` in their categories, which is how
    /// ``FeedPublisher`` routes entries to topic feeds. `nil` for the feed of everything.
    public var category: Category?
    /// The topic's keywords and phrases, shown on the index page.
    public var terms: [String]
    /// True for a topic that clustering discovered rather than one configured; the index page marks it.
    public var isDiscovered: Bool
    /// The feed's language as a BCP 47 tag (`de`, `en-GB`), written as `xml:lang` on `atom:feed`.
    public var language: String?
    /// Overrides the feed's `updated`; by default it is the newest written entry's `updated` (never the wall
    /// clock, so that unchanged input gives unchanged bytes).
    public var updated: Date?

    /// Creates a feed description; see ``isValidSlug(_:)`` for the slug.
    public init(
        slug: String, title: String, subtitle: String? = nil, category: Category? = nil, terms: [String] = [],
        isDiscovered: Bool = false, language: String? = nil, updated: Date? = nil
    ) {
        self.slug = slug
        self.title = title
        self.subtitle = subtitle
        self.category = category
        self.terms = terms
        self.isDiscovered = isDiscovered
        self.language = language
        self.updated = updated
    }

    /// True when `slug` can name a file and a feed id: `[a-z0-9][a-z0-9._-]*`, at most 100 characters, not
    /// ending in `-archive-<n>` (archive page names).
    public static func isValidSlug(_ slug: String) -> Bool {
        let bytes = Array(slug.utf8)
        guard let first = bytes.first, bytes.count <= 100, isSlugStart(first) else { return false }
        guard bytes.allSatisfy({ isSlugStart($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
            || $0 == UInt8(ascii: ".") }) else { return false }
        return slug.range(of: #"-archive-[0-9]+$"#, options: .regularExpression) == nil
    }

    private static func isSlugStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
