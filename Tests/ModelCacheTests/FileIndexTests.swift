import Foundation
import Testing
@testable import CorpusModel
@testable import ModelCache

/// The index of the articles' hashes: entries found in the listing's order, or by path when files were added or
/// removed; a changed file is hashed again; a damaged index is read as empty.
@Suite("file index")
struct FileIndexTests {
    final class Folder: @unchecked Sendable {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("file-index-\(UUID().uuidString.prefix(8))")
        var index: URL { url.appendingPathComponent("files.idx") }
        init() throws { try FileManager.default.createDirectory(at: url.appendingPathComponent("corpus"), withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func path(_ name: String) -> String { url.appendingPathComponent("corpus/\(name)").path }

        /// Writes an article dated `age` seconds ago (older than two seconds: the index remembers it).
        func write(_ name: String, _ text: String, age: Int = 60) throws {
            try text.write(toFile: path(name), atomically: false, encoding: .utf8)
            var times = [timespec(tv_sec: time(nil) - age, tv_nsec: 0), timespec(tv_sec: time(nil) - age, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, path(name), &times, 0) == 0)
        }

        /// The hashes of `names` through the index on disk, and whether it changed (then it is written again).
        func hashes(_ names: [String]) -> (hashes: [UInt64?], changed: Bool) {
            var index = FileIndex(url: index)
            var folders = FolderStat(directories: [url.appendingPathComponent("corpus")])
            defer { folders.close() }
            let paths = names.map(path)
            let hashes = paths.enumerated().map { position, path in
                folders.metadata(of: path).flatMap { index.hash(of: path, at: position, metadata: $0) }
            }
            index.finish(count: paths.count)
            if index.changed { try? index.write(paths: paths, to: self.index) }
            return (hashes, index.changed)
        }

        func contentHash(_ name: String) throws -> UInt64 {
            try Data(contentsOf: URL(fileURLWithPath: path(name))).withUnsafeBytes { Checksum.of($0) }
        }
    }

    @Test func entriesAreFoundInPlaceOrByPathAndChangesAreSeen() throws {
        let folder = try Folder()
        for name in ["a.txt", "b.txt", "c.txt", "new.txt"] { try folder.write(name, "The article \(name).") }
        let first = folder.hashes(["a.txt", "b.txt", "c.txt"])
        #expect(first.changed)
        #expect(first.hashes == (try ["a.txt", "b.txt", "c.txt"].map(folder.contentHash)))
        #expect(!folder.hashes(["a.txt", "b.txt", "c.txt"]).changed, "every entry in its place")
        // A file added at the front moves every other one: found by path, and the index is rewritten in the new order.
        let names = ["new.txt", "a.txt", "b.txt", "c.txt"]
        let moved = folder.hashes(names)
        #expect(moved.changed)
        #expect(moved.hashes == (try names.map(folder.contentHash)))
        #expect(!folder.hashes(names).changed)
        // The same size, another time stamp: hashed again.
        try folder.write("b.txt", "The article B.txt.", age: 30)
        let edited = folder.hashes(names)
        #expect(edited.changed)
        #expect(edited.hashes == (try names.map(folder.contentHash)))
        // A file removed; a file that cannot be read has no hash.
        #expect(folder.hashes(["a.txt", "c.txt", "gone.txt"]).hashes == [try folder.contentHash("a.txt"), try folder.contentHash("c.txt"), nil])
    }

    /// The listing's metadata read in slices on several threads is each file's own, in the listing's order: files
    /// of two folders, one outside both, and missing ones (nil), with slices of two files.
    @Test func metadataReadInSlicesIsEachFilesOwnInOrder() throws {
        let folder = try Folder()
        let other = folder.url.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        var paths: [String] = []
        for k in 0..<40 {
            try folder.write("\(k).txt", String(repeating: "x", count: k), age: 60 + k)
            paths.append(k % 9 == 4 ? folder.path("missing-\(k).txt") : folder.path("\(k).txt"))
            if k % 5 == 0 {
                let path = other.appendingPathComponent("\(k).md").path
                try String(repeating: "y", count: 100 + k).write(toFile: path, atomically: false, encoding: .utf8)
                paths.append(path)
            }
        }
        paths.append(folder.index.path) // not in a listed folder: read by its whole path (missing here)
        let folders = FolderStat(directories: [folder.url.appendingPathComponent("corpus"), other])
        defer { folders.close() }
        let expected: [FileIndex.Entry?] = paths.map { path in
            var st = stat()
            return stat(path, &st) == 0 ? FileIndex.Entry(st) : nil
        }
        #expect(expected.compactMap { $0 }.count == 40 - 4 + 8, "4 missing, 8 in the other folder")
        #expect(Set(expected.compactMap { $0?.size }).count == expected.compactMap { $0 }.count, "every file a size of its own")
        for cores in [1, 2, 3] {
            #expect(folders.metadata(ofEach: paths, cores: cores, filesPerSlice: 2) == expected)
        }
        #expect(folders.metadata(ofEach: paths) == expected, "one thread below the default slice size")
    }

    @Test func aRecentFileIsNotRememberedAndADamagedIndexIsEmpty() throws {
        let folder = try Folder()
        try folder.write("a.txt", "Older.")
        try folder.write("b.txt", "Just written.", age: 0)
        #expect(folder.hashes(["a.txt", "b.txt"]).changed)
        #expect(folder.hashes(["a.txt", "b.txt"]).changed, "b.txt is read again until it is two seconds old")
        var bytes = try Data(contentsOf: folder.index)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: folder.index)
        let reread = folder.hashes(["a.txt", "b.txt"])
        #expect(reread.changed)
        #expect(reread.hashes == (try ["a.txt", "b.txt"].map(folder.contentHash)))
    }

    /// A file is unchanged when it is the stored entry in its place with the same metadata; an edit, a move or a
    /// path the index does not hold is not.
    @Test func aFileIsUnchangedOnlyInItsPlaceWithItsMetadata() throws {
        let folder = try Folder()
        try folder.write("a.txt", "one")
        try folder.write("b.txt", "two")
        _ = folder.hashes(["a.txt", "b.txt"])
        let index = FileIndex(url: folder.index)
        var stat = FolderStat(directories: [folder.url.appendingPathComponent("corpus")])
        defer { stat.close() }
        let readA = stat.metadata(of: folder.path("a.txt")), readB = stat.metadata(of: folder.path("b.txt"))
        let a = try #require(readA), b = try #require(readB)
        #expect(index.storedCount == 2)
        #expect(index.isUnchanged(folder.path("a.txt"), at: 0, metadata: a) && index.isUnchanged(folder.path("b.txt"), at: 1, metadata: b))
        #expect(!index.isUnchanged(folder.path("a.txt"), at: 1, metadata: a), "not in its place")
        #expect(!index.isUnchanged(folder.path("c.txt"), at: 2, metadata: a), "not in the index")
        try folder.write("a.txt", "one!")
        let readEdited = stat.metadata(of: folder.path("a.txt"))
        let edited = try #require(readEdited)
        #expect(!index.isUnchanged(folder.path("a.txt"), at: 0, metadata: edited), "edited")
    }
}
