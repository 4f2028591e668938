// Stage 5: time expressions, absolute and relative, resolved against the publication date.

/// A time expression found in a sentence.
public struct TimeExpression: Sendable, Hashable {
    // Twenty bytes: a corpus holds hundreds of thousands of them.
    private var start32: Int32
    private var end32: Int32
    private var sentenceAndFlag: UInt32 // sentence << 1 | relative
    private var startDate: UInt32       // PartialDate.packed
    private var endDate: UInt32         // PartialDate.packed, 0: none

    /// UTF-8 byte range in the document's NFC text.
    public var range: Range<Int> {
        get { Int(start32)..<Int(end32) }
        set { start32 = Int32(newValue.lowerBound); end32 = Int32(newValue.upperBound) }
    }
    public var sentence: Int {
        get { Int(sentenceAndFlag >> 1) }
        set { sentenceAndFlag = UInt32(newValue) << 1 | (sentenceAndFlag & 1) }
    }
    public var start: PartialDate {
        get { PartialDate(packed: startDate)! }
        set { startDate = newValue.packed }
    }
    /// The last day or month of a range ("May 8-11" -> 05-11); nil for a single date.
    public var end: PartialDate? {
        get { endDate == 0 ? nil : PartialDate(packed: endDate) }
        set { endDate = newValue?.packed ?? 0 }
    }
    /// True when the expression needed the publication date ("on Sunday", "last December", "31/1").
    public var relative: Bool {
        get { sentenceAndFlag & 1 == 1 }
        set { sentenceAndFlag = sentenceAndFlag & ~1 | (newValue ? 1 : 0) }
    }
    public var granularity: Granularity { start.granularity }

    public init(range: Range<Int>, sentence: Int, start: PartialDate, end: PartialDate? = nil, relative: Bool) {
        start32 = Int32(range.lowerBound)
        end32 = Int32(range.upperBound)
        sentenceAndFlag = UInt32(sentence) << 1 | (relative ? 1 : 0)
        startDate = start.packed
        endDate = end?.packed ?? 0
    }
}

/// A time expression with its token span, as the tagger finds it.
struct TaggedTime {
    var tokens: Range<Int>
    var start: PartialDate
    var end: PartialDate?
    var relative: Bool
    /// A month or a day and month written without a year ("in October", "tháng 10", "12/9"): its year was
    /// guessed from the publication date, and a year written in the same sentence takes precedence.
    var yearless = false
    /// The rule that read it from the story's time rather than the publication (date.story-year,
    /// date.story-relative; NarrativeTime.swift), if any.
    var rule: Rule? = nil
    /// A yearless date that took the year written in its own sentence or its timeline's heading.
    var yearFromSentence = false
}

enum TimeTagger {
    static func k(_ s: String) -> UInt64 { Fold.lowerKey(s) }
    static let kIn = k("in"), kOn = k("on"), kOf = k("of"), kThe = k("the"), kThis = k("this"), kLast = k("last"),
               kNext = k("next"), kEarlier = k("earlier"), kLater = k("later"), kMonth = k("month"), kYear = k("year"),
               kWeek = k("week"), kBy = k("by"), kDuring = k("during"), kUntil = k("until"),
               kAnd = k("and"), kTo = k("to"), kComing = k("coming"), kDays = k("days"), kFew = k("few"),
               kNgay = k("ngày"), kThang = k("tháng"), kNam = k("năm"), kNay = k("nay"),
               kQua = k("qua"), kTruoc = k("trước"),
               kNgoai = k("ngoái"), kSau = k("sau"), kTu = k("từ"), kDen = k("đến"), kThu = k("thứ"),
               kChu = k("chủ"), kNhat = k("nhật"), kDash = k("-"), kEnDash = k("–"), kComma = k(","),
               kTuan = k("tuần"), kToiFuture = k("tới"), kA = k("a"), kAn = k("an"), kFrom = k("from"),
               kCung = k("cùng"), kDo = k("đó"), kAy = k("ấy"), kThat = k("that"), kSame = k("same"), kKhi = k("khi")

