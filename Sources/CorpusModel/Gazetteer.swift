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
    /// Read from a snapshot, each entity is decoded when first read (`GazetteerEntities`).
    public private(set) var entities: GazetteerEntities
    /// Entity id -> index (the first entity of an id). A gazetteer read from a snapshot makes it on first use.
    private var ownIDs: [String: Int32]
    private var pendingIDs: PendingIDIndex?
    private var byID: [String: Int32] {
        _read { if let pendingIDs { yield pendingIDs.index } else { yield ownIDs } }
        _modify { decodeIDIndex(); yield &ownIDs }
    }
    /// The name index (`NameIndex`). A gazetteer read from a snapshot keeps it there until it is first used.
    private var ownNames = NameIndex()
    private var pendingNames: PendingNameIndex?

    private(set) var names: KeyTable {
        _read { if let pendingNames { yield pendingNames.index.names } else { yield ownNames.names } }
        _modify { decodeNameIndex(); yield &ownNames.names }
    }
    private(set) var moreNames: LookupTable<[NameRef]> {
        _read { if let pendingNames { yield pendingNames.index.moreNames } else { yield ownNames.moreNames } }
        _modify { decodeNameIndex(); yield &ownNames.moreNames }
    }
    private(set) var shorts: LookupTable<[Int32]> {
        _read { if let pendingNames { yield pendingNames.index.shorts } else { yield ownNames.shorts } }
        _modify { decodeNameIndex(); yield &ownNames.shorts }
    }
    private(set) var exactSingles: KeyTable {
        _read { if let pendingNames { yield pendingNames.index.exactSingles } else { yield ownNames.exactSingles } }
        _modify { decodeNameIndex(); yield &ownNames.exactSingles }
    }
    /// Former states (`former-states.tsv`), in file order.
    public internal(set) var formerStates: [FormerState] = []
    /// Subdivisions that belonged to a former state for a period (`former-state-regions.tsv`), in file order.
    public internal(set) var formerRegions: [FormerRegion] = []

    struct NameRef: Sendable, Hashable {
        var entity: Int32
        var role: NameRole
    }

    /// The refs of one name: the first held in place, the others in the index's own array (or in an array of
    /// the caller's, for a list filtered from it).
    struct NameRefs: RandomAccessCollection {
        private let head: NameRef?
        private let tail: [NameRef]
        init(first: NameRef, more: [NameRef]) { head = first; tail = more }
        init(_ refs: [NameRef]) { head = refs.first; tail = Array(refs.dropFirst()) }
        var startIndex: Int { 0 }
        var endIndex: Int { head == nil ? 0 : tail.count + 1 }
        subscript(i: Int) -> NameRef { i == 0 ? head! : tail[i - 1] }
    }

    public init(entities: [Entity] = []) {
        self.entities = GazetteerEntities()
        ownIDs = [:]
        for e in entities { add(e) }
    }

    /// Decodes the name index and the entities now if they are still in the snapshot: a builder looks names up and
    /// reads entities on every core, and then reads them without the lock of the first use.
    mutating func decodeNameIndex() {
        decodeIDIndex()
        entities.decodeAll()
        guard let pending = pendingNames else { return }
        ownNames = pending.index
        pendingNames = nil
    }

    /// Readies the name index for a build's lookups: decoded, with the prefilter of its names (`KeyPrefilter`).
    mutating func prepareNameLookups() {
        decodeNameIndex()
        ownNames.namesFilter = KeyPrefilter(ownNames.names)
    }

    private mutating func decodeIDIndex() {
        guard let pending = pendingIDs else { return }
        ownIDs = pending.index
        pendingIDs = nil
    }

    /// Adds an entity and indexes its names. An entity with an existing id replaces its names' targets
    /// only for the new names; its record is merged (aliases, offices appended).
    @discardableResult
    public mutating func add(_ entity: Entity) -> Int {
        decodeIDIndex() // before the append: the pending index shares the entities' storage
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

    mutating func removeOffice(_ office: Int, ofPerson index: Int) {
        entities[index].offices.remove(at: office)
    }

    /// Gives person `index` a gender (`person-genders.tsv`).
    mutating func setGender(_ gender: Gender, ofPerson index: Int) {
        entities[index].gender = gender
    }

    /// Gives entity `index` another name and country (an overlay's); its earlier name stays indexed.
    mutating func rename(_ index: Int, name: String, country: String?) {
        entities[index].name = name
        entities[index].country = country
    }

    private mutating func index(_ e: Entity, at i: Int32) {
        func put(_ text: String, _ role: NameRole) {
            if !text.utf8.contains(0x20) {
                exactSingles.set(Fold.lowerKey(text), 1)
                var t = text
                if let joined = t.withUTF8({ Self.joinedSyllablesKey($0, 0..<$0.count) }) { exactSingles.set(joined, 1) }
            }
            let k = Fold.key(text)
            if k == Fold.empty { return }
            putName(k, NameRef(entity: i, role: role))
        }
        put(e.name, .name)
        if e.kind == .country { put(e.id, .name); if let a2 = e.alpha2, a2.count > 2 { put(a2, .name) } }
        for a in e.aliases { put(a, .name) }
        for d in e.demonyms { put(d, .demonym) }
        for s in e.short {
            exactSingles.set(Fold.lowerKey(s), 1)
            let k = Fold.key(s)
            if shorts[k]?.contains(i) != true { shorts[k] = (shorts[k] ?? []) + [i] }
        }
    }

    /// Keys that only codes and acronyms have ("BEN" for Benin, "DPRK"): no name, alias or demonym written
    /// otherwise folds to them. Such a key matches only a word written in capitals ("Ben Gurion" is not Benin).
    func acronymOnlyKeys() -> KeyTableSet {
        func isAcronym(_ s: String) -> Bool { (2...5).contains(s.utf8.count) && s.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A } }
        var acronyms = Set<UInt64>(), plain = Set<UInt64>()
        for e in entities {
            var names = [e.name] + e.aliases + e.demonyms + e.short
            if e.kind == .country { names.append(e.id); if let a2 = e.alpha2 { names.append(a2) } }
            for n in names {
                if isAcronym(n) { acronyms.insert(Fold.key(n)) } else { plain.insert(Fold.key(n)) }
            }
        }
        return KeyTableSet(Array(acronyms.subtracting(plain)))
    }

    public func entity(id: String) -> Entity? { byID[id].map { entities[Int($0)] } }
    public func index(ofID id: String) -> Int? { byID[id].map(Int.init) }

    /// Entities named `name` (any alias, any case, with or without diacritics or hyphens).
    public func lookup(_ name: some StringProtocol) -> [Entity] {
        (refs(forKey: Fold.key(name)) ?? []).map { entities[Int($0.entity)] }
    }

    func refs(forKey key: UInt64) -> [NameRef]? { nameRefs(forKey: key).map(Array.init) }

    /// The entities named by `key`, without an array made for them: the text's names are looked up at every
    /// capitalised word.
    /// (The lookups below read the index in place, not through the accessors of `names` and the other tables: each
    /// call of those retained and released their arrays.)
    func nameRefs(forKey key: UInt64) -> NameRefs? {
        if let pendingNames { return pendingNames.index.nameRefs(forKey: key) }
        return ownNames.nameRefs(forKey: key)
    }
    func shortRefs(forKey key: UInt64) -> [Int32]? {
        if let pendingNames { return pendingNames.index.shorts[key] }
        return ownNames.shorts[key]
    }
    func hasShort(_ key: UInt64) -> Bool {
        if let pendingNames { return pendingNames.index.shorts.contains(key) }
        return ownNames.shorts.contains(key)
    }
    func isExactSingle(_ lowerKey: UInt64) -> Bool {
        if let pendingNames { return pendingNames.index.exactSingles.contains(lowerKey) }
        return ownNames.exactSingles.contains(lowerKey)
    }

    private mutating func putName(_ k: UInt64, _ ref: NameRef) {
        let packed = UInt32(ref.entity) << 1 | UInt32(ref.role.rawValue)
        guard let first = names.get(k) else { names.set(k, packed); return }
        if first == packed || moreNames[k]?.contains(ref) == true { return }
        moreNames[k] = (moreNames[k] ?? []) + [ref]
    }

    /// The country with this ISO alpha-3 code.
    public func country(_ alpha3: String) -> Entity? {
        // Read from a snapshot, before any other id is looked up: the countries' ids alone (a report's evidence names
        // countries), not all eight thousand. The same answer: an id names one entity in a gazetteer (`add` merges).
        if let pendingIDs { return pendingIDs.country(alpha3).map { entities[Int($0)] } }
        guard let e = entity(id: alpha3), e.kind == .country else { return nil }
        return e
    }

    /// The states that took the place of the former state `code` ("SUN" -> RUS, UKR, ...), or [] when
    /// `code` is no former state of its own.
    public func successors(of code: String) -> [String] {
        formerStates.first { $0.code == code && !$0.successors.contains(code) }?.successors ?? []
    }

    /// The union of several states (SUN, YUG, CSK) that `country` was part of on `date`, if any: Kyiv in 1972 was
    /// in the Soviet Union, Zagreb in 1980 in Yugoslavia.
    public func formerUnion(of country: String, on date: PartialDate) -> String? {
        formerStates.first { $0.held(country, on: date) }?.code
    }

    /// Whether `code` is a former state of its own (SUN, YUG, DDR; not an earlier form of a state that continues
    /// under its code, as West Germany) that did not exist on `date`.
    public func isDefunct(_ code: String, on date: PartialDate) -> Bool {
        // A loop, not `filter`: this is asked of every visit candidate.
        var known = false
        for form in formerStates where form.code == code {
            if form.successors.contains(code) || form.existed(on: date) { return false }
            known = true
        }
        return known
    }

    /// True when `a` and `b` are the same state, or one is a former state whose successor is the other
    /// (SUN and RUS, DDR and DEU, YUG and SRB, CSK and CZE).
    public func sameOrSuccessor(_ a: String, _ b: String) -> Bool {
        a == b || successors(of: a).contains(b) || successors(of: b).contains(a)
    }
}

