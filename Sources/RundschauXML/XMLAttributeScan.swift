private import CLibXML2
import Foundation

/// A quick pass over a document, before libxml2 sees it, that finds start tags with too many attributes.
///
/// libxml2 2.9 compares each attribute of a start tag with all earlier ones (duplicate and namespace checks),
/// so one element with 10^5 attributes (1 MB) keeps it busy for seconds, and a 32 MiB document of them for
/// hours. Counting is cheap: text is skipped up to the next `<`; inside a tag every `=` outside
/// a quoted value is an attribute. The count can only err upwards on malformed markup (an unquoted value,
/// stray `=`), never downwards: a `<` always ends a tag, as it does for libxml2, since no attribute value
/// may contain one. Comments, CDATA sections and processing instructions are not special-cased: a fake tag
/// inside them is counted too, which could refuse only a document with hundreds of `=` in one such span.
/// A tag that starts no more than `limit` bytes before the next `<` cannot hold too many attributes and is
/// not scanned at all, and whole runs of such tags are passed over at once: from one `<`, the scan jumps to the
/// last `<` of the next `limit` bytes (every `<` in between has another one within `limit` bytes after it), so
/// most of the work is one backward search per `limit` bytes of markup, not one search per tag.
enum XMLAttributeScan {
    /// The byte offset of the first start tag with more than `limit` attributes, or `nil`.
    static func firstTag(in utf8: UnsafeRawBufferPointer, withMoreThan limit: Int) -> Int? {
        guard let base = utf8.baseAddress, utf8.count > 0 else { return nil }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let count = utf8.count
        guard var tagStart = memchr(base, 0x3C, count).map({ UnsafeRawPointer($0) - base }) else { return nil }
        let reach = max(limit, 0)
        while true {
            // The scan of a tag stops at the next '<' at the latest and counts '=' bytes, each at least one
            // byte long: a tag followed by another '<' within `limit` bytes is not scanned.
            let windowEnd = min(count, tagStart + 1 + reach)
            if let last = lastLessThan(bytes, from: tagStart + 1, to: windowEnd) {
                tagStart = last
                continue
            }
            // No '<' in the window: the next one (if any) lies beyond it, more than `limit` bytes away.
            let next = windowEnd < count
                ? memchr(base + windowEnd, 0x3C, count - windowEnd).map { UnsafeRawPointer($0) - base } : nil
            if (next ?? count) - tagStart > limit, scan(bytes, count, from: tagStart, limit: limit) { return tagStart }
            guard let next else { return nil }
            tagStart = next
        }
    }

    /// The offset of the last '<' in `bytes[from..<to]`, or `nil`: glibc's vectorized `memrchr` where there is
    /// one, else eight bytes at a time from the end.
    @inline(__always)
    private static func lastLessThan(_ bytes: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard to > from else { return nil }
        #if canImport(Glibc)
        guard let found = clibxml2_memrchr(bytes + from, 0x3C, to - from) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(bytes)
        #else
        var end = to
        let raw = UnsafeRawPointer(bytes)
        while end - from >= 8 {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self))
            let x = word ^ 0x3C3C_3C3C_3C3C_3C3C
            // Non-zero when some byte of `x` is zero (a '<'); bytes above a true match may be flagged too, so
            // the word is then searched byte by byte.
            if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 {
                var index = end - 1
                while index >= end - 8 {
                    if bytes[index] == 0x3C { return index }
                    index -= 1
                }
            }
            end -= 8
        }
        var index = end - 1
        while index >= from {
            if bytes[index] == 0x3C { return index }
            index -= 1
        }
        return nil
        #endif
    }

    /// Whether the tag at `tagStart` (a '<') has more than `limit` attributes.
    private static func scan(_ bytes: UnsafePointer<UInt8>, _ count: Int, from tagStart: Int, limit: Int) -> Bool {
        var j = tagStart + 1
        guard j < count, isNameStart(bytes[j]) else { return false }
        var attributes = 0
        var quote: UInt8 = 0
        var afterEquals = false
        while j < count {
            let byte = bytes[j]
            if quote != 0 {
                if byte == quote {
                    quote = 0
                } else if byte == 0x3C {
                    return false  // '<' inside a value: malformed; libxml2 resumes there too
                }
            } else {
                switch byte {
                case 0x3E, 0x3C:  // '>' ends the tag, '<' starts the next one
                    return false
                case 0x3D:  // '='
                    attributes += 1
                    if attributes > limit { return true }
                    afterEquals = true
                case 0x22, 0x27:  // a quote opens a value only after '='
                    if afterEquals { quote = byte }
                    afterEquals = false
                case 0x20, 0x09, 0x0A, 0x0D:
                    break
                default:
                    afterEquals = false
                }
            }
            j += 1
        }
        return false
    }

    /// A byte that can start an element name: an ASCII letter, `_`, `:`, or any non-ASCII byte.
    @inline(__always)
    private static func isNameStart(_ byte: UInt8) -> Bool {
        ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte == 0x5F || byte == 0x3A || byte >= 0x80
    }
}
