import RundschauModel
import RundschauParser

/// Parses an inline document (spec tests).
func parse(_ text: String, url: String? = nil) throws -> Feed {
    try FeedParser.parse(Array(text.utf8), url: url)
}

/// An RSS 2.0 document around `items` (and optional channel elements).
func rss(_ items: String, channel: String = "", namespaces: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" \(namespaces)><channel><title>T</title><link>https://example.com/</link>\(channel)
    \(items)
    </channel></rss>
    """
}

/// An Atom 1.0 document around `entries`.
func atom(_ entries: String, feedAttributes: String = "", feed: String = "") -> String {
    """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" \(feedAttributes)><title>T</title><id>urn:feed</id>\(feed)
    \(entries)
    </feed>
    """
}
