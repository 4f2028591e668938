// What a batch prints: on a terminal a progress bar redrawn in place (done, failed, left); in a pipe or
// CI one line per report; at the end a summary table.

import Foundation
import TerminalText

public enum BatchConsole {
    /// `[########------------]  5/12  done 4  failed 1  up to date 0  left 7  running: a, b`, cut to `width`.
    public static func progressBar(_ progress: BatchProgress, width: Int) -> String {
        let finished = progress.done + progress.failed + progress.upToDate
        let total = max(progress.total, 1)
        let barWidth = max(10, min(30, width / 4))
        let filled = min(barWidth, finished * barWidth / total)
        var line = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        line += " \(finished)/\(progress.total)  done \(progress.done)  failed \(progress.failed)"
        if progress.upToDate > 0 { line += "  up to date \(progress.upToDate)" }
        line += "  left \(progress.left)"
        if !progress.running.isEmpty { line += "  running: " + progress.running.joined(separator: ", ") }
        if line.count > width - 1 { line = String(line.prefix(max(width - 2, 10))) + "…" }
        return line
    }

    /// One line for a finished report: `ok      NAME  0.42 s  NAME.md NAME.html`, or the first line of its error.
    public static func line(_ record: BatchRecord, progress: BatchProgress) -> String {
        let finished = progress.done + progress.failed + progress.upToDate
        let count = "[\(finished)/\(progress.total)]"
        switch record.status {
        case .failed:
            let first = record.error?.message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? "failed"
            return "\(count) FAILED \(record.name)  \(BatchIndex.seconds(record.seconds))  \(TerminalText.escaped(first))"
        case .upToDate:
            return "\(count) up to date \(record.name)"
        default:
            return "\(count) ok \(record.name)  \(BatchIndex.seconds(record.seconds))  \(record.files.map(\.path).joined(separator: " "))"
        }
    }

    /// The summary table's rows, header first: status, name, plugin, time, files or error.
    public static func summaryRows(_ manifest: BatchManifest) -> [[String]] {
        var rows = [["STATUS", "REPORT", "PLUGIN", "TIME", "FILES / ERROR"]]
        for record in manifest.reports {
            let status = BatchIndex.statusText(record.status)
            let time = record.status == .ok || record.status == .failed ? BatchIndex.seconds(record.seconds) : "-"
            let detail: String
            if let error = record.error {
                detail = error.message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            } else if record.status == .notRun {
                detail = "(the batch stopped first)"
            } else {
                detail = record.files.map(\.format).joined(separator: ",")
            }
            rows.append([status, record.name, record.plugin, time, TerminalText.escaped(detail)])
        }
        return rows
    }

    /// `12 reports: 10 made, 1 up to date, 1 failed in 3.2 s (reports 2.1 s, 2 jobs)`.
    public static func totals(_ manifest: BatchManifest) -> String {
        let counts = manifest.counts
        var parts = ["\(counts.ok) made"]
        if counts.upToDate > 0 { parts.append("\(counts.upToDate) up to date") }
        parts.append("\(counts.failed) failed")
        if counts.notRun > 0 { parts.append("\(counts.notRun) not run") }
        if counts.notSelected > 0 { parts.append("\(counts.notSelected) not selected") }
        let total = counts.total
        return "\(total) report\(total == 1 ? "" : "s"): \(parts.joined(separator: ", ")) in \(BatchIndex.seconds(manifest.seconds)) (reports \(BatchIndex.seconds(manifest.reportSeconds))\(manifest.reportCPUSeconds.map { ", CPU " + BatchIndex.seconds($0) } ?? ""), \(manifest.jobs) job\(manifest.jobs == 1 ? "" : "s") at once)"
    }
}
