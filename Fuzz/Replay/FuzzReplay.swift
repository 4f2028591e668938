// What every fuzz target shares. Built with `-DFUZZING` and `-sanitize=fuzzer,address` (`make fuzz`), a
// target is a libFuzzer binary: its `main` hands the command line to libFuzzer's driver, which feeds the
// target's inputs. Built normally, it replays the inputs given (files or folders: the seeds and every
// crash found, kept in Fuzz/Seeds), so the crashes stay regression tests in `make test`.

import Foundation

#if FUZZING
/// libFuzzer's entry point for programs that have their own `main` (SwiftPM gives every executable one).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The target's body, for the C callback (which cannot capture it).
nonisolated(unsafe) private var fuzzBody: ((Data) -> Void)?
#endif

public enum FuzzReplay {
    /// Fuzzing: runs libFuzzer with the command line. Otherwise: runs `body` on every file under the
    /// paths given on the command line; exits 1 on bad usage.
    public static func main(_ name: String, _ body: @escaping (Data) -> Void) {
        #if FUZZING
        fuzzBody = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
            fuzzBody?(bytes.map { Data(bytes: $0, count: count) } ?? Data())
            return 0
        })
        #else
        replay(name, body)
        #endif
    }

    static func replay(_ name: String, _ body: (Data) -> Void) {
        let paths = Array(CommandLine.arguments.dropFirst())
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(name) FILE-OR-FOLDER...\n".utf8))
            exit(1)
        }
        var count = 0
        for path in paths {
            for file in files(under: path) {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                body(data)
                count += 1
            }
        }
        print("\(name): \(count) input\(count == 1 ? "" : "s") replayed clean")
    }

    static func files(under path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.flatMap { files(under: path + "/" + $0) }
    }
}
