// An open-addressing hash table from 64-bit folded keys to 32-bit values. The keys are already
// FNV hashes, so no second hash is needed: building the gazetteer's name index (tens of thousands
// of names) takes a fraction of a millisecond, and lookups in the text scan stay cheap.

struct KeyTable: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [UInt32]
    private var mask: Int
    private(set) var count = 0

    /// A table from its raw arrays (as `keys` and `values` gave them; the size a power of two).
    init?(keys: [UInt64], values: [UInt32]) {
        guard keys.count == values.count, keys.count >= 16, keys.count & (keys.count - 1) == 0 else { return nil }
        self.keys = keys
        self.values = values
        mask = keys.count - 1
        count = keys.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
    }

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    /// The value for `key` (0 is never a key: it stands for an empty slot).
    @inline(__always) func get(_ key: UInt64) -> UInt32? {
        guard key != 0 else { return nil }
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool { get(key) != nil }

    /// Sets the value, returning the previous one.
    @discardableResult
    mutating func set(_ key: UInt64, _ value: UInt32) -> UInt32? {
        guard key != 0 else { return nil }
        if (count + 1) * 2 > keys.count { grow() }
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { let old = values[i]; values[i] = value; return old }
            if k == 0 { keys[i] = key; values[i] = value; count += 1; return nil }
            i = (i + 1) & mask
        }
    }

    /// Calls `body` with every key and value.
    func forEach(_ body: (UInt64, UInt32) -> Void) {
        for (i, k) in keys.enumerated() where k != 0 { body(k, values[i]) }
    }

    /// The same entries in the smallest table that holds them.
    func compacted() -> KeyTable {
        var t = KeyTable(capacity: count)
        forEach { t.set($0, $1) }
        return t
    }

    mutating func reserve(_ n: Int) {
        if (count + n) * 2 > keys.count { rehash(to: count + n) }
    }

    private mutating func grow() { rehash(to: keys.count) }

    private mutating func rehash(to capacity: Int) {
        let oldKeys = keys, oldValues = values
        self = KeyTable(capacity: capacity)
        for (i, k) in oldKeys.enumerated() where k != 0 { set(k, oldValues[i]) }
    }
}

/// A `KeyTable` whose values index an array: a dictionary from folded keys to any value, without
/// the per-lookup cost of `Hasher` (the hot loops look up every token several times).
struct LookupTable<Value>: @unchecked Sendable {
    private var table = KeyTable()
    private(set) var values: [Value] = []

    init() {}

    init(_ pairs: [(UInt64, Value)]) {
        for (k, v) in pairs { self[k] = v }
    }

    subscript(key: UInt64) -> Value? {
        // Inlined: the lexicon's phrase sets look up every token of every sentence, nearly always in vain.
        @inline(__always) get { table.get(key).map { values[Int($0)] } }
        set {
            guard let newValue else { return }
            if let i = table.get(key) { values[Int(i)] = newValue; return }
            table.set(key, UInt32(values.count))
            values.append(newValue)
        }
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool { table.contains(key) }

    /// The number of keys.
    var count: Int { table.count }

    /// Every key of the table, in table order.
    var keys: [UInt64] { table.keys.filter { $0 != 0 } }

    /// The index in `values` of the value for `key`.
    @inline(__always) func valueIndex(of key: UInt64) -> Int? { table.get(key).map { Int($0) } }

    /// Calls `body` with every key and its value.
    func forEach(_ body: (UInt64, Value) -> Void) {
        for (i, k) in table.keys.enumerated() where k != 0 { body(k, values[Int(table.values[i])]) }
    }
}

/// A set of folded keys on a `KeyTable`.
struct KeyTableSet: Sendable {
    private var table = KeyTable()
    init(_ keys: [UInt64]) { for k in keys { table.set(k, 1) } }
    /// Inlined: the rules probe these sets at nearly every token.
    @inline(__always) func contains(_ key: UInt64) -> Bool { table.contains(key) }
    /// Every key of the set, in table order.
    var keys: [UInt64] { table.keys.filter { $0 != 0 } }
}

/// One bit per key of a `KeyTable`, hashed: a lookup that finds its bit clear knows the key is not in the table
/// without reading the table. For the gazetteer's names, looked up at every capitalised word and nearly always
/// in vain: the table's keys take megabytes, read from memory at each miss, where the bits take 64 KB that stay in
/// the cache. An empty filter (`init()`) lets every key through.
struct KeyPrefilter: Sendable {
    private var bits: [UInt64] = []
    private var shift: UInt64 = 0

    init() {}

    /// About eight bits per key of `table`: one lookup in eight or fewer that misses still reads the table.
    init(_ table: KeyTable) {
        var log2 = 6
        while 1 << log2 < table.count * 8 { log2 += 1 }
        bits = [UInt64](repeating: 0, count: (1 << log2) / 64)
        shift = UInt64(64 - log2)
        table.forEach { key, _ in
            let bit = Self.bit(key, shift)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    @inline(__always) private static func bit(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0xD6E8_FEB8_6659_FD93) >> shift)
    }

    /// False when `key` is certainly not in the table the filter was made from.
    @inline(__always) func mayContain(_ key: UInt64) -> Bool {
        guard !bits.isEmpty else { return true }
        let bit = Self.bit(key, shift)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}
