// What exports and plugins show of a mention: its sentence's text, and the visitor's name, the destination phrase
// and the date phrase as written, each with byte and character offsets into the document's text.

/// A piece of a document's text with its offsets, 0-based and end-exclusive: in UTF-8 bytes, and in characters
/// (Unicode scalar values, as Python's `str` and Lua's `utf8` library count them).
public struct MentionSpan: Sendable, Hashable {
    public var text: String
    public var bytes: Range<Int>
    public var characters: Range<Int>
}

/// A mention with its texts and offsets resolved against its document.
public struct MentionDetails: Sendable {
    public var mention: Mention
    /// The sentence's text.
    public var sentence: String
    public var visitor: MentionSpan?
    public var destination: MentionSpan?
    public var date: MentionSpan?
}

extension Corpus {
    /// The details of each mention, in the order given (each document's text is read once per run of mentions).
    public func details(of mentions: some Collection<Mention>) -> [MentionDetails] {
        var out: [MentionDetails] = []
        out.reserveCapacity(mentions.count)
        var run: [Mention] = []
        for m in mentions {
            if let last = run.last, last.document != m.document { out += details(inOneDocument: run); run = [] }
            run.append(m)
        }
        if !run.isEmpty { out += details(inOneDocument: run) }
        return out
    }

    private func details(inOneDocument mentions: [Mention]) -> [MentionDetails] {
        let document = documents[mentions[0].document]
        let text = document.text
        let spans = mentions.flatMap { [$0.visitorSpan, $0.destinationSpan, $0.dateSpan] }
        let present = spans.compactMap { $0 }
        let texts = document.slices(present + mentions.map { document.sentenceRange($0.sentence) })
        let characters = TextOffsets.characterOffsets(of: present.flatMap { [$0.lowerBound, $0.upperBound] }, in: text)
        var resolved: [MentionSpan?] = []
        var k = 0
        for span in spans {
            guard let span else { resolved.append(nil); continue }
            resolved.append(MentionSpan(text: texts[k], bytes: span, characters: characters[2 * k]..<characters[2 * k + 1]))
            k += 1
        }
        return mentions.enumerated().map { i, m in
            MentionDetails(mention: m, sentence: texts[present.count + i], visitor: resolved[3 * i],
                           destination: resolved[3 * i + 1], date: resolved[3 * i + 2])
        }
    }
}

public enum TextOffsets {
    /// The number of characters (Unicode scalar values) before each UTF-8 byte offset of `offsets` in `text`.
    public static func characterOffsets(of offsets: [Int], in text: String) -> [Int] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var result = [Int](repeating: 0, count: offsets.count)
        var text = text
        text.withUTF8 { bytes in
            var byte = 0, characters = 0
            for index in order {
                let target = min(offsets[index], bytes.count)
                while byte < target {
                    if bytes[byte] & 0xC0 != 0x80 { characters += 1 }
                    byte += 1
                }
                result[index] = characters
            }
        }
        return result
    }
}
