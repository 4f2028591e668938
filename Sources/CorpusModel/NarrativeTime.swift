// The story's time: what underspecified dates of a text that tells the past are read from. News copy reads
// "in May", "the visit" and "on Tuesday" from its publication date; a memoir, a profile, an obituary or an
// analysis recounting old visits reads a yearless month, "the next day" or "two days later" from the time it
// told last (the reference time of narrative documents in temporal taggers such as HeidelTime). Deictic words
// ("yesterday", "last month", "hôm qua") stay read from the publication (`StoryTime`, TimeExpressions.swift).

/// Whether a text tells the past: the first time it gives (after its header) is two years or more before its
/// publication, and so are most of its written years, against the words that say a day from the present
/// ("yesterday", "on Tuesday"). A year bounding a period ("since 1991") does not count (rule date.story-year).
enum NarrativeProfile {
    /// Years this far before the publication are the past a story tells, not the news.
    static let pastYears = 2

    static func tellsThePast(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], publication: PartialDate?,
                             lexicon: Lexicon) -> Bool {
        guard let publication else { return false }
        var past = 0, present = 0
        var firstIsPast: Bool?
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            var cue: Bool? // true: the past, false: the present
            var length = 1
            if t.kind == .number, let y = writtenYear(b, t), !TimeTagger.boundsPeriod(tokens, at: k, from: 0, lexicon: lexicon) {
                cue = y <= publication.year - pastYears ? true : y <= publication.year + 1 ? false : nil
            } else if t.kind != .punct, k + 1 < tokens.count, lexicon.wordClasses.has(.yearsAgoStart, tokens[k + 1]),
                      lexicon.yearsAgoWords.match(tokens, at: k + 1, end: tokens.count) > 0 {
                // "125 years ago today": the past, whatever "today" says.
                cue = true
                length = 1 + lexicon.yearsAgoWords.match(tokens, at: k + 1, end: tokens.count)
            } else if TimeTagger.saysThisPeriod(tokens, at: k) {
                cue = false
                length = 2
            } else if t.kind == .word, lexicon.wordClasses.has(.relativeDayStart, t),
                      let (_, n) = lexicon.relativeDays.match(tokens, at: k, end: tokens.count) {
                cue = false
                length = n
            } else if t.kind == .word, t.capitalized, lexicon.weekdays[t.lower] != nil {
                cue = false
            }
            if let cue {
                if cue { past += 1 } else { present += 1 }
                if firstIsPast == nil { firstIsPast = cue }
                // A text whose first cue is the present does not tell the past, whatever follows.
                if firstIsPast == false { return false }
            }
            k += length
        }
        return firstIsPast == true && past >= 2 && past >= 2 * present
    }

    /// The year a number token writes: "1965", or the last part of "27/2/1959", "11/1990".
    static func writtenYear(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int? {
        if let y = TimeTagger.year(b, t) { return y }
        // Digits alone are one part: no date with a slash.
        if TimeTagger.digitsValue(b, t) != nil { return nil }
        let p = TimeTagger.numberParts(b, t)
        guard !p.suffix, p.values.count >= 2, p.seps.allSatisfy({ $0 == 0x2F || $0 == 0x2D }), p.seps.contains(0x2F),
              let y = p.values.last, (1000...2100).contains(y) else { return nil }
        return y
    }
}

/// What a sentence's underspecified dates may be read from besides the reference date (`StoryTime`).
struct StoryContext {
    /// The time the text told last before the sentence: "the next day", "two days later" are read from it
    /// (rule date.story-relative).
    var lastTime: PartialDate?
    /// The text tells the past (`NarrativeProfile`).
    var tellsThePast = false
    /// The sentence speaks from the present ("will", "sắp"): its dates are the publication's.
    var saidFromNow = false
    /// The publication date: a yearless date on its very day ("On 15 November" in a page of 15 November) is that day.
    var publication: PartialDate? = nil
    /// The sentence tells the past ("was", "flew"; `past-tense-words`) and nothing in it speaks from now or plans:
    /// its yearless dates fall on or before the reference date (rule date.past-tense-year).
    var toldInPast = false
    /// `lastTime` was told in the sentence's own paragraph (news copy recalls an undated visit from it only).
    var lastTimeInParagraph = false

    /// A yearless month or day with no year in its sentence takes `lastTime`'s year (rule date.story-year).
    var yearFromStory: Bool { tellsThePast && !saidFromNow }

