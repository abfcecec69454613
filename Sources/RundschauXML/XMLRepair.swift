#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes sloppy XML well-formed where the intent is clear, in one linear pass over UTF-8 text that skips
/// straight to the next `<`, `&` or illegal byte:
/// - junk before the first `<` (or before an XML declaration that follows it) is dropped;
/// - control characters XML 1.0 forbids are dropped, raw or as character references, as are U+FFFE/U+FFFF;
/// - `&name;` for an entity the DTD declared becomes its escaped text (bounded by `limit`), for an HTML entity
///   its numeric character reference; any other `&` that does not start a reference becomes `&#38;`;
/// - a `<` that cannot start markup (`a < b`) becomes `&#60;`.
///
/// Every reference the pass writes, and the five predefined ones (`&amp;` → `&#38;`), are numeric: libxml2
/// 2.9 in recover mode drops predefined entity references once it has met any error, character references
/// never. Comments, CDATA sections, processing instructions and the DOCTYPE declaration are copied unchanged
/// except for illegal control characters, which no XML text can carry.
enum XMLRepair {
    /// Where the document proper starts: at an XML declaration that follows junk (PHP warnings, stray text),
    /// else at the first `<`; nil when there is no `<` at all.
    static func documentStart(_ doc: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = doc.index(of: Byte.lessThan, from: 0) else { return nil }
        if doc.isDeclaration(at: first) { return first }
        let window = min(doc.count, 64 << 10)
        var k = first + 1
        while k < window, let p = doc.index(of: Byte.lessThan, from: k), p < window {
            if doc.starts(with: "<![CDATA[", at: p) { break }  // text from here on is content, not prolog
            if doc.isDeclaration(at: p) { return p }
            k = p + 1
        }
        return first
    }

    /// Whether the first kilobyte of (UTF-8) text holds so many characters no text has (control characters,
    /// U+FFFD from undecodable bytes, private-use characters) that this is binary data.
    static func looksBinary(_ doc: UnsafeBufferPointer<UInt8>) -> Bool {
        var odd = 0
        let end = min(doc.count, 1024)
        for k in 0..<end {
            let byte = doc[k]
            if isIllegalControl(byte) {
                odd += 1
            } else if byte == 0xEE, k + 1 < end, doc[k + 1] >= 0x80 {
                odd += 1  // U+E000–U+EFFF
            } else if byte == 0xEF, k + 2 < end, doc[k + 1] <= 0xA3 || (doc[k + 1] == 0xBF && doc[k + 2] == 0xBD) {
                odd += 1  // U+F000–U+F8FF or U+FFFD
            }
            if odd >= 8 { return true }
        }
        return false
    }

    /// Whether the prolog from `start` has a DOCTYPE with an internal subset (which may declare entities).
    static func hasInternalSubset(_ doc: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var k = start
        while k < doc.count {
            if isXMLSpace(doc[k]) {
                k += 1
            } else if doc.starts(with: "<?", at: k) {
                k = (doc.index(of: "?>", from: k + 2) ?? doc.count) + 2
            } else if doc.starts(with: "<!--", at: k) {
                k = (doc.index(of: "-->", from: k + 4) ?? doc.count) + 3
            } else if doc.starts(with: "<!DOCTYPE", at: k) {
                var quote: UInt8 = 0
                for j in (k + 9)..<doc.count {
                    let byte = doc[j]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == Byte.quote || byte == Byte.apostrophe {
                        quote = byte
                    } else if byte == Byte.openBracket {
                        return true
                    } else if byte == Byte.greaterThan {
                        return false
                    }
                }
                return false
            } else {
                return false
            }
        }
        return false
    }

    /// The repaired document from `start`.
    /// - Parameters:
    ///   - entities: simple entities the DTD declared (name → replacement text), substituted escaped.
    ///   - limit: the largest output allowed.
    /// - Throws: `entityExpansion` when substituting declared entities would pass `limit`, `tooLarge` when
    ///   the other repairs would.
    static func repair(_ doc: UnsafeBufferPointer<UInt8>, from start: Int, entities: [String: String],
                       limit: Int) throws(XMLError) -> [UInt8] {
        var repairer = Repairer(doc: doc, position: start, entities: entities.mapValues(escaped), limit: limit)
        try repairer.run()
        return repairer.out
    }

