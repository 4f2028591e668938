import Foundation

// A gazetteer overlay (docs/overlays.md): a gazetteer folder loaded after the one below it, holding only what an
// analyst adds: persons and their offices, cities, organisations, and aliases of countries and cities
// (`country-aliases.tsv`, `city-aliases.tsv`, the curated files' columns). Rows for an id the folders below have
// add their aliases and offices; a row that contradicts what is below (another name or country for the same id, an
// office of the same person, level and country with other dates over the same time) is reported, naming both files
// and lines, and the overlay's wins.

/// How an entity file lays out the cells an overlay can contradict.
struct EntityFileLayout {
    var file: String
    var columns: [String]
    var id: Int
    var name: Int
    var country: Int?

    static let all = [
        EntityFileLayout(file: "countries.tsv", columns: Gazetteer.countryColumns, id: 1, name: 3, country: nil),
        EntityFileLayout(file: "cities.tsv", columns: Gazetteer.cityColumns, id: 0, name: 1, country: 2),
        EntityFileLayout(file: "subdivisions.tsv", columns: Gazetteer.subdivisionColumns, id: 0, name: 1, country: 2),
        EntityFileLayout(file: "organisations.tsv", columns: Gazetteer.organisationColumns, id: 0, name: 1, country: 3),
        EntityFileLayout(file: "persons.tsv", columns: Gazetteer.personColumns, id: 0, name: 1, country: 2),
    ]
}

extension Gazetteer {
    public static let countryAliasColumns = ["country", "alias", "lang", "kind"]
    public static let cityAliasColumns = ["city", "alias", "lang"]
    static let countryAliasKinds = ["name", "press", "abbreviation", "demonym"]

    /// Before an overlay folder is loaded: reports its rows that contradict the folders in `below` and makes the
    /// overlay win (the entity's name and country set, the contradicted office removed; the load then adds the
    /// overlay's rows).
    mutating func resolveContradictions(in overlay: URL, below: [URL]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for layout in EntityFileLayout.all {
            let path = overlay.appendingPathComponent(layout.file).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            diagnostics += resolveEntityContradictions(TSVFile(path: path, columns: layout.columns), layout: layout, below: below)
        }
        let offices = overlay.appendingPathComponent("offices.tsv").path
        if FileManager.default.fileExists(atPath: offices) {
            diagnostics += resolveOfficeContradictions(TSVFile(path: offices, columns: Self.officeColumns), below: below)
        }
        return diagnostics
    }

    private mutating func resolveEntityContradictions(_ t: TSVFile, layout: EntityFileLayout, below: [URL]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for row in t.rows {
            let id = t.string(row.cells[layout.id]), name = t.string(row.cells[layout.name])
            guard !name.isEmpty, let index = index(ofID: id) else { continue }
            let old = entities[index]
            let country = layout.country.flatMap { t.optionalString(row.cells[$0]) } ?? old.country
            guard old.name != name || old.country != country else { continue }
            let origin = Self.origin(in: below, file: layout.file, columns: layout.columns) { t2, r in t2.string(r.cells[layout.id]) == id }
            func describe(_ name: String, _ country: String?) -> String { "'\(name)'" + (country.map { " of \($0)" } ?? "") }
            diagnostics.append(t.diagnostic(row, cell: layout.name, .warning,
                "'\(id)' is \(describe(name, country)) here but \(describe(old.name, old.country)) in \(origin); the overlay wins"))
            rename(index, name: name, country: country)
        }
        return diagnostics
    }