    /// News copy reads "the previous day" only from a time as precise as the unit it counts in ("on Tuesday"),
    /// not from a year a background sentence mentions; a text that tells the past reads it from any time.
    func reference(forUnitOf days: Int) -> PartialDate? {
        guard let lastTime, !tellsThePast else { return lastTime }
        let needed: Granularity = days >= 365 ? .year : days >= 30 ? .month : .day
        return lastTime.granularity >= needed ? lastTime : nil
    }
}

extension TimeTagger {
    /// A time read from the story's time `reference` (rule date.story-relative): "the next day", "hôm sau" (the
    /// lexicon's story-days); "[the] following month", "the previous year", "the same week" (a shift word before
    /// a unit); "two days later", "ba năm trước đó" (a number, a unit, a shift word). Nil when none starts at `i`
    /// or there is no reference. The result is no finer than the reference ("the next day" after "in May 1965" is
    /// May 1965).
    static func storyRelative(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ range: Range<Int>,
                              reference: (_ unitDays: Int) -> PartialDate?, lexicon: Lexicon) -> TaggedTime? {
        let end = range.upperBound
        func found(_ span: Range<Int>, count: Int, unit: Int) -> TaggedTime? {
            guard let from = reference(unit), let date = shift(from, by: count, unit: unit) else { return nil }
            return TaggedTime(tokens: span, start: date, end: nil, relative: true, yearless: false, rule: .dateStoryRelative)
        }
        if let month = storyMonth(b, tokens, i, range, reference: reference(365), lexicon: lexicon) { return month }
        if let then = storyThen(tokens, i, range, reference: reference(365), lexicon: lexicon) { return then }
        if let (days, n) = lexicon.storyDays.match(tokens, at: i, end: end) {
            return found(i..<(i + n), count: days, unit: 1)
        }
        // "the following month", "the same year": a shift word right before a unit, after a determiner.
        if let (sign, n) = lexicon.storyShiftWords.match(tokens, at: i, end: end), i + n < end,
           let unit = lexicon.timeUnits[tokens[i + n].lower], tokens[i + n].kind == .word,
           i > range.lowerBound, storyDeterminers.contains(tokens[i - 1].lower) {
            return found((i - 1)..<(i + n + 1), count: sign, unit: unit)
        }
        // "two days later", "a year earlier", "hai ngày sau đó", "ba năm trước đó"; "Hai năm sau, ..." with a
        // shift word of story-shift-before-comma.
        guard let count = storyCount(b, tokens, i, range, lexicon: lexicon), i + 2 < end,
              let unit = lexicon.timeUnits[tokens[i + 1].lower], tokens[i + 1].kind == .word else { return nil }
        if let (sign, n) = lexicon.storyShiftWords.match(tokens, at: i + 2, end: end), sign != 0 {
            return found(i..<(i + 2 + n), count: sign * count, unit: unit)
        }
        guard let (sign, n) = lexicon.storyShiftBeforeComma.match(tokens, at: i + 2, end: end), sign != 0,
              i + 2 + n < end, tokens[i + 2 + n].kind == .punct, tokens[i + 2 + n].first == 0x2C else { return nil }
        return found(i..<(i + 2 + n), count: sign * count, unit: unit)
    }

    /// "Khi đó, Nhà Trắng cử ...", "At the time, ...": a phrase of story-then-words heading the sentence before a
    /// comma is the time the story told last, as precise as it was told (rule date.story-then).
    static func storyThen(_ tokens: [Token], _ i: Int, _ range: Range<Int>, reference: PartialDate?, lexicon: Lexicon) -> TaggedTime? {
        guard i == range.lowerBound, let from = reference else { return nil }
        let n = lexicon.storyThenWords.match(tokens, at: i, end: range.upperBound)
        guard n > 0, i + n < range.upperBound, tokens[i + n].kind == .punct, tokens[i + n].first == 0x2C else { return nil }
        return TaggedTime(tokens: i..<(i + n), start: from, end: nil, relative: true, yearless: false, rule: .dateStoryThen)
    }