    /// Text made safe to stand anywhere in content or an attribute value.
    static func escaped(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case Byte.ampersand: out.append(contentsOf: "&#38;".utf8)
            case Byte.lessThan: out.append(contentsOf: "&#60;".utf8)
            case Byte.greaterThan: out.append(contentsOf: "&#62;".utf8)
            case Byte.quote: out.append(contentsOf: "&#34;".utf8)
            case Byte.apostrophe: out.append(contentsOf: "&#39;".utf8)
            default: if !isIllegalControl(byte) { out.append(byte) }
            }
        }
        return out
    }
}

/// The state of one repair pass.
private struct Repairer {
    let doc: UnsafeBufferPointer<UInt8>
    var position: Int
    let entities: [String: [UInt8]]
    let limit: Int
    var out: [UInt8] = []

    init(doc: UnsafeBufferPointer<UInt8>, position: Int, entities: [String: [UInt8]], limit: Int) {
        self.doc = doc
        self.position = position
        self.entities = entities
        self.limit = limit
        out.reserveCapacity(min(limit, doc.count + doc.count / 16 + 64))
    }

    mutating func run() throws(XMLError) {
        let n = doc.count
        while position < n {
            let start = position
            while position < n, !isSpecial(doc[position]) { position += 1 }
            if position > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: doc[start..<position])) }
            guard position < n else { break }
            switch doc[position] {
            case Byte.lessThan: markup()
            case Byte.ampersand: try reference()
            case 0xEF: nonCharacter()
            default: position += 1  // an illegal control character: dropped
            }
            if out.count > limit {
                throw XMLError(.tooLarge, "the repaired document is over the limit of \(limit) bytes")
            }
        }
    }

    /// At `<`: sections copied whole, tags left to the main loop, a stray `<` escaped.
    private mutating func markup() {
        if doc.starts(with: "<!--", at: position) {
            copySection(through: "-->", after: 4)
        } else if doc.starts(with: "<![CDATA[", at: position) {
            copySection(through: "]]>", after: 9)
        } else if doc.starts(with: "<?", at: position) {
            copySection(through: "?>", after: 2)
        } else if doc.starts(with: "<!DOCTYPE", at: position) {
            copyFiltered(position..<doctypeEnd())
        } else if position + 1 < doc.count, canStartMarkup(doc[position + 1]) {
            out.append(Byte.lessThan)
            position += 1
        } else {
            out.append(contentsOf: "&#60;".utf8)
            position += 1
        }
    }

    /// At `&`: keep valid references, resolve entity names, escape the rest.
    private mutating func reference() throws(XMLError) {
        let n = doc.count
        var j = position + 1
        if j < n, doc[j] == Byte.hash {
            guard let (value, end) = characterReference(from: j + 1) else { return bareAmpersand() }
            if isXMLChar(value) { out.append(contentsOf: UnsafeBufferPointer(rebasing: doc[position..<end])) }
            position = end  // a reference to a character XML forbids is dropped
            return
        }
        guard j < n, isNameStart(doc[j]) else { return bareAmpersand() }
        j += 1
        while j < n, j - position <= 64, isNameByte(doc[j]) { j += 1 }
        guard j < n, doc[j] == Byte.semicolon else { return bareAmpersand() }
        let name = String(decoding: UnsafeBufferPointer(rebasing: doc[(position + 1)..<j]), as: UTF8.self)
        let end = j + 1
        switch name {
        case "amp": out.append(contentsOf: "&#38;".utf8)
        case "lt": out.append(contentsOf: "&#60;".utf8)
        case "gt": out.append(contentsOf: "&#62;".utf8)
        case "quot": out.append(contentsOf: "&#34;".utf8)
        case "apos": out.append(contentsOf: "&#39;".utf8)
        default:
            if let text = entities[name] {
                guard out.count + text.count <= limit else {
                    throw XMLError(.entityExpansion, "refused: expanding entity '\(name)' takes the document over "
                        + "the limit of \(limit) bytes")
                }
                out.append(contentsOf: text)
            } else if let scalars = HTMLEntities.scalars(named: name) {
                for scalar in scalars { out.append(contentsOf: "&#x\(String(scalar, radix: 16, uppercase: true));".utf8) }
            } else {
                return bareAmpersand()
            }
        }
        position = end
    }

    private mutating func bareAmpersand() {
        out.append(contentsOf: "&#38;".utf8)
        position += 1
    }

    /// `&#…;` from the `#`'s successor: the value (saturated past U+10FFFF) and the index after `;`.
    private func characterReference(from start: Int) -> (UInt32, Int)? {
        let n = doc.count
        var k = start
        let hex = k < n && doc[k] == UInt8(ascii: "x")
        if hex { k += 1 }
        let digitsStart = k
        var value: UInt32 = 0
        while k < n, let digit = digitValue(doc[k], hex: hex) {
            value = min(value * (hex ? 16 : 10) + digit, 0x110000)
            k += 1
        }
        guard k > digitsStart, k < n, doc[k] == Byte.semicolon else { return nil }
        return (value, k + 1)
    }

    /// At 0xEF: U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
    private mutating func nonCharacter() {
        if position + 2 < doc.count, doc[position + 1] == 0xBF, doc[position + 2] & 0xFE == 0xBE {
            position += 3
        } else {
            out.append(0xEF)
            position += 1
        }
    }

    private mutating func copySection(through terminator: StaticString, after opening: Int) {
        let end = doc.index(of: terminator, from: position + opening).map { $0 + terminator.utf8CodeUnitCount }
        copyFiltered(position..<(end ?? doc.count))
    }

    /// The index after the DOCTYPE declaration at `position`, internal subset, quotes and comments included.
    private func doctypeEnd() -> Int {
        var k = position + 9
        var depth = 0
        while k < doc.count {
            let byte = doc[k]
            if byte == Byte.quote || byte == Byte.apostrophe {
                k = (doc.index(of: byte, from: k + 1) ?? doc.count) + 1
                continue
            }
            if doc.starts(with: "<!--", at: k) {
                k = (doc.index(of: "-->", from: k + 4) ?? doc.count) + 3
                continue
            }
            if byte == Byte.openBracket { depth += 1 }
            if byte == Byte.closeBracket { depth -= 1 }
            if byte == Byte.greaterThan, depth <= 0 { return k + 1 }
            k += 1
        }
        return doc.count
    }

    /// Copies `range` leaving out illegal control characters.
    private mutating func copyFiltered(_ range: Range<Int>) {
        let range = range.clamped(to: 0..<doc.count)
        var k = range.lowerBound
        while k < range.upperBound {
            let start = k
            while k < range.upperBound, !isIllegalControl(doc[k]) { k += 1 }
            if k > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: doc[start..<k])) }
            k += 1
        }
        position = range.upperBound
    }
}

