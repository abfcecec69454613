import Foundation

/// The entry point for JSON Feed documents: decodes ``JSONFeedDocument`` and checks that it is one.
enum JSONFeedParser {
    /// Decodes `bytes` (UTF-8, a byte-order mark already skipped or not).
    /// - Throws: ``FeedParseError`` `malformed` for invalid JSON, `notAFeed` for JSON that is no JSON Feed,
    ///   `hostile` for nesting deeper than ``FeedParserOptions/maxJSONDepth`` (checked before decoding:
    ///   the decoder's own limit and cost are not ours to rely on).
    static func parse(
        _ bytes: [UInt8], url: String?, options: FeedParserOptions, context: inout AdapterContext
    ) throws(FeedParseError) -> JSONFeedDocument {
        if let offset = firstOffset(in: bytes, nestingDeeperThan: options.maxJSONDepth) {
            throw FeedParseError(
                .hostile, "JSON nests deeper than \(options.maxJSONDepth) levels (at byte \(offset))", url: url)
        }
        var data = Data(bytes)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        let document: JSONFeedDocument
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[JSONFeedDocument.maxItemsKey] = options.maxEntries
            document = try decoder.decode(JSONFeedDocument.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw FeedParseError(.notAFeed, "a JSON document that is not a JSON Feed", url: url)
        } catch let error as DecodingError {
            throw FeedParseError(.malformed, "not valid JSON: \(Self.describe(error))", url: url, underlying: error)
        } catch {
            throw FeedParseError(.malformed, "not valid JSON", url: url)
        }
        if document.itemCount > options.maxEntries {
            context.warn("feed: more than \(options.maxEntries) entries; the first \(options.maxEntries) kept, "
                + "\(document.itemCount - options.maxEntries) dropped")
        }
        let version = document.version?.lowercased() ?? ""
        if version.contains("jsonfeed.org/version/") { return document }
        guard document.items != nil, document.title != nil || document.homePageURL != nil || document.feedURL != nil else {
            throw FeedParseError(.notAFeed, "a JSON document that is not a JSON Feed", url: url)
        }
        context.warn(
            document.version == nil
                ? "feed: no JSON Feed version; read as JSON Feed 1.1"
                : "feed: unknown JSON Feed version \"\(AdapterContext.excerpt(document.version ?? ""))\"; read as JSON Feed 1.1")
        return document
    }

    /// The offset of the first `[` or `{` that opens level `limit + 1`, or `nil`: one pass over the bytes
    /// that skips strings (and the escapes in them), so that JSON nested 10^5 deep is refused before a
    /// decoder recurses into it.
    static func firstOffset(in bytes: [UInt8], nestingDeeperThan limit: Int) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return offset }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        return nil
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
             .valueNotFound(_, let context):
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