// MARK: - Loading

extension Gazetteer {
    public static let countryColumns = ["alpha2", "alpha3", "numeric", "name", "official_name", "aliases", "demonyms", "capital"]
    public static let cityColumns = ["id", "name", "country", "population", "aliases"]
    public static let personColumns = ["id", "name", "country", "aliases", "short"]
    public static let officeColumns = ["person", "title", "level", "country", "organisation", "start", "end"]
    public static let organisationColumns = ["id", "name", "kind", "country", "aliases"]
    public static let subdivisionColumns = ["code", "name", "country", "type", "aliases"]
    public static let formerStateColumns = ["alpha3", "name", "from", "to", "successors"]
    static let organisationKinds: Set<String> = ["party", "ministry", "government", "legislature", "news_agency", "other"]

    /// Loads the gazetteer files found in `directories`, in order (a later directory adds to an earlier
    /// one: extra persons, offices, aliases). Missing files are skipped; malformed lines are reported
    /// with file, line and column and skipped, and everything else still loads.
    /// Restores a gazetteer from its parts (the cache's path).
    init(entities: GazetteerEntities, names: PendingNameIndex) {
        self.entities = entities
        pendingNames = names
        // Hashing eight thousand ids was 3% of a warm run that looks up no id, or only countries'.
        ownIDs = [:]
        pendingIDs = PendingIDIndex(entities: entities)
    }

