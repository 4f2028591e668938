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

    /// The context key: the contents of every input file, the version, the build and the encoding.
    public func contextKey(buildIdentity: String = CacheInputs.buildIdentity) -> UInt64 {
        var sum = Checksum()
        func add(_ text: String) { var t = text + "\u{0}"; t.withUTF8 { sum.add(UnsafeRawBufferPointer($0)) } }
        add("dossier model cache")
        add(version)
        add(buildIdentity)
        add(ModelCodec.fingerprint)
        // Not the corrections: they change the merged model, not a document's analysis (`correctionsKey`).
        for (part, urls) in [("gazetteer", gazetteer), ("lexicon", lexicon), ("model", model), ("extractors", extractors)] {
            add(part)
            for url in urls { Self.addContents(of: url, to: &sum) }
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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            add("absent \(url.path)")
            return
        }
        if !isDirectory.boolValue {
            add("file")
            if let data = FileManager.default.contents(atPath: url.path) { data.withUnsafeBytes { sum.add($0) } }
            return
        }
        add("folder")
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var sub: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &sub), !sub.boolValue {
                files.append(path)
            }
        }
        for path in files.sorted() {
            add(path)
            if let data = FileManager.default.contents(atPath: url.appendingPathComponent(path).path) { data.withUnsafeBytes { sum.add($0) } }
        }
    }

    /// The running binary's size and modification time: a rebuilt Dossier (new rules in Swift) is a new key even
    /// when its version number is the same.
    public static let buildIdentity: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "unknown build" }
        return "build \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }()
}

/// A document's key: its bytes and its manifest entry (under the context key).
enum DocumentKey {
    static func of(rawHash: UInt64, entry: ManifestEntry?, context: UInt64) -> UInt64 {
        var sum = Checksum()
        withUnsafeBytes(of: context.littleEndian) { sum.add($0) }
        withUnsafeBytes(of: rawHash.littleEndian) { sum.add($0) }
        if let entry {
            // Every field, by reflection: a field added to the manifest is part of the key without a change here.
            for child in Mirror(reflecting: entry).children {
                var text = "\(child.label ?? "")=\(String(describing: child.value))\u{0}"
                text.withUTF8 { sum.add(UnsafeRawBufferPointer($0)) }
            }
        }
        return sum.value | 1 // never 0: 0 means "no key" (a file that cannot be read)
    }
}
