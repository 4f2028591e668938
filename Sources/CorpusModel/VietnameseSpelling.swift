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
            var scalars = String.UnicodeScalarView()
            for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars where !toneMarks.contains(scalar.value) {
                scalars.append(scalar)
            }
            return String(scalars).precomposedStringWithCanonicalMapping
        }
    }

    /// Combining grave, acute, tilde, hook above and dot below: the five tones' marks.
    static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    /// Whether one of `names` is written with the syllables of `span`, tone marks aside.
    static func spells(_ span: Substring, oneOf names: [String]) -> Bool {
        let wanted = syllables(span)
        return names.contains { syllables(Substring($0)) == wanted }
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

extension MentionFinder {
    /// Whether the name found at `tokens[i...j]` may stand (rule name.vietnamese-spelling): always, unless the text
    /// is Vietnamese and a syllable after the first is written in lower case (then one of the entity's names must be
    /// written with its syllables, tone marks aside), or the span holds a Vietnamese letter (then one of the entity's
    /// names must break into its syllables, every mark aside, when it is a region or a city).
    func spelledAsWritten(_ ref: Gazetteer.NameRef, from i: Int, through j: Int) -> Bool {
        guard language == .vietnamese, j > i else { return true }
        let lowerAfterFirst = (i + 1...j).contains(where: { tokens[$0].kind == .word && !tokens[$0].capitalized })
        let span = Substring(String(decoding: UnsafeBufferPointer(rebasing: b[Int(tokens[i].start)..<Int(tokens[j].end)]), as: UTF8.self))
        let place = [.region, .city].contains(gazetteer.entities.kind(at: Int(ref.entity)))
        guard lowerAfterFirst || place && VietnameseSpelling.hasVietnameseLetter(span) else { return true }
        let names = gazetteer.entities.read(Int(ref.entity)) { [$0.name] + $0.aliases + $0.demonyms }
        return lowerAfterFirst ? VietnameseSpelling.spells(span, oneOf: names) : VietnameseSpelling.breaksAlike(span, oneOf: names)
    }
}
