/// Collapses runs of Unicode white space in UTF-8 bytes into single ASCII spaces and trims both ends.
enum WhitespaceCollapser {
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            var length = 1
            var isSpace: Bool
            if b < 0x80 {
                isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
            } else {
                let (scalar, len) = UTF8Scalars.decode(bytes, at: i)
                length = len
                isSpace = scalar.properties.isWhitespace
            }
            if isSpace {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<i + length]))
            }
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }
}
