// Evidence: the visits or events behind a table row or a chart bar, each with the sentences that report
// it. A report keeps every item once (`Report.evidence`); rows and bars name theirs by id, so the JSON
// carries ids where the counts are and the items beside them.

/// A span of a sentence to highlight (a name), as UTF-8 byte offsets into the sentence's text.
public struct TextSpan: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// A sentence that reports an item: its text, the article it comes from, and the names in it.
public struct EvidenceSentence: Sendable, Equatable, Codable {
    public var text: String
    /// The article: its title, or its file when it has none.
    public var source: String
    public var url: String?
    /// The names in the sentence, in order, not overlapping.
    public var highlights: [TextSpan]

    public init(text: String, source: String, url: String? = nil, highlights: [TextSpan] = []) {
        self.text = text
        self.source = source
        self.url = url
        self.highlights = highlights
    }

    /// The text cut into runs, each marked when it is a highlighted name (spans out of range or cutting
    /// a character are ignored).
    public var runs: [(text: String, highlighted: Bool)] {
        let bytes = Array(text.utf8)
        var out: [(String, Bool)] = []
        var position = 0
        func isBoundary(_ offset: Int) -> Bool { offset == bytes.count || (bytes[offset] & 0xC0) != 0x80 }
        for span in highlights.sorted(by: { $0.start < $1.start }) {
            guard span.start >= position, span.end > span.start, span.end <= bytes.count,
                  isBoundary(span.start), isBoundary(span.end) else { continue }
            if span.start > position { out.append((String(decoding: bytes[position..<span.start], as: UTF8.self), false)) }
            out.append((String(decoding: bytes[span.start..<span.end], as: UTF8.self), true))
            position = span.end
        }
        if position < bytes.count { out.append((String(decoding: bytes[position...], as: UTF8.self), false)) }
        return out
    }
}

/// A visit or event behind a figure, with the sentences that report it.
public struct EvidenceItem: Sendable, Equatable, Codable {
    /// Stable within the report: "visit-12", "event-40".
    public var id: String
    /// A one-line summary ("Tô Lâm → PRK, 2025-10-09, state, occurred").
    public var label: String
    public var sentences: [EvidenceSentence]

    public init(id: String, label: String, sentences: [EvidenceSentence]) {
        self.id = id
        self.label = label
        self.sentences = sentences
    }
}

/// How much evidence a row or a bar carries: at most `itemsPerFigure` items with their sentences (a
/// decade row of a large corpus stands for thousands of visits; a page listing them all is unreadable and
/// slow to build). The figure then records how many items it stands for in all, and the renderers say
/// "25 of 12,345 source items shown".
public enum EvidenceCap {
    public static let itemsPerFigure = 25
}

/// "N source items", or "N of T source items shown" when the figure stands for more than it shows.
func evidenceCount(shown: Int, total: Int) -> String {
    let noun = total == 1 ? "source item" : "source items"
    guard total > shown else { return "\(shown) \(noun)" }
    return "\(grouped(shown)) of \(grouped(total)) \(noun) shown"
}

/// An integer with a comma every three digits ("12,345").
private func grouped(_ value: Int) -> String {
    var digits = String(value.magnitude)
    var out = ""
    while digits.count > 3 {
        out = "," + digits.suffix(3) + out
        digits.removeLast(3)
    }
    return (value < 0 ? "-" : "") + digits + out
}

extension Report {
    /// The evidence items by id.
    public var evidenceByID: [String: EvidenceItem] {
        Dictionary((evidence ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
