/// Dublin Core elements 1.1 (`http://purl.org/dc/elements/1.1/`) and the DCMI terms feeds use
/// (`http://purl.org/dc/terms/`), as they appear in a channel or an item.
struct DublinCore: Sendable {
    /// `dc:creator`, DCMI §3.1 "An entity primarily responsible for making the resource." Repeatable.
    var creators: [String] = []
    /// `dc:date` (W3CDTF in RSS 1.0 practice). Repeatable; the first readable one counts.
    var dates: [String] = []
    /// `dc:subject`, "The topic of the resource." Repeatable.
    var subjects: [String] = []
    /// `dc:language` (RFC 5646 tag).
    var language: String?
    /// `dc:rights`.
    var rights: String?
    /// `dc:title`.
    var title: String?
    /// `dc:description`.
    var description: String?
    /// `dc:identifier`.
    var identifier: String?
    /// `dcterms:modified`.
    var modified: String?
    /// `dcterms:created`.
    var created: String?
    /// `dcterms:issued`.
    var issued: String?
}
