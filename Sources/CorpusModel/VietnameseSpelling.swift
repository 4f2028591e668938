// Rule name.vietnamese-spelling: in Vietnamese text a name of several syllables with a lower-case syllable in it
// ("Liên bang Nga", "Tòa thánh Vatican") is a name only when the gazetteer writes one of the entity's names with the
// same syllables, tone marks aside. Name keys fold away spaces and diacritics, which lets "Ha Noi" find "Hanoi",
// but also made Vietnamese words into places: "Chỉ ba" (only three) was Chiba, "Từ sân" Tucson, "Ba nhà" Banha,
// "Cố đô" (the old capital) the town of Cờ Đỏ. Tone marks are set aside because Vietnamese writes them in two
// places ("hòa" and "hoà"); the vowel marks (â, ă, ê, ô, ơ, ư) and đ are kept, as they spell different words.
// A region's or city's name of several syllables written with Vietnamese letters (đ, â, ă, ê, ô, ơ, ư) also stands
// only when one of the place's names breaks into the same syllables, every mark aside: "Đông Á" (East Asia) folds to
// the key of Donga, a department of Benin, but Donga is not written "Dong A"; "Đà Nẵng" is "Da Nang". (Countries and
// persons are left out: their Vietnamese names are curated, and not every one of them is among the entity's names.)
import Foundation

enum VietnameseSpelling {
    /// The syllables of `text` as compared here: lower case, tone marks removed, vowel marks and đ kept.
    static func syllables(_ text: Substring) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2011}" }).map { word in
            // An ASCII syllable has no mark to remove, and normalising leaves it as it is.
            if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
            return latinSyllable(word) ?? syllable(word)
        }
    }

    /// One syllable, lower case, its tone marks removed: through Foundation's normalisation (decomposed, then composed
    /// again), slow for the thousands of names a Vietnamese text is compared with.
    static func syllable(_ word: Substring) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars where !toneMarks.contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// `syllable(word)` letter by letter when every letter of the word is a Latin one (U+0000-U+024F, U+1E00-U+1EFF):
    /// each letter's own `syllable` (remembered in `latinLetters`) begins with a letter that composes with nothing
    /// before it, so the word's is theirs end to end. Nil for a word with another character.
    static func latinSyllable(_ word: Substring) -> String? {
        var out = ""
        for scalar in word.unicodeScalars {
            let v = scalar.value
            let slot = v < 0x250 ? Int(v) : v >= 0x1E00 && v < 0x1F00 ? Int(v - 0x1E00) + 0x250 : -1
            guard slot >= 0, let letter = latinLetters[slot] else { return nil }
            out += letter
        }
        return out
    }

    /// Each Latin letter's `syllable`, by slot (U+0000-U+024F, then U+1E00-U+1EFF); nil for a scalar that is no letter
    /// or whose own syllable starts with a mark.
    static let latinLetters: [String?] = {
        let scalars = Array(0..<0x250) + Array(0x1E00..<0x1F00)
        return scalars.map { v -> String? in
            guard let scalar = Unicode.Scalar(UInt32(v)), scalar.properties.isAlphabetic else { return nil }
            let own = syllable(Substring(String(Character(scalar))))
            guard let first = own.unicodeScalars.first, first.properties.canonicalCombiningClass == .notReordered,
                  first.properties.isAlphabetic else { return nil }
            return own
        }
    }()

    /// Combining grave, acute, tilde, hook above and dot below: the five tones' marks.
    static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    /// Whether one of `names` is written with the syllables of `span`, tone marks aside.
    static func spells(_ span: Substring, oneOf names: [String]) -> Bool {
        let wanted = syllables(span)
        return names.contains { syllables(Substring($0)) == wanted }
    }

    /// The number of `syllables(text)` (and of `bareSyllables(text)`), without making them.
    static func syllableCount(_ text: Substring) -> Int {
        var count = 0, inSyllable = false
        for character in text {
            if character == " " || character == "-" || character == "\u{2011}" { inSyllable = false }
            else if !inSyllable { inSyllable = true; count += 1 }
        }
        return count
    }

    /// The syllables of `text` with every mark removed and đ read as d: "Đông Á" is ["dong", "a"].
    static func bareSyllables(_ text: Substring) -> [String] {
        syllables(text).map { syllable in
            var scalars = String.UnicodeScalarView()
            for scalar in syllable.replacingOccurrences(of: "đ", with: "d").decomposedStringWithCanonicalMapping.unicodeScalars
            where !(0x300...0x36F).contains(scalar.value) {
                scalars.append(scalar)
            }
            return String(scalars)
        }
    }

    /// Whether `text` holds a letter only Vietnamese writes: đ, or a vowel with a circumflex, breve or horn.
    static func hasVietnameseLetter(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { $0 == "đ" || $0 == "Đ" }
            || text.decomposedStringWithCanonicalMapping.unicodeScalars.contains { [0x302, 0x306, 0x31B].contains($0.value) }
    }

    /// Whether one of `names` breaks into the syllables of `span`, every mark aside ("Đà Nẵng" and "Da Nang" do,
    /// "Đông Á" and "Donga" do not).
    static func breaksAlike(_ span: Substring, oneOf names: [String]) -> Bool {
        let wanted = bareSyllables(span)
        return names.contains { bareSyllables(Substring($0)) == wanted }
    }
}

