import Foundation
import RundschauXML
import Testing
@testable import RundschauWriter

@Suite struct HTMLSanitizerTests {
    static let base = "https://www.example.org/news/article.html"
    let sanitizer = HTMLSanitizer()

    /// Input → exact output, for hostile and ordinary HTML.
    static let cases: [(String, String)] = [
        // Ordinary markup survives; text is escaped; implied end tags are written.
        ("Hello <b>world</b> & friends", "Hello <b>world</b> &amp; friends"),
        ("<p>One<p>Two", "<p>One</p><p>Two</p>"),
        ("<ul><li>one<li>two</ul>", "<ul><li>one</li><li>two</li></ul>"),
        ("line<br>break<hr>rule", "line<br />break<hr />rule"),
        ("<p title=\"a&quot;b\">q</p>", "<p title=\"a&quot;b\">q</p>"),
        ("<table><tr><td colspan=2 onmouseover=x>cell</td></tr></table>", "<table><tr><td colspan=\"2\">cell</td></tr></table>"),
        // Nested, unclosed and misnested tags come out balanced.
        ("<div><span><b>unclosed", "<div><span><b>unclosed</b></span></div>"),
        ("<b><i>misnested</b></i>", "<b><i>misnested</i></b>"),
        ("<p>x</p></div></div><p>y</p></body></html><p>z", "<p>x</p><p>y</p><p>z</p>"),
        ("<a href=\"https://a.example\"><a href=\"https://b.example\">nested</a></a>",
         "<a href=\"https://a.example\"></a><a href=\"https://b.example\">nested</a>"),
        // Script, style and embedding elements go with their content.
        ("<script>alert(1)</script>after", "after"),
        ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>after", "after"),
        ("<style>body{}</style><p style=\"color:red\" class=c id=i onclick=\"x()\">styled</p>", "<p>styled</p>"),
        ("<iframe src=\"https://evil.example\">inside</iframe>after", "after"),
        ("<object data=x><param name=a value=b>inside</object>after object", "after object"),
        ("<embed src=x>after embed", "after embed"),
        ("<form action=\"https://evil.example\"><input name=q><button>go</button></form>after form", "after form"),
        ("<svg onload=alert(1)><circle r=1 /></svg>ok", "ok"),
        ("<svg><script>alert(1)</script></svg>ok", "ok"),
        ("<math><mi>x</mi></math><template><b>t</b></template><noscript>n</noscript>z", "z"),
        ("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">m", "m"),
        ("<base href=\"https://evil.example/\">b", "b"),
        ("<link rel=stylesheet href=https://evil.example/x.css>l", "l"),
        ("<BODY ONLOAD=alert('XSS')>body text", "body text"),
        // Comments and CDATA never reach the output as markup.
        ("<!-- <script>alert(1)</script> -->visible", "visible"),
        ("<!--[if IE]><script>alert(1)</script><![endif]-->visible", "visible"),
        ("<![CDATA[<script>alert(1)</script>]]>after", "&lt;![CDATA[]]&gt;after"),
        // Tag soup meant to reassemble a script tag stays text.
        ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
        ("<<script>script>alert(1)//<</script>/script>", "&lt;/script&gt;"),
        // Event handlers on allowed elements.
        ("<img src=x onerror=alert(1)>", "<img src=\"https://www.example.org/news/x\" />"),
        ("<p onmouseover=\"alert(1)\" ONCLICK=alert(2)>p</p>", "<p>p</p>"),
        // javascript:, vbscript: and data: URLs, obfuscated with entities, whitespace, case and controls.
        ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"jav&#9;ascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\" JaVaScRiPt:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"java\nscript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"\u{1}javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"javascript&colon;alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"vbscript:msgbox(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "<a>x</a>"),
        ("<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">", ""),
        ("<img src=\"javascript:alert(1)\" alt=\"a\">", ""),
        ("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", ""),
        ("<img src=\"data:image/png;base64,iVBORw0KGgo=\">", "<img src=\"data:image/png;base64,iVBORw0KGgo=\" />"),
        ("<video src=\"clip.mp4\" controls poster=\"javascript:x\"></video>",
         "<video src=\"https://www.example.org/news/clip.mp4\" controls=\"controls\"></video>"),
        ("<blockquote cite=\"javascript:alert(1)\">q</blockquote>", "<blockquote>q</blockquote>"),
        // Relative URLs become absolute against the entry; fragments stay; broken characters are encoded.
        ("<a href=\"/relative/path?a=1&b=2\">rel</a> <a href=\"//cdn.example.com/x\">proto</a> <a href=\"#frag\">frag</a>",
         "<a href=\"https://www.example.org/relative/path?a=1&amp;b=2\">rel</a> <a href=\"https://cdn.example.com/x\">proto</a> <a href=\"#frag\">frag</a>"),
        ("<a href=\"../up.html\">up</a>", "<a href=\"https://www.example.org/up.html\">up</a>"),
        ("<a href=\"https://ok.example/a b\">space</a>", "<a href=\"https://ok.example/a%20b\">space</a>"),
        ("<a href=\"mailto:desk@example.org\">mail</a>", "<a href=\"mailto:desk@example.org\">mail</a>"),
        ("<img src=\"/pic.png\" alt=\"A &amp; B\" width=100 height=\"50px\" style=\"x\">",
         "<img src=\"https://www.example.org/pic.png\" alt=\"A &amp; B\" width=\"100\" />"),
        // Characters XML forbids are not passed on.
        ("Text \u{1}with\u{B} controls", "Text with controls"),
    ]

    @Test(arguments: cases)
    func sanitizes(input: String, expected: String) {
        #expect(sanitizer.sanitize(input, baseURL: Self.base).html == expected)
    }

    @Test func relativeURLsWithoutABaseAreDropped() {
        #expect(sanitizer.sanitize("<a href=\"/x\">x</a><img src=\"y.png\"><a href=\"#f\">f</a>", baseURL: nil).html
            == "<a>x</a><a href=\"#f\">f</a>")
        #expect(sanitizer.sanitize("<a href=\"/x\">x</a>", baseURL: "javascript:alert(1)").html == "<a>x</a>")
    }

    @Test func outputIsWellFormedAndHarmlessForEveryCase() throws {
        let forbidden = ["<script", "javascript:", "vbscript:", "onerror", "onload", "onclick", "onmouseover", "<iframe", "<object",
                         "<embed", "<svg", "<style", "style=", "<form", "<base", "<meta", "<link", "data:text", "<!--"]
        for (input, _) in Self.cases {
            let output = sanitizer.sanitize(input, baseURL: Self.base).html
            for word in forbidden {
                #expect(!output.lowercased().contains(word), "\(input.debugDescription) → \(output.debugDescription)")
            }
            // XHTML-ish: the fragment parses as XML inside one element.
            #expect(throws: Never.self, "\(output)") { _ = try TestNode.parse(Array("<div>\(output)</div>".utf8)) }
        }
    }

    @Test func deepNestingAndLargeInputStayBalanced() throws {
        let deep = String(repeating: "<div><b>", count: 2000) + "deep" + String(repeating: "</b></div>", count: 10)
        let output = sanitizer.sanitize(deep, baseURL: Self.base).html
        #expect(throws: Never.self) { _ = try TestNode.parse(Array("<div>\(output)</div>".utf8)) }
        #expect(output.hasSuffix("deep" + String(repeating: "</b></div>", count: 32)))
        let large = String(repeating: "<p>Absatz mit <a href=\"/x\">Link</a> &amp; Text.</p>", count: 20_000)
        let cleaned = sanitizer.sanitize(large, baseURL: Self.base).html
        #expect(cleaned.hasPrefix("<p>Absatz mit <a href=\"https://www.example.org/x\">Link</a> &amp; Text.</p>"))
        #expect(cleaned.utf8.count > large.utf8.count)
    }

    @Test func plainTextIsEscapedWithParagraphs() {
        #expect(SanitizedHTML(escapingPlainText: "a < b & c\nnext\n\nsecond").html == "<p>a &lt; b &amp; c<br />next</p><p>second</p>")
        #expect(SanitizedHTML(escapingPlainText: "one line").html == "one line")
        #expect(sanitizer.sanitize("<b>not markup</b>", type: .text).html == "&lt;b&gt;not markup&lt;/b&gt;")
    }

    @Test func theHTMLEventParserReportsBalancedEventsWithoutImpliedElements() throws {
        final class Recorder: HTMLEventHandler {
            var events: [String] = []
            func startElement(name: String, attributes: [HTMLEventParser.Attribute]) {
                events.append("<\(name)" + attributes.map { " \($0.name)=\($0.value ?? "∅")" }.joined() + ">")
            }
            func endElement(name: String) { events.append("</\(name)>") }
            func characters(_ utf8: UnsafeBufferPointer<UInt8>) {
                let text = String(decoding: utf8, as: UTF8.self)
                // libxml2 may deliver one text run in several calls.
                if let last = events.last, !last.hasPrefix("<") { events[events.count - 1] = last + text } else { events.append(text) }
            }
        }
        let recorder = Recorder()
        try HTMLEventParser.parse("Hi <B CLASS=x>there &amp; <br>you<video controls>", handler: recorder)
        #expect(recorder.events == ["Hi ", "<b class=x>", "there & ", "<br>", "</br>", "you", "<video controls=∅>", "</video>", "</b>"])
        let meta = Recorder()
        try HTMLEventParser.parse("<meta charset=\"iso-8859-1\">Grüße", handler: meta)
        #expect(meta.events.last == "Grüße")
        #expect(throws: XMLError.self) { try HTMLEventParser.parse([UInt8](repeating: 0x61, count: HTMLEventParser.maxInputSize + 1), handler: Recorder()) }
    }
}
