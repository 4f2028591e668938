// Rule name.vietnamese-spelling: in Vietnamese text a name of several syllables with a lower-case syllable in it
// ("Liên bang Nga", "Tòa thánh Vatican") is a name only when the gazetteer writes one of the entity's names with the
// same syllables, tone marks aside. Name keys fold away spaces and diacritics, which lets "Ha Noi" find "Hanoi",
// but also made Vietnamese words into places: "Chỉ ba" (only three) was Chiba, "Từ sân" Tucson, "Ba nhà" Banha,
// "Cố đô" (the old capital) the town of Cờ Đỏ. Tone marks are set aside because Vietnamese writes them in two
// places ("hòa" and "hoà"); the vowel marks (â, ă, ê, ô, ơ, ư) and đ are kept, as they spell different words.
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
}

extension MentionFinder {
    /// Whether the name found at `tokens[i...j]` may stand (rule name.vietnamese-spelling): always, unless the text
    /// is Vietnamese and a syllable after the first is written in lower case.
    func spelledAsWritten(_ ref: Gazetteer.NameRef, from i: Int, through j: Int) -> Bool {
        guard language == .vietnamese, j > i,
              (i + 1...j).contains(where: { tokens[$0].kind == .word && !tokens[$0].capitalized }) else { return true }
        let span = String(decoding: UnsafeBufferPointer(rebasing: b[Int(tokens[i].start)..<Int(tokens[j].end)]), as: UTF8.self)
        let names = gazetteer.entities.read(Int(ref.entity)) { [$0.name] + $0.aliases + $0.demonyms }
        return VietnameseSpelling.spells(Substring(span), oneOf: names)
    }
}
