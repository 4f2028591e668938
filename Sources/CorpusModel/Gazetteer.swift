import Foundation

/// How a name in the index refers to its entity.
public enum NameRole: UInt8, Sendable {
    /// The name or an alias ("Vietnam", "Việt Nam", "DPRK").
    case name = 0
    /// A demonym, standing for its country ("Vietnamese", "North Korean").
    case demonym = 1
}

/// Every known entity, looked up by folded key. Immutable and `Sendable` once built.
public struct Gazetteer: Sendable {
    public private(set) var entities: [Entity]
    /// Folded key of a name, alias or demonym -> (entity index, role) pairs.
    private var names: [UInt64: [NameRef]]
    /// Folded key of a short form ("Lâm", "Kim") -> person indexes.
    private var shorts: [UInt64: [Int32]]
    private var byID: [String: Int32]
    /// Lower-case keys (diacritics kept) of the one-word names, aliases and short forms. A one-word match in
    /// Vietnamese text, or on a word with diacritics, must agree on diacritics too ("Bí" is not "Bỉ").
    private var exactSingles: Set<UInt64>

    struct NameRef: Sendable, Hashable {
        var entity: Int32
        var role: NameRole
    }

    public init(entities: [Entity] = []) {
        self.entities = []
        names = [:]
        shorts = [:]
        byID = [:]
        exactSingles = []
        for e in entities { add(e) }
    }

    /// Adds an entity and indexes its names. An entity with an existing id replaces its names' targets
    /// only for the new names; its record is merged (aliases, offices appended).
    @discardableResult
    public mutating func add(_ entity: Entity) -> Int {
        if let existing = byID[entity.id] {
            var e = entities[Int(existing)]
            e.aliases += entity.aliases.filter { !e.aliases.contains($0) }
            e.short += entity.short.filter { !e.short.contains($0) }
            e.offices += entity.offices
            e.demonyms += entity.demonyms.filter { !e.demonyms.contains($0) }
            entities[Int(existing)] = e
            index(entity, at: existing)
            return Int(existing)
        }
        let i = Int32(entities.count)
        entities.append(entity)
        byID[entity.id] = i
        index(entity, at: i)
        return Int(i)
    }

    mutating func addOffice(_ office: Office, toPerson index: Int) {
        entities[index].offices.append(office)
    }

    private mutating func index(_ e: Entity, at i: Int32) {
        func put(_ text: String, _ role: NameRole) {
            if !text.contains(" ") { exactSingles.insert(Fold.lowerKey(text)) }
            let k = Fold.key(text)
            if k == Fold.empty { return }
            let ref = NameRef(entity: i, role: role)
            if names[k]?.contains(ref) == true { return }
            names[k, default: []].append(ref)
        }
        put(e.name, .name)
        if e.kind == .country { put(e.id, .name); if let a2 = e.alpha2, a2.count > 2 { put(a2, .name) } }
        for a in e.aliases { put(a, .name) }
        for d in e.demonyms { put(d, .demonym) }
        for s in e.short {
            exactSingles.insert(Fold.lowerKey(s))
            let k = Fold.key(s)
            if shorts[k]?.contains(i) != true { shorts[k, default: []].append(i) }
        }
    }

    public func entity(id: String) -> Entity? { byID[id].map { entities[Int($0)] } }
    public func index(ofID id: String) -> Int? { byID[id].map(Int.init) }

    /// Entities named `name` (any alias, any case, with or without diacritics or hyphens).
    public func lookup(_ name: some StringProtocol) -> [Entity] {
        (names[Fold.key(name)] ?? []).map { entities[Int($0.entity)] }
    }

    func refs(forKey key: UInt64) -> [NameRef]? { names[key] }
    func shortRefs(forKey key: UInt64) -> [Int32]? { shorts[key] }
    func hasShort(_ key: UInt64) -> Bool { shorts[key] != nil }
    func isExactSingle(_ lowerKey: UInt64) -> Bool { exactSingles.contains(lowerKey) }

    /// The country with this ISO alpha-3 code.
    public func country(_ alpha3: String) -> Entity? {
        guard let e = entity(id: alpha3), e.kind == .country else { return nil }
        return e
    }
}

// MARK: - Loading

extension Gazetteer {
    public static let countryColumns = ["alpha2", "alpha3", "numeric", "name", "official_name", "aliases", "demonyms", "capital"]
    public static let cityColumns = ["id", "name", "country", "population", "aliases"]
    public static let personColumns = ["id", "name", "country", "aliases", "short"]
    public static let officeColumns = ["person", "title", "level", "country", "organisation", "start", "end"]
    public static let organisationColumns = ["id", "name", "kind", "country", "aliases"]
    static let organisationKinds: Set<String> = ["party", "ministry", "government", "legislature", "news_agency", "other"]

