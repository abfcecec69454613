/// Guesses the language of a text from its most common words and letters.
public enum LanguageDetector {
    /// A two-letter ISO 639-1 code (`de`, `en`, …), or `nil` when the text is too short or unclear.
    public static func detect(_ text: String) -> String? {
        // STUB: replaced by the full implementation.
        nil
    }
}
