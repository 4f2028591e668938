// Rule meta.header-label: a line after the headline that gives a full date beside a label of a few words: a
// section ("Analysis | 7 March 2025", "Opinion | Published: 7 December 2020", "Bình luận - Đăng ngày
// 14/11/2024"), an outlet ("Tuổi Trẻ - 04/05/2025", "24/06/2019 | Nhân Dân điện tử"), a place ("Hà Nội, ngày
// 27 tháng 2 năm 2024", "Chủ nhật, 10/9/2023 - giờ Hà Nội") or a series ("From our archive series, June 23,
// 2023"). The date is the page's, read as any header date (`HeaderReader.read`); the label is not analysed as text.

enum HeaderLabel {
    /// The most words a label holds.
    static let maxWords = 5

    /// The end of a label starting at token `k`: a capitalised word and up to four more words, up to a separator,
    /// a comma or the line's end. Nil when it runs longer, or holds a number or other punctuation.
    static func end(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ e: Int, lexicon: Lexicon) -> Int? {
        guard k < e, tokens[k].kind == .word, tokens[k].capitalized else { return nil }
        var j = k
        while j < e, tokens[j].kind == .word {
            if j - k == maxWords || lexicon.months[tokens[j].lower] != nil { return nil }
            j += 1
        }
        // "Viet Tribune Paris (English edition)": words in brackets after the label are part of it.
        if j > k, j < e, tokens[j].first == 0x28, let close = (j + 1..<min(e, j + 5)).first(where: { tokens[$0].first == 0x29 }),
           close > j + 1, (j + 1..<close).allSatisfy({ tokens[$0].kind == .word }) {
            j = close + 1
        }
        guard j == e || HeaderReader.isSeparator(b, tokens[j]) || tokens[j].first == 0x2C else { return nil }
        return j
    }

    /// An archive or retrospective marker ending at `k` runs on into a word that is no header word: the marker
    /// is then part of a label ("From our archive series, …"), not a mark of an archive date.
    static func runsOn(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ e: Int, lexicon: Lexicon) -> Bool {
        guard k < e, tokens[k].kind == .word else { return false }
        let t = tokens[k]
        if lexicon.headerFillers.contains(t.lower) || lexicon.months[t.lower] != nil || lexicon.weekdays[t.lower] != nil { return false }
        return HeaderReader.marker(tokens, k, e, lexicon: lexicon) == nil
    }

    /// A labelled line is a header line when its date is to the day, the label opens or closes it, and it does not
    /// end as a sentence does (a full stop, a question or exclamation mark).
    static func accepts(_ line: HeaderLine, _ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int) -> Bool {
        guard let date = line.date, date.granularity == .day else { return false }
        guard line.segments.first?.label == true || line.segments.last?.label == true else { return false }
        let last = tokens[e - 1]
        return !(last.kind == .punct && (last.first == 0x2E || last.first == 0x3F || last.first == 0x21))
    }
}
