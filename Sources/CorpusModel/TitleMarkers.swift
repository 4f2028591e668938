// A headline's opening label is not part of its title: "Timeline: German leaders in Israel", "ANALYSIS: ...",
// "OPINION | ...", "From the archive, 26 October 1989: ...", "On this day: 15 September 1959 - ...",
// "50 years ago today: ...", "Ngày này năm xưa: 27/2/1959 – ...", "Bình luận: ...". The labels are the lexicon's
// `title-markers`; after one may come a date or a year ("in 1958") before the separator (":", "|" or a dash),
// and a date with a separator of its own may follow the first separator. The headline stays a sentence
// of the text; only the title the document is shown with leaves the label out.

enum TitleMarkers {
    /// The token the title proper starts at, in the headline `tokens[s..<e]`: `s` when it opens with no label.
    static func titleStart(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int, lexicon: Lexicon) -> Int {
        var k = s
        if k < e && tokens[k].kind == .number { k += 1 } // "50 years ago today"
        let marker = lexicon.titleMarkers.match(tokens, at: k, end: e)
        guard marker > 0, let afterMarker = separatorAfterDate(b, tokens, k + marker, e, lexicon: lexicon) else { return s }
        var start = afterMarker
        if let afterDate = separatorAfterDate(b, tokens, start, e, lexicon: lexicon, needsDate: true) { start = afterDate }
        return start < e ? start : s
    }

    /// The token after a separator that follows `k`, with only a date between ("," "in" numbers, month words);
    /// nil when something else comes first. With `needsDate`, the separator must follow a date, not `k` itself.
    static func separatorAfterDate(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ e: Int,
                                   lexicon: Lexicon, needsDate: Bool = false) -> Int? {
        var j = k
        var sawDate = false
        while j < e && j - k <= 6 {
            let t = tokens[j]
            if isSeparator(b, t) { return sawDate || !needsDate ? j + 1 : nil }
            if t.kind == .number || lexicon.months[t.lower] != nil { sawDate = true }
            else if !(t.kind == .punct && t.first == 0x2C) && t.lower != TimeTagger.kIn { return nil }
            j += 1
        }
        return nil
    }

    /// ":", "|" or a dash between a label and the title.
    static func isSeparator(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        t.kind == .punct && (t.first == 0x3A || t.first == 0x7C || MetadataReader.isDash(b, t))
    }
}