    /// "that September", "the previous September", "the following March" (rule date.story-month): a month named
    /// from the story's time `reference`, not from the publication. "that" keeps the reference's year; a shift word
    /// after "the" gives the nearest such month before ("previous", "earlier") or after ("following", "next") it.
    /// Not before a day or a year ("that May 9", "the following March 1999" are read as written).
    static func storyMonth(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ range: Range<Int>,
                           reference: PartialDate?, lexicon: Lexicon) -> TaggedTime? {
        let end = range.upperBound
        guard i > range.lowerBound else { return nil }
        var sign = 0, monthAt = i
        if tokens[i - 1].lower == kThat, lexicon.months[tokens[i].lower] != nil {
            sign = 0
        } else if tokens[i - 1].lower == kThe, let (shift, n) = lexicon.storyShiftWords.match(tokens, at: i, end: end), shift != 0, i + n < end {
            sign = shift
            monthAt = i + n
        } else {
            return nil
        }
        guard let month = lexicon.months[tokens[monthAt].lower], tokens[monthAt].kind == .word, tokens[monthAt].capitalized,
              monthAt + 1 >= end || tokens[monthAt + 1].kind != .number, let ref = reference else { return nil }
        let year: Int
        switch sign {
        case 0: year = ref.year
        case 1...: year = ref.month.map { month > $0 ? ref.year : ref.year + 1 } ?? ref.year + 1
        default: year = ref.month.map { month < $0 ? ref.year : ref.year - 1 } ?? ref.year - 1
        }
        guard let start = PartialDate(year: year, month: month) else { return nil }
        return TaggedTime(tokens: (i - 1)..<(monthAt + 1), start: start, end: nil, relative: true, yearless: false, rule: .dateStoryMonth)
    }

    /// A year right after "since", "từ" ("since 1991", "kể từ năm 1995"): it bounds a period, it is not a time the
    /// story is at.
    static func boundsPeriod(_ tokens: [Token], at k: Int, from start: Int, lexicon: Lexicon) -> Bool {
        var j = k - 1
        if j >= start && (tokens[j].lower == kNam || tokens[j].lower == kYear) { j -= 1 }
        return j >= start && (lexicon.sinceWords.contains(tokens[j].lower) || tokens[j].lower == kTu)
    }

    /// "this week", "last month", "next year": a period said from the present.
    static func saysThisPeriod(_ tokens: [Token], at k: Int) -> Bool {
        guard k + 1 < tokens.count else { return false }
        let w = tokens[k].lower, unit = tokens[k + 1].lower
        return (w == kThis || w == kLast || w == kNext) && (unit == kWeek || unit == kMonth || unit == kYear)
    }

    /// The words before a shift word and a unit that make them the story's ("the next day", "that same week").
    static let storyDeterminers = KeyTableSet([kThe, kThat])

    /// A count before a unit of time: a number word ("two", "hai") or a number of one or two digits, not the
    /// day or month of a date ("tháng 5 năm sau" is May next year, not five years later).
    static func storyCount(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ range: Range<Int>,
                           lexicon: Lexicon) -> Int? {
        let t = tokens[i]
        if i > range.lowerBound, tokens[i - 1].lower == kThang || tokens[i - 1].lower == kNgay { return nil }
        if t.kind == .word { return lexicon.countWords[t.lower] }
        guard t.kind == .number, t.length <= 2 else { return nil }
        guard let v = singleNumber(b, t), (1...99).contains(v) else { return nil }
        return v
    }

    /// `date` moved by `count` units of `unit` days (30: calendar months, 365: calendar years), no finer than
    /// `date` itself and than the unit.
    static func shift(_ date: PartialDate, by count: Int, unit: Int) -> PartialDate? {
        switch unit {
        case 365:
            return PartialDate(year: date.year + count)
        case 30:
            guard let m = date.month else { return PartialDate(year: date.year) }
            let months = date.year * 12 + (m - 1) + count
            return PartialDate(year: months / 12, month: months % 12 + 1)
        default:
            if date.day != nil { return date.adding(days: count * unit) }
            // "Tháng 11/2023 ... Chỉ ba tuần sau": days counted from a month count from its middle, and give a month.
            guard let m = date.month, let middle = PartialDate(year: date.year, month: m, day: 15),
                  let shifted = middle.adding(days: count * unit) else { return date }
            return shifted.truncated(to: .month)
        }
    }

    /// A yearless month or day with no year of its own sentence takes the story's year (rule date.story-year).
    static func applyStoryYear(_ year: Int, to times: inout [TaggedTime], from first: Int, publication: PartialDate?) {
        for x in first..<times.count where times[x].yearless && !times[x].yearFromSentence && times[x].start.year != year {
            if let p = publication, p.day != nil, times[x].start.month == p.month, times[x].start.day == p.day { continue }
            guard let s = PartialDate(year: year, month: times[x].start.month, day: times[x].start.day) else { continue }
            times[x].start = s
            if let e = times[x].end { times[x].end = PartialDate(year: year, month: e.month, day: e.day) }
            times[x].rule = .dateStoryYear
        }
    }
}
