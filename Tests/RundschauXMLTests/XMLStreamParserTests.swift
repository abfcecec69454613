import Testing
@testable import RundschauXML

/// Records events as a flat transcript: `<name>`, `</name>`, text runs.
final class Transcript: XMLEventHandler {
    var events: [String] = []
    var text = ""
    func startElement(localName: String, prefix: String?, namespace: String?, attributes: [XMLAttribute]) {
        flush()
        let attrs = attributes.map { " \($0.localName)=\($0.value)" }.joined()
        events.append("<\(localName)\(attrs)>")
    }
    func endElement(localName: String, prefix: String?, namespace: String?) {
        flush()
        events.append("</\(localName)>")
    }
    func characters(_ utf8: UnsafeBufferPointer<UInt8>) { text += String(decoding: utf8, as: UTF8.self) }
    func flush() {
        if !text.isEmpty { events.append(text) }
        text = ""
    }
}

@Suite struct XMLStreamParserTests {
    @Test func elementsAttributesTextAndNamespaces() throws {
        let xml = #"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &amp; B <![CDATA[<b>]]></title></feed>"#
        let t = Transcript()
        _ = try XMLStreamParser.parse(Array(xml.utf8), handler: t)
        #expect(t.events == ["<feed>", "<title type=html>", "A & B <b>", "</title>", "</feed>"])
    }

    @Test func billionLaughsIsRefusedFast() throws {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for i in 1...9 { xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        xml += "]><lolz>&lol9;</lolz>"
        let t = Transcript()
        #expect { try XMLStreamParser.parse(Array(xml.utf8), handler: t) } throws: { error in
            (error as? XMLError)?.code == .entityExpansion
        }
    }

    @Test func undeclaredEntityIsNotWellFormed() throws {
        let xml = "<rss><title>caf&eacute;</title></rss>"
        let t = Transcript()
        #expect { try XMLStreamParser.parse(Array(xml.utf8), handler: t) } throws: { error in
            (error as? XMLError)?.code == .notWellFormed
        }
        let r = Transcript()
        let report = try XMLStreamParser.parse(Array(xml.utf8), options: XMLParseOptions(recover: true), handler: r)
        #expect(!report.diagnostics.isEmpty)
        print(r.events, report.diagnostics)
    }

    @Test func declaredSimpleEntityIsReportedNotExpanded() throws {
        let xml = "<!DOCTYPE rss [<!ENTITY me \"Ich\">]><rss><t>&me;</t></rss>"
        let t = Transcript()
        let report = try? XMLStreamParser.parse(Array(xml.utf8), options: XMLParseOptions(recover: true), handler: t)
        print(t.events, report as Any)
    }

    @Test func invalidUTF8() throws {
        let bytes: [UInt8] = Array("<rss><t>caf".utf8) + [0xE9] + Array("</t></rss>".utf8)
        let t = Transcript()
        #expect(throws: XMLError.self) { try XMLStreamParser.parse(bytes, handler: t) }
    }

    @Test func tooDeep() throws {
        let xml = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect { try XMLStreamParser.parse(Array(xml.utf8), handler: Transcript()) } throws: { error in
            (error as? XMLError)?.code == .tooDeep
        }
    }

    @Test func externalEntityNotLoaded() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"
        let t = Transcript()
        _ = try? XMLStreamParser.parse(Array(xml.utf8), options: XMLParseOptions(recover: true), handler: t)
        #expect(!t.events.joined().contains("root:"))
    }

    /// The push driver (the reader's fast path) delivers what the pull driver delivers.
    @Test func pushAndPullDriversDeliverTheSameEvents() throws {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY me "Ich">]><rss xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>A &amp; B &#8217; &lt;c&gt;</title><item a="1&amp;2" dc:b='x'><description><![CDATA[<p>ü]]></description>
            <dc:creator>  X  </dc:creator><!-- comment --><?pi data?><x/></item>
            """ + String(repeating: "<item><title>t</title><description><![CDATA[" + String(repeating: "äbc ", count: 300)
                + "]]>&amp;tail</description></item>", count: 50) + "</channel></rss>"
        var transcripts: [[String]] = []
        for driver in [XMLStreamParser.Driver.pull, .push] {
            let transcript = Transcript()
            try Array(xml.utf8).withUnsafeBytes { (bytes) throws -> Void in
                _ = try XMLStreamParser.parse(
                    bytes, options: XMLParseOptions(), symbolHandler: StringEventBridge(transcript), driver: driver)
            }
            transcript.flush()
            transcripts.append(transcript.events)
        }
        #expect(transcripts[0] == transcripts[1])
        #expect(transcripts[0].count > 300)
    }

    /// Past libxml2's 10 MB lookup limit the reader parses with the pull driver, as it always did.
    @Test func documentsOverTenMegabytesParse() throws {
        let item = "<item><description><![CDATA[" + String(repeating: "abc \u{FC} ", count: 150) + "]]></description></item>"
        let xml = "<rss>" + String(repeating: item, count: 11_000_000 / item.utf8.count + 1) + "</rss>"
        let result = try XMLDocumentReader.read(Array(xml.utf8)) { CharacterCounter() }
        #expect(result.warnings.isEmpty)
        #expect(result.handler.elements == 1 + 2 * (11_000_000 / item.utf8.count + 1))
    }

    /// Symbol events for a document with many distinct names: one symbol per name, names and bytes intact.
    @Test func symbolEventsInternEachNameOnce() throws {
        var xml = "<root xmlns:a=\"urn:a\">"
        for index in 0..<2_000 { xml += "<e\(index % 500) a:k=\"v&amp;\(index)\"/>" }
        xml += "</root>"
        let counter = CharacterCounter()
        _ = try XMLStreamParser.parse(Array(xml.utf8), symbolHandler: counter)
        // Local names and prefixes: root, e0…e499, k and the prefix a, each asked for once.
        #expect(Set(counter.names) == Set(["root", "k", "a"] + (0..<500).map { "e\($0)" }))
        #expect(counter.names.count == Set(counter.names).count)
        #expect(counter.elements == 2_001)
        #expect(counter.namespaces == ["urn:a"])
        #expect(counter.lastValue == "v&1999")
    }
}

/// Counts symbol events and checks that every name arrives with the symbol it was given.
final class CharacterCounter: XMLSymbolHandler {
    var bytes = 0
    var elements = 0
    var names: [String] = []
    var namespaces: [String] = []
    var lastValue = ""

    func symbol(forName utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        names.append(String(decoding: utf8, as: UTF8.self))
        return Int32(names.count - 1)
    }

    func symbol(forNamespace utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        namespaces.append(String(decoding: utf8, as: UTF8.self))
        return Int32(namespaces.count - 1)
    }

    func startElement(_ element: XMLStartElement) {
        elements += 1
        #expect(names[Int(element.localName.symbol)] == element.localName.string)
        for attribute in element.attributes {
            #expect(names[Int(attribute.localName.symbol)] == attribute.localName.string)
            if let namespace = attribute.namespace { #expect(namespaces[Int(namespace.symbol)] == namespace.string) }
            lastValue = attribute.value
        }
    }

    func endElement(_ element: XMLEndElement) {
        #expect(names[Int(element.localName.symbol)] == element.localName.string)
    }

    func characters(_ utf8: UnsafeBufferPointer<UInt8>) { bytes += utf8.count }
}
