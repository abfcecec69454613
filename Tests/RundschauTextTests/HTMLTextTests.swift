import Testing

@testable import RundschauText

@Suite("HTMLText.decodeEntities")
struct DecodeEntitiesTests {
    @Test(arguments: [
        ("Caf&eacute; &amp; Bar", "Café & Bar"),
        ("&Auml;rger &uuml;ber Stra&szlig;e", "Ärger über Straße"),
        ("a&nbsp;b", "a\u{00A0}b"),
        ("Warten&hellip; &mdash; und dann", "Warten… — und dann"),
        ("&bdquo;Zitat&ldquo;", "„Zitat“"),
        ("It&rsquo;s &lsquo;fine&rsquo;", "It’s ‘fine’"),
        ("5 &euro; &lt; 6 &gt; 4", "5 € < 6 > 4"),
        ("&quot;x&quot; &apos;y&apos;", "\"x\" 'y'"),
        ("&#233;&#xE9;&#XE9;&#x00e9;", "éééé"),
        ("&#8222;Zitat&#8220;", "„Zitat“"),
        ("&#233 und &#x41", "é und A"),
        ("&#128512;", "😀"),
        ("&#x1F600;", "😀"),
        ("&#0;", "\u{FFFD}"),
        ("&#xD800;", "\u{FFFD}"),
        ("&#x110000;", "\u{FFFD}"),
        ("&#99999999999999999999;", "\u{FFFD}"),
        ("&#150; &#146; &#128;", "– ’ €"),
        ("&#x81;", "\u{81}"),
        ("&unknown; stays", "&unknown; stays"),
        ("AT&T and a & b", "AT&T and a & b"),
        ("&amp", "&amp"),
        ("&eacute without semicolon", "&eacute without semicolon"),
        ("&#; &#x; &#xZ;", "&#; &#x; &#xZ;"),
        ("&", "&"),
        ("&&amp;;", "&&;"),
        ("&amp;lt;", "&lt;"),
        ("&EACUTE;", "&EACUTE;"),
        ("&Eacute;&eacute;", "Éé"),
        ("&CounterClockwiseContourIntegral;", "∳"),
        ("&nvlt;", "<\u{20D2}"),
        ("&NewLine;&Tab;", "\n\t"),
        ("no references at all", "no references at all"),
        ("", ""),
        ("Grüße &amp; Küsse", "Grüße & Küsse"),
    ])
    func decodes(_ input: String, _ expected: String) {
        #expect(HTMLText.decodeEntities(input) == expected)
    }

    @Test func everyHTML4EntityIsKnown() {
        #expect(html4Entities.count == 252)
        for (name, codePoint) in html4Entities {
            // HTML5 moved `lang` and `rang` from U+2329/U+232A to the mathematical angle brackets.
            let expected: UInt32 = name == "lang" ? 0x27E8 : name == "rang" ? 0x27E9 : codePoint
            let scalar = Unicode.Scalar(expected).map { String(Character($0)) }
            #expect(HTMLText.namedEntity(name) == scalar, "\(name)")
            #expect(HTMLText.decodeEntities("&\(name);") == scalar, "\(name)")
        }
    }

    @Test func fullHTML5TableIsLoaded() {
        #expect(HTMLEntities.table.count == 2125)
        #expect(HTMLText.namedEntity("apos") == "'")
        #expect(HTMLText.namedEntity("&eacute;") == "é")
        #expect(HTMLText.namedEntity("eacute;") == "é")
        #expect(HTMLText.namedEntity("NotANamedEntity") == nil)
        #expect(HTMLText.namedEntity("") == nil)
        #expect(HTMLText.namedEntity("fjlig") == "fj")
    }
}

@Suite("HTMLText.plainText")
struct PlainTextTests {
    @Test(arguments: [
        ("<b>Hello</b> <i>World</i>", "Hello World"),
        ("<p>First</p><p>Second</p>", "First Second"),
        ("Line<br>break<br/>and<BR />more", "Line break and more"),
        ("Hel<b>lo</b>", "Hello"),
        ("<div><h1>Title</h1><ul><li>a</li><li>b</li></ul></div>", "Title a b"),
        ("Text<script>alert('<b>x</b>')</script> after", "Text after"),
        ("<style type=\"text/css\">p { color: red }</style>Visible", "Visible"),
        ("<SCRIPT>var a = '</scr' + 'ipt>';</SCRIPT>Shown", "Shown"),
        ("<script/>Shown", "Shown"),
        ("A<!-- comment <b>hidden</b> -->B", "AB"),
        ("<![CDATA[Fish &amp; Chips]]> &amp; more", "Fish &amp; Chips & more"),
        ("<?xml version=\"1.0\"?><!DOCTYPE html>Doc", "Doc"),
        ("<a href=\"x.html?a=1&amp;b=2\" title=\"a > b\">Link</a>", "Link"),
        ("<img src='x.png' alt=\"A > B\">Caption", "Caption"),
        ("Caf&eacute; &amp; Bar", "Café & Bar"),
        ("&lt;b&gt;not a tag&lt;/b&gt;", "<b>not a tag</b>"),
        ("a < b and c > d", "a < b and c > d"),
        ("5 <3", "5 <3"),
        ("  lots \n\t of   white&nbsp;&nbsp;space  ", "lots of white space"),
        ("Tab\u{2009}thin\u{3000}ideographic", "Tab thin ideographic"),
        ("<td>1</td><td>2</td>", "1 2"),
        ("Unclosed <b tag", "Unclosed"),
        ("Stray </> end", "Stray end"),
        ("Grüße aus <em>Köln</em>", "Grüße aus Köln"),
        ("", ""),
        ("   ", ""),
        ("Plain title", "Plain title"),
        ("<p>Israels Verteidigungsminister zu NSO-Skandal</p>", "Israels Verteidigungsminister zu NSO-Skandal"),
        ("It&#8217;s <em>&quot;quoted&quot;</em>", "It’s \"quoted\""),
        ("x<span\nclass=\"a\"\n>y</span>", "xy"),
        ("<template><p>hidden</p></template>shown", "shown"),
    ])
    func strips(_ html: String, _ expected: String) {
        #expect(HTMLText.plainText(fromHTML: html) == expected)
    }
}

@Suite("HTMLText.escape and collapseWhitespace")
struct EscapeTests {
    @Test func escapesMarkupCharacters() {
        #expect(HTMLText.escape("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d &quot;e&quot; 'f'")
        #expect(HTMLText.escape("Grüße") == "Grüße")
        #expect(HTMLText.escape("") == "")
    }

    @Test func escapeThenDecodeRoundTrips() {
        let text = "Tom & Jerry <3 \"quotes\" — ü"
        #expect(HTMLText.decodeEntities(HTMLText.escape(text)) == text)
    }

    @Test func collapsesUnicodeWhitespace() {
        #expect(HTMLText.collapseWhitespace("  a\u{00A0}\u{00A0}b\r\n\tc\u{202F}d  ") == "a b c d")
        #expect(HTMLText.collapseWhitespace("\u{00A0}") == "")
        #expect(HTMLText.collapseWhitespace("ohne") == "ohne")
    }
}
