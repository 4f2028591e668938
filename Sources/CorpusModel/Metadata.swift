import Foundation

// Stage 2: document metadata from the text: title, header lines and dateline (HeaderLines.swift), dateline
// place, source tag, language (LanguageID.swift) and an archive text's anchor date. The manifest (CorpusManifest.swift) adds to and overrides these.

/// Metadata read from the text, with the token ranges that are header or trailer and not article text.
struct TextMetadata {
    var title: String?
    var date: PartialDate?
    var place: String?
    var source: String?
    var language: Language = .english
    /// What language identification found (nil: no line told its language).
    var languageGuess: LanguageGuess?
    /// What an archive text says of the time of the story it tells (`HeaderReader.archiveClue`).
    var archive: ArchiveClue?
    /// A header dateline's day and month when it gives no year ("NAIROBI, July 25 (Reuters) -").
    var datelineDay: DatelineDate?
    /// In an archive text, where the reprinted report starts under its own dateline ("HELSINKI, 25 October"):
    /// the byte of its first word and the dateline's date.
    var reprint: (startByte: Int, date: DatelineDate)?
    /// A news report's lead opens with this full date, and nothing else dates the text (rule meta.lead-reference).
    var leadDate: PartialDate?
    /// The lead opens with this day and month without a year, and nothing else dates the text (its year is left to
    /// rule meta.year-inference).
    var leadDay: DatelineDate?
    /// The title is the opening words of the body: the text has no headline.
    var titleFromBody = false
    /// Tokens to drop from sentence analysis (date lines, header lines, source tags).
    var skipped: [Range<Int>] = []
    /// Token index where the title line ends (the title is not analysed as a sentence of the body).
    var titleTokens: Range<Int>?
}

enum MetadataReader {
    static let kDate = Fold.lowerKey("date"), kSource = Fold.lowerKey("source"), kNguon = Fold.lowerKey("nguồn"),
               kNgay = Fold.lowerKey("ngày")
    /// Lines read for a header: a headline, date lines, bylines and datelines come within these.
    static let headerLines = 6

    static func isDash(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .punct else { return false }
        if t.first == 0x2D { return true }
        return t.first == 0xE2 && t.length == 3 && b[Int(t.start) + 1] == 0x80 && (b[Int(t.start) + 2] == 0x94 || b[Int(t.start) + 2] == 0x93)
    }

    static func isAllCaps(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .word, t.capitalized else { return false }
        for i in t.range where b[i] >= 0x61 && b[i] <= 0x7A { return false }
        return true
    }

    static func read(_ b: UnsafeBufferPointer<UInt8>, tokens: [Token], text: String,
                     languages: LanguageProfiles = LanguageProfiles.standard.profiles, lexicon: Lexicon = .bundled) -> TextMetadata {
        var m = TextMetadata()
        guard !tokens.isEmpty else { return m }
        m.languageGuess = languages.identify(b, tokens: tokens)
        if let g = m.languageGuess { m.language = languages.languages[g.language].language }
        readHeader(b, tokens, lexicon: lexicon, into: &m)
        readTrailer(b, tokens, into: &m)
        let body = tokens.indices.first { i in !m.skipped.contains { $0.contains(i) } && !(m.titleTokens?.contains(i) ?? false) }
        if let first = body {
            let le = lineEnd(b, tokens, from: first)
            m.archive = ArchiveClue.stronger(m.archive, HeaderReader.archiveClue(b, tokens, first, le, headline: false, lexicon: lexicon))
            if m.archive != nil { readArchiveBody(b, tokens, from: first, lexicon: lexicon, into: &m) }
            if m.date == nil && m.archive == nil {
                m.leadDate = LeadReference.date(b, tokens, lead: first, headline: m.titleTokens, lexicon: lexicon)
                if m.leadDate == nil && m.datelineDay == nil {
                    m.leadDay = LeadReference.yearlessDay(b, tokens, lead: first, headline: m.titleTokens, lexicon: lexicon)
                }
            }
            if m.title == nil {
                // No headline: the opening words of the first sentence, after its label ("Caption:", "Ảnh:").
                let start = TitleMarkers.titleStart(b, tokens, first, le, lexicon: lexicon)
                var e = start
                var count = 0
                while e < le && count < 14 && !(tokens[e].kind == .punct && tokens[e].first == 0x2E) { e += 1; count += 1 }
                if e > start {
                    m.title = string(b, Int(tokens[start].start)..<Int(tokens[e - 1].end)) + (e < le ? "…" : "")
                    m.titleFromBody = true
                }
            }
        }
        return m
    }

