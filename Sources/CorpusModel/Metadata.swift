// Stage 2: document metadata from the text: title, date line or dateline, dateline place,
// source tag and language. The manifest (Manifest.swift) adds to and overrides these.

/// Metadata read from the text, with the token ranges that are header or trailer and not article text.
struct TextMetadata {
    var title: String?
    var date: PartialDate?
    var place: String?
    var source: String?
    var language: String = "en"
    /// Tokens to drop from sentence analysis (date lines, source tags).
    var skipped: [Range<Int>] = []
    /// Token index where the title line ends (the title is not analysed as a sentence of the body).
    var titleTokens: Range<Int>?
}

enum MetadataReader {
    static let kDate = Fold.lowerKey("date"), kSource = Fold.lowerKey("source"), kNguon = Fold.lowerKey("nguồn"),
               kNgay = Fold.lowerKey("ngày")

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

    static func read(_ b: UnsafeBufferPointer<UInt8>, tokens: [Token], text: String) -> TextMetadata {
        var m = TextMetadata()
        guard !tokens.isEmpty else { return m }
        m.language = detectLanguage(b, tokens)
        func str(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
        func lineEnd(from t: Int) -> Int {
            var e = t
            let endByte = lineEndByte(b, Int(tokens[t].start))
            while e < tokens.count && Int(tokens[e].start) < endByte { e += 1 }
            return e
        }
        // Look at the first three lines for a date line, a dateline or a source tag.
        var lineStart = 0
        var line = 0
        while lineStart < tokens.count && line < 3 {
            let le = lineEnd(from: lineStart)
            let t0 = tokens[lineStart]
            // " date 2025-10-09 PYONGYANG — "
            if t0.lower == kDate, lineStart + 1 < le, tokens[lineStart + 1].kind == .number,
               let d = PartialDate(iso: str(tokens[lineStart + 1].range)) {
                m.date = d
                var k = lineStart + 2
                var placeTokens: [Token] = []
                while k < le && !isDash(b, tokens[k]) && k - lineStart < 8 { placeTokens.append(tokens[k]); k += 1 }
                if let f = placeTokens.first, let l = placeTokens.last { m.place = str(Int(f.start)..<Int(l.end)) }
                if k < le && isDash(b, tokens[k]) { m.skipped.append(lineStart..<(k + 1)) }
            } else if let date = dateOnlyLine(b, tokens, lineStart, le) {
                // "Thứ Hai, 11/12/2023, 11:45 (GMT+7)", "Monday, June 3, 2019": a line that is only a date.
                if m.date == nil { m.date = date }
                m.skipped.append(lineStart..<le)
            } else if let (end, place, date, agency) = dateline(b, tokens, lineStart, le) {
                // "BEIJING, August 18, 2024 —"
                if m.date == nil { m.date = date }
                m.place = place
                if m.source == nil, let agency { m.source = agency }
                m.skipped.append(lineStart..<end)
            } else {
                // "THE HANOI TIMES — " (capitals, then a dash): a source tag.
                var k = lineStart
                while k < le && isAllCaps(b, tokens[k]) && k - lineStart < 6 { k += 1 }
                if k > lineStart && k < le && isDash(b, tokens[k]) && k + 1 < le {
                    m.source = titleCase(str(Int(tokens[lineStart].start)..<Int(tokens[k - 1].end)))
                    m.skipped.append(lineStart..<(k + 1))
                } else if line == 0 && m.title == nil {
                    // A headline: the first line, short and without a final full stop.
                    let last = tokens[le - 1]
                    let bytes = Int(last.end) - Int(t0.start)
                    if bytes < 250 && !(last.kind == .punct && last.first == 0x2E) {
                        m.title = str(Int(t0.start)..<Int(last.end))
                        m.titleTokens = lineStart..<le
                    }
                }
            }
            lineStart = le
            line += 1
        }
        // The last line: "— VNS" at its end, or "Source: Dtinews".
        // (Found from the last line break backwards: asking each token for its line's end would take
        // time quadratic in the length of a long last line.)
        var lastLine = tokens.count - 1
        let lastEndByte = Int(tokens[lastLine].end)
        var lastLineStartByte = lastEndByte
        while lastLineStartByte > 0 && b[lastLineStartByte - 1] != 0x0A { lastLineStartByte -= 1 }
        while lastLine > 0 && Int(tokens[lastLine - 1].start) >= lastLineStartByte { lastLine -= 1 }
        let n = tokens.count
        if (tokens[lastLine].lower == kSource || tokens[lastLine].lower == kNguon), lastLine + 2 < n || lastLine + 1 < n,
           tokens[lastLine + 1].first == 0x3A, lastLine + 2 < n {
            m.source = m.source ?? str(Int(tokens[lastLine + 2].start)..<Int(tokens[n - 1].end))
            m.skipped.append(lastLine..<n)
        } else {
            var k = n - 1
            while k > lastLine && (isAllCaps(b, tokens[k]) || (tokens[k].kind == .punct && tokens[k].first == 0x2F)) && n - k < 5 { k -= 1 }
            if k < n - 1 && isDash(b, tokens[k]) {
                m.source = m.source ?? str(Int(tokens[k + 1].start)..<Int(tokens[n - 1].end))
                m.skipped.append(k..<n)
            }
        }
        if m.title == nil, let first = tokens.indices.first(where: { i in !m.skipped.contains { $0.contains(i) } }) {
            // No headline: the opening words of the first sentence.
            let le = lineEnd(from: first)
            var e = first
            var count = 0
            while e < le && count < 14 && !(tokens[e].kind == .punct && tokens[e].first == 0x2E) { e += 1; count += 1 }
            if e > first { m.title = str(Int(tokens[first].start)..<Int(tokens[e - 1].end)) + (e < le ? "…" : "") }
        }
        return m
    }

    static func lineEndByte(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < b.count && b[i] != 0x0A { i += 1 }
        return i
    }

    /// "BEIJING, August 18, 2024 —", "HANOI, 9 October 2025 -", "La Habana, 27/9/2009 (TTXVN) —" or
    /// "Vienna, ngày 8/9/2021 (TTXVN) —": the token after the dash, the place, the date and the agency in
    /// brackets, if any.
    static func dateline(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int)
        -> (end: Int, place: String, date: PartialDate, agency: String?)? {
        var k = s
        // The place: up to five words in capitals or with capital initials.
        while k < e && tokens[k].kind == .word && tokens[k].capitalized && k - s < 5 { k += 1 }
        let placeEnd = k
        // "Burabay (Kazakhstan), ngày 29/5/2015": the country in brackets after the place.
        if k > s, k < e, tokens[k].first == 0x28, let close = (k + 1..<min(e, k + 6)).first(where: { tokens[$0].first == 0x29 }) { k = close + 1 }
        guard k > s, k < e, tokens[k].first == 0x2C else { return nil }
        let placeBytes = Int(tokens[s].start)..<Int(tokens[placeEnd - 1].end)
        let place = String(decoding: UnsafeBufferPointer(rebasing: b[placeBytes]), as: UTF8.self)
        let allCaps = (s..<placeEnd).allSatisfy { isAllCaps(b, tokens[$0]) }
        var dateStart = k + 1
        if dateStart < e && tokens[dateStart].lower == kNgay { dateStart += 1 } // "ngày 8/9/2021"
        var found: [TaggedTime] = []
        TimeTagger.tag(b, tokens, dateStart..<min(e, dateStart + 6), anchor: nil, future: false, into: &found)
        guard let t = found.first, t.tokens.lowerBound == dateStart, t.start.granularity == .day else { return nil }
        var d = t.tokens.upperBound
        var agency: String?
        if d < e && tokens[d].first == 0x28, let close = (d + 1..<min(e, d + 8)).first(where: { tokens[$0].first == 0x29 }), close > d + 1 {
            // "(TTXVN)", "(AFP)": the agency.
            agency = String(decoding: UnsafeBufferPointer(rebasing: b[Int(tokens[d + 1].start)..<Int(tokens[close - 1].end)]), as: UTF8.self)
            d = close + 1
        }
        guard d < e, isDash(b, tokens[d]) else { return nil }
        return (d + 1, allCaps ? titleCase(place) : place, t.start, agency)
    }

    static let weekdayWords = KeyTableSet(["thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "monday", "tuesday",
                                           "wednesday", "thursday", "friday", "saturday", "sunday", "gmt", "ict", "utc",
                                           "cập", "nhật", "ngày", "lúc", "updated", "published", "at"].map { Fold.lowerKey($0) })

    /// A short line holding a full date and otherwise only weekday words, times and punctuation.
    static func dateOnlyLine(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int) -> PartialDate? {
        guard e - s <= 16 else { return nil }
        var found: [TaggedTime] = []
        TimeTagger.tag(b, tokens, s..<e, anchor: nil, future: false, into: &found)
        guard let date = found.first(where: { !$0.relative && $0.start.granularity == .day }) else { return nil }
        for k in s..<e where !found.contains(where: { $0.tokens.contains(k) }) {
            let t = tokens[k]
            if t.kind == .word && !weekdayWords.contains(t.lower) && !(t.length <= 5 && isAllCaps(b, t)) { return nil }
        }
        return date.start
    }

    static func titleCase(_ s: String) -> String {
        s.split(separator: " ").map { w in
            w.count <= 3 && w.uppercased() == String(w) && w.count > 1 && !["THE"].contains(String(w)) ? String(w)
                : w.prefix(1).uppercased() + w.dropFirst().lowercased()
        }.joined(separator: " ")
    }

    /// "vi" when at least a tenth of the words carry Vietnamese letters (ă â đ ê ô ơ ư or stacked tones).
    static func detectLanguage(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> String {
        var words = 0, vietnamese = 0
        for t in tokens.prefix(4000) where t.kind == .word {
            words += 1
            var i = Int(t.start)
            while i < Int(t.end) {
                let c = b[i]
                if c == 0xE1 && i + 1 < b.count && (b[i + 1] == 0xBA || b[i + 1] == 0xBB) { vietnamese += 1; break } // U+1E80-U+1EFF
                if c == 0xC4 && i + 1 < b.count && (b[i + 1] == 0x91 || b[i + 1] == 0x90 || b[i + 1] == 0x83) { vietnamese += 1; break } // đ Đ ă
                if c == 0xC6 && i + 1 < b.count && (b[i + 1] == 0xA1 || b[i + 1] == 0xB0 || b[i + 1] == 0xA0 || b[i + 1] == 0xAF) { vietnamese += 1; break }
                i += 1
            }
        }
        return words > 0 && vietnamese * 10 >= words * 2 ? "vi" : "en"
    }
}
