import Foundation

// `person-genders.tsv` (Data/gazetteer/FORMAT.md): the gender of the persons for whom it is known, `f` or `m`, one
// person a line. A file of its own rather than a column of `persons.tsv`, so that the persons' rows and an
// overlay's `persons.tsv` keep their columns and a person's gender stays optional: a person without a row has
// none, and a gendered pronoun may stand for him or her (Coreference.swift).

extension Gender {
    /// " (did you mean 'f'?)" for a word that starts like a gender's code ("female", "F", "Male"), else "".
    static func hint(for text: String) -> String {
        guard let first = text.lowercased().first, let g = Gender(rawValue: String(first)) else {
            return " (one of \(allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"
        }
        return " (did you mean '\(g.rawValue)'?)"
    }
}

extension Gazetteer {
    public static let personGenderColumns = ["person", "gender"]

    /// Reads `person-genders.tsv`: an unknown person or gender is refused with a "did you mean"; a person given
    /// two genders in the file keeps the first; a row of an overlay that gives a person of the folders `below`
    /// another gender is reported with both places, and the overlay wins.
    mutating func loadPersonGenders(_ path: String, below: [URL]) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.personGenderColumns)
        var d = t.diagnostics
        var seen: [Int: Int] = [:] // person index -> line in this file
        for row in t.rows {
            let c = row.cells
            let person = t.string(c[0]), code = t.string(c[1])
            guard let pi = index(ofID: person), entities[pi].kind == .person else {
                let persons = entities.lazy.filter { $0.kind == .person }.map(\.id)
                d.append(t.diagnostic(row, cell: 0, "unknown person '\(person)'\(Suggestion.hint(for: person, among: Array(persons))); line skipped"))
                continue
            }
            guard let gender = Gender(rawValue: code) else {
                d.append(t.diagnostic(row, cell: 1, "unknown gender '\(code)'\(Gender.hint(for: code)); line skipped"))
                continue
            }
            if let line = seen[pi] {
                if entities[pi].gender != gender {
                    d.append(t.diagnostic(row, cell: 1, "'\(person)' is given another gender on line \(line); line skipped"))
                } else {
                    d.append(t.diagnostic(row, cell: 0, .warning, "'\(person)' is already on line \(line); duplicate ignored"))
                }
                continue
            }
            seen[pi] = row.line
            if let old = entities[pi].gender, old != gender {
                let origin = Self.origin(in: below, file: "person-genders.tsv", columns: Self.personGenderColumns) { t2, r in
                    t2.string(r.cells[0]) == person
                }
                d.append(t.diagnostic(row, cell: 1, .warning,
                                      "'\(person)' is '\(gender.rawValue)' here but '\(old.rawValue)' in \(origin); the overlay wins"))
            }
            setGender(gender, ofPerson: pi)
        }
        return d
    }
}
