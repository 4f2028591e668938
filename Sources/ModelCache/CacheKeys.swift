// What the model cache is keyed by (docs/model-cache.md). The context key covers everything a document's analysis
// depends on besides its own text: the gazetteer, the lexicon, the model weights, the extractor plugins, Dossier's
// version and build, and the encoding. A document's key adds its bytes and manifest entry. The model key adds
// every document's path and key, in order, and the corrections files.

import CorpusModel
import Foundation

/// The files and versions a build depends on.
public struct CacheInputs: Sendable {
    public var gazetteer: [URL]
    /// Folders or files; those that do not exist count as absent (and their appearing changes the key).
    public var lexicon: [URL] = []
    public var model: [URL] = []
    public var corrections: [URL] = []
    public var extractors: [URL] = []
    public var version: String

    public init(gazetteer: [URL], lexicon: [URL] = [], model: [URL] = [], corrections: [URL] = [], extractors: [URL] = [],
                version: String) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.model = model
        self.corrections = corrections
        self.extractors = extractors
        self.version = version
    }

    /// The context key: the contents of every input file, the version, the build and the encoding. Every file is
    /// read (`contextKey(index:)` reads only those whose metadata changed).
    public func contextKey(buildIdentity: String = CacheInputs.buildIdentity) -> UInt64 {
        contextKey(buildIdentity: buildIdentity) { path, _, _ in
            FileManager.default.contents(atPath: path).map { data in data.withUnsafeBytes { Checksum.of($0) } }
        }
    }

    /// The same key, each file's hash remembered in the index file `url` with its size, time stamp and inode (as
    /// the files index does for articles): a file whose metadata has not changed is not read again; one changed
    /// in the last two seconds is never remembered, so an edit within the clock's resolution is still seen.
    public func contextKey(index url: URL, buildIdentity: String = CacheInputs.buildIdentity) -> UInt64 {
        var index = FileIndex(url: url)
        var paths: [String] = []
        let key = contextKey(buildIdentity: buildIdentity) { path, position, listed in
            paths.append(path)
            // A folder's file: the metadata its listing read a moment ago (no second `stat` by its whole path).
            if let listed { return index.hash(of: path, at: position, metadata: listed) }
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            return index.hash(of: path, at: position, metadata: FileIndex.Entry(st))
        }
        index.finish(count: paths.count)
        if index.changed { try? index.write(paths: paths, to: url) }
        return key
    }

    /// The key with `hash` giving each input file's content hash (its path, its position among the files, its
    /// metadata when a folder's listing read it; nil: unreadable).
    private func contextKey(buildIdentity: String, hash: (String, Int, FileIndex.Entry?) -> UInt64?) -> UInt64 {
        var sum = Checksum()
        func add(_ text: String) { var t = text + "\u{0}"; t.withUTF8 { sum.add(UnsafeRawBufferPointer($0)) } }
        var position = 0
        func addFile(_ path: String, _ listed: FileIndex.Entry? = nil) {
            if let hash = hash(path, position, listed) { withUnsafeBytes(of: hash.littleEndian) { sum.add($0) } } else { add("unreadable") }
            position += 1
        }
        add("dossier model cache")
        add(version)
        add(buildIdentity)
        add(ModelCodec.fingerprint)
        // Not the corrections: they change the merged model, not a document's analysis (`correctionsKey`).
        for (part, urls) in [("gazetteer", gazetteer), ("lexicon", lexicon), ("model", model), ("extractors", extractors)] {
            add(part)
            for url in urls {
                let (files, metadata) = InputFiles.listed(url)
                switch files {
                case .absent: add("absent \(url.path)")
                case .file: add("file"); addFile(url.path)
                case .folder(let files):
                    add("folder")
                    let folder = url.path.hasSuffix("/") ? url.path : url.path + "/" // a String, not a URL, per file
                    for (relative, listed) in zip(files, metadata) { add(relative); addFile(folder + relative, listed) }
                }
            }
        }
        return sum.value
    }

    /// The corrections files' names and contents, part of the model key: a changed corrections file makes a new
    /// model (from the stored analyses), while the analyses of the documents stay.
    public func correctionsKey() -> UInt64 {
        var sum = Checksum()
        for url in corrections {
            var name = "corrections \(url.path)\u{0}"
            name.withUTF8 { sum.add(UnsafeRawBufferPointer($0)) }
            Self.addContents(of: url, to: &sum)
        }
        return sum.value
    }

    /// A file's bytes, or a folder's files (recursively, by sorted relative path) with their names.
    static func addContents(of url: URL, to sum: inout Checksum) {
        func add(_ text: String) { var t = text + "\u{0}"; t.withUTF8 { sum.add(UnsafeRawBufferPointer($0)) } }
        func addBytes(_ path: String) {
            if let data = FileManager.default.contents(atPath: path) { data.withUnsafeBytes { sum.add($0) } }
        }
        switch InputFiles.of(url) {
        case .absent: add("absent \(url.path)")
        case .file: add("file"); addBytes(url.path)
        case .folder(let files):
            add("folder")
            for path in files { add(path); addBytes(url.appendingPathComponent(path).path) }
        }
    }

    /// The running binary's identity (`ProcessEnvironment.buildIdentity`).
    public static var buildIdentity: String { ProcessEnvironment.buildIdentity }
}