    static func string(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
    }

    /// The index after the last token on the line of token `t`.
    static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], from t: Int) -> Int {
        var e = t
        let endByte = lineEndByte(b, Int(tokens[t].start))
        while e < tokens.count && Int(tokens[e].start) < endByte { e += 1 }
        return e
    }

    /// The first lines: a headline, date lines ("date 2025-10-09 PYONGYANG —"), header lines (`HeaderReader`),
    /// a dateline ("BEIJING, August 18, 2024 —") or a source tag ("THE HANOI TIMES —"). Of several dates, a
    /// published one wins over a plain one, and a plain one over an updated one; an archive date is the anchor.
    static func readHeader(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], lexicon: Lexicon, into m: inout TextMetadata) {
        var dates = HeaderDates()
        var lineStart = 0
        var line = 0
        var bodySeen = false
        // The first three lines are always read (a source tag may follow a lead paragraph); further ones only
        // while no body line has been met.
        while lineStart < tokens.count && line < headerLines && (line < 3 || !bodySeen) {
            let le = lineEnd(b, tokens, from: lineStart)
            let t0 = tokens[lineStart]
            defer { lineStart = le; line += 1 }
            // " date 2025-10-09 PYONGYANG — "
            if t0.lower == kDate, lineStart + 1 < le, tokens[lineStart + 1].kind == .number,
               let d = PartialDate(iso: string(b, tokens[lineStart + 1].range)) {
                dates.offer(d, .published)
                var k = lineStart + 2
                var placeTokens: [Token] = []
                while k < le && !isDash(b, tokens[k]) && k - lineStart < 8 { placeTokens.append(tokens[k]); k += 1 }
                if let f = placeTokens.first, let l = placeTokens.last { m.place = string(b, Int(f.start)..<Int(l.end)) }
                if k < le && isDash(b, tokens[k]) { m.skipped.append(lineStart..<(k + 1)) }
                bodySeen = true
                continue
            }
            if let h = HeaderReader.read(b, tokens, lineStart, le, lexicon: lexicon) {
                dates.take(h)
                m.skipped.append(lineStart..<le)
                continue
            }
            if let (end, place, date, agency) = dateline(b, tokens, lineStart, le, lexicon: lexicon) {
                // The dateline's date gives way to any header date; without a year it only gives the day.
                // "CORRECTION, May 24, 2023: ...": a marker in the place's stead dates the page and names no place.
                let marked = HeaderReader.marker(tokens, lineStart, le, lexicon: lexicon)
                if case .full(let d) = date { dates.offer(d, marked?.marker ?? .updated) } else { m.datelineDay = date }
                if marked == nil { m.place = place }
                if m.source == nil, let agency { m.source = agency }
                m.skipped.append(lineStart..<end)
                bodySeen = true
                continue
            }
            // "THE HANOI TIMES — " (capitals, then a dash): a source tag.
            var k = lineStart
            while k < le && isAllCaps(b, tokens[k]) && k - lineStart < 6 { k += 1 }
            if k > lineStart && k < le && isDash(b, tokens[k]) && k + 1 < le {
                m.source = titleCase(string(b, Int(tokens[lineStart].start)..<Int(tokens[k - 1].end)))
                // "EVENING BULLETIN - Wednesday, October 18, 2023 - Transcript": a dated header line after the tag.
                if let h = HeaderReader.read(b, tokens, k + 1, le, labels: true, lexicon: lexicon), h.date != nil {
                    dates.take(h)
                    m.skipped.append(lineStart..<le)
                    continue
                }
                m.skipped.append(lineStart..<(k + 1))
                bodySeen = true
                continue
            }
            // "Analysis | 7 March 2025", "Tuổi Trẻ - 04/05/2025": a dated line with a label, after the headline; as the
            // first line, only when it opens with a published date ("Published: 2 April 2018 | Viet Tribune Paris"; a
            // headline before it, "Talks resume - Published: 4 May 2019", keeps the title).
            if m.title != nil || line == 0, !bodySeen, let h = HeaderReader.read(b, tokens, lineStart, le, labels: true, lexicon: lexicon),
               m.title != nil || h.segments.first.map({ $0.date != nil && ($0.marker == .published || $0.marker == .republished) }) == true {
                dates.take(h)
                m.skipped.append(lineStart..<le)
                continue
            }
            // A headline: the first line that is not a header line, short and without a final full stop.
            let last = tokens[le - 1]
            if m.title == nil, !bodySeen, Int(last.end) - Int(t0.start) < 250, !(last.kind == .punct && last.first == 0x2E) {
                let cut = HeaderReader.titleCut(b, tokens, lineStart, le, lexicon: lexicon)
                let titleEnd = cut ?? le
                let titleStart = TitleMarkers.titleStart(b, tokens, lineStart, titleEnd, lexicon: lexicon)
                m.title = string(b, Int(tokens[titleStart].start)..<Int(tokens[titleEnd - 1].end))
                m.titleTokens = lineStart..<titleEnd
                m.archive = ArchiveClue.stronger(m.archive, HeaderReader.archiveClue(b, tokens, lineStart, titleEnd, headline: true, lexicon: lexicon))
                if let cut, let h = HeaderReader.read(b, tokens, cut + 1, le, lexicon: lexicon) {
                    dates.take(h)
                    m.skipped.append(cut..<le)
                }
                continue
            }
            bodySeen = true
        }
        m.date = dates.date
        m.archive = ArchiveClue.stronger(m.archive, dates.archive)
    }

    /// The last line: "— VNS" at its end, or "Source: Dtinews".
    static func readTrailer(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], into m: inout TextMetadata) {
        // Found from the last line break backwards: asking each token for its line's end would take
        // time quadratic in the length of a long last line.
        var lastLine = tokens.count - 1
        let lastEndByte = Int(tokens[lastLine].end)
        var lastLineStartByte = lastEndByte
        while lastLineStartByte > 0 && b[lastLineStartByte - 1] != 0x0A { lastLineStartByte -= 1 }
        while lastLine > 0 && Int(tokens[lastLine - 1].start) >= lastLineStartByte { lastLine -= 1 }
        let n = tokens.count
        if (tokens[lastLine].lower == kSource || tokens[lastLine].lower == kNguon), lastLine + 2 < n,
           tokens[lastLine + 1].first == 0x3A {
            m.source = m.source ?? string(b, Int(tokens[lastLine + 2].start)..<Int(tokens[n - 1].end))
            m.skipped.append(lastLine..<n)
        } else {
            var k = n - 1
            while k > lastLine && (isAllCaps(b, tokens[k]) || (tokens[k].kind == .punct && tokens[k].first == 0x2F)) && n - k < 5 { k -= 1 }
            if k < n - 1 && isDash(b, tokens[k]) {
                m.source = m.source ?? string(b, Int(tokens[k + 1].start)..<Int(tokens[n - 1].end))
                m.skipped.append(k..<n)
            }
        }
    }

    /// The byte of the first line break at or after `from`, else the text's end (`memchr`: every line of every
    /// article is measured by language identification).
    static func lineEndByte(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        guard from < b.count, let base = b.baseAddress else { return max(from, b.count) }
        guard let hit = memchr(base + from, 0x0A, b.count - from) else { return b.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// "BEIJING, August 18, 2024 —", "HANOI, 9 October 2025 -", "La Habana, 27/9/2009 (TTXVN) —" or
    /// "Vienna, ngày 8/9/2021 (TTXVN) —": the token after the dash, the place, the date and the agency in
    /// brackets, if any.
    static func dateline(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int, lexicon: Lexicon = .bundled)
        -> (end: Int, place: String, date: DatelineDate, agency: String?)? {
        var k = s
        // The place: up to five words in capitals or with capital initials, with name particles between them
        // ("Rio de Janeiro", "Santiago de Chile").
        while k < e && k - s < 5 && tokens[k].kind == .word
                && (tokens[k].capitalized || (k > s && k + 1 < e && tokens[k + 1].capitalized && lexicon.nameParticles.contains(tokens[k].lower))) {
            k += 1
        }
        let cityEnd = k
        // "Burabay (Kazakhstan), ngày 29/5/2015": the country in brackets after the place; "New Delhi (TTXVN)
        // 30/7/2024 -": the agency, before the date.
        var agencyBefore: String?
        if k > s, k < e, tokens[k].first == 0x28, let close = (k + 1..<min(e, k + 6)).first(where: { tokens[$0].first == 0x29 }) {
            if close > k + 1, close + 1 < e, tokens[close + 1].first != 0x2C, (k + 1..<close).allSatisfy({ isAllCaps(b, tokens[$0]) }) {
                agencyBefore = string(b, Int(tokens[k + 1].start)..<Int(tokens[close - 1].end))
            }
            k = close + 1
        }
        guard k > s, k < e, tokens[k].first == 0x2C || agencyBefore != nil else { return nil }
        if agencyBefore != nil { k -= 1 } // the date starts right after the brackets
        var placeEnd = cityEnd
        // "NUSA DUA, Indonesia, Nov 15": the country (or state) after the place, set off by commas, is part of it.
        if k == placeEnd, let country = countryAfterDatelinePlace(b, tokens, k + 1, e, months: lexicon.months) {
            placeEnd = country
            k = country
        }
        let placeBytes = Int(tokens[s].start)..<Int(tokens[placeEnd - 1].end)
        let place = String(decoding: UnsafeBufferPointer(rebasing: b[placeBytes]), as: UTF8.self)
        let allCaps = (s..<cityEnd).allSatisfy { isAllCaps(b, tokens[$0]) }
        var dateStart = k + 1
        if dateStart < e && tokens[dateStart].lower == kNgay { dateStart += 1 } // "ngày 8/9/2021"
        guard let (date, dateEnd) = datelineDate(b, tokens, dateStart, e, lexicon: lexicon) else { return nil }
        var d = dateEnd
        var agency = agencyBefore
        if d < e && tokens[d].first == 0x28, let close = (d + 1..<min(e, d + 8)).first(where: { tokens[$0].first == 0x29 }), close > d + 1 {
            // "(TTXVN)", "(AFP)": the agency.
            agency = String(decoding: UnsafeBufferPointer(rebasing: b[Int(tokens[d + 1].start)..<Int(tokens[close - 1].end)]), as: UTF8.self)
            d = close + 1
        }
        // "Seoul, 24 August 2022" alone on its line: a place and a full date, with no dash.
        if case .full = date, d == e || (d + 1 == e && tokens[d].first == 0x2E) {
            return (e, allCaps ? titleCase(place) : place, date, agency)
        }
        // A dash after the date, or a colon after a full one ("CORRECTION, May 24, 2023: ...").
        guard d < e, isDash(b, tokens[d]) || (tokens[d].first == 0x3A && { if case .full = date { true } else { false } }()) else { return nil }
        return (d + 1, allCaps ? titleCase(place) : place, date, agency)
    }

    /// "Indonesia," at `k` after a dateline's place and comma: up to three capitalised words, none a month, then a
    /// comma or a dash ("ULAANBAATAR, Mongolia — Sept. 3, 2024:"); the token of that comma or dash.
    static func countryAfterDatelinePlace(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ e: Int,
                                          months: LookupTable<Int>) -> Int? {
        var j = k
        while j < e && j - k < 3 && tokens[j].kind == .word && tokens[j].capitalized && months[tokens[j].lower] == nil { j += 1 }
        return j > k && j < e && (tokens[j].first == 0x2C || isDash(b, tokens[j])) ? j : nil
    }

    /// The date a dateline gives at token `k`: a full date, or a day and month without a year ("July 25",
    /// "25 October", "Sept 19"); and the token after it.
    static func datelineDate(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ e: Int,
                             lexicon: Lexicon) -> (DatelineDate, Int)? {
        // Read against a stand-in date only to find the day and month; a yearless one keeps no year.
        var found: [TaggedTime] = []
        TimeTagger.tag(b, tokens, k..<min(e, k + 6), anchor: PartialDate(year: 2000, month: 6, day: 15), future: false,
                       lexicon: lexicon, into: &found)
        guard let t = found.first, t.tokens.lowerBound == k, t.start.granularity == .day, let m = t.start.month, let d = t.start.day
        else { return nil }
        if t.yearless { return (.dayMonth(month: m, day: d), t.tokens.upperBound) }
        guard !t.relative else { return nil }
        return (.full(t.start), t.tokens.upperBound)
    }

    /// In an archive text: the lead's first full date when a marker gave none ("Ngày này năm xưa: ..." over
    /// "Ngày 25/7/1957, ..."), and the dateline where the reprinted report starts, within the first lines.
    static func readArchiveBody(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], from first: Int, lexicon: Lexicon,
                                into m: inout TextMetadata) {
        var lineStart = first
        var line = 0
        while lineStart < tokens.count && line < 12 {
            let le = lineEnd(b, tokens, from: lineStart)
            defer { lineStart = le; line += 1 }
            if m.skipped.contains(where: { $0.contains(lineStart) }) { continue }
            if case .lead = m.archive?.time {
                var times: [TaggedTime] = []
                TimeTagger.tag(b, tokens, lineStart..<le, anchor: nil, future: false, lexicon: lexicon, into: &times)
                if let t = times.first(where: { !$0.relative && $0.start.granularity == .day }) {
                    m.archive?.time = .date(t.start)
                }
            }
            if m.reprint == nil, let (end, date) = HeaderReader.reprintDateline(b, tokens, lineStart, le, lexicon: lexicon) {
                m.reprint = (Int(tokens[lineStart].start), date)
                m.skipped.append(lineStart..<end)
                return
            }
        }
    }

    static func titleCase(_ s: String) -> String {
        s.split(separator: " ").map { w in
            w.count <= 3 && w.uppercased() == String(w) && w.count > 1 && !["THE"].contains(String(w)) ? String(w)
                : w.prefix(1).uppercased() + w.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}

/// The dates a header's lines give (rule meta.header-date), ranked: a republished date over a published one, a
/// published one over a plain one, a plain one over an updated one (and a dateline's); an archive marker's date is
/// the story's. A "published" date older than a republished one on the same page is the original's: the anchor.
struct HeaderDates {
    private(set) var date: PartialDate?
    private(set) var archive: ArchiveClue?
    private var rank: HeaderLine.Marker?
    private var published: [PartialDate] = []

    mutating func offer(_ d: PartialDate, _ r: HeaderLine.Marker) {
        if r == .published { published.append(d) }
        if r == .republished { for original in published where original < d { anchor(original, retrospective: false) } }
        if rank == .republished, r == .published, let page = date, d < page { anchor(d, retrospective: false) }
        if let rank, rank >= r { return }
        date = d
        rank = r
    }

    mutating func take(_ h: HeaderLine) {
        for segment in h.segments {
            guard let d = segment.date else { continue }
            if segment.marker == .archive { anchor(d, retrospective: h.retrospective) } else { offer(d, segment.marker) }
        }
    }

    private mutating func anchor(_ d: PartialDate, retrospective: Bool) {
        archive = ArchiveClue.stronger(archive, ArchiveClue(time: .date(d), source: .archiveHeader, retrospective: retrospective))
    }
}