/// The syllables of the names of the entities a document's Vietnamese spans were compared with, each name taken
/// apart (lower case, normalised twice) once per document and only when its number of syllables is a span's:
/// `findNames` asks again for every reference of a span, twice (all usable? then which), and for every span.
/// The answers are `VietnameseSpelling.spells` and `breaksAlike`.
final class NameSyllables {
    private struct Name {
        let text: String
        let count: Int
        var syllables: [String]?
        var bare: [String]?
    }
    private var names: [Int32: [Name]] = [:]
    /// The last span taken apart, each way: `findNames` asks about every reference of one span in a row.
    private var lastSpan: (text: Substring, syllables: [String])?
    private var lastBareSpan: (text: Substring, syllables: [String])?

    /// Whether a name of `entity` (`names()` gives them, asked once per document) has the syllables of `span`
    /// (`VietnameseSpelling.spells`).
    func spell(_ span: Substring, entity: Int32, names all: () -> [String]) -> Bool {
        compare(span, entity: entity, names: all, bare: false)
    }

    /// Whether a name of `entity` breaks into the syllables of `span`, every mark aside (`VietnameseSpelling.breaksAlike`).
    func breakAlike(_ span: Substring, entity: Int32, names all: () -> [String]) -> Bool {
        compare(span, entity: entity, names: all, bare: true)
    }

    private func compare(_ span: Substring, entity: Int32, names all: () -> [String], bare: Bool) -> Bool {
        if names[entity] == nil {
            names[entity] = all().map { Name(text: $0, count: VietnameseSpelling.syllableCount(Substring($0))) }
        }
        let count = VietnameseSpelling.syllableCount(span)
        var wanted: [String]?
        for k in names[entity]!.indices where names[entity]![k].count == count {
            if wanted == nil { wanted = syllables(ofSpan: span, bare: bare) }
            if bare {
                if names[entity]![k].bare == nil { names[entity]![k].bare = VietnameseSpelling.bareSyllables(Substring(names[entity]![k].text)) }
                if names[entity]![k].bare == wanted { return true }
            } else {
                if names[entity]![k].syllables == nil { names[entity]![k].syllables = VietnameseSpelling.syllables(Substring(names[entity]![k].text)) }
                if names[entity]![k].syllables == wanted { return true }
            }
        }
        return false
    }

    private func syllables(ofSpan span: Substring, bare: Bool) -> [String] {
        if let last = bare ? lastBareSpan : lastSpan, last.text.utf8.elementsEqual(span.utf8) { return last.syllables }
        let syllables = bare ? VietnameseSpelling.bareSyllables(span) : VietnameseSpelling.syllables(span)
        if bare { lastBareSpan = (span, syllables) } else { lastSpan = (span, syllables) }
        return syllables
    }
}

extension MentionFinder {
    /// Whether the name found at `tokens[i...j]` may stand (rule name.vietnamese-spelling): always, unless the text
    /// is Vietnamese and a syllable after the first is written in lower case (then one of the entity's names must be
    /// written with its syllables, tone marks aside), or the span holds a Vietnamese letter (then one of the entity's
    /// names must break into its syllables, every mark aside, when it is a region or a city).
    func spelledAsWritten(_ ref: Gazetteer.NameRef, from i: Int, through j: Int) -> Bool {
        guard language == .vietnamese, j > i else { return true }
        let lowerAfterFirst = (i + 1...j).contains(where: { tokens[$0].kind == .word && !tokens[$0].capitalized })
        let kind = gazetteer.entities.kind(at: Int(ref.entity))
        let place = kind == .region || kind == .city
        guard lowerAfterFirst || place else { return true }
        let span = Substring(String(decoding: UnsafeBufferPointer(rebasing: b[Int(tokens[i].start)..<Int(tokens[j].end)]), as: UTF8.self))
        guard lowerAfterFirst || VietnameseSpelling.hasVietnameseLetter(span) else { return true }
        // The entity's names, gathered once per document (`NameSyllables`).
        let names = { gazetteer.entities.read(Int(ref.entity)) { [$0.name] + $0.aliases + $0.demonyms } }
        return lowerAfterFirst ? nameSyllables.spell(span, entity: ref.entity, names: names)
            : nameSyllables.breakAlike(span, entity: ref.entity, names: names)
    }
}
