import Testing
import RundschauText

@Suite struct HTMLEscapeTests {
    @Test func escapesMarkupCharacters() {
        #expect(HTMLText.escape(#"a < b & "c" > d"#) == "a &lt; b &amp; &quot;c&quot; &gt; d")
    }

    @Test func escapesMarkupCharactersCarryingCombiningMarks() {
        #expect(HTMLText.escape("&\u{301}<\u{308}") == "&amp;\u{301}&lt;\u{308}")
        #expect(HTMLText.escape("Straße – ohne Markup") == "Straße – ohne Markup")
    }
}
