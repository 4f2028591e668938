import Foundation
import Testing
@testable import CorpusModel

/// `ProcessEnvironment` reads one variable with `getenv`; it must answer as `ProcessInfo`'s dictionary does.
@Suite("environment variables read one at a time")
struct ProcessEnvironmentTests {
    @Test func everyVariableHasTheValueProcessInfoGives() {
        let all = ProcessInfo.processInfo.environment
        #expect(!all.isEmpty)
        // Not DOSSIER_ variables: other tests set and unset some of them meanwhile.
        for (name, value) in all where !name.hasPrefix("DOSSIER_") { #expect(ProcessEnvironment.value(name) == value, "\(name)") }
        #expect(ProcessEnvironment.value("DOSSIER_NO_SUCH_VARIABLE_\(UInt64.random(in: 1...UInt64.max))") == nil)
    }

    @Test func aVariableSetOrUnsetMeanwhileIsSeen() {
        let name = "DOSSIER_TEST_VARIABLE_\(UInt64.random(in: 1...UInt64.max))"
        #expect(ProcessEnvironment.value(name) == nil)
        setenv(name, "Việt Nam | ünïcode", 1)
        #expect(ProcessEnvironment.value(name) == "Việt Nam | ünïcode")
        #expect(ProcessEnvironment.value(name) == ProcessInfo.processInfo.environment[name])
        setenv(name, "", 1)
        #expect(ProcessEnvironment.value(name) == "")
        unsetenv(name)
        #expect(ProcessEnvironment.value(name) == nil)
    }

    @Test func aGivenEnvironmentIsReadInsteadOfTheProcesss() {
        #expect(ProcessEnvironment.value("PATH", in: [:]) == nil)
        #expect(ProcessEnvironment.value("PATH", in: ["PATH": "/x"]) == "/x")
        #expect(ProcessEnvironment.value("PATH", in: nil) == ProcessInfo.processInfo.environment["PATH"])
    }
}
