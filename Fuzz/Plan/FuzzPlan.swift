// fuzz-plan: any bytes as a batch plan (YAML, aliases, entries, names, parameter sets, formats).
import Batch
import Foundation
import FuzzReplay

enum PlanTarget {
    static func run(_ data: Data) {
        _ = try? BatchPlan.parse(String(decoding: data, as: UTF8.self), file: "plan.yaml")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    PlanTarget.run(Data(bytes: bytes, count: count))
    return 0
}
#else
@main struct PlanReplay {
    static func main() { FuzzReplay.main("fuzz-plan", PlanTarget.run) }
}
#endif