    /// Loads the gazetteer files found in `directories`, in order (a later directory adds to an earlier
    /// one: extra persons, offices, aliases). Missing files are skipped; malformed lines are reported
    /// with file, line and column and skipped, and everything else still loads.
    public static func load(directories: [URL]) -> (Gazetteer, [Diagnostic]) {
        var g = Gazetteer()
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        for dir in directories {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
                diagnostics.append(Diagnostic(file: dir.path, severity: .error, message: "gazetteer directory not found"))
                continue
            }
            func file(_ name: String) -> String? {
                let p = dir.appendingPathComponent(name).path
                return fm.fileExists(atPath: p) ? p : nil
            }
            if let p = file("countries.tsv") { diagnostics += g.loadCountries(p) }
            if let p = file("cities.tsv") { diagnostics += g.loadCities(p) }
            if let p = file("organisations.tsv") { diagnostics += g.loadOrganisations(p) }
            if let p = file("persons.tsv") { diagnostics += g.loadPersons(p) }
            if let p = file("offices.tsv") { diagnostics += g.loadOffices(p) }
        }
        return (g, diagnostics)
    }

    public static func load(directory: URL) -> (Gazetteer, [Diagnostic]) { load(directories: [directory]) }

    mutating func loadCountries(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.countryColumns)
        var d = t.diagnostics
        for row in t.rows {
            let c = row.cells
            let a3 = t.string(c[1])
            guard a3.count == 3, a3.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
                d.append(t.diagnostic(row, cell: 1, "alpha3 must be three capital letters, found '\(a3)'; line skipped"))
                continue
            }
            let name = t.string(c[3])
            guard !name.isEmpty else { d.append(t.diagnostic(row, cell: 3, "empty name; line skipped")); continue }
            var aliases = t.list(c[5])
            if let official = t.optionalString(c[4]) { aliases.insert(official, at: 0) }
            add(Entity(id: a3, kind: .country, name: name, aliases: aliases, country: a3,
                       alpha2: t.optionalString(c[0]), demonyms: t.list(c[6]), capital: t.optionalString(c[7])))
        }
        return d
    }

    mutating func loadCities(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.cityColumns)
        var d = t.diagnostics
        for row in t.rows {
            let c = row.cells
            let id = t.string(c[0]), name = t.string(c[1]), country = t.string(c[2])
            if id.isEmpty || name.isEmpty {
                d.append(t.diagnostic(row, cell: id.isEmpty ? 0 : 1, "empty id or name; line skipped")); continue
            }
            var population: Int?
            if !c[3].isEmpty {
                guard let p = Int(t.string(c[3])), p >= 0 else {
                    d.append(t.diagnostic(row, cell: 3, .warning, "population is not a whole number; ignored"))
                    add(Entity(id: id, kind: .city, name: name, aliases: t.list(c[4]), country: country))
                    continue
                }
                population = p
            }
            add(Entity(id: id, kind: .city, name: name, aliases: t.list(c[4]), country: country.isEmpty ? nil : country,
                       population: population))
        }
        return d
    }

    mutating func loadOrganisations(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.organisationColumns)
        var d = t.diagnostics
        for row in t.rows {
            let c = row.cells
            let id = t.string(c[0]), name = t.string(c[1]), kind = t.string(c[2])
            if id.isEmpty || name.isEmpty {
                d.append(t.diagnostic(row, cell: id.isEmpty ? 0 : 1, "empty id or name; line skipped")); continue
            }
            if !Self.organisationKinds.contains(kind) {
                d.append(t.diagnostic(row, cell: 2, .warning, "unknown organisation kind '\(kind)'; taken as 'other'"))
            }
            add(Entity(id: id, kind: .organisation, name: name, aliases: t.list(c[4]),
                       country: t.optionalString(c[3]),
                       organisationKind: Self.organisationKinds.contains(kind) ? kind : "other"))
        }
        return d
    }

    mutating func loadPersons(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.personColumns)
        var d = t.diagnostics
        for row in t.rows {
            let c = row.cells
            let id = t.string(c[0]), name = t.string(c[1])
            if id.isEmpty || name.isEmpty {
                d.append(t.diagnostic(row, cell: id.isEmpty ? 0 : 1, "empty id or name; line skipped")); continue
            }
            add(Entity(id: id, kind: .person, name: name, aliases: t.list(c[3]), short: t.list(c[4]),
                       country: t.optionalString(c[2])))
        }
        return d
    }

    mutating func loadOffices(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.officeColumns)
        var d = t.diagnostics
        for row in t.rows {
            let c = row.cells
            let person = t.string(c[0])
            guard let pi = index(ofID: person), entities[pi].kind == .person else {
                d.append(t.diagnostic(row, cell: 0, "unknown person '\(person)'; line skipped")); continue
            }
            guard let level = Level(rawValue: t.string(c[2])) else {
                d.append(t.diagnostic(row, cell: 2, "unknown level '\(t.string(c[2]))'; line skipped")); continue
            }
            var start: PartialDate?, end: PartialDate?
            if !c[5].isEmpty {
                guard let s = PartialDate(iso: t.string(c[5])) else {
                    d.append(t.diagnostic(row, cell: 5, "start is not an ISO partial date; line skipped")); continue
                }
                start = s
            }
            if !c[6].isEmpty {
                guard let e = PartialDate(iso: t.string(c[6])) else {
                    d.append(t.diagnostic(row, cell: 6, "end is not an ISO partial date; line skipped")); continue
                }
                end = e
            }
            addOffice(Office(title: t.string(c[1]), level: level, country: t.optionalString(c[3]),
                             organisation: t.optionalString(c[4]), start: start, end: end), toPerson: pi)
        }
        return d
    }
}
