import Testing
import RundschauXML

@Suite struct XMLDocumentReaderEncodingTests {
    let sample = #"<r a="Grüße"><t>Grüße € 日本 😀</t></r>"#
    let sampleEvents = ["<r a=Grüße>", "<t>", "Grüße € 日本 😀", "</t>", "</r>"]

    // MARK: Unicode encodings

    @Test func plainUTF8() throws {
        let (events, warnings) = try readDocument(utf8(#"<?xml version="1.0" encoding="UTF-8"?>"# + sample))
        #expect(events == sampleEvents)
        #expect(warnings == [])
    }

    @Test func utf8WithBOM() throws {
        let (events, warnings) = try readDocument([0xEF, 0xBB, 0xBF] + utf8(sample))
        #expect(events == sampleEvents)
        #expect(warnings == [])
    }

    @Test(arguments: [false, true])
    func utf16WithBOM(bigEndian: Bool) throws {
        let bom: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        let doc = #"<?xml version="1.0" encoding="UTF-16"?>"# + sample
        let (events, warnings) = try readDocument(bom + utf16(doc, bigEndian: bigEndian))
        #expect(events == sampleEvents)
        #expect(warnings == [])
    }

    @Test(arguments: [false, true])
    func utf16WithoutBOM(bigEndian: Bool) throws {
        let doc = #"<?xml version="1.0" encoding="UTF-16"?>"# + sample
        let (events, warnings) = try readDocument(utf16(doc, bigEndian: bigEndian))
        #expect(events == sampleEvents)
        #expect(warnings == [])
    }

    @Test func utf16WithoutBOMOrDeclaration() throws {
        let (events, _) = try readDocument(utf16(sample, bigEndian: false))
        #expect(events == sampleEvents)
    }

    @Test(arguments: [false, true])
    func utf32WithBOM(bigEndian: Bool) throws {
        let bom: [UInt8] = bigEndian ? [0, 0, 0xFE, 0xFF] : [0xFF, 0xFE, 0, 0]
        let (events, warnings) = try readDocument(bom + utf32(sample, bigEndian: bigEndian))
        #expect(events == sampleEvents)
        #expect(warnings == [])
    }

    @Test(arguments: [false, true])
    func utf32WithoutBOM(bigEndian: Bool) throws {
        let doc = #"<?xml version="1.0" encoding="UTF-32"?>"# + sample
        let (events, _) = try readDocument(utf32(doc, bigEndian: bigEndian))
        #expect(events == sampleEvents)
    }

    @Test func unpairedSurrogateInUTF16BecomesReplacementCharacter() throws {
        var bytes: [UInt8] = [0xFF, 0xFE] + utf16("<r>a", bigEndian: false)
        bytes += [0x3D, 0xD8]  // a lone high surrogate (U+D83D)
        bytes += utf16("b</r>", bigEndian: false)
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r>", "a\u{FFFD}b", "</r>"])
        #expect(warnings == ["1 byte sequence(s) not valid UTF-16LE replaced with U+FFFD"])
    }

    // MARK: Latin-1 family (Windows-1252 by the WHATWG rule)

    @Test func iso88591ReadsC1BytesAsWindows1252() throws {
        let bytes = utf8(#"<?xml version="1.0" encoding="ISO-8859-1"?><r t=""#) + [0xE9]
            + utf8(#""><t>"#) + [0x80, 0x20, 0x93, 0x63, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x85, 0x20, 0xFC]
            + utf8("</t></r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r t=é>", "<t>", "€ “café” … ü", "</t>", "</r>"])
        #expect(warnings == [])
    }

    @Test func latin1HintWithoutDeclaration() throws {
        let bytes = utf8("<r>") + [0x96, 0x20, 0xC4] + utf8("</r>")
        let (events, warnings) = try readDocument(bytes, charset: "application/rss+xml; charset=latin1")
        #expect(events == ["<r>", "– Ä", "</r>"])
        #expect(warnings == [])
    }

    @Test func usASCIILabelWithHighBytes() throws {
        let bytes = utf8(#"<?xml version="1.0" encoding="us-ascii"?><r>caf"#) + [0xE9] + utf8("</r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r>", "café", "</r>"])
        #expect(warnings == [])
    }

    @Test func pureASCIIDeclaredLatin1IsReadWithoutCopy() throws {
        let (events, warnings) = try readDocument(utf8(#"<?xml version="1.0" encoding="iso-8859-1"?><r>plain</r>"#))
        #expect(events == ["<r>", "plain", "</r>"])
        #expect(warnings == [])
    }

    // MARK: Encodings through libxml2's handlers (iconv)

    @Test func iso885915EuroSign() throws {
        let bytes = utf8(#"<?xml version="1.0" encoding="ISO-8859-15"?><r>"#) + [0xA4, 0x20, 0xBD, 0x20, 0xA6]
            + utf8("</r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r>", "€ œ Š", "</r>"])
        #expect(warnings == [])
    }

    @Test func windows1251Cyrillic() throws {
        let bytes = utf8(#"<?xml version='1.0' encoding='windows-1251'?><r title=""#)
            + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2] + utf8(#""><t>"#)
            + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xEC, 0xE8, 0xF0] + utf8("</t></r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r title=Привет>", "<t>", "Привет, мир", "</t>", "</r>"])
        #expect(warnings == [])
    }

    @Test func koi8R() throws {
        let bytes = utf8(#"<?xml version="1.0" encoding="KOI8-R"?><r>"#)
            + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x2C, 0x20, 0xCD, 0xC9, 0xD2] + utf8("</r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r>", "Привет, мир", "</r>"])
        #expect(warnings == [])
    }

    @Test func shiftJIS() throws {
        let bytes = utf8(#"<?xml version="1.0" encoding="Shift_JIS"?><r>"#) + [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA]
            + utf8("</r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r>", "日本語", "</r>"])
        #expect(warnings == [])
    }

    @Test func undecodableBytesBecomeReplacementCharacters() throws {
        // 0x98 is the one byte Windows-1251 leaves undefined.
        let bytes = utf8(#"<?xml version="1.0" encoding="windows-1251"?><r>"#) + [0xCF, 0x98, 0xF0] + utf8("</r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r>", "П\u{FFFD}р", "</r>"])
        #expect(warnings == ["1 byte sequence(s) not valid windows-1251 replaced with U+FFFD"])
    }

    @Test func encodingOnlyICUKnowsGoesThroughXmlCharEncInFunc() throws {
        // glibc's iconv has no "x-mac-roman"; libxml2 falls back to ICU for it.
        let bytes = utf8(#"<?xml version="1.0" encoding="x-mac-roman"?><r>"#) + [0x8E, 0x20, 0x9F] + utf8("</r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r>", "é ü", "</r>"])
        #expect(warnings == [])
    }

    // MARK: Hint, declaration and byte-order mark

    @Test func hintAndDeclarationDisagreeValidUTF8Wins() throws {
        let bytes = utf8(#"<?xml version="1.0" encoding="UTF-8"?><r>café</r>"#)
        let (events, warnings) = try readDocument(bytes, charset: "ISO-8859-1")
        #expect(events == ["<r>", "café", "</r>"])
        #expect(warnings == ["charset hint 'iso-8859-1' and declared encoding 'utf-8' disagree; "
            + "the bytes are valid UTF-8, read as UTF-8"])
    }

    @Test func hintSaysUTF8ButBytesAreTheDeclaredEncoding() throws {
        let bytes = utf8(#"<?xml version="1.0" encoding="windows-1251"?><r>"#) + [0xCF, 0xF0, 0xE8] + utf8("</r>")
        let (events, warnings) = try readDocument(bytes, charset: "utf-8")
        #expect(events == ["<r>", "При", "</r>"])
        #expect(warnings == ["charset hint 'utf-8' and declared encoding 'windows-1251' disagree; "
            + "the bytes are not valid UTF-8, read as windows-1251"])
    }

    @Test func hintBeatsDeclarationWhenNeitherIsUTF8() throws {
        let bytes = utf8(#"<?xml version="1.0" encoding="windows-1251"?><r>"#) + [0xF0, 0xD2, 0xC9] + utf8("</r>")
        let (events, warnings) = try readDocument(bytes, charset: "KOI8-R")
        #expect(events == ["<r>", "При", "</r>"])
        #expect(warnings == ["charset hint 'koi8-r' overrides declared encoding 'windows-1251'"])
    }

    @Test func asciiOnlyDisagreementIsNotWorthAWarning() throws {
        let (events, warnings) = try readDocument(utf8(#"<?xml version="1.0" encoding="utf-8"?><r>x</r>"#),
                                                  charset: "iso-8859-1")
        #expect(events == ["<r>", "x", "</r>"])
        #expect(warnings == [])
    }

    @Test func byteOrderMarkBeatsHintAndDeclaration() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + utf8(#"<?xml version="1.0" encoding="ISO-8859-1"?><r>café</r>"#)
        let (events, warnings) = try readDocument(bytes, charset: "windows-1251")
        #expect(events == ["<r>", "café", "</r>"])
        #expect(warnings == [])
    }

    @Test func optionsEncodingActsAsHint() throws {
        let bytes = utf8("<r>") + [0xCF, 0xF0, 0xE8] + utf8("</r>")
        let (events, _) = try readDocument(bytes, options: XMLParseOptions(encoding: "cp1251"))
        #expect(events == ["<r>", "При", "</r>"])
    }

    @Test func unknownEncodingIsReadAsUTF8WithRepair() throws {
        let bytes = utf8(#"<?xml version="1.0" encoding="x-no-such-encoding"?><r>caf"#) + [0xE9] + utf8("</r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r>", "café", "</r>"])
        #expect(warnings == ["unknown declared encoding 'x-no-such-encoding' ignored",
                             "not valid UTF-8; invalid bytes read as Windows-1252"])
    }

    @Test func utf16DeclarationOnASCIIBytesIsIgnored() throws {
        let (events, warnings) = try readDocument(utf8(#"<?xml version="1.0" encoding="UTF-16"?><r>ok</r>"#))
        #expect(events == ["<r>", "ok", "</r>"])
        #expect(warnings == ["declared encoding 'utf-16' ignored: the bytes have no UTF-16/UTF-32 byte-order mark or pattern"])
    }

    // MARK: Claims UTF-8 but is not

    @Test func mislabelledUTF8IsReadAsWindows1252WithOneWarning() throws {
        let bytes = utf8(#"<?xml version="1.0" encoding="UTF-8"?><r><t>caf"#) + [0xE9] + utf8(" ") + [0x93]
            + utf8("quoted") + [0x94] + utf8(" — real UTF-8 stays</t><t a=\"") + [0xFC] + utf8("\">x</t></r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r>", "<t>", "café “quoted” — real UTF-8 stays", "</t>", "<t a=ü>", "x", "</t>", "</r>"])
        #expect(warnings == ["not valid UTF-8; invalid bytes read as Windows-1252"])
    }

    @Test func truncatedAndOverlongSequencesAreRepaired() throws {
        // C3 without continuation, an overlong C0 AF, and an encoded surrogate ED A0 80.
        let bytes = utf8("<r>") + [0xC3, 0x41, 0xC0, 0xAF, 0xED, 0xA0, 0x80] + utf8("</r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r>", "ÃAÀ¯í\u{A0}€", "</r>"])
        #expect(warnings == ["not valid UTF-8; invalid bytes read as Windows-1252"])
    }
}
