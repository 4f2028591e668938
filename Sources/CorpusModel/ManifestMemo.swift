// A corpus manifest's parse remembered by the bytes it was parsed from. Every command lists its corpus, and the
// manifest's parse (Yams, then the language codes it checks `language` fields against, read from the language-id
// files) was a tenth of a warm run of a plugin on the bundled corpus. The memo keeps one file per manifest path in
// the model cache's folder: the key of what the parse depends on, then its entries and diagnostics.
//
// The key is a checksum of the caller's salt (the model cache's context key: Dossier's version and build, the
// lexicon), the manifest's path and bytes, and the bytes of the language-id files the parse reads the codes from:
// anything else gives another key, and the manifest is parsed again and the memo replaced. A memo that cannot be
// read, or whose own checksum does not match, is parsed again the same way.

import Foundation

public struct ManifestMemo: Sendable {
    public let folder: URL
    public let salt: UInt64
    static let magic: UInt64 = 0x314F_4D45_4D54_4E4D // "MNTMEMO1"

    /// `folder` holds the memo files (created when first written); `salt` is added to every key.
    public init(folder: URL, salt: UInt64) {
        self.folder = folder
        self.salt = salt
    }

    /// The parse of the manifest `path` whose bytes are `bytes` (and whose text is `text`): the remembered one when
    /// its key matches, else `parse()`'s, then remembered. `remembered` says which (for tests).
    func entries(path: String, bytes: Data, parse: () -> ([String: ManifestEntry], [Diagnostic]))
        -> (entries: [String: ManifestEntry], diagnostics: [Diagnostic], remembered: Bool) {
        let key = self.key(path: path, bytes: bytes)
        let url = memoURL(path: path)
        if let stored = try? Self.read(url, key: key) { return (stored.0, stored.1, true) }
        let (entries, diagnostics) = parse()
        try? Self.write(entries, diagnostics, key: key, to: url)
        return (entries, diagnostics, false)
    }

    func memoURL(path: String) -> URL {
        var name = Checksum()
        name.add(Array(path.utf8))
        return folder.appendingPathComponent("manifest-\(String(name.value, radix: 16)).memo")
    }

    /// The salt, the path, the manifest's bytes and the language-id files the parse reads.
    func key(path: String, bytes: Data) -> UInt64 {
        var sum = Checksum()
        func add(_ text: String) { sum.add(Array((text + "\u{0}").utf8)) }
        withUnsafeBytes(of: salt.littleEndian) { sum.add($0) }
        add(path)
        bytes.withUnsafeBytes { sum.add($0) }
        add("")
        if let directory = LanguageProfiles.standardDirectory() {
            for name in LanguageProfiles.codeFiles {
                let file = directory.appendingPathComponent(name).path
                add(file)
                if let data = FileManager.default.contents(atPath: file) { data.withUnsafeBytes { sum.add($0) } } else { add("absent") }
            }
        } else {
            add("no language-id folder")
        }
        return sum.value
    }

    static func write(_ entries: [String: ManifestEntry], _ diagnostics: [Diagnostic], key: UInt64, to url: URL) throws {
        var w = ByteWriter()
        w.u64(magic)
        w.u64(key)
        w.list(entries.values.sorted { $0.file < $1.file }) { w, entry in
            w.string(entry.file)
            w.optional(entry.title)
            w.date(entry.date)
            w.optional(entry.source)
            w.optional(entry.url)
            w.optional(entry.language)
            w.optional(entry.place)
        }
        w.values(diagnostics)
        w.u64(w.bytes.withUnsafeBytes { Checksum.of($0) })
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(w.bytes).write(to: url, options: .atomic)
    }

    /// The remembered parse, when the file is whole and its key is `key`.
    static func read(_ url: URL, key: UInt64) throws -> ([String: ManifestEntry], [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: url.path), data.count >= 24 else { throw CacheFormatError("no memo") }
        return try data.withUnsafeBytes { raw in
            let body = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 8)])
            guard UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)) == Checksum.of(body)
            else { throw CacheFormatError("checksum") }
            var r = ByteReader(body)
            guard try r.u64() == magic, try r.u64() == key else { throw CacheFormatError("another manifest") }
            let entries = try r.list { r in
                ManifestEntry(file: try r.string(), title: try r.optionalString(), date: try r.date(), source: try r.optionalString(),
                              url: try r.optionalString(), language: try r.optionalString(), place: try r.optionalString())
            }
            let diagnostics = try r.values(Diagnostic.self)
            guard r.at == body.count else { throw CacheFormatError("trailing bytes") }
            return (Dictionary(entries.map { ($0.file, $0) }, uniquingKeysWith: { _, last in last }), diagnostics)
        }
    }
}
