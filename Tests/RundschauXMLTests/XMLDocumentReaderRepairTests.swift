import Testing
import RundschauXML

@Suite struct XMLDocumentReaderRepairTests {
    @Test func wellFormedDocumentHasNoWarnings() throws {
        let (events, warnings) = try readDocument(utf8("<rss><t>A &amp; B &#233; &#x2014;</t></rss>"))
        #expect(events == ["<rss>", "<t>", "A & B é —", "</t>", "</rss>"])
        #expect(warnings == [])
    }

    @Test func htmlEntitiesBecomeCharacters() throws {
        let (events, warnings) = try readDocument(utf8("<rss><t>caf&eacute;&nbsp;ok &hellip; &mdash; &euro;</t></rss>"))
        #expect(events == ["<rss>", "<t>", "café\u{A0}ok … — €", "</t>", "</rss>"])
        #expect(warnings == ["recovered malformed XML: line 1, column 20: Entity 'eacute' not defined"])
    }

    @Test func html5OnlyAndTwoCodePointEntities() throws {
        let (events, _) = try readDocument(utf8("<r>&bigstar; &NotEqualTilde; &lt;</r>"))
        #expect(events == ["<r>", "★ \u{2242}\u{338} <", "</r>"])
    }

    @Test func bareAmpersandInTextAndAttributes() throws {
        let xml = #"<r><a href="https://x.example/?a=1&b=2&copy=3">Tom & Jerry, AT&T, &#; &unknown; &amp;</a></r>"#
        let (events, warnings) = try readDocument(utf8(xml))
        #expect(events == ["<r>", "<a href=https://x.example/?a=1&b=2&copy=3>",
                           "Tom & Jerry, AT&T, &#; &unknown; &", "</a>", "</r>"])
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("recovered malformed XML: line 1, column ") == true)
    }

    @Test func entityInAttributeValue() throws {
        let (events, _) = try readDocument(utf8(#"<r><a title="Fran&ccedil;ais &amp; more"/></r>"#))
        #expect(events == ["<r>", "<a title=Français & more>", "</a>", "</r>"])
    }

    @Test func illegalControlCharactersAreRemoved() throws {
        let bytes = utf8("<r a=\"x") + [0x0B] + utf8("y\"><t>a&#x1;b") + [0x0B, 0x00, 0x1F] + utf8("c&#0;d&#xFFFE;e&#65;")
            + [0xEF, 0xBF, 0xBF] + utf8("\t</t></r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r a=xy>", "<t>", "abcdeA\t", "</t>", "</r>"])
        #expect(warnings.count == 1)
    }

    @Test func whitespaceBeforeXMLDeclaration() throws {
        let (events, warnings) = try readDocument(utf8("\n  \n<?xml version=\"1.0\" encoding=\"utf-8\"?><r>ok</r>"))
        #expect(events == ["<r>", "ok", "</r>"])
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("recovered malformed XML:") == true)
    }

    @Test func junkBeforeXMLDeclaration() throws {
        let junk = "<br />\n<b>Warning</b>:  Undefined index: id in <b>/var/www/feed.php</b> on line <b>3</b><br />\n"
        let (events, warnings) = try readDocument(utf8(junk + #"<?xml version="1.0"?><rss><t>ok</t></rss>"#))
        #expect(events == ["<rss>", "<t>", "ok", "</t>", "</rss>"])
        #expect(warnings.count == 1)
    }

    @Test func textJunkBeforeRootWithoutDeclaration() throws {
        let (events, _) = try readDocument(utf8("garbage text\n<rss><t>ok</t></rss>"))
        #expect(events == ["<rss>", "<t>", "ok", "</t>", "</rss>"])
    }

    @Test func junkDeclarationInsideCDATAIsNotMistakenForTheStart() throws {
        let xml = #"<r>x &nbsp;<![CDATA[<?xml version="1.0"?>]]></r>"#
        let (events, _) = try readDocument(utf8(xml))
        #expect(events == ["<r>", "x \u{A0}<?xml version=\"1.0\"?>", "</r>"])
    }

    @Test func cdataAndCommentsAreLeftAlone() throws {
        let xml = "<r><![CDATA[&nbsp; & <b>&#x1;</b>]]>&nbsp;<!-- a & b &nbsp; -->&amp;</r>"
        let (events, warnings) = try readDocument(utf8(xml))
        #expect(events == ["<r>", "&nbsp; & <b>&#x1;</b>\u{A0}&", "</r>"])
        #expect(warnings.count == 1)
    }

    @Test func controlCharacterInsideCDATAIsRemoved() throws {
        let bytes = utf8("<r><![CDATA[a") + [0x0B] + utf8("&b]]></r>")
        let (events, _) = try readDocument(bytes)
        #expect(events == ["<r>", "a&b", "</r>"])
    }

    @Test func strayLessThanIsEscaped() throws {
        let (events, _) = try readDocument(utf8("<r>1 < 2 <3 <= 4</r>"))
        #expect(events == ["<r>", "1 < 2 <3 <= 4", "</r>"])
    }

    @Test func declaredEntitiesAreSubstitutedEscaped() throws {
        let xml = #"<!DOCTYPE r [<!ENTITY me "Ich"><!ENTITY tag "<b>fett</b>">]><r a="&me;">&me; &tag; &nbsp;</r>"#
        let (events, warnings) = try readDocument(utf8(xml))
        #expect(events == ["<r a=Ich>", "Ich <b>fett</b> \u{A0}", "</r>"])
        #expect(warnings == ["expanded the entities the document's DTD declares (me, tag)"])
    }

    @Test func declaredEntitiesWithCharacterReferences() throws {
        // XHTML-minded feeds declare their own `&nbsp;`; libxml2 reports the value with references resolved.
        let xml = #"<!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY copy "&#xA9; ACME">]><rss><t>a&nbsp;b &copy;</t></rss>"#
        let (events, _) = try readDocument(utf8(xml))
        #expect(events == ["<rss>", "<t>", "a\u{A0}b © ACME", "</t>", "</rss>"])
    }

    @Test func trailingJunkAfterTheRootIsIgnored() throws {
        let xml = "<rss><t>ok</t></rss>\n<br />\n<b>Warning</b>: something in feed.php on line 9"
        let (events, warnings) = try readDocument(utf8(xml))
        #expect(events == ["<rss>", "<t>", "ok", "</t>", "</rss>"])
        #expect(warnings.first?.contains("Extra content at the end of the document") == true)
    }

    @Test func externalDTDMakesLibxml2DropEntitiesSilentlyButTheyAreRestored() throws {
        // RSS 0.91 feeds name the Netscape DTD, which declares the HTML entities. libxml2 never loads it and,
        // with an external subset present, treats `&eacute;` as a mere warning and drops it from the text.
        let xml = #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
              "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Caf&eacute; &amp; Cr&egrave;me</title></channel></rss>
            """#
        let (events, warnings) = try readDocument(utf8(xml))
        #expect(events.contains("Café & Crème"))
        #expect(warnings == ["recovered malformed XML: line 4, column 48: Entity 'eacute' not defined"])
    }

    @Test func attributeValuesAreExactInStrictMode() throws {
        // libxml2's SAX2 hands `&amp;`, `&#38;` and `&#x26;` in attribute values over as `&#38;`.
        let xml = #"<r href="?a=1&amp;b=2&#38;c=3&#x26;d &amp;#38; &lt;x&gt;"/>"#
        let (events, warnings) = try readDocument(utf8(xml))
        #expect(events == ["<r href=?a=1&b=2&c=3&d &#38; <x>>", "</r>"])
        #expect(warnings == [])
    }

    @Test func recoveryReportsWhatRemains() throws {
        // After its first error, libxml2's recover mode drops `&amp;` and `&lt;`: the repair made them numeric.
        let (events, warnings) = try readDocument(utf8("<r><a>one</b><c>two &amp; &lt;three&gt;</c></r>"))
        #expect(events.first == "<r>")
        #expect(events.contains("two & <three>"))
        #expect(warnings.first?.hasPrefix("recovered malformed XML:") == true)
        #expect(warnings.count == 2)
        #expect(warnings.last?.hasPrefix("recover mode skipped") == true)
    }

    @Test func mislabelledUTF8AndSloppyXMLTogether() throws {
        let bytes = utf8("<r>caf") + [0xE9] + utf8(" &nbsp;& co</r>")
        let (events, warnings) = try readDocument(bytes)
        #expect(events == ["<r>", "café \u{A0}& co", "</r>"])
        #expect(warnings.count == 2)
        #expect(warnings.first == "not valid UTF-8; invalid bytes read as Windows-1252")
        #expect(warnings.last?.hasPrefix("recovered malformed XML:") == true)
    }

    @Test func sloppyLatin1Document() throws {
        let bytes = utf8(#"<?xml version="1.0" encoding="ISO-8859-1"?><r>"#) + [0xE9] + utf8(" &eacute; & ")
            + [0x80] + utf8("</r>")
        let (events, _) = try readDocument(bytes)
        #expect(events == ["<r>", "é é & €", "</r>"])
    }

    @Test func sloppyUTF16Document() throws {
        let bytes = [0xFF, 0xFE] + utf16("<r>Tom & Jerry&nbsp;</r>", bigEndian: false)
        let (events, _) = try readDocument(bytes)
        #expect(events == ["<r>", "Tom & Jerry\u{A0}", "</r>"])
    }
}
