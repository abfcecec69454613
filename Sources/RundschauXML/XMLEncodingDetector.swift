import RundschauText

/// How the reader decided to decode a document.
struct EncodingDecision: Equatable {
    var encoding: SourceEncoding
    /// Length of the byte-order mark to skip.
    var bomLength = 0
    var warnings: [String] = []
}

/// Works out a document's character encoding from its first bytes, an outside hint and its XML declaration.
///
/// Precedence: byte-order mark (or the zero-byte pattern of BOM-less UTF-16/32, XML 1.0 Appendix F) > charset
/// hint > `encoding=` in the XML declaration > UTF-8. When hint and declaration disagree and one of them says
/// UTF-8, the bytes decide: valid UTF-8 is read as UTF-8, anything else with the other encoding. Looks at a
/// kilobyte at most, except in that conflict.
enum XMLEncodingDetector {
    static func decide(_ bytes: UnsafeBufferPointer<UInt8>, hint: String?) -> EncodingDecision {
        if let (encoding, length) = byteOrderMark(bytes) { return EncodingDecision(encoding: encoding, bomLength: length) }
        if let encoding = zeroBytePattern(bytes) { return EncodingDecision(encoding: encoding) }

        var warnings: [String] = []
        let hintLabel = hint.flatMap(EncodingLabel.normalize)
        let declaredLabel = declaredEncoding(bytes).flatMap(EncodingLabel.normalize)
        let fromHint = hintLabel.flatMap { resolve($0, what: "charset hint", warnings: &warnings) }
        let fromDeclaration = declaredLabel.flatMap { resolve($0, what: "declared encoding", warnings: &warnings) }

        switch (fromHint, fromDeclaration) {
        case (nil, nil):
            return EncodingDecision(encoding: .utf8, warnings: warnings)
        case (let hinted?, nil):
            return EncodingDecision(encoding: hinted, warnings: warnings)
        case (nil, let declared?):
            return EncodingDecision(encoding: declared, warnings: warnings)
        case (let hinted?, let declared?):
            if hinted == declared { return EncodingDecision(encoding: hinted, warnings: warnings) }
            let hintName = hintLabel ?? "\(hinted)", declaredName = declaredLabel ?? "\(declared)"
            if hinted == .utf8 || declared == .utf8 {
                let check = UTF8Repair.validate(bytes)
                if check.isValid {
                    // Pure ASCII reads the same in both: nothing worth a warning.
                    if !(check.isASCII && hinted.isASCIICompatible && declared.isASCIICompatible) {
                        warnings.append("charset hint '\(hintName)' and declared encoding '\(declaredName)' "
                            + "disagree; the bytes are valid UTF-8, read as UTF-8")
                    }
                    return EncodingDecision(encoding: .utf8, warnings: warnings)
                }
                // The side that says UTF-8 is wrong about these bytes: the other one is the better guess.
                let (other, otherName) = hinted == .utf8 ? (declared, declaredName) : (hinted, hintName)
                warnings.append("charset hint '\(hintName)' and declared encoding '\(declaredName)' disagree; "
                    + "the bytes are not valid UTF-8, read as \(otherName)")
                return EncodingDecision(encoding: other, warnings: warnings)
            }
            warnings.append("charset hint '\(hintName)' overrides declared encoding '\(declaredName)'")
            return EncodingDecision(encoding: hinted, warnings: warnings)
        }
    }

    /// The encoding a label means for these bytes, or nil with a warning when it cannot apply.
    private static func resolve(_ label: String, what: String, warnings: inout [String]) -> SourceEncoding? {
        switch EncodingLabel.meaning(of: label) {
        case .encoding(.named(let name)):
            if XMLTranscoder.supports(name) { return .named(name) }
            warnings.append("unknown \(what) '\(label)' ignored")
            return nil
        case .encoding(let encoding):
            return encoding
        case .wide:
            warnings.append("\(what) '\(label)' ignored: the bytes have no UTF-16/UTF-32 byte-order mark or pattern")
            return nil
        }
    }

    /// A byte-order mark and its length.
    static func byteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> (SourceEncoding, Int)? {
        let n = b.count
        if n >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return (.utf32(bigEndian: false), 4) }
        if n >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return (.utf32(bigEndian: true), 4) }
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return (.utf8, 3) }
        if n >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16(bigEndian: false), 2) }
        if n >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16(bigEndian: true), 2) }
        return nil
    }

    /// BOM-less UTF-16 or UTF-32: a document starts with `<` or white space, and zero bytes never occur in
    /// an ASCII-compatible XML document, so where they sit tells the width and byte order.
    static func zeroBytePattern(_ b: UnsafeBufferPointer<UInt8>) -> SourceEncoding? {
        guard b.count >= 4 else { return nil }
        func opens(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "<") || isXMLSpace(byte) }
        func ascii(_ byte: UInt8) -> Bool { byte != 0 && byte < 0x80 }
        if opens(b[0]), b[1] == 0, b[2] == 0, b[3] == 0 { return .utf32(bigEndian: false) }
        if b[0] == 0, b[1] == 0, b[2] == 0, opens(b[3]) { return .utf32(bigEndian: true) }
        if opens(b[0]), b[1] == 0, ascii(b[2]), b[3] == 0 { return .utf16(bigEndian: false) }
        if b[0] == 0, opens(b[1]), b[2] == 0, ascii(b[3]) { return .utf16(bigEndian: true) }
        return nil
    }

    /// The `encoding` pseudo-attribute of an XML declaration found in the first kilobyte (it may follow junk).
    static func declaredEncoding(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let window = min(b.count, 1024)
        var i = 0
        while i + 6 <= window {
            guard b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "?"), b[i + 2] == UInt8(ascii: "x"),
                  b[i + 3] == UInt8(ascii: "m"), b[i + 4] == UInt8(ascii: "l"), isXMLSpace(b[i + 5]) else {
                i += 1
                continue
            }
            return encodingAttribute(b, from: i + 6, to: min(b.count, i + 512))
        }
        return nil
    }

    private static func encodingAttribute(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String? {
        let name = Array("encoding".utf8)
        var i = start
        while i + name.count < end {
            if b[i] == UInt8(ascii: "?") { return nil }  // end of the declaration
            guard b[i] == name[0], name.indices.allSatisfy({ b[i + $0] == name[$0] }) else {
                i += 1
                continue
            }
            i += name.count
            while i < end, isXMLSpace(b[i]) { i += 1 }
            guard i < end, b[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            while i < end, isXMLSpace(b[i]) { i += 1 }
            guard i < end, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { return nil }
            let quote = b[i]
            let valueStart = i + 1
            var valueEnd = valueStart
            while valueEnd < end, b[valueEnd] != quote, valueEnd - valueStart < 64 { valueEnd += 1 }
            guard valueEnd < end, b[valueEnd] == quote else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd]), as: UTF8.self)
        }
        return nil
    }
}
