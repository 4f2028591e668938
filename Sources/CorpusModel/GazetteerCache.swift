import Foundation

// A binary snapshot of a loaded gazetteer: entities, the name tables as they are in memory, and the
// diagnostics of the load. Reading it skips parsing and hashing the TSV files, which is most of start-up.
// A snapshot is only used for files of exactly the same paths, sizes, modification times and inodes, and never
// for a file changed within the last two seconds: a second edit within the clock's resolution could keep its size
// and time stamp, and the snapshot would then be stale (the rule of the model cache's `inputs.idx`).

enum GazetteerCache {
    static let magic: UInt64 = 0x3747_415A_5353_4F44 // "DOSSGAZ7", bumped whenever the layout or what is indexed changes
    static let files = Gazetteer.knownFiles

    static var disabled: Bool { ProcessEnvironment.value("DOSSIER_NO_CACHE") != nil }

    /// How recent a change keeps a file out of the snapshot's key (seconds).
    static let settleSeconds: Int64 = 2

    /// A key for the files' identity (paths, sizes, modification times, inodes), or nil when caching is off,
    /// a directory is missing (the normal load then reports it) or a file changed less than `settleSeconds`
    /// before `now` (the files are then read as they are, and no snapshot is written or used).
    static func key(for directories: [URL], now: Date = Date(), build: String = ProcessEnvironment.buildIdentity) -> UInt64? {
        if disabled { return nil }
        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        // The build too: a rebuilt Dossier that indexes names otherwise never reads a snapshot an earlier build wrote
        // (nor, through it, builds a model the model cache would then keep under the new build's key).
        var h = Fold.rawHash(Array("\(magic) \(build)".utf8))
        for dir in directories {
            var st = stat()
            guard stat(dir.path, &st) == 0 else { return nil }
            h = mix(h, Array(dir.standardizedFileURL.path.utf8))
            for name in files {
                let path = dir.appendingPathComponent(name).path
                if stat(path, &st) == 0 {
                    if Int64(st.st_mtim.tv_sec) > nowSeconds - settleSeconds { return nil }
                    h = mix(h, Array(name.utf8))
                    h = mix(h, withUnsafeBytes(of: Int64(st.st_size)) { Array($0) })
                    h = mix(h, withUnsafeBytes(of: Int64(st.st_mtim.tv_sec)) { Array($0) })
                    h = mix(h, withUnsafeBytes(of: Int64(st.st_mtim.tv_nsec)) { Array($0) })
                    h = mix(h, withUnsafeBytes(of: UInt64(st.st_ino)) { Array($0) })
                }
            }
        }
        return h
    }

    static func mix(_ h: UInt64, _ bytes: [UInt8]) -> UInt64 {
        var h = h
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return (h ^ 0xFF) &* 0x0000_0100_0000_01B3
    }

    static func url(for key: UInt64) -> URL {
        let dir = ProcessEnvironment.value("DOSSIER_CACHE_DIR").map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
        return dir.appendingPathComponent("dossier-gazetteer-\(String(key, radix: 16)).bin")
    }

    // MARK: Writing

    struct Writer {
        var bytes: [UInt8] = []
        mutating func u8(_ v: UInt8) { bytes.append(v) }
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
        mutating func string(_ s: String) { u32(UInt32(s.utf8.count)); bytes.append(contentsOf: s.utf8) }
        mutating func optional(_ s: String?) { if let s { u8(1); string(s) } else { u8(0) } }
        mutating func optionalInt(_ v: Int?) { if let v { u8(1); int(v) } else { u8(0) } }
        mutating func date(_ d: PartialDate?) { u32(d?.packed ?? 0) }
    }

