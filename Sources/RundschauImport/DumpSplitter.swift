/// Splits the classified lines of a dump into articles and teasers.
///
/// The shapes it expects, in any mix and order:
/// - a full article: `[kicker] [title] [teaser]`, optional captions, bylines and dates, then paragraphs of
///   running text (the first may open with a dateline); without header lines the title is derived later;
/// - a teaser: `[kicker] title [teaser]` closed by a byline and/or a date, or followed by the next teaser.
///
/// Header lines between paragraphs of an article stay in that article (short sentences, subheadings) unless
/// something marks a new one: a byline, date or caption, a dateline, a separator line, a wider blank-line
/// gap than the article's paragraphs have, or two or more heading-like lines (kicker and title).
struct DumpSplitter {
    private var items: [DumpItem] = []
    private var article: OpenArticle?
    private var group = HeaderGroup()

    /// The article being filled.
    private struct OpenArticle {
        var item: DumpItem
        /// The widest blank-line gap between its paragraphs so far.
        var paragraphGap = 0
        /// A byline or date followed its body: header lines after this start something new.
        var closed = false
    }

    /// Header lines and metadata collected since the last article paragraph.
    private struct HeaderGroup {
        var headers: [DumpLine] = []
        var authors: [String] = []
        var date: FoundDate?
        /// A caption came after header lines (a photo between title and body).
        var captionAfterHeaders = false
        /// A caption came before any header line (a photo between paragraphs, or above the next title).
        var captionBeforeHeaders = false
        /// A byline or date came after header lines: the next header line starts a new item.
        var metaClosed = false

        var hasMeta: Bool { date != nil || !authors.isEmpty }
        var isEmpty: Bool { headers.isEmpty && !hasMeta }
        var sawCaption: Bool { captionAfterHeaders || captionBeforeHeaders }
    }

    static func split(_ kinds: [LineKind]) -> [DumpItem] {
        var splitter = DumpSplitter()
        for kind in kinds { splitter.consume(kind) }
        splitter.finish()
        return convertShortArticles(splitter.items)
    }

    private mutating func consume(_ kind: LineKind) {
        switch kind {
        case .separator:
            flushGroup()
            finishArticle()
        case .caption:
            if group.headers.isEmpty { group.captionBeforeHeaders = true } else { group.captionAfterHeaders = true }
        case .meta(let authors, let date):
            consumeMeta(authors: authors, date: date)
        case .header(let line):
            if !group.headers.isEmpty && group.metaClosed {
                flushGroup()
            }
            group.headers.append(line)
        case .body(let body):
            consumeBody(body)
        }
    }

    private mutating func consumeMeta(authors: [String], date: FoundDate?) {
        if group.headers.isEmpty {
            // After an article's body and before anything else: the article's own byline or date.
            if group.isEmpty, !group.sawCaption, var open = article,
               (authors.isEmpty || open.item.authors.isEmpty), (date == nil || open.item.date == nil) {
                if !authors.isEmpty { open.item.authors = authors }
                if let date { open.item.date = date }
                open.closed = true
                article = open
                return
            }
            if !authors.isEmpty { group.authors = authors }
            if let date { group.date = date }
            return
        }
        let conflict = (date != nil && group.date != nil) || (!authors.isEmpty && !group.authors.isEmpty)
        if conflict {
            flushGroup()
            group.authors = authors
            group.date = date
            return
        }
        if !authors.isEmpty { group.authors = authors }
        if let date { group.date = date }
        group.metaClosed = true
    }

