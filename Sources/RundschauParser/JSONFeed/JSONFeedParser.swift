import Foundation

/// The entry point for JSON Feed documents: decodes ``JSONFeedDocument`` and checks that it is one.
enum JSONFeedParser {
    /// Decodes `bytes` (UTF-8, a byte-order mark already skipped or not).
    /// - Throws: ``FeedParseError`` `malformed` for invalid JSON, `notAFeed` for JSON that is no JSON Feed.
    static func parse(_ bytes: [UInt8], url: String?, context: inout AdapterContext) throws(FeedParseError) -> JSONFeedDocument {
        var data = Data(bytes)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        let document: JSONFeedDocument
        do {
            document = try JSONDecoder().decode(JSONFeedDocument.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw FeedParseError(.notAFeed, "a JSON document that is not a JSON Feed", url: url)
        } catch let error as DecodingError {
            throw FeedParseError(.malformed, "not valid JSON: \(Self.describe(error))", url: url, underlying: error)
        } catch {
            throw FeedParseError(.malformed, "not valid JSON", url: url)
        }
        let version = document.version?.lowercased() ?? ""
        if version.contains("jsonfeed.org/version/") { return document }
        guard document.items != nil, document.title != nil || document.homePageURL != nil || document.feedURL != nil else {
            throw FeedParseError(.notAFeed, "a JSON document that is not a JSON Feed", url: url)
        }
        context.warn(
            document.version == nil
                ? "feed: no JSON Feed version; read as JSON Feed 1.1"
                : "feed: unknown JSON Feed version \"\(document.version ?? "")\"; read as JSON Feed 1.1")
        return document
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
