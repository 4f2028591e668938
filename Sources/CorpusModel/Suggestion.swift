// "Did you mean ...?": the closest known word to a misspelt one, by edit distance. Shared by the corpus
// model (gold files, data files), the Lua API (filters, keys) and the plugin host (plugin names,
// parameters, manifest fields).

import Foundation

public enum Suggestion {
    /// The optimal-string-alignment distance between `a` and `b`: insertions, deletions, substitutions
    /// and transpositions of two neighbouring characters each cost 1 (`hihg` is 1 from `high`).
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count]
    }

    /// The candidate closest to `word` (case and diacritics ignored), when it is close enough to be a
    /// plausible typo: at most 2 edits, or a third of the word's length for long words.
    public static func closest(to word: String, among candidates: some Collection<String>,
                               maxDistance: Int? = nil) -> String? {
        let key = fold(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = distance(key, fold(candidate))
            if d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        guard let best else { return nil }
        let limit = maxDistance ?? max(2, key.count / 3)
        if best.distance <= limit && best.distance < max(key.count, 1) { return best.candidate }
        // An abbreviation: `int` for `integer`, when only one candidate starts so.
        guard maxDistance == nil, key.count >= 3 else { return nil }
        let prefixed = Set(candidates.filter { fold($0).hasPrefix(key) })
        return prefixed.count == 1 ? prefixed.first : nil
    }

    /// `" (did you mean 'x'?)"`, or nothing.
    public static func hint(for word: String, among candidates: some Collection<String>) -> String {
        closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "-", with: "_")
    }
}
