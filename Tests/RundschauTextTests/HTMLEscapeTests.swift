import Testing
import RundschauText

@Suite struct HTMLEscapeTests {
    @Test func escapesMarkupCharacters() {
        #expect(HTMLText.escape(#"a < b & "c" > d"#) == "a &lt; b &amp; &quot;c&quot; &gt; d")
    }
}
