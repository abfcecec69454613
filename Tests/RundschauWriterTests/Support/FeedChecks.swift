import Foundation

/// Offline stand-ins for the W3C Feed Validation Service's common errors, on a parsed Atom document.
/// Returns one message per problem; empty when none.
enum FeedChecks {
    static let atom = "http://www.w3.org/2005/Atom"

    static func problems(_ bytes: [UInt8], selfURL: String) -> [String] {
        let root: TestNode
        do { root = try TestNode.parse(bytes) } catch { return ["not well-formed: \(error)"] }
        var problems: [String] = []
        guard root.name == "feed", root.namespace == atom else { return ["root is not atom:feed"] }
        if let lang = root["xml:lang"], !isLanguageTag(lang) { problems.append("feed xml:lang '\(lang)' is not a language tag") }

        // Feed metadata: exactly one id, title, updated; an author; links.
        for name in ["id", "title", "updated"] where root.children(name).count != 1 {
            problems.append("feed must have exactly one \(name), has \(root.children(name).count)")
        }
        checkID(root.child("id")?.text, "feed", &problems)
        checkDate(root.child("updated")?.text, "feed updated", &problems)
        problems += linkProblems(root.children("link"), context: "feed")
        let selfLinks = root.children("link").filter { $0["rel"] == "self" }
        if selfLinks.count != 1 { problems.append("feed must have one self link, has \(selfLinks.count)") }
        if let href = selfLinks.first?["href"], href != selfURL { problems.append("self link \(href) does not match \(selfURL)") }
        let feedHasAuthor = !root.children("author").isEmpty
        for author in root.children("author") { problems += personProblems(author, "feed author") }

        var ids: Set<String> = []
        var previousUpdated: Date?
        for (index, entry) in root.children("entry").enumerated() {
            let context = "entry \(index + 1)"
            for name in ["id", "title", "updated"] where entry.children(name).count != 1 {
                problems.append("\(context) must have exactly one \(name)")
            }
            for name in ["published", "summary", "content", "source"] where entry.children(name).count > 1 {
                problems.append("\(context) has more than one \(name)")
            }
            let id = entry.child("id")?.text ?? ""
            checkID(id, context, &problems)
            if !ids.insert(id).inserted { problems.append("\(context): duplicate id \(id)") }
            checkDate(entry.child("updated")?.text, "\(context) updated", &problems)
            if let published = entry.child("published") { checkDate(published.text, "\(context) published", &problems) }
            if let lang = entry["xml:lang"], !isLanguageTag(lang) { problems.append("\(context): xml:lang '\(lang)'") }
            problems += linkProblems(entry.children("link"), context: context)
            let hasAlternate = entry.children("link").contains { ($0["rel"] ?? "alternate") == "alternate" }
            if !hasAlternate && entry.child("content") == nil { problems.append("\(context): no alternate link and no content") }
            let hasAuthor = !entry.children("author").isEmpty || !(entry.child("source")?.children("author").isEmpty ?? true)
            if !feedHasAuthor && !hasAuthor { problems.append("\(context): no author, and the feed has none") }
            for author in entry.children("author") { problems += personProblems(author, "\(context) author") }
            for category in entry.children("category") {
                if (category["term"] ?? "").isEmpty { problems.append("\(context): category without term") }
                if let scheme = category["scheme"], !isAbsoluteIRI(scheme) { problems.append("\(context): category scheme \(scheme)") }
            }
            for text in ["title", "summary", "content"] {
                if let node = entry.child(text), let type = node["type"], !["text", "html", "xhtml"].contains(type) {
                    problems.append("\(context): \(text) type \(type)")
                }
            }
            if let source = entry.child("source") {
                if let sourceID = source.child("id") { checkID(sourceID.text, "\(context) source", &problems) }
                if let updated = source.child("updated") { checkDate(updated.text, "\(context) source updated", &problems) }
                problems += linkProblems(source.children("link"), context: "\(context) source")
            }
            // The writer promises newest first.
            if let updated = entry.child("updated").flatMap({ parseDate($0.text) }) {
                if let previousUpdated, updated > previousUpdated { problems.append("\(context): entries not newest first") }
                previousUpdated = updated
            }
        }
        return problems
    }

    /// At most one `alternate` per type and hreflang; every href absolute; rel values known or IRIs.
    static func linkProblems(_ links: [TestNode], context: String) -> [String] {
        var problems: [String] = []
        var alternates: Set<String> = []
        for link in links {
            let href = link["href"] ?? ""
            if !isAbsoluteIRI(href) { problems.append("\(context): link href '\(href)' is not absolute") }
            let rel = link["rel"] ?? "alternate"
            if rel == "alternate" {
                let key = (link["type"] ?? "") + "|" + (link["hreflang"] ?? "")
                if !alternates.insert(key).inserted { problems.append("\(context): two alternate links with type+hreflang \(key)") }
            }
            let known: Set<String> = ["alternate", "related", "self", "enclosure", "via", "prev-archive", "next-archive", "current",
                                      "first", "last", "next", "previous", "hub", "license", "replies"]
            if !known.contains(rel) && !isAbsoluteIRI(rel) { problems.append("\(context): unknown rel \(rel)") }
            if let type = link["type"], !type.contains("/") { problems.append("\(context): link type \(type)") }
            if let lang = link["hreflang"], !isLanguageTag(lang) { problems.append("\(context): hreflang \(lang)") }
        }
        return problems
    }

    static func personProblems(_ person: TestNode, _ context: String) -> [String] {
        var problems: [String] = []
        if person.children("name").count != 1 || (person.child("name")?.text.isEmpty ?? true) { problems.append("\(context): needs one name") }
        if let email = person.child("email")?.text, email.range(of: #"^[^@\s]+@[^@\s]+$"#, options: .regularExpression) == nil {
            problems.append("\(context): email \(email)")
        }
        if let uri = person.child("uri")?.text, !isAbsoluteIRI(uri) { problems.append("\(context): uri \(uri)") }
        return problems
    }

    static func checkID(_ id: String?, _ context: String, _ problems: inout [String]) {
        guard let id, isAbsoluteIRI(id) else { problems.append("\(context): id '\(id ?? "")' is not an absolute IRI"); return }
        if id.hasPrefix("tag:"), id.range(of: #"^tag:[a-z0-9.-]+,[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?:[A-Za-z0-9._~!$&'()*+,;=:@/?%-]*$"#,
                                          options: .regularExpression) == nil {
            problems.append("\(context): '\(id)' is not a valid tag URI")
        }
    }

    /// RFC 3339 `date-time` (the W3C validator rejects anything else in Atom).
    static func checkDate(_ text: String?, _ context: String, _ problems: inout [String]) {
        guard let text, text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"#,
                                    options: .regularExpression) != nil, parseDate(text) != nil else {
            problems.append("\(context): '\(text ?? "")' is not an RFC 3339 date")
            return
        }
    }

    static func parseDate(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

    /// A scheme, then no whitespace or characters IRIs forbid.
    static func isAbsoluteIRI(_ value: String) -> Bool {
        guard value.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil else { return false }
        return !value.unicodeScalars.contains { $0.value <= 0x20 || "\"<>\\^`{|}".unicodeScalars.contains($0) }
    }

    static func isLanguageTag(_ value: String) -> Bool {
        value.range(of: #"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$"#, options: .regularExpression) != nil
    }
}
