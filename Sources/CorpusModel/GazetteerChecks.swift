import Foundation

// What a gazetteer file may name (docs/overlays.md, "Mistakes"): a country cell must be the alpha-3 code of a country
// loaded before it, an office's organisation the id of a known organisation, and a gazetteer folder may hold only the
// files the loader reads. A row naming something unknown is refused with its file, line and column and a "did you
// mean" where one fits, in the bundled files and in overlays alike.

extension Gazetteer {
    /// The `.tsv` files a gazetteer folder may hold.
    static let knownFiles = ["countries.tsv", "cities.tsv", "subdivisions.tsv", "former-states.tsv", "former-state-regions.tsv",
                             "organisations.tsv",
                             "persons.tsv", "person-genders.tsv", "offices.tsv", "country-aliases.tsv", "city-aliases.tsv"]

    /// The countries loaded so far, to check the rows of the files read after them.
    var countryCheck: CountryCheck { CountryCheck(countries: entities.filter { $0.kind == .country }) }

    /// An error for cell `k` of an office row when it names an organisation the gazetteer lacks, else nil.
    func unknownOrganisation(_ t: TSVFile, _ row: TSVRow, cell k: Int) -> Diagnostic? {
        let id = t.string(row.cells[k])
        guard !id.isEmpty, entity(id: id)?.kind != .organisation else { return nil }
        let ids = entities.lazy.filter { $0.kind == .organisation }.map(\.id)
        return t.diagnostic(row, cell: k, "unknown organisation '\(id)'\(Suggestion.hint(for: id, among: Array(ids))); line skipped")
    }

    /// Errors for the `.tsv` files of `directory` that no gazetteer file is called ("person.tsv"): they would be
    /// ignored, and what the analyst put in them lost without a word.
    static func unknownFiles(in directory: URL) -> [Diagnostic] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".tsv") && !knownFiles.contains($0) }.sorted().map { name in
            let hint = Suggestion.closest(to: name, among: knownFiles).map { "did you mean '\($0)'? " } ?? ""
            return Diagnostic(file: directory.appendingPathComponent(name).path, severity: .error,
                              message: "not a gazetteer file (\(hint)a gazetteer folder holds \(knownFiles.joined(separator: ", ")))")
        }
    }
}

/// The country codes a gazetteer file may name, and the countries' names, to suggest the code of a country written
/// by name ("Bolivia" for `BOL`) or misspelt ("BLO": `BLR`, `BLZ` or `BOL`).
struct CountryCheck {
    private let nameByCode: [String: String]
    private let codeByName: [UInt64: String]

    init(countries: [Entity]) {
        var byName: [UInt64: String] = [:], byCode: [String: String] = [:]
        for country in countries {
            byCode[country.id] = country.name
            for name in [country.name] + country.aliases where byName[Fold.key(name)] == nil { byName[Fold.key(name)] = country.id }
        }
        nameByCode = byCode
        codeByName = byName
    }

    /// An error for cell `k` of `row` when it names an unknown country (an empty cell names none), else nil.
    func unknown(_ t: TSVFile, _ row: TSVRow, cell k: Int) -> Diagnostic? {
        let code = t.string(row.cells[k])
        guard !code.isEmpty, nameByCode[code] == nil else { return nil }
        return t.diagnostic(row, cell: k, "unknown country '\(code)'\(hint(for: code)); line skipped")
    }

    /// " (did you mean 'BOL'?)" for a country's name or two letters swapped ("BLO"), else the codes one edit away
    /// (at most three, with their names).
    func hint(for text: String) -> String {
        if let code = codeByName[Fold.key(text)] { return " (did you mean '\(code)'?)" }
        let upper = text.uppercased()
        let close = nameByCode.keys.filter { Suggestion.distance(upper, $0) == 1 }.sorted()
        let swapped = close.filter { $0.sorted() == upper.sorted() }
        if swapped.count == 1 { return " (did you mean '\(swapped[0])' (\(nameByCode[swapped[0]] ?? swapped[0]))?)" }
        guard !close.isEmpty, close.count <= 3 else { return "" }
        let named = close.map { "'\($0)' (\(nameByCode[$0] ?? $0))" }
        let list = named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " or " + named.last!
        return " (did you mean \(list)?)"
    }
}
