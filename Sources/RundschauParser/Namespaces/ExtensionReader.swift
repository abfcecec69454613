import RundschauModel
import RundschauXML

/// What a format handler does with an extension element.
enum ExtensionAction {
    /// Capture the element's text for `field`.
    case capture(ExtensionField, CaptureMode)
    /// The element's attributes were read; its children are extension elements of the same item
    /// (`media:group`, `media:content`): look at them as usual.
    case descend
    /// The element was read or is of no interest: skip its subtree.
    case skip
}

/// The streaming half of the extension modules, shared by the RSS, RDF and Atom handlers.
enum ExtensionReader {
    /// Reads the start of an extension element in a channel/item (or feed/entry) scope; attribute values it keeps
    /// go to `state`'s kept text (so call it outside a capture).
    static func start(
        _ namespace: XMLNamespace, _ localName: FeedName, _ attributes: XMLAttributeList, state: inout SAXState,
        into fields: inout ExtensionFields
    ) -> ExtensionAction {
        switch namespace {
        case .dc:
            switch localName {
            case .creator, .author: return .capture(.dcCreator, .text)  // `dc:author` is no DC term; feeds mean the creator
            case .date: return .capture(.dcDate, .text)
            case .subject: return .capture(.dcSubject, .text)
            case .language: return .capture(.dcLanguage, .text)
            case .rights: return .capture(.dcRights, .text)
            case .title: return .capture(.dcTitle, .text)
            case .description: return .capture(.dcDescription, .html)
            case .identifier: return .capture(.dcIdentifier, .text)
            default: return .skip
            }
        case .dcterms:
            switch localName {
            case .modified: return .capture(.dctermsModified, .text)
            case .created: return .capture(.dctermsCreated, .text)
            case .issued: return .capture(.dctermsIssued, .text)
            default: return .skip
            }
        case .content:
            return localName == .encoded ? .capture(.contentEncoded, .html) : .skip
        case .media:
            switch localName {
            case .group:
                return .descend
            case .content:
                if let url = state.nonEmptyValue(.url, in: attributes) {
                    fields.media.contents.append(MediaContent(
                        url: RawURL(url, base: state.baseIndex), type: state.nonEmptyValue(.type, in: attributes),
                        fileSize: state.value(.fileSize, in: attributes), medium: state.nonEmptyValue(.medium, in: attributes)))
                }
                return .descend
            case .thumbnail:
                if let url = state.nonEmptyValue(.url, in: attributes) {
                    fields.media.thumbnails.append(RawURL(url, base: state.baseIndex))
                }
                return .skip
            case .title:
                return fields.media.title == nil ? .capture(.mediaTitle, .text) : .skip
            case .description:
                guard fields.media.description == nil else { return .skip }
                let html = attributes.value(.type)?.trimmed.lowercased() == "html"
                return .capture(html ? .mediaDescriptionHTML : .mediaDescriptionPlain, html ? .html : .text)
            default:
                return .skip
            }
        case .itunes:
            switch localName {
            case .author: return .capture(.itunesAuthor, .text)
            case .title: return .capture(.itunesTitle, .text)
            case .summary: return .capture(.itunesSummary, .text)
            case .subtitle: return .capture(.itunesSubtitle, .text)
            case .duration: return .capture(.itunesDuration, .text)
            case .owner: return .descend
            case .name: return .capture(.itunesOwnerName, .text)
            case .email: return .capture(.itunesOwnerEmail, .text)
            case .image:
                if fields.itunes.image == nil, let href = state.nonEmptyValue(.href, in: attributes) {
                    fields.itunes.image = RawURL(href, base: state.baseIndex)
                }
                return .skip
            default:
                return .skip
            }
        case .sy:
            switch localName {
            case .updatePeriod: return .capture(.syUpdatePeriod, .text)
            case .updateFrequency: return .capture(.syUpdateFrequency, .text)
            default: return .skip
            }
        case .atom10:
            switch localName {
            case .link:
                if let link = AtomLink(attributes, state: &state) { fields.atomLinks.append(link) }
                return .skip
            case .updated: return .capture(.atomUpdated, .text)
            case .published: return .capture(.atomPublished, .text)
            default: return .skip
            }
        default:
            return .skip
        }
    }

    /// Stores the captured text of an extension element.
    static func assign(_ field: ExtensionField, _ value: RawString, into fields: inout ExtensionFields) {
        switch field {
        case .dcCreator: fields.dc.creators.append(value)
        case .dcDate: fields.dc.dates.append(value)
        case .dcSubject: fields.dc.subjects.append(value)
        case .dcLanguage: fields.dc.language = fields.dc.language ?? value
        case .dcRights: fields.dc.rights = fields.dc.rights ?? value
        case .dcTitle: fields.dc.title = fields.dc.title ?? value
        case .dcDescription: fields.dc.description = fields.dc.description ?? value
        case .dcIdentifier: fields.dc.identifier = fields.dc.identifier ?? value
        case .dctermsModified: fields.dc.modified = fields.dc.modified ?? value
        case .dctermsCreated: fields.dc.created = fields.dc.created ?? value
        case .dctermsIssued: fields.dc.issued = fields.dc.issued ?? value
        case .contentEncoded: fields.contentEncoded = fields.contentEncoded ?? value
        case .mediaTitle: fields.media.title = fields.media.title ?? value
        case .mediaDescriptionPlain: fields.media.description = fields.media.description ?? RawTextRef(value, type: .text)
        case .mediaDescriptionHTML: fields.media.description = fields.media.description ?? RawTextRef(value, type: .html)
        case .itunesAuthor: fields.itunes.author = fields.itunes.author ?? value
        case .itunesSummary: fields.itunes.summary = fields.itunes.summary ?? value
        case .itunesSubtitle: fields.itunes.subtitle = fields.itunes.subtitle ?? value
        case .itunesTitle: fields.itunes.title = fields.itunes.title ?? value
        case .itunesDuration: fields.itunes.duration = fields.itunes.duration ?? value
        case .itunesOwnerName: fields.itunes.ownerName = fields.itunes.ownerName ?? value
        case .itunesOwnerEmail: fields.itunes.ownerEmail = fields.itunes.ownerEmail ?? value
        case .syUpdatePeriod: fields.sy.updatePeriod = value
        case .syUpdateFrequency: fields.sy.updateFrequency = value
        case .atomUpdated: fields.atomUpdated = fields.atomUpdated ?? value
        case .atomPublished: fields.atomPublished = fields.atomPublished ?? value
        }
    }
}
