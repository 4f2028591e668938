import Foundation
import Testing
@testable import CorpusModel

/// The build's plumbing: paths split as `NSString` splits them, work in slices coming back in order, work done
/// on another thread taken once.
@Suite("build pipeline")
struct BuildPipelineTests {
    @Test func aPathSplitsAsNSStringSplitsIt() {
        let paths = ["/corpus/a.txt", "corpus/b.txt", "/a.txt", "a.txt", "/corpus//c.txt", "/corpus/d/", "/", "",
                     "/corpus/tên bài viết.txt", "./x/y.md", "/x/y/../z.txt"]
        for path in paths {
            let ns = path as NSString
            let split = BuildInputs.split(path)
            #expect(split.directory == ns.deletingLastPathComponent && split.name == ns.lastPathComponent, "\(path)")
        }
    }

    @Test func slicesComeBackInOrderWhateverTheCores() {
        for count in [0, 1, 7, 2048, 10_000] {
            for cores in [1, 2, 3, 8] {
                let sliced = Slices.map(count, minimum: 16, cores: cores) { range in range.map { $0 * 3 } }
                #expect(sliced.flatMap { $0 } == (0..<count).map { $0 * 3 }, "\(count) items on \(cores) cores")
                #expect(sliced.count == max(1, min(cores, count / 16)))
            }
        }
    }

    @Test func backgroundWorkGivesItsResultOnce() {
        let work = BackgroundWork { (1...1000).reduce(0, +) }
        #expect(work.take() == 500_500)
    }
}
