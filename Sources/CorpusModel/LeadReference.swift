// Rule meta.lead-reference: a news report whose page gives no date (no header date, no dated dateline, no
// date in its URL or manifest) but whose lead opens with a full date ("Sáng 1/9/2025, tại ...", "La Habana
// (TTXVN) - Tối 28/3/2018 ...") is read from that date: a report of the day is written on the day it tells. A
// piece written after the fact (an archive text, a headline labelled "Analysis:" or naming an anniversary or
// "years ago", a text that names dates more than a year after its lead's) takes no such date.

enum LeadReference {
    /// Words of time the lead may hold before its date: "Sáng", "Rạng sáng", "On Monday", "Ngày".
    static let wordsBeforeDate = 3
    /// Words of the place of a dateline without a date ("La Habana (TTXVN) -").
    static let datelinePlaceWords = 6

    /// The full date the lead opens with, from token `lead` (the body's first), when the text reads as a report of
    /// the day; nil otherwise.
    static func date(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], lead: Int, headline: Range<Int>?,
                     lexicon: Lexicon) -> PartialDate? {
        guard let t = leadDay(b, tokens, lead: lead, headline: headline, anchor: nil, lexicon: lexicon),
              !t.relative, !t.yearless else { return nil }
        return namesLaterDates(b, tokens, after: t.start, lexicon: lexicon) ? nil : t.start
    }

    /// The day and month the lead opens with when it gives no year ("Hà Nội (TTXVN) - Sáng 18/8, ..."), read as
    /// `date` reads a full date; the year is left to rule meta.year-inference.
    static func yearlessDay(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], lead: Int, headline: Range<Int>?,
                            lexicon: Lexicon) -> DatelineDate? {
        // A stand-in reference only to read the day and month; the year it gives is not kept.
        guard let t = leadDay(b, tokens, lead: lead, headline: headline, anchor: PartialDate(year: 2000, month: 6, day: 15),
                              lexicon: lexicon),
              t.yearless, let month = t.start.month, let day = t.start.day else { return nil }
        return .dayMonth(month: month, day: day)
    }

    /// The first time of the lead (after a dateline without a date) when it is a day, preceded only by words of
    /// time ("Sáng", "Rạng sáng", "On Monday": `header-fillers` and weekdays), and the text is not written after
    /// the fact; nil otherwise.
    private static func leadDay(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], lead: Int, headline: Range<Int>?,
                                anchor: PartialDate?, lexicon: Lexicon) -> TaggedTime? {
        if let headline, writtenAfterTheFact(tokens, headline, lexicon: lexicon) { return nil }
        let end = MetadataReader.lineEnd(b, tokens, from: lead)
        let start = afterAttribution(tokens, afterDateline(b, tokens, lead, end), end, lexicon: lexicon)
        var times: [TaggedTime] = []
        TimeTagger.tag(b, tokens, start..<min(end, start + wordsBeforeDate + 8), anchor: anchor, future: false, lexicon: lexicon, into: &times)
        guard let t = times.first, t.start.granularity == .day, t.tokens.lowerBound - start <= wordsBeforeDate,
              (start..<t.tokens.lowerBound).allSatisfy({ isTimeWord(tokens[$0], lexicon: lexicon) }) else { return nil }
        return t
    }

    static func isTimeWord(_ t: Token, lexicon: Lexicon) -> Bool {
        t.kind == .word && (lexicon.headerFillers.contains(t.lower) || lexicon.weekdays[t.lower] != nil)
    }

    /// Words of an attribution ("Theo đặc phái viên TTXVN,", "According to our correspondent,") the lead may open with.
    static let attributionWords = 10

    /// The token after an attribution that opens the lead at `start`, up to its comma; `start` when there is none.
    static func afterAttribution(_ tokens: [Token], _ start: Int, _ end: Int, lexicon: Lexicon) -> Int {
        guard start < end, lexicon.attributionOpeners.match(tokens, at: start, end: end) > 0,
              let comma = (start..<min(end, start + attributionWords)).first(where: { tokens[$0].kind == .punct && tokens[$0].first == 0x2C })
        else { return start }
        return comma + 1
    }

    /// A headline that opens with an analysis label ("Analysis:", "Bình luận:") or names an anniversary or years
    /// gone by ("60th anniversary", "kỷ niệm", "50 years ago").
    static func writtenAfterTheFact(_ tokens: [Token], _ headline: Range<Int>, lexicon: Lexicon) -> Bool {
        if lexicon.analysisLabels.match(tokens, at: headline.lowerBound, end: headline.upperBound) > 0 { return true }
        return headline.contains { k in
            lexicon.anniversaryWords.contains(tokens[k].lower) || lexicon.yearsAgoWords.match(tokens, at: k, end: headline.upperBound) > 0
        }
    }

    /// The token after a dateline that gives no date ("La Habana (TTXVN) -", "HANOI -", "(TTXVN) -"): capitalised
    /// words, an agency in brackets, a dash. `start` itself when the lead has none.
    static func afterDateline(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ start: Int, _ end: Int) -> Int {
        var k = start
        while k < end && k - start < datelinePlaceWords && tokens[k].kind == .word && tokens[k].capitalized { k += 1 }
        guard k < end, k > start || tokens[k].first == 0x28 else { return start }
        if tokens[k].first == 0x28, let close = (k + 1..<min(end, k + 8)).first(where: { tokens[$0].first == 0x29 }) { k = close + 1 }
        return k < end && MetadataReader.isDash(b, tokens[k]) ? k + 1 : start
    }

    /// The text names a date, to the month or the day, more than a year after `date`: it looks back on the lead's day.
    static func namesLaterDates(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], after date: PartialDate, lexicon: Lexicon) -> Bool {
        guard let limit = date.adding(days: 366) else { return false }
        var times: [TaggedTime] = []
        TimeTagger.tag(b, tokens, 0..<tokens.count, anchor: nil, future: false, lexicon: lexicon, into: &times)
        return times.contains { !$0.relative && !$0.yearless && $0.start.granularity >= .month && $0.start > limit }
    }

    /// The date of a yearless dateline ("HANOI, Oct 19") in the year that puts it nearest the lead's date: the
    /// day the report was written.
    static func datelineDay(_ dateline: DatelineDate, near lead: PartialDate) -> PartialDate? {
        guard case .dayMonth(let month, let day) = dateline else { return nil }
        let candidates = (lead.year - 1...lead.year + 1).compactMap { PartialDate(year: $0, month: month, day: day) }
        let day0 = lead.dayRange.lowerBound
        return candidates.min { abs($0.dayRange.lowerBound - day0) < abs($1.dayRange.lowerBound - day0) }
    }
}

extension DatelineDate {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                             "November", "December"]

    /// "May 16": a day and month given without a year, for a note; nil for any other dateline date.
    var yearlessText: String? {
        guard case .dayMonth(let month, let day) = self, (1...12).contains(month) else { return nil }
        return "\(Self.monthNames[month - 1]) \(day)"
    }
}
