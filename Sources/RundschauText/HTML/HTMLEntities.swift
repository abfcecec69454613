/// Decoding of HTML character references over UTF-8 bytes.
enum HTMLEntities {
    /// Name (without `&` and `;`) → replacement text, built once from `HTMLEntityTable.source`.
    static let table: [String: String] = {
        var table: [String: String] = [:]
        table.reserveCapacity(2_200)
        for line in HTMLEntityTable.source.utf8.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: " "))
            guard let name = fields.first, fields.count > 1 else { continue }
            var value = String.UnicodeScalarView()
            for field in fields.dropFirst() {
                guard let code = UInt32(String(decoding: field, as: UTF8.self), radix: 16),
                    let scalar = Unicode.Scalar(code)
                else { continue }
                value.append(scalar)
            }
            table[String(decoding: name, as: UTF8.self)] = String(value)
        }
        return table
    }()

    /// The longest entity name in the table is 31 letters (`CounterClockwiseContourIntegral`).
    static let maximumNameLength = 32

    /// The scalar a numeric reference stands for: U+FFFD for 0, surrogates and values past U+10FFFF;
    /// 0x80–0x9F as Windows-1252 like HTML5 does; everything else as written.
    static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value), let scalar = Unicode.Scalar(Windows1252.scalar(UInt8(value))) { return scalar }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    /// Decodes every reference in `bytes`, appending the result to `out`. Named references need their `;`
    /// and a known name; numeric ones (`&#233;`, `&#xE9;`) may omit the `;`. Anything else is copied as it is.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = bytes.count
        var i = 0
        var runStart = 0
        while i < n {
            guard bytes[i] == UInt8(ascii: "&") else {
                i += 1
                continue
            }
            guard let (replacement, next) = reference(bytes, at: i) else {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            appendUTF8(replacement, to: &out)
            i = next
            runStart = next
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
    }

    private enum Replacement {
        case scalar(Unicode.Scalar)
        case text(String)
    }

    private static func appendUTF8(_ replacement: Replacement, to out: inout [UInt8]) {
        switch replacement {
        case .scalar(let scalar): UTF8.encode(scalar) { out.append($0) }
        case .text(let text): out.append(contentsOf: text.utf8)
        }
    }

    /// The reference starting with the `&` at `i`, and where it ends; `nil` when there is none.
    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Replacement, Int)? {
        let n = bytes.count
        var j = i + 1
        guard j < n else { return nil }
        if bytes[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < n, bytes[j] | 0x20 == UInt8(ascii: "x") {
                hex = true
                j += 1
            }
            let digitsStart = j
            var value: UInt32 = 0
            var overflow = false
            while j < n, let digit = digitValue(bytes[j], hex: hex) {
                let next = value &* (hex ? 16 : 10) &+ digit
                if next > 0x10FFFF || next < value { overflow = true } else { value = next }
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < n, bytes[j] == UInt8(ascii: ";") { j += 1 }
            return (.scalar(overflow ? "\u{FFFD}" : scalar(forCodePoint: value)), j)
        }
        let nameStart = j
        while j < n, j - nameStart <= maximumNameLength, isASCIIAlphanumeric(bytes[j]) { j += 1 }
        guard j > nameStart, j < n, bytes[j] == UInt8(ascii: ";") else { return nil }
        if let common = common(UnsafeBufferPointer(rebasing: bytes[nameStart..<j])) { return (.scalar(common), j + 1) }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<j]), as: UTF8.self)
        guard let value = table[name] else { return nil }
        return (.text(value), j + 1)
    }

    /// The few names most text uses, without a table lookup (same values as the table).
    @inline(__always)
    private static func common(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        switch name.count {
        case 2:
            if name[1] == UInt8(ascii: "t") {
                if name[0] == UInt8(ascii: "l") { return "<" }
                if name[0] == UInt8(ascii: "g") { return ">" }
            }
        case 3:
            if name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "p") { return "&" }
        case 4:
            let word = UInt32(name[0]) | UInt32(name[1]) << 8 | UInt32(name[2]) << 16 | UInt32(name[3]) << 24
            switch word {
            case 0x746F_7571: return "\""  // quot
            case 0x736F_7061: return "'"  // apos
            case 0x7073_626E: return "\u{A0}"  // nbsp
            default: break
            }
        default:
            break
        }
        return nil
    }

    private static func digitValue(_ b: UInt8, hex: Bool) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }
}