// MARK: - Byte classes

private enum Byte {
    static let lessThan = UInt8(ascii: "<"), greaterThan = UInt8(ascii: ">"), ampersand = UInt8(ascii: "&")
    static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), semicolon = UInt8(ascii: ";")
    static let hash = UInt8(ascii: "#"), openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
}

/// C0 controls other than tab, line feed and carriage return: never allowed in XML 1.0.
@inline(__always)
func isIllegalControl(_ byte: UInt8) -> Bool {
    byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
}

/// Bytes the repair loop stops at.
@inline(__always)
private func isSpecial(_ byte: UInt8) -> Bool {
    byte < 0x20 ? (byte != 0x09 && byte != 0x0A && byte != 0x0D)
        : (byte == Byte.lessThan || byte == Byte.ampersand || byte == 0xEF)
}

/// XML 1.0 `Char`.
@inline(__always)
private func isXMLChar(_ value: UInt32) -> Bool {
    switch value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
}

private func canStartMarkup(_ byte: UInt8) -> Bool {
    isNameStart(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
}

private func isNameStart(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
         UInt8(ascii: ":"), 0x80...: true
    default: false
    }
}

private func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): true
    default: isNameStart(byte)
    }
}

private func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}

// MARK: - Searching

extension UnsafeBufferPointer<UInt8> {
    /// The first index of `byte` at or after `start` (memchr).
    func index(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count else { return nil }
        guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The first index of `pattern` at or after `start`.
    func index(of pattern: StaticString, from start: Int) -> Int? {
        let length = pattern.utf8CodeUnitCount
        guard length > 0 else { return start }
        let first = pattern.utf8Start.pointee
        var k = start
        while let candidate = index(of: first, from: k) {
            if candidate + length > count { return nil }
            if starts(with: pattern, at: candidate) { return candidate }
            k = candidate + 1
        }
        return nil
    }

    /// Whether the bytes at `offset` are `pattern`.
    func starts(with pattern: StaticString, at offset: Int) -> Bool {
        let length = pattern.utf8CodeUnitCount
        guard offset >= 0, offset + length <= count, let base = baseAddress else { return false }
        return memcmp(base + offset, pattern.utf8Start, length) == 0
    }

    /// Whether an XML declaration (`<?xml` and white space) starts at `offset`.
    func isDeclaration(at offset: Int) -> Bool {
        starts(with: "<?xml", at: offset) && offset + 5 < count && isXMLSpace(self[offset + 5])
    }
}