    private mutating func resolveOfficeContradictions(_ t: TSVFile, below: [URL]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for row in t.rows {
            let c = row.cells
            guard let person = index(ofID: t.string(c[0])), let level = Level(rawValue: t.string(c[2])) else { continue }
            let start = t.optionalString(c[5]).flatMap { PartialDate(iso: $0) }, end = t.optionalString(c[6]).flatMap { PartialDate(iso: $0) }
            if (!c[5].isEmpty && start == nil) || (!c[6].isEmpty && end == nil) { continue } // the load reports it
            let new = Office(title: t.string(c[1]), level: level, country: t.optionalString(c[3]),
                             organisation: t.optionalString(c[4]), start: start, end: end)
            guard let k = entities[person].offices.firstIndex(where: { $0.isSameOffice(as: new) && $0.overlaps(new) }) else { continue }
            let old = entities[person].offices[k]
            let origin = Self.origin(in: below, file: "offices.tsv", columns: Self.officeColumns) { t2, r in
                t2.string(r.cells[0]) == t.string(c[0]) && t2.string(r.cells[2]) == level.rawValue
                    && t2.optionalString(r.cells[5]).flatMap { PartialDate(iso: $0) } == old.start
                    && t2.optionalString(r.cells[6]).flatMap { PartialDate(iso: $0) } == old.end
            }
            let message = old == new ? "this office is already in \(origin); duplicate ignored"
                : "'\(t.string(c[0]))' holds \(new.title) \(new.span) here but \(old.span) in \(origin); the overlay wins"
            diagnostics.append(t.diagnostic(row, cell: old == new ? 0 : 5, .warning, message))
            removeOffice(k, ofPerson: person)
        }
        return diagnostics
    }

    /// `file:line` of the last row of `file` in `folders` that `matches`, or the file name when none does.
    static func origin(in folders: [URL], file: String, columns: [String], matches: (TSVFile, TSVRow) -> Bool) -> String {
        for folder in folders.reversed() {
            let path = folder.appendingPathComponent(file).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let t = TSVFile(path: path, columns: columns)
            if let row = t.rows.last(where: { matches(t, $0) }) { return SourceLine(file: path, line: row.line).description }
        }
        return folders.last.map { $0.appendingPathComponent(file).path } ?? file
    }

    /// `country-aliases.tsv`: more names and demonyms of known countries.
    mutating func loadCountryAliases(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.countryAliasColumns)
        var d = t.diagnostics
        for row in t.rows {
            let c = row.cells
            let code = t.string(c[0]), alias = t.string(c[1]), kind = t.string(c[3])
            guard let country = country(code) else { d.append(t.diagnostic(row, cell: 0, "unknown country '\(code)'; line skipped")); continue }
            guard !alias.isEmpty else { d.append(t.diagnostic(row, cell: 1, "empty alias; line skipped")); continue }
            guard Self.countryAliasKinds.contains(kind) else {
                d.append(t.diagnostic(row, cell: 3, "unknown kind '\(kind)' (one of \(Self.countryAliasKinds.joined(separator: ", "))); line skipped"))
                continue
            }
            add(Entity(id: country.id, kind: .country, name: country.name, aliasText: kind == "demonym" ? "" : alias,
                       demonymText: kind == "demonym" ? alias : "", country: country.id))
        }
        return d
    }

    /// `city-aliases.tsv`: more names of known cities.
    mutating func loadCityAliases(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.cityAliasColumns)
        var d = t.diagnostics
        for row in t.rows {
            let c = row.cells
            let id = t.string(c[0]), alias = t.string(c[1])
            guard let city = entity(id: id), city.kind == .city else { d.append(t.diagnostic(row, cell: 0, "unknown city '\(id)'; line skipped")); continue }
            guard !alias.isEmpty else { d.append(t.diagnostic(row, cell: 1, "empty alias; line skipped")); continue }
            add(Entity(id: city.id, kind: .city, name: city.name, aliasText: alias, country: city.country))
        }
        return d
    }
}

extension Office {
    /// The same office of one person: the same level, country and organisation.
    func isSameOffice(as other: Office) -> Bool {
        level == other.level && country == other.country && organisation == other.organisation
    }

    /// Whether the two terms share a day (an unknown start is open to the past, no end is open to the future).
    func overlaps(_ other: Office) -> Bool {
        let lower = { (d: PartialDate?) in d?.dayRange.lowerBound }, upper = { (d: PartialDate?) in d?.dayRange.upperBound }
        if let s = lower(start), let e = upper(other.end), s > e { return false }
        if let s = lower(other.start), let e = upper(end), s > e { return false }
        return true
    }

    /// "from 2019-04 to 2021", as messages name a term.
    var span: String { "from \(start?.iso ?? "an unknown date") to \(end?.iso ?? "now")" }
}
