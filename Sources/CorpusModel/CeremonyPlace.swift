// Where a ceremony for one person is held when the sentence names no place: a funeral, an inauguration, a
// coronation takes place in the country of the person it is for ("were among the heads of state at Pope Francis's
// funeral Mass", "Spain will send no one to the swearing-in of Claudia Sheinbaum", "dự lễ nhậm chức của Tổng thống
// X"). That person is the host, never a guest (GatheringVisits.swift leaves out the host country's people).

extension EventFinder {
    /// Rule destination.ceremony-person: a `person-ceremony-words` phrase of the sentence with its person named
    /// right before it (a possessive, "Pope Francis's funeral", or the bare name, "the Sheinbaum inauguration") or
    /// right after it, past "of"/"của" and a country's possessive ("the funeral of Queen X", "the inauguration of
    /// Argentina's X", "lễ nhậm chức của Tổng thống X", "lễ tang Chủ tịch X"): that person's country, with the
    /// ceremony's tokens. Nil when no such phrase names a person of a known country.
    func ceremonyPersonPlace(_ c: SentenceContext) -> (country: String, tokens: Range<Int>)? {
        var k = c.start
        while k < c.end {
            let n = lexicon.personCeremonyWords.match(tokens, at: k, end: c.end)
            guard n > 0 else { k += 1; continue }
            if let p = ceremonyPerson(k..<(k + n), c), let country = c.country(of: p) { return (country, k..<(k + n)) }
            k += n
        }
        return nil
    }

    /// The person a ceremony at `phrase` is for (see `ceremonyPersonPlace`), not inside a name.
    func ceremonyPerson(_ phrase: Range<Int>, _ c: SentenceContext) -> PersonRef? {
        if c.persons.contains(where: { $0.nameStart <= phrase.lowerBound && phrase.lowerBound < $0.nameEnd }) { return nil }
        var before = phrase.lowerBound
        if before > c.start, tokens[before - 1].kind == .possessive { before -= 1 }
        if let p = c.persons.first(where: { $0.nameEnd == before && $0.referring == nil }) { return p }
        var after = phrase.upperBound
        if after < c.end, tokens[after].lower == Self.kOf || tokens[after].lower == Self.kCua { after += 1 }
        if after < c.end, tokens[after].lower == Self.kThe { after += 1 }
        // "the inauguration of Argentina's Alberto Fernandez": past the country's possessive.
        if let place = c.mentions.places.first(where: { $0.tokens.lowerBound == after }), place.tokens.upperBound < c.end,
           tokens[place.tokens.upperBound].kind == .possessive {
            after = place.tokens.upperBound + 1
        }
        return c.persons.first { $0.phraseStart == after && $0.referring == nil }
    }
}
