import RundschauModel

/// Turns the namespaced extension fields into model values; the format adapters decide where in their
/// fallback chains these come.
enum ExtensionAdapter {
    /// Media RSS `media:content` as enclosures (`url`, `type`, `fileSize`).
    static func enclosures(_ fields: ExtensionFields, _ context: AdapterContext) -> [Enclosure] {
        if fields.media.contents.isEmpty { return [] }
        return fields.media.contents.compactMap { content in
            guard let url = context.resolve(content.url) else { return nil }
            return Enclosure(
                url: url, type: context.text.string(content.type), length: AdapterContext.length(context.text.string(content.fileSize)))
        }
    }

    /// A representative image: the first `media:thumbnail`, else `itunes:image`, else the first
    /// `media:content` that is an image.
    static func image(_ fields: ExtensionFields, _ context: AdapterContext) -> String? {
        for thumbnail in fields.media.thumbnails {
            if let resolved = context.resolve(thumbnail) { return resolved }
        }
        if let image = context.resolve(fields.itunes.image) { return image }
        let picture = fields.media.contents.first { content in
            context.text.string(content.medium)?.lowercased() == "image"
                || context.text.string(content.type)?.lowercased().hasPrefix("image/") == true
        }
        return context.resolve(picture?.url)
    }

    /// The first enclosure that is an image (`type="image/…"`): the last resort for an entry image.
    static func imageEnclosure(_ enclosures: [Enclosure]) -> String? {
        enclosures.first { $0.type?.lowercased().hasPrefix("image/") == true }?.url
    }

    /// `dc:subject` as categories (terms without scheme).
    static func categories(_ fields: ExtensionFields, _ context: AdapterContext) -> [RundschauModel.Category] {
        if fields.dc.subjects.isEmpty { return [] }
        return fields.dc.subjects.compactMap { subject in
            context.text.string(subject).nonEmpty.map { RundschauModel.Category(term: $0) }
        }
    }

    /// `atom:link` elements (inside RSS) as model links.
    static func links(_ fields: ExtensionFields, _ context: AdapterContext) -> [Link] {
        if fields.atomLinks.isEmpty { return [] }
        return fields.atomLinks.compactMap { AtomAdapter.modelLink($0, context) }
    }

    /// A summary from the extensions: `media:description`, else `itunes:summary`, else `itunes:subtitle`
    /// (both plain text), else `dc:description` (HTML).
    static func summary(_ fields: ExtensionFields, _ context: AdapterContext) -> LazyMarkup? {
        if let description = context.text.markup(fields.media.description) { return description }
        if let summary = context.text.markup(fields.itunes.summary, type: .text) { return summary }
        if let subtitle = context.text.markup(fields.itunes.subtitle, type: .text) { return subtitle }
        if let description = context.text.markup(fields.dc.description, type: .html) { return description }
        return nil
    }

    /// People from `dc:creator`, else `itunes:author`.
    static func authors(_ fields: ExtensionFields, _ context: AdapterContext) -> [Person] {
        let creators = context.people(fields.dc.creators)
        if !creators.isEmpty { return creators }
        return AdapterContext.people(context.text.string(fields.itunes.author).map { [$0] } ?? [])
    }
}