    static func write(_ g: Gazetteer, _ diagnostics: [Diagnostic], key: UInt64) {
        var w = Writer()
        w.u64(magic)
        w.u64(key)
        w.u32(UInt32(g.entities.count))
        for e in g.entities {
            w.string(e.id)
            w.u8(UInt8(EntityKind.allCases.firstIndex(of: e.kind)!))
            w.string(e.name)
            w.string(e.aliasText)
            w.string(e.shortText)
            w.string(e.demonymText)
            w.optional(e.country)
            w.optional(e.alpha2)
            w.optional(e.capital)
            w.optionalInt(e.population)
            w.optional(e.organisationKind)
            w.optional(e.gender?.rawValue)
            w.u32(UInt32(e.offices.count))
            for o in e.offices {
                w.string(o.title)
                w.u8(UInt8(o.level.rank))
                w.optional(o.country)
                w.optional(o.organisation)
                w.date(o.start)
                w.date(o.end)
            }
        }
        func table(_ t: KeyTable) {
            w.u32(UInt32(t.keys.count))
            for k in t.keys { w.u64(k) }
            for v in t.values { w.u32(v) }
        }
        table(g.names.compacted())
        table(g.exactSingles.compacted())
        w.u32(UInt32(g.moreNames.count))
        g.moreNames.forEach { k, refs in
            w.u64(k)
            w.u32(UInt32(refs.count))
            for r in refs { w.u32(UInt32(r.entity)); w.u8(r.role.rawValue) }
        }
        var shorts: [(UInt64, [Int32])] = []
        g.shorts.forEach { shorts.append(($0, $1)) }
        w.u32(UInt32(shorts.count))
        for (k, list) in shorts {
            w.u64(k)
            w.u32(UInt32(list.count))
            for i in list { w.u32(UInt32(i)) }
        }
        w.u32(UInt32(g.formerStates.count))
        for f in g.formerStates {
            w.string(f.code)
            w.string(f.name)
            w.date(f.from)
            w.date(f.to)
            w.string(f.successorEntries)
        }
        w.u32(UInt32(g.formerRegions.count))
        for f in g.formerRegions {
            w.string(f.state)
            w.string(f.subdivision)
            w.date(f.from)
            w.date(f.to)
            w.string(f.cities.sorted().joined(separator: "|"))
        }
        w.u32(UInt32(diagnostics.count))
        for d in diagnostics {
            w.string(d.file)
            w.optionalInt(d.line)
            w.optionalInt(d.column)
            w.optionalInt(d.byteOffset)
            w.u8(d.severity == .note ? 0 : d.severity == .warning ? 1 : 2)
            w.string(d.message)
        }
        // Write beside, then rename: a reader never sees half a file.
        let url = url(for: key)
        let temp = url.appendingPathExtension("\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).tmp")
        do {
            try Data(w.bytes).write(to: temp)
            if rename(temp.path, url.path) != 0 { try? FileManager.default.removeItem(at: temp) }
        } catch {
            try? FileManager.default.removeItem(at: temp)
        }
    }

    // MARK: Reading

    struct Reader {
        let b: UnsafeRawBufferPointer
        var i = 0
        var failed = false
        mutating func need(_ n: Int) -> Bool {
            if failed || i + n > b.count { failed = true; return false }
            return true
        }
        mutating func u8() -> UInt8 { guard need(1) else { return 0 }; defer { i += 1 }; return b[i] }
        mutating func u32() -> UInt32 {
            guard need(4) else { return 0 }
            defer { i += 4 }
            return UInt32(littleEndian: b.loadUnaligned(fromByteOffset: i, as: UInt32.self))
        }
        mutating func u64() -> UInt64 {
            guard need(8) else { return 0 }
            defer { i += 8 }
            return UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        }
        mutating func int() -> Int { Int(Int64(bitPattern: u64())) }
        mutating func string() -> String {
            let n = Int(u32())
            guard n > 0, need(n) else { return "" } // most entities have no short forms, demonyms or aliases
            defer { i += n }
            return String(decoding: UnsafeRawBufferPointer(rebasing: b[i..<(i + n)]), as: UTF8.self)
        }
        mutating func optional() -> String? { u8() == 1 ? string() : nil }
        mutating func optionalInt() -> Int? { u8() == 1 ? int() : nil }
        mutating func date() -> PartialDate? { let p = u32(); return p == 0 ? nil : PartialDate(packed: p) }
        /// A count that the rest of the file could hold (a damaged file ends the read, never a long loop).
        mutating func count(_ minBytesEach: Int) -> Int {
            let n = Int(u32())
            if n * max(1, minBytesEach) > b.count - i { failed = true; return 0 }
            return n
        }
    }

    static func read(key: UInt64) -> (Gazetteer, [Diagnostic])? {
        // Mapped, not copied: the snapshot's megabytes are read where the page cache holds them.
        guard let file = GazetteerSnapshotFile(path: url(for: key).path) else { return nil }
        return file.withMappedBytes { raw -> (Gazetteer, [Diagnostic])? in
            var r = Reader(b: raw)
            guard r.u64() == magic, r.u64() == key else { return nil }
            // The entities are checked now and copied as they are, each decoded when first read (`PendingEntities`).
            let entityCount = r.count(30), entitiesStart = r.i
            guard !r.failed, let encoded = r.encodedEntities(count: entityCount) else { return nil }
            let entities = PendingEntities(bytes: Array(UnsafeRawBufferPointer(rebasing: raw[entitiesStart..<r.i])), encoded: encoded)
            // The name index is checked now and read and decoded when first used (`PendingNameIndex`).
            let namesStart = r.i
            guard r.skipNameIndex(entityCount: entityCount) else { return nil }
            let names = PendingNameIndex(file: file, bytes: namesStart..<r.i, entityCount: entityCount)
            guard let formerStates = r.formerStates(),
                  let formerRegions = r.formerRegions(),
                  let diagnostics = r.diagnostics(),
                  !r.failed, r.i == raw.count else { return nil }
            var g = Gazetteer(entities: GazetteerEntities(pending: entities), names: names)
            g.formerStates = formerStates
            g.formerRegions = formerRegions
            return (g, diagnostics)
        }
    }
}