    /// Loads the gazetteer files found in `directories` (see `load(directories:)`), from a binary snapshot
    /// when one made from files of the same sizes and dates exists (in `$DOSSIER_CACHE_DIR`, else the
    /// temporary directory; `DOSSIER_NO_CACHE=1` turns it off). The snapshot is written after a full load.
    public static func load(directories: [URL]) -> (Gazetteer, [Diagnostic]) {
        let key = GazetteerCache.key(for: directories)
        // The folders' file names are checked on every load: the snapshot's key knows only the gazetteer files.
        let misnamed = directories.flatMap(unknownFiles(in:))
        if let key, let cached = GazetteerCache.read(key: key) { return (cached.0, misnamed + cached.1) }
        let loaded = loadTables(directories: directories)
        if let key { GazetteerCache.write(loaded.0, loaded.1, key: key) }
        return (loaded.0, misnamed + loaded.1)
    }

    /// Loads the TSV files, without the cache.
    public static func loadFromFiles(directories: [URL]) -> (Gazetteer, [Diagnostic]) {
        let loaded = loadTables(directories: directories)
        return (loaded.0, directories.flatMap(unknownFiles(in:)) + loaded.1)
    }

    /// Reads the gazetteer files of `directories`, in order.
    private static func loadTables(directories: [URL]) -> (Gazetteer, [Diagnostic]) {
        var g = Gazetteer()
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        for (position, dir) in directories.enumerated() {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
                diagnostics.append(Diagnostic(file: dir.path, severity: .error, message: "gazetteer directory not found"))
                continue
            }
            func file(_ name: String) -> String? {
                let p = dir.appendingPathComponent(name).path
                return fm.fileExists(atPath: p) ? p : nil
            }
            // Size every table once, from the files' sizes, rather than growing it file by file.
            let bytes = ["countries.tsv", "cities.tsv", "subdivisions.tsv", "organisations.tsv", "persons.tsv"].compactMap(file).reduce(0) {
                $0 + ((try? fm.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0)
            }
            g.reserve(bytes: bytes)
            // A folder after the first is an overlay: what it contradicts is reported and the overlay wins.
            if position > 0 { diagnostics += g.resolveContradictions(in: dir, below: Array(directories[..<position])) }
            if let p = file("countries.tsv") { diagnostics += g.loadCountries(p) }
            if let p = file("cities.tsv") { diagnostics += g.loadCities(p) }
            if let p = file("subdivisions.tsv") { diagnostics += g.loadSubdivisions(p) }
            if let p = file("former-states.tsv") { diagnostics += g.loadFormerStates(p) }
            if let p = file("former-state-regions.tsv") { diagnostics += g.loadFormerRegions(p) }
            if let p = file("organisations.tsv") { diagnostics += g.loadOrganisations(p) }
            if let p = file("persons.tsv") { diagnostics += g.loadPersons(p) }
            if let p = file("offices.tsv") { diagnostics += g.loadOffices(p) }
            if let p = file("person-genders.tsv") { diagnostics += g.loadPersonGenders(p, below: Array(directories[..<position])) }
            if let p = file("country-aliases.tsv") { diagnostics += g.loadCountryAliases(p) }
            if let p = file("city-aliases.tsv") { diagnostics += g.loadCityAliases(p) }
        }
        return (g, diagnostics)
    }

