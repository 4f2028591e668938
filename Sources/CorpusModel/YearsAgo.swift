// "Sixty years ago today", "fifty years ago this month", "Đúng 50 năm trước, ...", "Cách đây 60 năm, ...": a time
// counted back a number of years from the page's date (rule date.years-ago). Without it "today" is the page's own
// day, and an anniversary piece dates the visit it recalls to its publication.

extension TimeTagger {
    static let kCach = k("cách"), kDay = k("đây"), kNua = k("nữa"), kToday = k("today")

    /// Longest count of years read back ("125 years ago").
    static let mostYearsAgo = 999

    /// The time of "<count> years ago today | this week | this month" anywhere in the sentence, or of "<count> years
    /// ago", "<count> năm trước" and "cách đây <count> năm" heading it (after at most a `years-ago-openers` word:
    /// "Exactly", "Đúng"), at token `i` (the count): the publication date that many years back, to the day after
    /// "today", to the month after "this month", else to the year. A reference date within a year of it (a
    /// retrospective's own date) is kept as it is more precise. Not "tháng 5 năm trước" (May of last year), nor "hai
    /// năm trước đó", "hai năm trước khi ..." (two years before another event: date.story-relative), nor a count in
    /// the middle of a sentence without "today" ("a choice unthinkable eight years ago", "hơn 30 năm trước").
    static func yearsAgo(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ range: Range<Int>,
                         reference: PartialDate?, publication: PartialDate?, lexicon: Lexicon) -> TaggedTime? {
        let end = range.upperBound
        guard let reference, i + 1 < end, let years = countOfYears(b, tokens[i], lexicon: lexicon) else { return nil }
        if i > range.lowerBound, tokens[i - 1].lower == kThang || tokens[i - 1].lower == kNgay { return nil }
        var first = i, last = i + 1
        let n = lexicon.wordClasses.has(.yearsAgoStart, tokens[i + 1]) ? lexicon.yearsAgoWords.match(tokens, at: i + 1, end: end) : 0
        if n == 0, let unit = lexicon.agoUnits.match(tokens, at: i + 1, end: end) {
            return unitsAgo(years <= Self.mostUnitsAgo ? years : 0, unit, tokens, i, range, reference: reference)
        }
        if n > 0 {
            last = i + 1 + n
        } else if tokens[i + 1].lower == kNam, let opening = cachDayOpening(tokens, before: i, from: range.lowerBound, lexicon: lexicon) {
            first = opening; last = i + 2
        } else {
            return nil
        }
        if last < end, [kDo, kKhi, kNua].contains(tokens[last].lower) { return nil }
        let finalWord = tokens[last - 1].lower
        let granularity: Granularity = finalWord == kToday ? .day : finalWord == kMonth ? .month : .year
        guard finalWord == kToday || finalWord == kWeek || finalWord == kMonth || headsSentence(first, range, tokens, lexicon: lexicon)
        else { return nil }
        let now = publication ?? reference
        let date: PartialDate
        if reference.year < now.year, abs(reference.year - (now.year - years)) <= 1 {
            date = reference
        } else {
            guard let back = PartialDate(year: now.year - years, month: now.month, day: now.day)
                    ?? PartialDate(year: now.year - years, month: now.month) else { return nil }
            date = back
        }
        var time = TaggedTime(tokens: first..<last, start: date.truncated(to: min(granularity, date.granularity)), end: nil, relative: true)
        time.rule = .dateYearsAgo
        return time
    }

    /// Longest count of days, weeks or months read back ("eleven months ago").
    static let mostUnitsAgo = 24

    /// "three weeks ago", "bốn tháng trước": the reference date (the page's, or a reprinted report's own) that many
    /// units back, to the day for days, else to the month. Not "hai tuần trước đó", "ba tháng trước khi ..." (counted from another event).
    static func unitsAgo(_ count: Int, _ unit: (value: Int, length: Int), _ tokens: [Token], _ i: Int, _ range: Range<Int>,
                         reference: PartialDate) -> TaggedTime? {
        let last = i + 1 + unit.length
        guard count > 0, last > range.upperBound || last == range.upperBound || ![kDo, kKhi, kNua].contains(tokens[last].lower),
              reference.granularity == .day, let back = reference.adding(days: -count * unit.value) else { return nil }
        var time = TaggedTime(tokens: i..<last, start: back.truncated(to: unit.value == 1 ? .day : .month), end: nil, relative: true)
        time.rule = .dateYearsAgo
        return time
    }

    /// Whether the phrase starting at `first` opens the sentence, after at most one `years-ago-openers` word.
    static func headsSentence(_ first: Int, _ range: Range<Int>, _ tokens: [Token], lexicon: Lexicon) -> Bool {
        first == range.lowerBound || (first == range.lowerBound + 1 && lexicon.yearsAgoOpeners.contains(tokens[range.lowerBound].lower))
    }

    /// The number of years a token counts: a number of up to three digits or a `count-words` word.
    static func countOfYears(_ b: UnsafeBufferPointer<UInt8>, _ t: Token, lexicon: Lexicon) -> Int? {
        if t.kind == .number, t.length <= 3 {
            guard let v = singleNumber(b, t), (1...mostYearsAgo).contains(v) else { return nil }
            return v
        }
        return t.kind == .word && lexicon.wordClasses.has(.countWord, t) ? lexicon.countWords[t.lower] : nil
    }

    /// "cách đây", "cách đây đúng", "cách đây tròn" right before token `i`: the token "cách" starts at.
    static func cachDayOpening(_ tokens: [Token], before i: Int, from s: Int, lexicon: Lexicon) -> Int? {
        var j = i - 1
        if j >= s, lexicon.yearsAgoOpeners.contains(tokens[j].lower) { j -= 1 }
        guard j - 1 >= s, tokens[j].lower == kDay, tokens[j - 1].lower == kCach else { return nil }
        return j - 1
    }
}

extension TimeTagger {
    /// "in mid-June", "by early-March 2024", written as one hyphenated word: a part of the month (`month-part-words`)
    /// after "in", "by" or "during" (not "until mid-July": the end of a stay)
    /// dates like the month, as "in mid June" does (TimeGrammar's month without a day), its year the one after it or
    /// the reference date's.
    static func hyphenedMonthPart(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ range: Range<Int>,
                                  anchor: PartialDate?, future: Bool, lexicon: Lexicon) -> TaggedTime? {
        let t = tokens[i]
        guard t.kind == .word, i > range.lowerBound, [kIn, kBy, kDuring].contains(tokens[i - 1].lower),
              let anchor else { return nil }
        let bytes = Array(b[Int(t.start)..<Int(t.end)])
        guard let dash = bytes.firstIndex(of: 0x2D), dash > 0, dash + 1 < bytes.count,
              let head = String(bytes: bytes[..<dash], encoding: .utf8), let tail = String(bytes: bytes[(dash + 1)...], encoding: .utf8),
              lexicon.monthPartWords.contains(Fold.lowerKey(head)), let m = lexicon.months[Fold.lowerKey(tail)] else { return nil }
        if i + 1 < range.upperBound, let y = year(b, tokens[i + 1]), let s = PartialDate(year: y, month: m) {
            return TaggedTime(tokens: i..<(i + 2), start: s, end: nil, relative: false)
        }
        guard let y = resolveYear(month: m, day: nil, anchor: anchor, future: future), let s = PartialDate(year: y, month: m) else { return nil }
        return TaggedTime(tokens: i..<(i + 1), start: s, end: nil, relative: true, yearless: true)
    }
}
