// fuzz-manifest: any bytes as a corpus folder's manifest.yaml (YAML, aliases, fields, dates).
import CorpusModel
import Foundation
import FuzzReplay

enum ManifestTarget {
    static func run(_ data: Data) {
        _ = Manifest.parse(String(decoding: data, as: UTF8.self), path: "manifest.yaml")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifest(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    ManifestTarget.run(Data(bytes: bytes, count: count))
    return 0
}
#else
@main struct ManifestReplay {
    static func main() { FuzzReplay.main("fuzz-manifest", ManifestTarget.run) }
}
#endif
