// A country's, city's or region's name inside the name of a sea, an ocean, a strait or a gulf ("the South China
// Sea", "the Sea of Japan", "the Taiwan Strait", "Ấn Độ Dương", "biển Nhật Bản"): the water, not the place. Such a
// name is not read as a place at all, so it is never a destination, never a proposed visit's place and never
// counts for the document's main pair (rule destination.excluded-phrase, word sets `water-name-before` and
// `water-name-after`).

extension MentionFinder {
    /// True when the name found at `name` (a country, city or region) is part of a water's name: a
    /// `water-name-after` word right after it ("China Sea", "Ấn Độ Dương"), a `water-name-before` phrase right
    /// before it ("Sea of Japan", "eo biển Đài Loan"), or, for a name of several words that is not a country's, its
    /// own last word ("Red Sea", a region's name too, is the sea).
    func isInWaterName(_ name: Range<Int>, isCountry: Bool, in range: Range<Int>) -> Bool {
        let after = lexicon.waterNameAfter.match(tokens, at: name.upperBound, end: range.upperBound)
        // Not when a name goes on after the word: "Trung Quốc Dương Khiết Trì" is China's Yang Jiechi.
        let next = name.upperBound + after
        if after > 0 && !(next < range.upperBound && tokens[next].kind == .word && tokens[next].capitalized) { return true }
        let before = name.lowerBound - 1
        if before >= range.lowerBound,
           lexicon.waterNameBefore.matchEnding(tokens, at: before, start: max(range.lowerBound, before - 4)) > 0 { return true }
        guard !isCountry, name.count > 1 else { return false }
        let last = name.upperBound - 1
        return lexicon.waterNameAfter.match(tokens, at: last, end: name.upperBound) == 1
    }
}
