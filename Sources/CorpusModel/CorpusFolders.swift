import Foundation

/// The articles of one or more corpus folders: every `.txt`/`.md` file directly in each (sorted by name within a
/// folder, folders in the order given) with its `manifest.yaml` entry, and what was wrong with the listing.
public struct CorpusListing: Sendable {
    public var files: [(path: String, entry: ManifestEntry?)] = []
    public var diagnostics: [Diagnostic] = []

    /// `manifestMemo`: where the manifests' parses are remembered by their bytes (`ManifestMemo`); nil: parsed.
    public init(directories: [URL], manifestMemo: ManifestMemo? = nil) {
        for directory in directories { add(directory, manifestMemo: manifestMemo) }
    }

    private mutating func add(_ directory: URL, manifestMemo: ManifestMemo?) {
        guard let folder = Self.read(directory, manifestMemo: manifestMemo, into: &diagnostics) else { return }
        let prefix = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        for name in folder.files { files.append((prefix + name, folder.manifest[name])) }
    }

    /// One folder's article names (sorted) and its manifest's entries; nil when the folder cannot be read.
    /// Problems (an unreadable folder, a bad manifest, a manifest entry without its file) go to `diagnostics`.
    static func read(_ directory: URL, manifestMemo: ManifestMemo? = nil, into diagnostics: inout [Diagnostic])
        -> (files: [String], manifest: [String: ManifestEntry])? {
        let fm = FileManager.default
        guard let names = articleNames(in: directory.path) else {
            diagnostics.append(Diagnostic(file: directory.path, severity: .error, message: "cannot read corpus directory"))
            return nil
        }
        var manifest: [String: ManifestEntry] = [:]
        let manifestPath = directory.appendingPathComponent("manifest.yaml").path
        if fm.fileExists(atPath: manifestPath) {
            let (m, d) = CorpusManifest.load(path: manifestPath, memo: manifestMemo)
            manifest = m
            diagnostics += d
        }
        let files = sortedNames(names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") })
        let fileSet = manifest.isEmpty ? [] : Set(files)
        for name in manifest.keys.sorted() where !fileSet.contains(name) {
            diagnostics.append(Diagnostic(file: manifestPath, severity: .warning, message: "manifest names '\(name)', which is not in the corpus"))
        }
        return (files, manifest)
    }

    /// `names` in `String`'s order. When every name is ASCII (as a generated or downloaded corpus's are), that
    /// order is their bytes' order, and they are sorted by their first 8 bytes as one number, then by all their
    /// bytes in one buffer (a corpus of 100,000 articles is sorted on every command); otherwise as Strings.
    static func sortedNames(_ names: [String]) -> [String] {
        var bytes: [UInt8] = [], starts: [Int] = []
        var order: [(prefix: UInt64, index: Int)] = []
        starts.reserveCapacity(names.count + 1)
        order.reserveCapacity(names.count)
        for var name in names {
            let ascii = name.withUTF8 { utf8 -> Bool in
                guard !utf8.contains(where: { $0 >= 0x80 }) else { return false }
                // The first 8 bytes, the first the most significant; a shorter name padded with 0 (no name holds 0).
                var prefix: UInt64 = 0
                for k in 0..<8 { prefix = prefix << 8 | UInt64(k < utf8.count ? utf8[k] : 0) }
                order.append((prefix, order.count))
                starts.append(bytes.count)
                bytes.append(contentsOf: utf8)
                return true
            }
            guard ascii else { return names.sorted() }
        }
        starts.append(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            starts.withUnsafeBufferPointer { starts in
                guard let base = buffer.baseAddress else { return }
                order.sort { a, b in
                    if a.prefix != b.prefix { return a.prefix < b.prefix }
                    let (i, j) = (a.index, b.index)
                    let (li, lj) = (starts[i + 1] - starts[i], starts[j + 1] - starts[j])
                    let order = memcmp(base + starts[i], base + starts[j], min(li, lj))
                    return order != 0 ? order < 0 : li < lj
                }
            }
        }
        return order.map { names[$0.index] }
    }

    /// The names in a folder that end in ".txt" or ".md" (and perhaps a few more: the caller checks), read with
    /// `readdir`; only those become Strings. Nil when the folder cannot be read.
    static func articleNames(in path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name: String? = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), bytes.count)
                let name = UnsafeBufferPointer(rebasing: bytes[0..<length])
                guard name.reversed().starts(with: "txt.".utf8) || name.reversed().starts(with: "dm.".utf8) else { return nil }
                return String(decoding: name, as: UTF8.self)
            }
            if let name { names.append(name) }
        }
        return names
    }
}

extension CorpusBuilder {
    /// Reads several folders as one corpus (one folder reads as `build(directory:)` does).
    public func build(directories: [URL]) -> (Corpus, [Diagnostic]) {
        if directories.count == 1 { return build(directory: directories[0]) }
        let listing = CorpusListing(directories: directories)
        let (corpus, diagnostics) = build(files: listing.files)
        return (corpus, listing.diagnostics + diagnostics)
    }
}
