/// Dublin Core elements 1.1 (`http://purl.org/dc/elements/1.1/`) and the DCMI terms feeds use
/// (`http://purl.org/dc/terms/`), as they appear in a channel or an item.
struct DublinCore: Sendable {
    /// `dc:creator`, DCMI §3.1 "An entity primarily responsible for making the resource." Repeatable. The
    /// non-standard `dc:author` is read here too.
    var creators: [RawString] = []
    /// `dc:date` (W3CDTF in RSS 1.0 practice). Repeatable; the first readable one counts.
    var dates: [RawString] = []
    /// `dc:subject`, "The topic of the resource." Repeatable.
    var subjects: [RawString] = []
    /// `dc:language` (RFC 5646 tag).
    var language: RawString?
    /// `dc:rights`.
    var rights: RawString?
    /// `dc:title`.
    var title: RawString?
    /// `dc:description`.
    var description: RawString?
    /// `dc:identifier`.
    var identifier: RawString?
    /// `dcterms:modified`.
    var modified: RawString?
    /// `dcterms:created`.
    var created: RawString?
    /// `dcterms:issued`.
    var issued: RawString?
}