    /// Parses the digits of a number token: "31/1/1950" -> [31, 1, 1950] with separators.
    static func numberParts(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> (values: [Int], seps: [UInt8], suffix: Bool) {
        var values: [Int] = []
        var seps: [UInt8] = []
        var cur = -1
        var suffix = false
        for i in t.range {
            let c = b[i]
            if let d = digit(c) {
                cur = appending(d, to: cur)
            } else if isNumberSeparator(c) {
                if cur >= 0 { values.append(cur); cur = -1 }
                if suffix { break }
                seps.append(c)
            } else {
                suffix = true
            }
        }
        if cur >= 0 { values.append(cur) }
        return (values, seps, suffix)
    }

    /// The value of a number token of one part and no suffix ("1993", "12.", not "9th", "5/6", "04:30"): what
    /// `numberParts` gives when its `values` has one element and `suffix` is false, read without its two arrays
    /// (it is asked at nearly every number).
    static func singleNumber(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int? {
        var value = -1
        var cur = -1
        for i in t.range {
            let c = b[i]
            if let d = digit(c) {
                cur = appending(d, to: cur)
            } else if isNumberSeparator(c) {
                if cur >= 0 {
                    if value >= 0 { return nil }
                    value = cur; cur = -1
                }
            } else {
                return nil
            }
        }
        if cur >= 0 {
            if value >= 0 { return nil }
            value = cur
        }
        return value >= 0 ? value : nil
    }

    /// The value of a token of digits alone (as `numberParts` reads it, at most 1,000,000); nil for any other.
    @inline(__always)
    static func digitsValue(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int? {
        guard t.end > t.start else { return nil }
        var v = 0
        for i in t.range {
            guard let d = digit(b[i]) else { return nil }
            v = appending(d, to: v)
        }
        return v
    }

    /// A digit byte's value, nil for any other byte.
    @inline(__always)
    static func digit(_ c: UInt8) -> Int? { c >= 0x30 && c <= 0x39 ? Int(c - 0x30) : nil }

    /// "-", "/", ".", "," or ":" between the parts of a number ("31/1/1950", "04:30").
    @inline(__always)
    static func isNumberSeparator(_ c: UInt8) -> Bool { c == 0x2D || c == 0x2F || c == 0x2E || c == 0x2C || c == 0x3A }

    /// A part's value with digit `d` appended (a part not begun is -1), at most 1,000,000.
    @inline(__always)
    static func appending(_ d: Int, to part: Int) -> Int { min((part < 0 ? 0 : part) &* 10 &+ d, 1_000_000) }

    static func year(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int? {
        guard t.kind == .number, t.length == 4, let v = singleNumber(b, t), (1000...2100).contains(v) else { return nil }
        return v
    }

    static func day(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> (Int, Int?)? {
        guard t.kind == .number else { return nil }
        // Digits alone, as most numbers are: `numberParts` would give that one value, no separator, no suffix.
        if let v = digitsValue(b, t) { return (1...31).contains(v) ? (v, nil) : nil }
        let p = numberParts(b, t)
        if p.suffix {
            // "9th", "1st": an ordinal day.
            guard p.values.count == 1, t.length <= 4, (1...31).contains(p.values[0]) else { return nil }
            let last = b[Int(t.end) - 1] | 0x20
            return last == 0x68 || last == 0x74 || last == 0x64 ? (p.values[0], nil) : nil
        }
        if p.values.count == 1, (1...31).contains(p.values[0]) { return (p.values[0], nil) }
        if p.values.count == 2, p.seps == [0x2D], (1...31).contains(p.values[0]), (1...31).contains(p.values[1]),
           p.values[0] < p.values[1] { return (p.values[0], p.values[1]) }
        return nil
    }

    /// A future word ("will", "would") at most ten words before token `i`, in its clause: no punctuation between
    /// but a hyphen and the commas of a place set off after another ("would attend the summit in Hiroshima, Japan,
    /// from Friday"), and no verb of saying (", the ministry said on Tuesday" dates the saying). A clause on the
    /// place before it (", where the leaders open their summit on Friday", up to sixteen words) is read in the
    /// time of the clause it hangs on: the ten words are counted again from its comma.
    /// With `phrases`, a plan phrase said in the present counts as a future word (`presentPlanPhrase`).
    /// With `presentTrip`, a present-tense verb of the trip counts instead (`present-tense-words`: "flies to
    /// Shanghai on Saturday", "travels to Manila on Thursday").
    static func futureWordBefore(_ tokens: [Token], _ i: Int, _ range: Range<Int>, phrases: Bool = false, presentTrip: Bool = false,
                                 lexicon: Lexicon) -> Bool {
        var j = i - 1
        var words = 0
        while j >= range.lowerBound && words < 16 {
            let t = tokens[j]
            if t.kind == .punct && t.first != 0x2D {
                let afterName = t.first == 0x2C && j > range.lowerBound && tokens[j - 1].kind == .word && tokens[j - 1].capitalized
                let placeClause = t.first == 0x2C && j + 1 < i && lexicon.placeRelatives.contains(tokens[j + 1].lower)
                if placeClause { words = 0 } else if !afterName { return false }
            } else {
                words += 1
            }
            if lexicon.speechVerbs.match(tokens, at: j, end: i) > 0 { return false }
            let cue = presentTrip ? t.kind == .word && lexicon.presentTenseWords.contains(t.lower)
                : lexicon.plannedCues.contains(t.lower) || (phrases && presentPlanPhrase(tokens, at: j, end: i, lexicon: lexicon))
            if cue && words <= 10 { return true }
            j -= 1
        }
        return false
    }

    /// A weekday at token `i` or right after it ("on Friday" read from "on").
    static func namesWeekday(_ tokens: [Token], _ i: Int, _ end: Int, lexicon: Lexicon) -> Bool {
        (i..<min(end, i + 2)).contains { tokens[$0].kind == .word && tokens[$0].capitalized && lexicon.weekdays[tokens[$0].lower] != nil }
    }

    /// A plan phrase without a future verb said in the present tense of "be" ("is to", "are due to", "is expected
    /// to", "is set to"): it reads the dates after it forward as "will" does. Not one told in the past ("was to",
    /// "were expected to": a plan told from before, whose day may be past) nor one with no copula ("the club meant
    /// to", "he might skip"; rule date.plan-phrase-ahead).
    static func presentPlanPhrase(_ tokens: [Token], at j: Int, end: Int, lexicon: Lexicon) -> Bool {
        func presentCopula(_ k: Int) -> Bool {
            k >= 0 && tokens[k].kind == .word && lexicon.copulaWords.contains(tokens[k].lower) && !lexicon.pastTenseWords.contains(tokens[k].lower)
        }
        return (presentCopula(j) || presentCopula(j - 1)) && lexicon.plannedPhrases.match(tokens, at: j, end: end) > 0
    }

    /// Tags the time expressions in `tokens[range]`. `anchor` is the publication date.
    /// `story` gives the time the text told before the sentence, for "the next day" and, in a text that tells the
    /// past, the year of a yearless month (NarrativeTime.swift).
    static func tag(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ range: Range<Int>, anchor: PartialDate?,
                    future: Bool, scheduledPresent: Bool = false, previousYear: Int? = nil, monthToldBefore: PartialDate? = nil, paragraphMonth: PartialDate? = nil,
                    story: StoryContext = StoryContext(), lexicon: Lexicon = .bundled,
                    into out: inout [TaggedTime]) {
        var i = range.lowerBound
        let end = range.upperBound
        func lw(_ j: Int) -> UInt64 { j < end && j >= range.lowerBound ? tokens[j].lower : 0 }
        let first = out.count
        while i < end {
            let t = tokens[i]
            if t.kind != .punct, let ago = yearsAgo(b, tokens, i, range, reference: anchor, publication: story.publication, lexicon: lexicon) {
                out.append(ago)
                i = ago.tokens.upperBound
                continue
            }
            if t.kind == .word, t.length > 6, let part = hyphenedMonthPart(b, tokens, i, range, anchor: anchor,
                                                                           future: future && futureWordBefore(tokens, i, range, phrases: true, lexicon: lexicon),
                                                                           lexicon: lexicon) {
                out.append(part)
                i = part.tokens.upperBound
                continue
            }
            guard t.kind == .number || (t.kind == .word && lexicon.wordClasses.has(.timeStart, t)) else { i += 1; continue }
            // A date reads forward ("on Monday" = the next Monday) when a future word comes shortly before it
            // (looked for only at a token a time can start with: the look back is up to 16 tokens).
            let ahead = future && futureWordBefore(tokens, i, range, lexicon: lexicon)
            let aheadByPhrase = future && !ahead && futureWordBefore(tokens, i, range, phrases: true, lexicon: lexicon)
            // A weekday after a present-tense verb of the trip, in a sentence that is no headline, reads forward as
            // a schedule does (rule date.scheduled-present-ahead; status.planned.present-tense says it is planned).
            let aheadByPresent = scheduledPresent && !ahead && !aheadByPhrase && namesWeekday(tokens, i, end, lexicon: lexicon)
                && futureWordBefore(tokens, i, range, presentTrip: true, lexicon: lexicon)
            let toldInSentence = out.count > first ? out.last?.start : nil
            if let found = storyRelative(b, tokens, i, range, reference: { toldInSentence ?? story.reference(forUnitOf: $0) },
                                         lexicon: lexicon) {
                out.append(found)
                i = found.tokens.upperBound
                continue
            }
            if var found = match(b, tokens, i, end, anchor: anchor, future: ahead || aheadByPhrase || aheadByPresent, lexicon: lexicon, lw: lw) {
                if (aheadByPhrase || aheadByPresent) && found.relative, found.rule == nil,
                   match(b, tokens, i, end, anchor: anchor, future: false, lexicon: lexicon, lw: lw)?.start != found.start {
                    found.rule = aheadByPhrase ? .datePlanPhraseAhead : .dateScheduledPresentAhead
                }
                // "from 30/10 to 1/11/2022", "February 28 to March 5, 2017": one range, the year from its end.
                if out.count > first, let prev = out.last, prev.end == nil, found.start.granularity == prev.start.granularity,
                   found.tokens.lowerBound - prev.tokens.upperBound <= 2, found.tokens.lowerBound > prev.tokens.upperBound,
                   (prev.tokens.upperBound..<found.tokens.lowerBound).allSatisfy({ rangeWords.contains(tokens[$0].lower) }) {
                    var start = prev.start
                    if prev.relative, let m = start.month {
                        let y = m > (found.start.month ?? 12) ? found.start.year - 1 : found.start.year
                        start = PartialDate(year: y, month: m, day: start.day) ?? start
                    }
                    if start < found.start {
                        out[out.count - 1] = TaggedTime(tokens: prev.tokens.lowerBound..<found.tokens.upperBound, start: start,
                                                        end: found.end ?? found.start, relative: found.relative,
                                                        yearless: prev.yearless && found.yearless)
                        i = found.tokens.upperBound
                        continue
                    }
                }
                // "từ ngày 12 đến 17/9/1973", "from 3 to 5 March": a bare day before a range word starts the range.
                if found.end == nil, found.start.granularity == .day, let day = found.start.day {
                    var j = found.tokens.lowerBound - 1
                    var words = 0
                    while j > range.lowerBound && words < 2 && rangeWords.contains(tokens[j].lower) && tokens[j].lower != kNgay { j -= 1; words += 1 }
                    if words > 0, j >= range.lowerBound, tokens[j].kind == .number, let (d, dEnd) = self.day(b, tokens[j]), dEnd == nil, d < day,
                       out.last.map({ $0.tokens.upperBound <= j }) ?? true,
                       let start = PartialDate(year: found.start.year, month: found.start.month, day: d) {
                        var from = j
                        if from > range.lowerBound && tokens[from - 1].lower == kNgay { from -= 1 }
                        if from > range.lowerBound && (tokens[from - 1].lower == kTu || tokens[from - 1].lower == kFrom) { from -= 1 }
                        found = TaggedTime(tokens: from..<found.tokens.upperBound, start: start, end: found.start,
                                           relative: found.relative, yearless: found.yearless)
                    }
                }
                out.append(found)
                i = found.tokens.upperBound
                continue
            }
            if let told = toldInSentence, let found = ordinalDay(b, tokens, i, range, month: told, yearless: out.last?.yearless ?? false) {
                out.append(found)
                i = found.tokens.upperBound
                continue
            }
            i += 1
        }
        applySentenceYear(tokens, range, first: first, previousYear: previousYear, monthToldBefore: monthToldBefore,
                          paragraphMonth: story.toldInPast ? paragraphMonth : nil, publication: story.publication,
                          afterWords: lexicon.afterWords, into: &out)
        if story.yearFromStory, let year = story.lastTime?.year { applyStoryYear(year, to: &out, from: first, publication: story.publication) }
        if story.toldInPast, !story.yearFromStory, let reference = anchor {
            applyPastTense(reference, to: &out, from: first) { pastClause(tokens, range, around: $0, lexicon: lexicon) }
        }
    }

    /// A yearless date of a sentence told in the past that its year put after the reference date ("was in Beijing
    /// from Aug. 18 to 20" in a page of August 4) is the one of the year before: the latest such date not after the
    /// reference (rule date.past-tense-year, as HeidelTime resolves a past-tense clause's dates).
    static func applyPastTense(_ reference: PartialDate, to times: inout [TaggedTime], from first: Int,
                               inPastClause: (Range<Int>) -> Bool) {
        guard let rm = reference.month else { return }
        for x in first..<times.count where times[x].yearless && !times[x].yearFromSentence && times[x].rule == nil
            && inPastClause(times[x].tokens) {
            let s = times[x].start
            guard s.year == reference.year, let m = s.month else { continue }
            let after = m > rm || (m == rm && (s.day ?? 0) > (reference.day ?? 31))
            guard after, let earlier = PartialDate(year: s.year - 1, month: m, day: s.day) else { continue }
            times[x].start = earlier
            if let e = times[x].end { times[x].end = PartialDate(year: e.year - 1, month: e.month, day: e.day) }
            times[x].rule = .datePastTenseYear
        }
    }

    /// "on the 14th" after a time with a month in the same sentence ("Riyadh on the 13th, Doha on the 14th",
    /// "began in Cairo on July 24 and went on to Uganda on the 26th"): that day of the month told last. Not
    /// "the 13th century", "the 25th anniversary": a word follows those.
    static func ordinalDay(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ range: Range<Int>,
                           month told: PartialDate, yearless: Bool = false) -> TaggedTime? {
        guard i > range.lowerBound, tokens[i - 1].lower == kThe, numberParts(b, tokens[i]).suffix,
              let (day, dayEnd) = day(b, tokens[i]), dayEnd == nil, let month = told.month else { return nil }
        let next = i + 1
        guard next >= range.upperBound || tokens[next].kind == .punct || tokens[next].lower == kAnd || tokens[next].lower == kTo,
              let start = PartialDate(year: told.year, month: month, day: day) else { return nil }
        // Its year is the told month's, not one it writes: it follows that month's year where a rule moves it.
        return TaggedTime(tokens: (i - 1)..<(i + 1), start: start, end: nil, relative: false, yearless: yearless)
    }

    /// A month or day written without its year ("vào tháng 10", "in October", "12/9") takes the year written last
    /// before it in the same sentence ("Năm 1995, ... vào tháng 10"), or the only one after it; followed by
    /// "cùng năm", "năm đó", "that year" or "the same year", the year written last before it (in this sentence or
    /// an earlier one). Otherwise it keeps the year guessed from the publication date.
    static let nowWords = KeyTableSet(["vừa", "tới", "này", "qua", "nay", "sau", "trước"].map { Fold.lowerKey($0) })

    /// A time said from the reference date with its year in words ("July last year", "tháng 7 năm nay", "September 14
    /// last year", "đầu năm nay"): its year is as definite as a written one. `monthOrDay`: not a year alone ("his
    /// last year in office" is no time of the story).
    static func saysItsYear(_ t: TaggedTime, _ tokens: [Token], monthOrDay: Bool = false) -> Bool {
        t.relative && !t.yearless && t.rule == nil && (!monthOrDay || t.start.granularity >= .month)
            && t.tokens.contains { tokens[$0].lower == kYear || tokens[$0].lower == kNam }
    }

    static func applySentenceYear(_ tokens: [Token], _ range: Range<Int>, first: Int,
                                  previousYear: Int?, monthToldBefore: PartialDate? = nil, paragraphMonth: PartialDate? = nil,
                                  publication: PartialDate? = nil, afterWords: PhraseSet? = nil, into out: inout [TaggedTime]) {
        guard out.count > first, out[first...].contains(where: \.yearless) else { return }
        func lw(_ j: Int) -> UInt64 { j < range.upperBound && j >= range.lowerBound ? tokens[j].lower : 0 }
        for x in first..<out.count where out[x].yearless {
            let after = out[x].tokens.upperBound
            // "tháng 1 vừa qua", "tháng 3 tới", "tháng này": said from the publication date.
            if Self.nowWords.contains(lw(after)) { out[x].yearFromSentence = true; continue }
            let sameYear = (lw(after) == kCung && lw(after + 1) == kNam) || (lw(after) == kNam && (lw(after + 1) == kDo || lw(after + 1) == kAy))
                || ((lw(after) == kThat || lw(after) == kThe && lw(after + 1) == kSame) && (lw(after + 1) == kYear || lw(after + 2) == kYear))
                || (lw(after) == kOf && (lw(after + 1) == kThat || lw(after + 1) == kThe && lw(after + 2) == kSame))
            var year: Int?
            if sameYear {
                year = out[first..<x].last(where: { !$0.relative })?.start.year ?? previousYear
            } else {
                // The explicit year written last before it in the sentence ("Năm 1993, ... từ ngày 9-11/2");
                // with none before, the one after it when the sentence has only one.
                // A year said from the publication counts as written ("the tour of July last year ... on July 24").
                // A year in a clause of "since" ("the first since 1971") lends none (`inSinceClause`).
                let givesYear = { (t: TaggedTime) in (!t.relative && !t.yearless || saysItsYear(t, tokens)) && !inSinceClause(tokens, t, range) }
                year = out[first..<x].last(where: givesYear)?.start.year
                if year == nil {
                    let years = Set(out[first...].filter { !$0.relative && !$0.yearless && !inSinceClause(tokens, $0, range) }.map(\.start.year))
                    if years.count == 1 { year = years.first }
                    // "ngày 22-24/6, sau khi hai nước nâng cấp quan hệ vào tháng 12/2022", "on June 22, after the
                    // upgrade of December 2022": a date told after it in a clause of what came before is earlier
                    // (rule date.after-clause-year): the first such day and month on or after it.
                    if let y = year, let words = afterWords, let later = out[(x + 1)...].first(where: { !$0.relative && !$0.yearless }),
                       (out[x].tokens.upperBound..<later.tokens.lowerBound).contains(where: { words.match(tokens, at: $0, end: later.tokens.lowerBound) > 0 }),
                       let m = out[x].start.month, let lm = later.start.month,
                       m < lm || (m == lm && (out[x].start.day ?? 31) < (later.start.day ?? 1)) {
                        year = y + 1
                        out[x].rule = .dateAfterClauseYear
                    } else if year != nil, let later = out[(x + 1)...].first(where: { !$0.relative && !$0.yearless }),
                              breaksClause(tokens, out[x].tokens.upperBound..<later.tokens.lowerBound),
                              !(out[x].tokens.upperBound..<later.tokens.lowerBound).contains(where: { j in
                                  afterWords.map { $0.match(tokens, at: j, end: later.tokens.lowerBound) > 0 } ?? false }) {
                        // "sáng 30/9, ... lên đường thăm Mông Cổ, tiếp đó là Ireland - ... kể từ khi hai nước thiết lập
                        // quan hệ năm 1996": a year told after it past a comma, a dash or a bracket is another
                        // clause's, unless an "after" clause ties the two (above); the date keeps the year it is read
                        // with (rule date.own-clause).
                        year = nil
                    }
                }
                // "Four months later, on 9 November, he landed in Beijing": the year of a time read from the story's
                // time before it in the sentence (rule date.year-from-story).
                if year == nil, let told = out[first..<x].last(where: { $0.rule == .dateStoryRelative || $0.rule == .dateStoryMonth }) {
                    year = told.start.year
                    out[x].rule = .dateYearFromStory
                }
                // "In November of that year she spent five days in Paris, from 9 November": the year an earlier
                // yearless date of the sentence took from its context (rule date.year-in-sentence).
                if year == nil, let told = out[first..<x].last(where: { $0.yearless && $0.yearFromSentence }) {
                    year = told.start.year
                    out[x].rule = .dateYearInSentence
                }
                // "September 2024 took him to New York. On September 30 he left for …": the month the sentence
                // before told with its year (rule date.month-told-before).
                if year == nil, let told = monthToldBefore, told.month == out[x].start.month,
                   out[first...].allSatisfy({ !$0.relative || $0.yearless }) {
                    year = told.year
                    out[x].rule = .dateMonthToldBefore
                }
                // "Start with Johannesburg in August 2023. ... Xi arrived on 21 August", "In October 2023 he flew to
                // Bishkek. In December he toured the Gulf": in a sentence told in the past, a yearless date of that
                // month or a later one takes the year an earlier sentence of its paragraph wrote with its month, when no
                // time was told since (the caller's condition: "... last June ... In December" is not that year's).
                if year == nil, let told = paragraphMonth, let tm = told.month, let m = out[x].start.month, m >= tm,
                   told.year < (publication?.year ?? Int.max), out[first...].allSatisfy({ !$0.relative || $0.yearless || $0.rule != nil }) {
                    year = told.year
                    out[x].rule = .dateParagraphYear
                }
            }
            if year != nil { out[x].yearFromSentence = true }
            guard let y = year, y != out[x].start.year,
                  let s = PartialDate(year: y, month: out[x].start.month, day: out[x].start.day) else { continue }
            out[x].start = s
            if let e = out[x].end { out[x].end = PartialDate(year: y, month: e.month, day: e.day) }
        }
    }

    /// How many words before a time "since" or "kể từ" may open the clause that holds it.
    static let sinceReach = 10
    static let kSince = k("since"), kKe = k("kể")

    /// A time in a clause that "since" or "kể từ" opens, with no clause break between ("the first ... to visit Japan
    /// since 1971", "the first since Mike Pompeo went there in October 2018", "kể từ chuyến thăm năm 2007"): it
    /// names the earlier time the sentence measures from, so it lends its year to no yearless date of the sentence
    /// ("arrived in Tokyo on 12 March, the first ... since 1971" keeps the year read from the page).
    static func inSinceClause(_ tokens: [Token], _ t: TaggedTime, _ range: Range<Int>) -> Bool {
        var j = t.tokens.lowerBound - 1
        while j >= range.lowerBound && j >= t.tokens.lowerBound - sinceReach {
            if breaksClause(tokens, j..<(j + 1)) { return false }
            if tokens[j].lower == kSince { return true }
            if tokens[j].lower == kTu && j > range.lowerBound && tokens[j - 1].lower == kKe { return true }
            j -= 1
        }
        return false
    }

    /// Whether the tokens hold a comma, a semicolon, a colon, a bracket or a dash standing alone: the end of a clause.
    static func breaksClause(_ tokens: [Token], _ r: Range<Int>) -> Bool {
        r.contains { j in
            let t = tokens[j]
            guard t.kind == .punct else { return false }
            return [0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x2D].contains(t.first) || (t.first == 0xE2 && t.length == 3) // "–", "—"
        }
    }

    /// A year standing alone as a sentence, a timeline's heading ("1976", "1998:"): its year.
    static func headingYear(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 2, let y = year(b, tokens[r.lowerBound]) else { return nil }
        if r.count == 2 { guard tokens[r.lowerBound + 1].kind == .punct else { return nil } }
        return y
    }

    /// The yearless dates of a timeline item take the year of the heading above it ("1976" over "- 26 January:
    /// Pierre Trudeau arrives ..."), not the publication's.
    static func applyHeadingYear(_ y: Int, to times: inout [TaggedTime]) {
        for x in times.indices where times[x].yearless {
            guard let s = PartialDate(year: y, month: times[x].start.month, day: times[x].start.day) else { continue }
            times[x].yearFromSentence = true
            times[x].rule = nil
            times[x].start = s
            if let e = times[x].end { times[x].end = PartialDate(year: y, month: e.month, day: e.day) }
        }
    }

    /// The clause of the time at `span` (from the `;` or `:` before it to the one after it, within `range`) has a
    /// word of `past-tense-words` and none of `present-tense-words`: "Indonesia was represented by its vice
    /// president; Widodo hands over on Oct. 20" tells the date in the present.
    static func pastClause(_ tokens: [Token], _ range: Range<Int>, around span: Range<Int>, lexicon: Lexicon) -> Bool {
        func isBoundary(_ t: Token) -> Bool { t.kind == .punct && (t.first == 0x3B || t.first == 0x3A) }
        var s = span.lowerBound
        while s > range.lowerBound && !isBoundary(tokens[s - 1]) { s -= 1 }
        var e = span.upperBound
        while e < range.upperBound && !isBoundary(tokens[e]) { e += 1 }
        let clause = s..<e
        // "was to have taken place", "were to meet": a plan, not the past.
        return clause.contains { lexicon.pastTenseWords.contains(tokens[$0].lower) && !(clause.contains($0 + 1) && tokens[$0 + 1].lower == kTo) }
            && !clause.contains { lexicon.presentTenseWords.contains(tokens[$0].lower) }
    }

    static let rangeWords = KeyTableSet(["to", "until", "till", "through", "đến", "tới", "-", "–", "ngày"].map { Fold.lowerKey($0) })



    /// "31/1/1950", "19-20/6/2024", "28/2-5/3/2017", "31/1", "9/2018" (after "tháng"): day before month.
    static func slashDate(_ v: [Int], _ seps: [UInt8], _ i: Int, anchor: PartialDate?, future: Bool, afterThang: Bool) -> TaggedTime? {
        let start = afterThang ? i - 1 : i
        if afterThang && v.count == 2 && seps == [0x2F] {
            guard let s = PartialDate(year: v[1], month: v[0]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: nil, relative: false)
        }
        if seps == [0x2F, 0x2F] && v.count == 3 {
            guard let s = PartialDate(year: v[2], month: v[1], day: v[0]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: nil, relative: false)
        }
        if seps == [0x2D, 0x2F, 0x2F] && v.count == 4 {
            guard let s = PartialDate(year: v[3], month: v[2], day: v[0]),
                  let e = PartialDate(year: v[3], month: v[2], day: v[1]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: e, relative: false)
        }
        if seps == [0x2F, 0x2D, 0x2F, 0x2F] && v.count == 5 {
            // "28/2-5/3/2017": a span across two months; "30/12-2/1/2020" starts the year before.
            guard let e = PartialDate(year: v[4], month: v[3], day: v[2]),
                  let s = PartialDate(year: v[1] > v[3] ? v[4] - 1 : v[4], month: v[1], day: v[0]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: e, relative: false)
        }
        if seps == [0x2F] && v.count == 2 && (1...12).contains(v[0]) && (1000...2100).contains(v[1]) {
            // "(5/1994)": a month and a year.
            guard let s = PartialDate(year: v[1], month: v[0]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: nil, relative: false)
        }
        if seps == [0x2F] && v.count == 2, let y = resolveYear(month: v[1], day: v[0], anchor: anchor, future: future) {
            guard let s = PartialDate(year: y, month: v[1], day: v[0]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: nil, relative: true, yearless: true)
        }
        if seps == [0x2D, 0x2F] && v.count == 3, let y = resolveYear(month: v[2], day: v[0], anchor: anchor, future: future) {
            guard let s = PartialDate(year: y, month: v[2], day: v[0]),
                  let e = PartialDate(year: y, month: v[2], day: v[1]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: e, relative: true, yearless: true)
        }
        return nil
    }

    /// "tháng 6-2014" (after "tháng": a month and a year) and "2-11-2023" (a day, a month and a year): dates
    /// written with hyphens. Hyphenated pairs without "tháng" ("1954-1975", "5-7") stay spans.
    static func hyphenatedDate(_ v: [Int], _ seps: [UInt8], _ i: Int, afterThang: Bool) -> TaggedTime? {
        guard !seps.isEmpty, seps.allSatisfy({ $0 == 0x2D }), let year = v.last, (1000...2100).contains(year) else { return nil }
        if afterThang && v.count == 2, let s = PartialDate(year: year, month: v[0]) {
            return TaggedTime(tokens: (i - 1)..<(i + 1), start: s, end: nil, relative: false)
        }
        if v.count == 3, (1...31).contains(v[0]), let s = PartialDate(year: year, month: v[1], day: v[0]) {
            return TaggedTime(tokens: (afterThang ? i - 1 : i)..<(i + 1), start: s, end: nil, relative: false)
        }
        return nil
    }

    /// The year of a month (and day) given without one: the publication year, or the year before when the
    /// date would fall more than a month after publication in a past-tense context (and the year after in a
    /// future one when it would fall before).
    static func resolveYear(month: Int, day: Int?, anchor: PartialDate?, future: Bool) -> Int? {
        guard let a = anchor, let am = a.month else { return anchor?.year }
        if future { return month < am || (month == am && (day ?? 31) < (a.day ?? 1)) ? a.year + 1 : a.year }
        return month > am + 1 ? a.year - 1 : a.year
    }
}
