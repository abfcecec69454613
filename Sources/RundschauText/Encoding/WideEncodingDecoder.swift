/// UTF-16 and UTF-32 to UTF-8, in Swift (libxml2 has no UTF-32 handler of its own). Unpaired surrogates,
/// values past U+10FFFF and a trailing partial code unit become U+FFFD and are counted.
///
/// The package's one UTF-16/UTF-32 decoder: the XML reader, the dump importer and the OPML reader use it.
public enum WideEncodingDecoder {
    public static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> (utf8: [UInt8], replaced: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        var replaced = 0
        let units = bytes.count / 2
        @inline(__always) func unit(_ k: Int) -> UInt32 {
            let a = UInt32(bytes[2 * k]), b = UInt32(bytes[2 * k + 1])
            return bigEndian ? a << 8 | b : b << 8 | a
        }
        var k = 0
        while k < units {
            let u = unit(k)
            k += 1
            switch u {
            case 0xD800..<0xDC00:
                if k < units, case let low = unit(k), (0xDC00..<0xE000).contains(low) {
                    out.appendUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))
                    k += 1
                } else {
                    out.appendUTF8(0xFFFD)
                    replaced += 1
                }
            case 0xDC00..<0xE000:
                out.appendUTF8(0xFFFD)
                replaced += 1
            default:
                out.appendUTF8(u)
            }
        }
        if bytes.count % 2 != 0 {
            out.appendUTF8(0xFFFD)
            replaced += 1
        }
        return (out, replaced)
    }

    public static func decodeUTF32(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> (utf8: [UInt8], replaced: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2 + 16)
        var replaced = 0
        var i = 0
        while i + 4 <= bytes.count {
            let a = UInt32(bytes[i]), b = UInt32(bytes[i + 1]), c = UInt32(bytes[i + 2]), d = UInt32(bytes[i + 3])
            let value = bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a
            if (0xD800..<0xE000).contains(value) || value > 0x10FFFF { replaced += 1 }
            out.appendUTF8(value)
            i += 4
        }
        if i < bytes.count {
            out.appendUTF8(0xFFFD)
            replaced += 1
        }
        return (out, replaced)
    }
}
