import Batch
import Foundation
import Testing

/// Plans written to hurt: alias bombs, too many aliases, control characters in names.
@Suite("Hostile plans")
struct HostilePlanTests {
    func problems(_ text: String) -> [PlanProblem] {
        do {
            return try BatchPlan.parse(text, file: "plan.yaml").problems
        } catch {
            return error.problems
        }
    }

    @Test func anAliasBombIsRefusedAtTheAliasThatGoesTooFar() {
        var lines = ["reports: [corpus-summary]", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        let found = problems(lines.joined(separator: "\n"))
        #expect(found.count == 1)
        // a0 to a3 take 12,344 nodes; a4's ten aliases of 11,111 nodes each go past 100,000 on line 6.
        #expect(found.first?.location?.line == 6)
        #expect(found.first?.description.hasPrefix("plan.yaml:6:") == true)
        #expect(found.first?.message == "YAML aliases expand to more than 100000 nodes; refused (an alias bomb?)")
    }

    @Test func tooManyAliasesAreRefused() {
        let text = "reports: [corpus-summary]\nx: &x 1\nmany: [" + Array(repeating: "*x", count: 1001).joined(separator: ", ") + "]\n"
        let found = problems(text)
        #expect(found.first?.message == "more than 1000 YAML aliases; refused (an alias bomb?)")
        #expect(found.first?.location?.line == 3)
    }

    @Test func ordinaryAliasesStillWork() throws {
        let plan = try BatchPlan.parse("""
        common: &common { status: any }
        reports:
          - { plugin: visits-per-decade, name: a, params: *common }
          - { plugin: visits-per-decade, name: b, params: *common }
        """, file: "plan.yaml")
        #expect(plan.reports.map(\.name) == ["a", "b"])
    }

    @Test func controlCharactersInAPlanAreEscapedInItsProblems() {
        let found = problems("reports:\n  - { plugin: good, nome: \"\\e[2Jx\" }\n")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { !$0.description.contains("\u{1B}") })
    }
}