    private mutating func consumeBody(_ body: BodyLine) {
        // `take()` moves the article out, so that appending to its paragraphs does not copy them: a copy bound
        // while `article` still held the array made every append copy it (quadratic in paragraphs per article).
        if article.map({ continues($0, with: body) }) == true, var open = article.take() {
            for header in group.headers { open.item.paragraphs.append(header.text) }
            let gaps = (group.headers.map(\.blanksBefore) + [body.line.blanksBefore])
            open.paragraphGap = max(open.paragraphGap, gaps.max() ?? 0)
            open.item.paragraphs.append(body.text)
            article = open
            group = HeaderGroup()
            return
        }
        absorbTrailingSentences()
        if body.date != nil && group.date != nil {
            // The paragraph brings its own date: the header lines and date before it were a teaser.
            flushGroup()
        }
        finishArticle()
        var headers = HeaderRunSplitter.split(group.headers)
        var item = headers.popLast() ?? DumpItem()
        for teaser in headers where keep(teaser) { items.append(teaser) }
        item.authors = group.authors
        item.date = body.date ?? group.date
        item.dateline = body.dateline?.dateline
        item.paragraphs = [body.text]
        article = OpenArticle(item: item)
        group = HeaderGroup()
    }

    /// Whether `body`, with the header lines collected before it, continues the open article.
    private func continues(_ open: OpenArticle, with body: BodyLine) -> Bool {
        if body.dateline != nil || body.date != nil || group.hasMeta { return false }
        // A caption alone sits between paragraphs; with header lines it belongs to the next article.
        guard let first = group.headers.first else { return true }
        if open.closed || group.captionAfterHeaders { return false }
        if first.blanksBefore >= 2 && first.blanksBefore > max(open.paragraphGap, 1) { return false }
        if group.headers.count == 1 { return true }
        // Short sentences are not headings.
        return group.headers.contains { SentenceSplitter.endsSentence($0.text) && LineClassifier.endsWithPeriod($0.text) }
    }

    /// Emits the collected header lines as teasers (the metadata goes to the last one).
    private mutating func flushGroup() {
        defer { group = HeaderGroup() }
        absorbTrailingSentences()
        guard !group.headers.isEmpty else { return }
        finishArticle()
        var teasers = HeaderRunSplitter.split(group.headers)
        if var last = teasers.popLast() {
            last.authors = group.authors
            last.date = group.date
            teasers.append(last)
        }
        for teaser in teasers where keep(teaser) { items.append(teaser) }
    }

    /// Short sentences (lines ending in a period, too short to count as paragraphs) at the start of the
    /// group continue the open article: titles do not end in a period.
    private mutating func absorbTrailingSentences() {
        guard article?.closed == false, var open = article.take() else { return }
        let absorbed = group.headers.prefix { LineClassifier.endsWithPeriod($0.text) }
        open.item.paragraphs.append(contentsOf: absorbed.map(\.text))
        group.headers.removeFirst(absorbed.count)
        article = open
    }

    private mutating func finishArticle() {
        guard let open = article else { return }
        article = nil
        items.append(open.item)
    }

    /// In a dump that lists teasers, an "article" whose body is one short paragraph under its own title is a
    /// teaser whose text happens to end in a period. A single short article alone in its file stays an
    /// article.
    private static func convertShortArticles(_ items: [DumpItem]) -> [DumpItem] {
        func isShort(_ item: DumpItem) -> Bool {
            item.title != nil && item.teaser == nil && item.dateline == nil && item.paragraphs.count == 1
                && (item.paragraphs.first?.count ?? 0) <= maxTeaserLength
        }
        let teasers = items.filter { $0.paragraphs.isEmpty }.count
        let short = items.filter(isShort).count
        guard teasers > 0 || short >= 2 else { return items }
        return items.map { item in
            guard isShort(item) else { return item }
            var teaser = item
            teaser.teaser = item.paragraphs.first
            teaser.paragraphs = []
            return teaser
        }
    }

    /// The longest single paragraph that may be read as a teaser text.
    static let maxTeaserLength = 300

    private mutating func finish() {
        flushGroup()
        finishArticle()
    }

    /// A teaser needs more than a bare line: a kicker, a teaser text, a date or an author; and without a date
    /// or an author, a title of at least three words. Lone short lines (`Teilen`, `Drucken`,
    /// `Mehr zum Thema`) are page furniture.
    private func keep(_ item: DumpItem) -> Bool {
        guard let title = item.title, item.hasSubstance else { return false }
        if item.date != nil || !item.authors.isEmpty { return true }
        return title.split(separator: " ").count >= Self.minTeaserTitleWords
    }

    static let minTeaserTitleWords = 3
}
