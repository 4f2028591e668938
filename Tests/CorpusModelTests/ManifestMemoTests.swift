import Foundation
import Testing
@testable import CorpusModel

/// A remembered manifest parse is the parse of the same bytes, and is used only for them.
@Suite("Manifest memo")
struct ManifestMemoTests {
    /// Every field, an unknown language, a bad date, an unknown field, a duplicate, an entry without a file.
    static let manifest = """
    documents:
      - file: a.txt
        title: "Tô Lâm: a visit"
        date: 2025-10-09
        source: VNS
        url: https://example.org/2025/10/09/a
        language: vi
        place: Pyongyang
      - file: b.txt
        language: esp
        date: 2025-13-40
        colour: red
      - file: a.txt
        source: again
      - title: no file
    """

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func load(_ memo: ManifestMemo, _ path: URL) throws -> (entries: [String: ManifestEntry], diagnostics: [Diagnostic], remembered: Bool) {
        let data = try Data(contentsOf: path)
        return memo.entries(path: path.path, bytes: data) { CorpusManifest.parse(String(decoding: data, as: UTF8.self), path: path.path) }
    }

    @Test("the remembered parse equals the parse: every field, warnings and errors with their lines; used the second time")
    func rememberedEqualsParsed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("manifest.yaml")
        try Self.manifest.write(to: path, atomically: true, encoding: .utf8)
        let parsed = CorpusManifest.parse(Self.manifest, path: path.path)
        #expect(parsed.0.count == 2 && parsed.1.count >= 5)
        let memo = ManifestMemo(folder: folder.appendingPathComponent("cache"), salt: 7)
        let first = try load(memo, path), second = try load(memo, path)
        #expect(!first.remembered && second.remembered)
        for result in [first, second] {
            #expect(result.entries == parsed.0)
            #expect(result.diagnostics == parsed.1)
        }
        // Through the listing, as a command reads it.
        let (_, listed) = CorpusManifest.load(path: path.path, memo: memo)
        #expect(listed == parsed.1)
    }

    @Test("other bytes, another salt or another path: parsed again")
    func otherKeysParseAgain() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("manifest.yaml")
        try Self.manifest.write(to: path, atomically: true, encoding: .utf8)
        let memo = ManifestMemo(folder: folder.appendingPathComponent("cache"), salt: 7)
        _ = try load(memo, path)
        // The same size, one letter changed: the new title is read.
        let edited = Self.manifest.replacingOccurrences(of: "a visit", with: "b visit")
        try edited.write(to: path, atomically: true, encoding: .utf8)
        let after = try load(memo, path)
        #expect(!after.remembered)
        #expect(after.entries["a.txt"]?.title == nil && after.entries["a.txt"]?.source == "again")
        #expect(after.entries == CorpusManifest.parse(edited, path: path.path).0)
        #expect(try load(memo, path).remembered)
        #expect(!(try load(ManifestMemo(folder: memo.folder, salt: 8), path)).remembered)
        let other = folder.appendingPathComponent("other.yaml")
        try edited.write(to: other, atomically: true, encoding: .utf8)
        let moved = try load(memo, other)
        #expect(!moved.remembered && moved.diagnostics.allSatisfy { $0.file == other.path })
    }

    @Test("a damaged or truncated memo is parsed again, never trusted")
    func damagedMemo() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("manifest.yaml")
        try Self.manifest.write(to: path, atomically: true, encoding: .utf8)
        let memo = ManifestMemo(folder: folder.appendingPathComponent("cache"), salt: 7)
        let parsed = try load(memo, path)
        let file = memo.memoURL(path: path.path)
        let bytes = try Data(contentsOf: file)
        for damaged in [bytes.prefix(bytes.count / 2), Data(bytes.enumerated().map { $0.offset == 40 ? $0.element ^ 0x20 : $0.element }), Data()] {
            try damaged.write(to: file)
            let again = try load(memo, path)
            #expect(!again.remembered)
            #expect(again.entries == parsed.entries && again.diagnostics == parsed.diagnostics)
        }
    }
}
