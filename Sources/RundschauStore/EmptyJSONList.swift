/// Most of an article's list columns (links, authors, categories, enclosures) hold `[]`: both stores read those
/// without a JSON decoder, four times per article a window's read would otherwise decode.
public enum EmptyJSONList {
    /// The empty value of `T` when `text` is `[]` and `T` is an array type, else nil.
    public static func value<T>(of text: String, as _: T.Type) -> T? {
        guard text.utf8.count == 2, text == "[]" else { return nil }
        return (T.self as? any EmptyArray.Type)?.empty as? T
    }
}

private protocol EmptyArray { static var empty: Self { get } }

extension Array: EmptyArray { fileprivate static var empty: Self { [] } }