    public static func load(directory: URL) -> (Gazetteer, [Diagnostic]) { load(directories: [directory]) }

    /// Appends an entity without indexing its names: the loader indexes them from the file's bytes.
    /// Returns nil when the id exists already (the record is then merged by `add`).
    private mutating func append(_ e: Entity) -> Int32? {
        if byID[e.id] != nil { add(e); return nil }
        let i = Int32(entities.count)
        entities.append(e)
        byID[e.id] = i
        return i
    }

    /// "Giơ-ne-vơ" written as one word, "Giơnevơ", as Vietnamese papers also write transliterated names: the
    /// exact (diacritics kept) key of a hyphenated one-word name with its hyphens left out, nil when it has none or
    /// no letter outside ASCII (a romanisation such as "Chang-i", Zhangye, is not joined: "Changi" is Singapore's).
    static func joinedSyllablesKey(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt64? {
        guard b[r].contains(0x2D), b[r].contains(where: { $0 >= 0x80 }) else { return nil }
        var h = Fold.empty
        var start = r.lowerBound
        for k in r where b[k] == 0x2D {
            h = Fold.lowerHash(h, bytes: b, from: start, to: k)
            start = k + 1
        }
        return Fold.lowerHash(h, bytes: b, from: start, to: r.upperBound)
    }

    /// Indexes the names in `b[r]` (a `|`-separated list) for entity `i`; `role` nil means short forms.
    private mutating func indexCell(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ role: NameRole?, _ i: Int32) {
        var a = r.lowerBound
        while a < r.upperBound {
            var c = a
            var single = true
            while c < r.upperBound && b[c] != 0x7C { if b[c] == 0x20 { single = false }; c += 1 }
            if c > a {
                if single {
                    exactSingles.set(Fold.lowerHash(Fold.empty, bytes: b, from: a, to: c), 1)
                    if let joined = Self.joinedSyllablesKey(b, a..<c) { exactSingles.set(joined, 1) }
                }
                let k = Fold.hash(Fold.empty, bytes: b, from: a, to: c)
                if k != Fold.empty {
                    if let role {
                        putName(k, NameRef(entity: i, role: role))
                    } else if shorts[k]?.contains(i) != true {
                        shorts[k] = (shorts[k] ?? []) + [i]
                    }
                }
            }
            a = c + 1
        }
    }

    private mutating func reserveFor(_ t: TSVFile) {
        entities.reserveCapacity(atLeast: entities.count + t.rows.count)
    }

    /// Room for the names in about `bytes` of gazetteer files.
    mutating func reserve(bytes: Int) {
        entities.reserveCapacity(atLeast: entities.count + bytes / 50)
        byID.reserveCapacity(byID.count + bytes / 50)
        names.reserve(bytes / 14)
        exactSingles.reserve(bytes / 20)
    }

    mutating func loadCountries(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.countryColumns)
        var d = t.diagnostics
        reserveFor(t)
        t.bytes.withUnsafeBufferPointer { b in
            for row in t.rows {
                let c = row.cells
                let a3 = t.string(c[1])
                guard a3.utf8.count == 3, a3.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
                    d.append(t.diagnostic(row, cell: 1, "alpha3 must be three capital letters, found '\(a3)'; line skipped"))
                    continue
                }
                guard !c[3].isEmpty else { d.append(t.diagnostic(row, cell: 3, "empty name; line skipped")); continue }
                let official = t.string(c[4]), aliases = t.string(c[5])
                let e = Entity(id: a3, kind: .country, name: t.string(c[3]),
                               aliasText: official.isEmpty || aliases.split(separator: "|").contains(Substring(official)) ? aliases
                                   : aliases.isEmpty ? official : official + "|" + aliases,
                               demonymText: t.string(c[6]), country: a3, alpha2: t.optionalString(c[0]), capital: t.optionalString(c[7]))
                guard let i = append(e) else { continue }
                for k in [1, 3, 4, 5] { indexCell(b, c[k], .name, i) }
                indexCell(b, c[6], .demonym, i)
            }
        }
        return d
    }

    /// Reads an entity file whose rows start with an id and a name: a row missing either is skipped
    /// with a diagnostic; `make` builds the row's entity (reporting what it finds odd in the row; nil skips it), and
    /// the cells of `names` are indexed under their roles.
    private mutating func loadNamedEntities(
        _ path: String, columns: [String], names: [(cell: Int, role: NameRole?)],
        make: (TSVFile, TSVRow, UnsafeBufferPointer<UInt8>, inout [Diagnostic]) -> Entity?
    ) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: columns)
        var d = t.diagnostics
        reserveFor(t)
        t.bytes.withUnsafeBufferPointer { b in
            for row in t.rows {
                let c = row.cells
                if c[0].isEmpty || c[1].isEmpty {
                    d.append(t.diagnostic(row, cell: c[0].isEmpty ? 0 : 1, "empty id or name; line skipped")); continue
                }
                guard let entity = make(t, row, b, &d), let i = append(entity) else { continue }
                for name in names { indexCell(b, c[name.cell], name.role, i) }
            }
        }
        return d
    }

    mutating func loadCities(_ path: String) -> [Diagnostic] {
        let countries = countryCheck
        return loadNamedEntities(path, columns: Self.cityColumns, names: [(1, .name), (4, .name)]) { t, row, b, d in
            let c = row.cells
            if let unknown = countries.unknown(t, row, cell: 2) { d.append(unknown); return nil }
            var population: Int?
            if !c[3].isEmpty {
                var p = 0
                var ok = c[3].count < 12
                for k in c[3] { if b[k] < 0x30 || b[k] > 0x39 { ok = false; break }; p = p * 10 + Int(b[k] - 0x30) }
                if ok { population = p } else { d.append(t.diagnostic(row, cell: 3, .warning, "population is not a whole number; ignored")) }
            }
            return Entity(id: t.string(c[0]), kind: .city, name: t.string(c[1]), aliasText: t.string(c[4]),
                          country: t.optionalString(c[2]), population: population)
        }
    }

    mutating func loadSubdivisions(_ path: String) -> [Diagnostic] {
        let countries = countryCheck
        return loadNamedEntities(path, columns: Self.subdivisionColumns, names: [(1, .name), (4, .name)]) { t, row, _, d in
            let c = row.cells
            if c[2].isEmpty { d.append(t.diagnostic(row, cell: 2, "a subdivision needs its country; line skipped")); return nil }
            if let unknown = countries.unknown(t, row, cell: 2) { d.append(unknown); return nil }
            return Entity(id: t.string(c[0]), kind: .region, name: t.string(c[1]), aliasText: t.string(c[4]), country: t.string(c[2]))
        }
    }

    mutating func loadFormerStates(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.formerStateColumns)
        var d = t.diagnostics
        for row in t.rows {
            let c = row.cells
            let code = t.string(c[0])
            guard country(code) != nil else {
                d.append(t.diagnostic(row, cell: 0, "unknown country '\(code)'\(countryCheck.hint(for: code)); line skipped")); continue
            }
            guard let from = PartialDate(iso: t.string(c[2])) else {
                d.append(t.diagnostic(row, cell: 2, "from is not an ISO partial date; line skipped")); continue
            }
            guard let to = PartialDate(iso: t.string(c[3])), to >= from else {
                d.append(t.diagnostic(row, cell: 3, "to is not an ISO partial date after from; line skipped")); continue
            }
            let (successors, left, bad) = FormerState.successors(t.list(c[4]))
            if let bad {
                d.append(t.diagnostic(row, cell: 4, "'\(bad)': the date after '@' is not an ISO partial date; line skipped")); continue
            }
            if let unknown = successors.first(where: { country($0) == nil }) {
                d.append(t.diagnostic(row, cell: 4, "unknown successor '\(unknown)'; line skipped")); continue
            }
            formerStates.append(FormerState(code: code, name: t.string(c[1]), from: from, to: to, successors: successors, left: left))
        }
        return d
    }

    mutating func loadOrganisations(_ path: String) -> [Diagnostic] {
        let countries = countryCheck
        return loadNamedEntities(path, columns: Self.organisationColumns, names: [(1, .name), (4, .name)]) { t, row, _, d in
            let c = row.cells
            if let unknown = countries.unknown(t, row, cell: 3) { d.append(unknown); return nil }
            let kind = t.string(c[2])
            let known = Self.organisationKinds.contains(kind)
            if !known {
                d.append(t.diagnostic(row, cell: 2, .warning, "unknown organisation kind '\(kind)'; taken as 'other'"))
            }
            return Entity(id: t.string(c[0]), kind: .organisation, name: t.string(c[1]), aliasText: t.string(c[4]),
                          country: t.optionalString(c[3]), organisationKind: known ? kind : "other")
        }
    }

    mutating func loadPersons(_ path: String) -> [Diagnostic] {
        let countries = countryCheck
        return loadNamedEntities(path, columns: Self.personColumns, names: [(1, .name), (3, .name), (4, nil)]) { t, row, _, d in
            let c = row.cells
            if let unknown = countries.unknown(t, row, cell: 2) { d.append(unknown); return nil }
            return Entity(id: t.string(c[0]), kind: .person, name: t.string(c[1]), aliasText: t.string(c[3]),
                          shortText: t.string(c[4]), country: t.optionalString(c[2]))
        }
    }

    mutating func loadOffices(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.officeColumns)
        var d = t.diagnostics
        let countries = countryCheck
        for row in t.rows {
            let c = row.cells
            let person = t.string(c[0])
            guard let pi = index(ofID: person), entities[pi].kind == .person else {
                let persons = entities.lazy.filter { $0.kind == .person }.map(\.id)
                d.append(t.diagnostic(row, cell: 0, "unknown person '\(person)'\(Suggestion.hint(for: person, among: Array(persons))); line skipped"))
                continue
            }
            guard let level = Level(rawValue: t.string(c[2])) else {
                let hint = Suggestion.hint(for: t.string(c[2]), among: Level.allCases.map(\.rawValue))
                d.append(t.diagnostic(row, cell: 2, "unknown level '\(t.string(c[2]))'\(hint); line skipped")); continue
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
            if let unknown = countries.unknown(t, row, cell: 3) ?? unknownOrganisation(t, row, cell: 4) {
                d.append(unknown); continue
            }
            addOffice(Office(title: t.string(c[1]), level: level, country: t.optionalString(c[3]),
                             organisation: t.optionalString(c[4]), start: start, end: end), toPerson: pi)
        }
        return d
    }
}
