// fuzz-manifest: any bytes as a corpus folder's manifest.yaml (YAML, aliases, fields, dates).
import CorpusModel
import Foundation
import FuzzReplay

enum ManifestTarget {
    static func run(_ data: Data) {
        _ = CorpusManifest.parse(String(decoding: data, as: UTF8.self), path: "manifest.yaml")
    }
}

@main struct ManifestReplay {
    static func main() { FuzzReplay.main("fuzz-manifest", ManifestTarget.run) }
}