// Each part of the file in the order `write` puts it; nil on a damaged part.
extension GazetteerCache.Reader {
    /// The next entity; nil on a damaged one.
    mutating func entity() -> Entity? {
        let id = string()
        let kindIndex = Int(u8())
        let name = string(), aliases = string(), shorts = string(), demonyms = string()
        let country = optional(), alpha2 = optional(), capital = optional()
        let population = optionalInt(), orgKind = optional(), gender = optional()
        guard kindIndex < EntityKind.allCases.count, gender.map({ Gender(rawValue: $0) != nil }) ?? true else { return nil }
        var offices: [Office] = []
        for _ in 0..<self.count(10) {
            let title = string()
            let rank = Int(u8())
            let oc = optional(), org = optional()
            let start = date(), end = date()
            guard rank < Level.allCases.count else { return nil }
            offices.append(Office(title: title, level: Level.allCases[rank], country: oc, organisation: org, start: start, end: end))
        }
        if failed { return nil }
        return Entity(id: id, kind: EntityKind.allCases[kindIndex], name: name, aliasText: aliases, shortText: shorts,
                      demonymText: demonyms, country: country, alpha2: alpha2, capital: capital, population: population,
                      organisationKind: orgKind, offices: offices, gender: gender.flatMap(Gender.init(rawValue:)))
    }

    /// Steps over the name index (as `keyTable`, `moreNames` and `shortNames` read it), checking what they
    /// check; false on a damaged part.
    mutating func skipNameIndex(entityCount: Int) -> Bool {
        for _ in 0..<2 {
            let n = Int(u32())
            guard n >= 16, n < 1 << 26, n & (n - 1) == 0, need(n * 12) else { return false }
            i += n * 12
        }
        for _ in 0..<count(12) {
            _ = u64()
            for _ in 0..<count(5) {
                let entity = Int(u32())
                guard NameRole(rawValue: u8()) != nil, entity < entityCount else { return false }
            }
            if failed { return false }
        }
        for _ in 0..<count(12) {
            _ = u64()
            let n = count(4)
            guard need(n * 4) else { return false }
            i += n * 4
        }
        return !failed
    }

    mutating func keyTable() -> KeyTable? {
        let n = Int(u32())
        guard n < 1 << 26, need(n * 12) else { return nil }
        var keys = [UInt64](repeating: 0, count: n), values = [UInt32](repeating: 0, count: n)
        for j in 0..<n { keys[j] = u64() }
        for j in 0..<n { values[j] = u32() }
        return KeyTable(keys: keys, values: values)
    }

    mutating func moreNames(entityCount: Int) -> LookupTable<[Gazetteer.NameRef]>? {
        var more = LookupTable<[Gazetteer.NameRef]>()
        for _ in 0..<count(12) {
            let k = u64()
            var refs: [Gazetteer.NameRef] = []
            for _ in 0..<count(5) {
                let entity = Int32(u32())
                guard let role = NameRole(rawValue: u8()), Int(entity) < entityCount else { return nil }
                refs.append(.init(entity: entity, role: role))
            }
            more[k] = refs
            if failed { return nil }
        }
        return more
    }

    mutating func shortNames() -> LookupTable<[Int32]>? {
        var shorts = LookupTable<[Int32]>()
        for _ in 0..<count(12) {
            let k = u64()
            var list: [Int32] = []
            for _ in 0..<count(4) { list.append(Int32(u32())) }
            shorts[k] = list
            if failed { return nil }
        }
        return shorts
    }

    mutating func formerStates() -> [FormerState]? {
        var states: [FormerState] = []
        for _ in 0..<count(20) {
            let code = string(), name = string()
            let from = date(), to = date()
            let successors = string()
            guard let from, let to else { return nil }
            let parsed = FormerState.successors(Entity.split(successors))
            guard parsed.bad == nil else { return nil }
            states.append(FormerState(code: code, name: name, from: from, to: to, successors: parsed.codes, left: parsed.left))
            if failed { return nil }
        }
        return states
    }

    mutating func formerRegions() -> [FormerRegion]? {
        var regions: [FormerRegion] = []
        for _ in 0..<count(20) {
            let state = string(), subdivision = string()
            let from = date(), to = date()
            let cities = string()
            guard let from, let to else { return nil }
            regions.append(FormerRegion(state: state, subdivision: subdivision, from: from, to: to, cities: Set(Entity.split(cities))))
            if failed { return nil }
        }
        return regions
    }

    mutating func diagnostics() -> [Diagnostic]? {
        var diagnostics: [Diagnostic] = []
        for _ in 0..<count(12) {
            let file = string()
            let line = optionalInt(), column = optionalInt(), offset = optionalInt()
            let sev = u8()
            let message = string()
            diagnostics.append(Diagnostic(file: file, line: line, column: column, byteOffset: offset,
                                          severity: sev == 0 ? .note : sev == 1 ? .warning : .error, message: message))
            if failed { return nil }
        }
        return diagnostics
    }
}
