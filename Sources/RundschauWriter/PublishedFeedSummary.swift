import Foundation

/// What the OPML list and the index page show of a published feed.
struct PublishedFeedSummary {
    var slug: String
    var title: String
    var subtitle: String?
    var language: String?
    var category: String?
    var terms: [String]
    var isDiscovered: Bool
    var entryCount: Int
    var updated: Date?
    var archivePages: Int
}
