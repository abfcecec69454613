// libFuzzer target for `FeedParser.parse`. Build and run it with `Scripts/fuzz`.
//
// One file only and no `main.swift`: under `--sanitize fuzzer` SwiftPM compiles it as a library and libFuzzer
// supplies `main`; in a normal build the single file is the (empty) top-level code, so the executable links
// and exits 0 at once. Keep it one file without top-level variables.

import RundschauModel
import RundschauParser

/// Charset hints a fuzz input picks with its first byte: nil (the common case), the usual HTTP labels, labels
/// that contradict typical content, and junk.
private enum FuzzFeedHints {
    static let charsets: [String?] = [
        nil, "utf-8", "UTF-8", "iso-8859-1", "windows-1252", "us-ascii", "utf-16", "utf-16le", "utf-16be",
        "utf-32", "utf-32le", "utf-32be", "iso-8859-15", "windows-1251", "koi8-r", "shift_jis", "euc-jp",
        "gb18030", "big5", "ucs-2", "ebcdic-us", "x-user-defined", "", "utf-7", "no-such-charset",
        "\u{0}", "utf-8\"; foo=bar",
    ]
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeedTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // 1. As fetched from the web: default limits, an absolute URL as the base for relative links.
    if let feed = try? FeedParser.parse(bytes, url: "https://fuzz.example/feeds/feed.xml") {
        // Everything the parser returns must encode as `rundschau parse --json` does.
        _ = try? FeedJSON.makeEncoder(pretty: false).encode(feed)
    }
    // 2. With a charset hint picked by the first byte, no URL, and a size limit the repair pass can hit.
    let hint = bytes.first.map { FuzzFeedHints.charsets[Int($0) % FuzzFeedHints.charsets.count] } ?? nil
    _ = try? FeedParser.parse(bytes, charset: hint, options: FeedParserOptions(maxDocumentSize: 2 * bytes.count + 64))
    return 0
}
