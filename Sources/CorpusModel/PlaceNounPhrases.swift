// "in the port city of Tianjin", "in the Dedinje district of Belgrade", "at the resort town of Karuizawa": a place
// named as the complement of a place noun (`place-nouns`: "city", "district", "outskirts") in a phrase that "in" or
// "at" (`place-prepositions`) opens stands where that preposition puts it, as "in Tianjin" would
// (rule destination.place-noun-of). Read for the place of a gathering (GatheringVisits.swift) and of talks
// (OtherEvents.swift); "in the shadow of the Ukraine war" is no such phrase ("shadow" is no place noun).

extension EventFinder {
    /// How many words (adjectives, a district's name, "the") may stand between the preposition and the place noun:
    /// "in the southeastern Iranian city of Kerman".
    static let placeNounReach = 4

    /// Whether place `p` closes "in/at ... <place noun> of [the] <place>" within sentence `c`.
    func isPlaceNounComplement(_ p: PlaceRef, _ c: SentenceContext) -> Bool {
        var of = p.tokens.lowerBound - 1
        if of > c.start && tokens[of].lower == Self.kThe { of -= 1 } // "the city of the Hague"
        let noun = of - 1
        guard noun > c.start, tokens[of].lower == Self.kOf, tokens[noun].kind == .word,
              lexicon.placeNouns.contains(tokens[noun].lower) else { return false }
        var j = noun - 1
        while j >= c.start, noun - j <= Self.placeNounReach, tokens[j].kind == .word {
            if lexicon.placePrepositions.contains(tokens[j].lower) { return true }
            j -= 1
        }
        return false
    }
}