/// What an input names: nothing, a file, or a folder's files (recursively, by sorted relative path).
enum InputFiles: Equatable {
    case absent
    case file
    case folder([String])

    /// Read with `readdir` and `fstatat` relative to each folder kept open (FileManager's enumerator took most of
    /// the key's time): a symbolic link counts as what it points to, a link to a folder is not followed.
    static func of(_ url: URL) -> InputFiles { listed(url).files }

    /// What `url` names and, for a folder, each file's metadata (size, time stamp, inode, a link's target's) as
    /// the listing read it, in the files' order.
    static func listed(_ url: URL) -> (files: InputFiles, metadata: [FileIndex.Entry]) {
        var st = stat()
        guard stat(url.path, &st) == 0 else { return (.absent, []) }
        guard st.st_mode & S_IFMT == S_IFDIR else { return (.file, []) }
        var files: [(String, FileIndex.Entry)] = []
        collect(in: open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), prefix: "", into: &files)
        files.sort { $0.0 < $1.0 }
        return (.folder(files.map(\.0)), files.map(\.1))
    }

    /// The files under the open folder `fd` (closed here), their paths after `prefix`, with their metadata.
    private static func collect(in fd: Int32, prefix: String, into files: inout [(String, FileIndex.Entry)]) {
        guard fd >= 0, let folder = fdopendir(fd) else { if fd >= 0 { close(fd) }; return }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var followed = stat(), own = stat()
            guard fstatat(fd, name, &followed, 0) == 0 else { continue } // a dangling link: as FileManager, left out
            if followed.st_mode & S_IFMT != S_IFDIR {
                files.append((prefix + name, FileIndex.Entry(followed)))
            } else if fstatat(fd, name, &own, AT_SYMLINK_NOFOLLOW) == 0, own.st_mode & S_IFMT == S_IFDIR {
                collect(in: openat(fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC), prefix: prefix + name + "/", into: &files)
            }
        }
    }
}

/// A document's key: its bytes and its manifest entry (under the context key).
enum DocumentKey {
    static func of(rawHash: UInt64, entry: ManifestEntry?, context: UInt64) -> UInt64 {
        var sum = Checksum()
        withUnsafeBytes(of: context.littleEndian) { sum.add($0) }
        withUnsafeBytes(of: rawHash.littleEndian) { sum.add($0) }
        if let entry {
            var text = fieldText(entry)
            text.withUTF8 { sum.add(UnsafeRawBufferPointer($0)) }
        }
        return sum.value | 1 // never 0: 0 means "no key" (a file that cannot be read)
    }

    /// Every field of the entry as `label=value` and a NUL, in declaration order, each value as `String(describing:)`
    /// gives it ("nil", `Optional("…")`): the text the key was made of by reflection, without the reflection's cost
    /// (a `Mirror` per entry and, on the first, searches of the binary's conformances). A field added to
    /// `ManifestEntry` must be added here: a test compares this text with the reflected one, labels included.
    static func fieldText(_ entry: ManifestEntry) -> String {
        func optional(_ text: String?) -> String { text.map { "Optional(\($0.debugDescription))" } ?? "nil" }
        return "file=\(entry.file)\u{0}title=\(optional(entry.title))\u{0}date=\(entry.date.map { "Optional(\($0.iso))" } ?? "nil")\u{0}"
            + "source=\(optional(entry.source))\u{0}url=\(optional(entry.url))\u{0}language=\(optional(entry.language))\u{0}"
            + "place=\(optional(entry.place))\u{0}"
    }
}
