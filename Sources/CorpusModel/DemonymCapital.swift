// "the Ukrainian capital", "the Lithuanian capital": a demonym before a capital word names the country's capital
// city, a place like its name (rule destination.demonym-capital). Word set: `capital-words`.

extension MentionFinder {
    /// The capital a demonym (of the country entity `country`, at tokens `demonym`) names with a capital word right
    /// after it: a place from the demonym to the capital word's end; nil when none follows.
    func capitalNamed(byDemonymOf country: Int, at demonym: Range<Int>, end e: Int) -> PlaceRef? {
        let n = lexicon.capitalWords.match(tokens, at: demonym.upperBound, end: e)
        guard n > 0 else { return nil }
        let entity = gazetteer.entities[country]
        let city = entity.capital.flatMap { gazetteer.index(ofID: $0) }
        return PlaceRef(country: entity.id, city: city, tokens: demonym.lowerBound..<(demonym.upperBound + n), demonym: false, namedByDemonym: true)
    }

}
