// A table of trips ("Pope Francis's year on the road: the 2019 journeys at a glance"): a line that opens with the
// dates of a stay, then cells set off by "|" or by runs of spaces, the first of them nothing but a country or a
// city ("23-27 Jan | Panama | Panama City | World Youth Day", "7-8 May      Serbia      State visit"), is a stop of
// the article's protagonist, named in its opening (rule visit.table-row, with visitor.list-protagonist), dated by
// the row. The other cells (the occasion, whom he met) are the same stay's and are not read again.

extension EventFinder {
    /// How many spaces between two tokens set off a table's cells.
    static let tableCellGap: Int32 = 2

    /// Reads sentence `c` as a table row of the protagonist's stops; whether it was one (its visit made).
    mutating func readTableRow(_ c: SentenceContext) -> Bool {
        guard c.listItem == nil, let date = c.times.first, date.tokens.lowerBound == c.start,
              date.start.granularity >= .month, !date.relative || date.yearless,
              let cell = firstCell(after: date.tokens.upperBound, c),
              let place = c.destinations.first(where: { $0.tokens == cell && !$0.demonym && !$0.inPhrase }),
              let who = protagonist, openingPersons.contains(who), let own = c.countryOf(who), place.country != own
        else { return false }
        let person = PersonRef(entity: who, phraseStart: c.start, nameStart: c.start, nameEnd: c.start, titleLevel: nil,
                               titleCountry: nil, historical: false, role: .name)
        let reading = VisitReading(person: person, trigger: nil, range: place.tokens, time: date, notBefore: nil,
                                   kind: .unspecified, rules: RuleSet([.visitTableRow, .visitorListProtagonist]))
        let before = visits.count
        for v in makeVisits(reading, c) { add(v) }
        return visits.count > before
    }

    /// The tokens of the cell right after the row's dates: set off from them by "|" or a run of spaces, and ended
    /// by the next "|", run of spaces or the line's end. Nil when no cell separator follows the dates.
    func firstCell(after k: Int, _ c: SentenceContext) -> Range<Int>? {
        guard k < c.end else { return nil }
        var start = k
        if isCellBar(k) { start = k + 1 } else if !opensCell(k) { return nil }
        guard start < c.end else { return nil }
        var end = start + 1
        while end < c.end && !isCellBar(end) && !opensCell(end) { end += 1 }
        return start..<end
    }

    /// "|" between cells.
    func isCellBar(_ k: Int) -> Bool { tokens[k].kind == .punct && tokens[k].first == 0x7C }

    /// Whether a run of spaces stands right before token `k` (the cells of a table aligned by spaces).
    func opensCell(_ k: Int) -> Bool { k > 0 && tokens[k].start - tokens[k - 1].end >= Self.tableCellGap }
}
