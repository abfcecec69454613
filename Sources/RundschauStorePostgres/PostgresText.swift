/// PostgreSQL `text` and `jsonb` cannot hold U+0000, which SQLite stores and which a hostile or broken feed can
/// carry (JSON Feed strings may contain `\u0000`). Rather than refusing a whole feed, the PostgreSQL backend drops
/// the character from the text it writes. Hashes are computed from the entry as given, so a re-fetch of the same
/// entry is still "unchanged". Lookups by a value (`feed(url:)`, topic slugs, canonical URLs) drop it too, so that
/// they find what was written.
extension String {
    /// The text without U+0000.
    var postgresSafe: String {
        guard utf8.contains(0) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "\u{0}" }))
    }
}

extension Optional<String> {
    /// The text without U+0000.
    var postgresSafe: String? { map(\.postgresSafe) }
}

extension PostgresJSON {
    /// Removes the `\u0000` escapes that `JSONEncoder` writes for U+0000 (which `jsonb` refuses), leaving every
    /// other escape, including an escaped backslash followed by `u0000`, as it is.
    static func withoutNULEscapes(_ json: String) -> String {
        guard json.contains("\\u0000") else { return json }
        var result = String.UnicodeScalarView()
        var scalars = json.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let next = scalars.first else {
                result.append(scalar)
                continue
            }
            if next == "u", String(String.UnicodeScalarView(scalars.prefix(5))) == "u0000" {
                scalars.removeFirst(5)
            } else {
                result.append(scalar)
                result.append(next)
                scalars.removeFirst()
            }
        }
        return String(result)
    }
}
