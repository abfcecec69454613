import RundschauText

/// One linear pass of ``XMLRepair``: copies runs of ordinary bytes and decides at each `<`, `&`, illegal
/// control byte and 0xEF what to write instead.
struct XMLRepairPass {
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
            while position < n, !stopsRepairScan(doc[position]) { position += 1 }
            if position > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: doc[start..<position])) }
            guard position < n else { break }
            switch doc[position] {
            case XMLByte.lessThan: markup()
            case XMLByte.ampersand: try reference()
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
            out.append(XMLByte.lessThan)
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
        if j < n, doc[j] == XMLByte.hash {
            guard let (value, end) = characterReference(from: j + 1) else { return bareAmpersand() }
            if isXMLChar(value) {
                if doc[j + 1] == UInt8(ascii: "X") {  // HTML allows `&#X41;`, XML only `&#x41;`
                    out.append(contentsOf: "&#\(value);".utf8)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: doc[position..<end]))
                }
            } else if value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                // No character at all (past Unicode, a lone surrogate): U+FFFD marks the spot, as HTML does.
                out.append(contentsOf: "&#65533;".utf8)
            }  // else dropped: a control character or noncharacter XML forbids
            position = end
            return
        }
        guard j < n, isNameStart(doc[j]) else { return bareAmpersand() }
        j += 1
        while j < n, j - position <= 64, isNameByte(doc[j]) { j += 1 }
        guard j < n, doc[j] == XMLByte.semicolon else { return bareAmpersand() }
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
            } else if let scalars = HTMLText.namedEntity(name).map({ $0.unicodeScalars.map(\.value) }) {
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
        let hex = k < n && (doc[k] == UInt8(ascii: "x") || doc[k] == UInt8(ascii: "X"))
        if hex { k += 1 }
        let digitsStart = k
        var value: UInt32 = 0
        while k < n, let digit = digitValue(doc[k], hex: hex) {
            value = min(value * (hex ? 16 : 10) + digit, 0x110000)
            k += 1
        }
        guard k > digitsStart, k < n, doc[k] == XMLByte.semicolon else { return nil }
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
            if byte == XMLByte.quote || byte == XMLByte.apostrophe {
                k = (doc.index(of: byte, from: k + 1) ?? doc.count) + 1
                continue
            }
            if doc.starts(with: "<!--", at: k) {
                k = (doc.index(of: "-->", from: k + 4) ?? doc.count) + 3
                continue
            }
            if byte == XMLByte.openBracket { depth += 1 }
            if byte == XMLByte.closeBracket { depth -= 1 }
            if byte == XMLByte.greaterThan, depth <= 0 { return k + 1 }
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
