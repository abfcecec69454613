/// Collapses runs of Unicode white space in UTF-8 bytes into single ASCII spaces and trims both ends.
enum WhitespaceCollapser {
    /// `bytes` must be valid UTF-8.
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if isCollapsed(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let space = spaceLength(bytes, at: i)
            if space > 0 {
                pendingSpace = true
                i += space
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The length of the white-space character (Unicode `White_Space`: U+0009–U+000D, U+0020, U+0085, U+00A0,
    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) at `i`, or 0 when there is none.
    @inline(__always)
    static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b > 0x20 && b < 0xC2 { return 0 }
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0xC2 { return 0 }
        let n = bytes.count
        let b1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
        switch b {
        case 0xC2:
            return b1 == 0x85 || b1 == 0xA0 ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            let b2: UInt8 = i + 2 < n ? bytes[i + 2] : 0
            switch b {
            case 0xE1: return b1 == 0x9A && b2 == 0x80 ? 3 : 0
            case 0xE2:
                if b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { return 3 }
                return b1 == 0x81 && b2 == 0x9F ? 3 : 0
            default: return b1 == 0x80 && b2 == 0x80 ? 3 : 0
            }
        default:
            return 0
        }
    }

    /// One pass over a title: whether it has a `<`, an `&`, and whether it is already collapsed (see
    /// ``isCollapsed(_:)``).
    static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> (hasTag: Bool, hasReference: Bool, collapsed: Bool) {
        var hasTag = false
        var hasReference = false
        var collapsed = true
        var previousSpace = true
        var i = 0
        let n = bytes.count
        while i < n {
            // Eight plain bytes (none of `<`, `&`, white space or non-ASCII) at once.
            if i + 8 <= n, let base = bytes.baseAddress, isPlainWord(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                previousSpace = false
                i += 8
                continue
            }
            let b = bytes[i]
            if b > 0x20 && b < 0xC2 {
                if b == 0x3C { hasTag = true } else if b == 0x26 { hasReference = true }
                previousSpace = false
            } else if b == 0x20 {
                if previousSpace { collapsed = false }
                previousSpace = true
            } else if collapsed && spaceLength(bytes, at: i) > 0 {
                collapsed = false
            } else {
                previousSpace = false
            }
            i += 1
        }
        return (hasTag, hasReference, collapsed && !previousSpace)
    }

    /// True when there is nothing to do: no white space at the ends, no run of two, no space but U+0020.
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true
        var i = 0
        let n = bytes.count
        while i < n {
            if i + 8 <= n, let base = bytes.baseAddress, isPlainWord(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                previousSpace = false
                i += 8
                continue
            }
            let b = bytes[i]
            if b > 0x20 && b < 0xC2 {
                previousSpace = false
            } else if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if spaceLength(bytes, at: i) > 0 {
                return false
            } else {
                previousSpace = false
            }
            i += 1
        }
        return !previousSpace
    }

    /// Whether none of eight bytes is a control character or space (≤ 0x20), `<`, `&` or non-ASCII. A word
    /// with one of them may also flag bytes next to it (borrows), which only sends it to the byte loop.
    @inline(__always)
    private static func isPlainWord(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low = word &- ones &* 0x21  // a byte below 0x21 borrows into its high bit
        let lt = (word ^ (ones &* 0x3C)) &- ones  // a '<' becomes 0xFF
        let amp = (word ^ (ones &* 0x26)) &- ones  // a '&' becomes 0xFF
        return (word | ((low | lt | amp) & ~word)) & highs == 0
    }
}
