/// Media RSS 1.5.1 (`http://search.yahoo.com/mrss/`), flattened: `media:group` members count as if they were
/// direct children of the item.
struct MediaRSS: Sendable {
    /// `media:content` elements with a `url` (§ "media:content"). Player-only ones are left out.
    var contents: [MediaContent] = []
    /// `media:thumbnail` (§ "Optional Elements": media:thumbnail), in document order.
    var thumbnails: [RawURL] = []
    /// The first `media:title`.
    var title: RawString?
    /// The first `media:description`, with its `type` (`plain`, the default, or `html`).
    var description: RawTextRef?
}

/// One `media:content` element (Media RSS § "media:content").
struct MediaContent: Sendable {
    /// `url`: direct URL of the media object.
    var url: RawURL
    /// `type`: its MIME type.
    var type: RawString?
    /// `fileSize`: bytes.
    var fileSize: RawString?
    /// `medium`: `image | audio | video | document | executable`.
    var medium: RawString?
}
