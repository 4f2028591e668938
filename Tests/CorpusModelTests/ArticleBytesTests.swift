import Foundation
import Testing
@testable import CorpusModel

/// An article's bytes read with the stamp (`fstat`) of the file they came from.
@Suite("Article bytes")
struct ArticleBytesTests {
    @Test func theBytesAndTheStampOfTheFileRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("article-bytes-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, size) in [("empty.txt", 0), ("small.txt", 17), ("page.txt", 4096), ("large.txt", 300_001)] {
            let url = folder.appendingPathComponent(name)
            let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
            try bytes.write(to: url)
            let read = try #require(ArticleBytes.read(url.path))
            #expect(read.data == bytes, "\(name)")
            var st = stat()
            #expect(stat(url.path, &st) == 0)
            #expect(read.stamp == FileStamp(st), "\(name)")
            #expect(read.stamp.size == Int64(size))
        }
        // Through a link, the file it names.
        let link = folder.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder.appendingPathComponent("small.txt"))
        var st = stat()
        #expect(stat(folder.appendingPathComponent("small.txt").path, &st) == 0)
        #expect(ArticleBytes.read(link.path)?.stamp == FileStamp(st))
        // Nothing for a missing file or a folder.
        #expect(ArticleBytes.read(folder.appendingPathComponent("missing.txt").path) == nil)
        let subfolder = folder.appendingPathComponent("folder.txt")
        try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
        #expect(ArticleBytes.read(subfolder.path) == nil)
    }
}
