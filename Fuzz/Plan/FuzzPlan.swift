// fuzz-plan: any bytes as a batch plan (YAML, aliases, entries, names, parameter sets, formats).
import Batch
import Foundation
import FuzzReplay

enum PlanTarget {
    static func run(_ data: Data) {
        _ = try? BatchPlan.parse(String(decoding: data, as: UTF8.self), file: "plan.yaml")
    }
}

@main struct PlanReplay {
    static func main() { FuzzReplay.main("fuzz-plan", PlanTarget.run) }
}
