// A person's gender in one document: the gazetteer's (`person-genders.tsv`), else the one an honorific or a title
// right before the person's name gives (`honorific-genders`: "Mrs", "Queen", "Crown Princess", "bà", "Nữ hoàng"),
// for persons found in the text and gazetteer persons without one. Coreference.swift keeps a gendered pronoun
// from standing for a person of the other gender (rule coref.gender).

/// The genders the honorifics of a document give its persons (entity refs as in `PersonRef`).
struct TextGenders {
    private(set) var genders: [Int: Gender] = [:]
    /// Persons named with honorifics of both genders (two persons of one name): no gender.
    private var mixed = Set<Int>()

    mutating func note(_ gender: Gender, for ref: Int) {
        guard !mixed.contains(ref) else { return }
        if let old = genders[ref], old != gender { genders[ref] = nil; mixed.insert(ref); return }
        genders[ref] = gender
    }

    subscript(ref: Int) -> Gender? { genders[ref] }
}

extension MentionFinder {
    /// Notes the gender the words before each person's name give ("Mrs May", "Queen Sirikit", "bà Merkel"): the
    /// honorific right before the phrase and the title words in it, not a place in it ("Nữ hoàng Anh": "Anh" is
    /// Britain there, not the honorific "anh").
    mutating func noteHonorificGenders(_ m: SentenceMentions, sentenceStart s: Int) {
        for p in m.persons {
            var found = Set<Gender>()
            var k = max(s, p.phraseStart - 1)
            while k < p.nameStart {
                if let place = m.places.first(where: { $0.tokens.contains(k) }) { k = place.tokens.upperBound; continue }
                if let match = lexicon.honorificGenders.match(tokens, at: k, end: p.nameStart) {
                    found.insert(match.value)
                    k += match.length
                } else {
                    k += 1
                }
            }
            if found.count == 1, let gender = found.first { textGenders.note(gender, for: p.entity) }
        }
    }
}
