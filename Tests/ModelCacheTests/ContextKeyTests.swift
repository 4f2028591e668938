import Foundation
import Testing
@testable import CorpusModel
@testable import ModelCache

/// The context key with its files' hashes remembered in `inputs.idx`: the same key as reading every file, a file
/// read again when its metadata changes, never remembered while a later edit could keep its size and time stamp.
@Suite("context key")
struct ContextKeyTests {
    /// A lexicon folder of two files in a scratch folder, and where the index goes.
    final class Scratch: @unchecked Sendable {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("context-key-\(UUID().uuidString.prefix(8))")
        var lexicon: URL { root.appendingPathComponent("lexicon", isDirectory: true) }
        var index: URL { root.appendingPathComponent("inputs.idx") }
        var cues: URL { lexicon.appendingPathComponent("en/cues.txt") }
        var titles: URL { lexicon.appendingPathComponent("en/titles.txt") }
        var inputs: CacheInputs { CacheInputs(gazetteer: [], lexicon: [lexicon], version: "test") }

        init() throws {
            try FileManager.default.createDirectory(at: lexicon.appendingPathComponent("en"), withIntermediateDirectories: true)
            try write("visit\n", to: cues)
            try write("president\n", to: titles)
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        /// Writes in place (the inode kept), as an editor saving over the file does.
        func write(_ text: String, to url: URL) throws {
            let handle = try FileHandle(forWritingTo: url.createdIfAbsent())
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }

        /// The file's modification time (and access time) set to `time`.
        func setModified(_ url: URL, to time: timespec) {
            let times = [time, time]
            #expect(utimensat(AT_FDCWD, url.path, times, 0) == 0)
        }

        func modified(_ url: URL) -> timespec {
            var st = stat()
            _ = stat(url.path, &st)
            return st.st_mtim
        }

        /// What the index holds for the file at `position` of the key's files, when its metadata is still the same.
        func remembered(_ url: URL, at position: Int) -> UInt64? {
            var st = stat()
            guard stat(url.path, &st) == 0 else { return nil }
            var index = FileIndex(url: index)
            return index.remembered(url.path, at: position, metadata: FileIndex.Entry(st))
        }
    }

    static let longAgo = timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)

    @Test func theRememberedKeyIsTheKeyOfEveryFileRead() throws {
        let scratch = try Scratch()
        scratch.setModified(scratch.cues, to: Self.longAgo)
        let key = scratch.inputs.contextKey()
        #expect(scratch.inputs.contextKey(index: scratch.index) == key)
        // The file of an hour ago is remembered; the one written now is not (its next edit could keep its size and
        // time stamp). The files are in the key's order: the folder's files sorted, cues.txt first.
        #expect(scratch.remembered(scratch.cues, at: 0) != nil)
        #expect(scratch.remembered(scratch.titles, at: 1) == nil)
        #expect(scratch.inputs.contextKey(index: scratch.index) == key)
        #expect(scratch.inputs.contextKey(index: scratch.index, buildIdentity: "another build") != key)
    }

    @Test func anEditWithinTheClocksResolutionChangesTheKey() throws {
        let scratch = try Scratch()
        let before = scratch.inputs.contextKey(index: scratch.index)
        // The same size, the same inode and the same time stamp, as a clock too coarse to tell the two writes apart.
        let stamp = scratch.modified(scratch.cues)
        try scratch.write("trip!\n", to: scratch.cues)
        scratch.setModified(scratch.cues, to: stamp)
        let after = scratch.inputs.contextKey(index: scratch.index)
        #expect(after != before)
        #expect(after == scratch.inputs.contextKey())
    }

    @Test func aRememberedFileEditedInPlaceIsReadAgain() throws {
        let scratch = try Scratch()
        scratch.setModified(scratch.cues, to: Self.longAgo)
        let before = scratch.inputs.contextKey(index: scratch.index)
        #expect(scratch.remembered(scratch.cues, at: 0) != nil)
        try scratch.write("trip!\n", to: scratch.cues) // the same size: the time stamp tells
        let after = scratch.inputs.contextKey(index: scratch.index)
        #expect(after != before)
        #expect(after == scratch.inputs.contextKey())
    }

    @Test func aFileAddedOrRemovedChangesTheKey() throws {
        let scratch = try Scratch()
        scratch.setModified(scratch.cues, to: Self.longAgo)
        scratch.setModified(scratch.titles, to: Self.longAgo)
        let before = scratch.inputs.contextKey(index: scratch.index)
        let added = scratch.lexicon.appendingPathComponent("en/aliases.txt")
        try scratch.write("", to: added)
        let withAdded = scratch.inputs.contextKey(index: scratch.index)
        #expect(withAdded != before)
        #expect(withAdded == scratch.inputs.contextKey())
        try FileManager.default.removeItem(at: added)
        #expect(scratch.inputs.contextKey(index: scratch.index) == before)
        try FileManager.default.removeItem(at: scratch.titles)
        #expect(scratch.inputs.contextKey(index: scratch.index) != before)
        #expect(scratch.inputs.contextKey(index: scratch.index) == scratch.inputs.contextKey())
    }
}

extension ContextKeyTests {
    /// A folder's files as FileManager's enumerator lists them (what the key listed before `InputFiles`).
    static func enumerated(_ url: URL) -> [String] {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    @Test func aFolderListsTheFilesFileManagerFinds() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["Data/lexicon", "Data/gazetteer", "Data/model"] {
            let url = repository.appendingPathComponent(folder)
            guard case .folder(let files) = InputFiles.of(url) else { Issue.record("\(folder) is not listed as a folder"); continue }
            #expect(!files.isEmpty)
            #expect(files == Self.enumerated(url), "\(folder)")
        }
        let scratch = try Scratch()
        // A link to a file counts as the file; a dangling link and a link to a folder are left out.
        try FileManager.default.createSymbolicLink(atPath: scratch.lexicon.appendingPathComponent("link.txt").path, withDestinationPath: scratch.cues.path)
        try FileManager.default.createSymbolicLink(atPath: scratch.lexicon.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/x")
        try FileManager.default.createSymbolicLink(atPath: scratch.lexicon.appendingPathComponent("folder").path,
                                                   withDestinationPath: scratch.lexicon.appendingPathComponent("en").path)
        #expect(InputFiles.of(scratch.lexicon) == .folder(["en/cues.txt", "en/titles.txt", "link.txt"]))
        #expect(InputFiles.of(scratch.cues) == .file)
        #expect(InputFiles.of(scratch.root.appendingPathComponent("none")) == .absent)
    }
}

private extension URL {
    /// The file, made empty first when it does not exist.
    func createdIfAbsent() -> URL {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        return self
    }
}
