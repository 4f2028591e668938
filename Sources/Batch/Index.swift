// DIR/index.html: one self-contained page (inline CSS, no script, no network) linking every report of
// the batch with its title, parameters, status and time, and each of its files.

import Foundation
import Reports

public enum BatchIndex {
    public static let fileName = "index.html"

    public static func render(_ manifest: BatchManifest) -> String {
        let counts = manifest.counts
        var summary: [String] = []
        if counts.ok > 0 { summary.append("\(counts.ok) made") }
        if counts.upToDate > 0 { summary.append("\(counts.upToDate) up to date") }
        if counts.failed > 0 { summary.append("\(counts.failed) failed") }
        if counts.notRun > 0 { summary.append("\(counts.notRun) not run") }
        if counts.notSelected > 0 { summary.append("\(counts.notSelected) not selected") }

        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="dossier \(escape(manifest.dossierVersion)) batch">
        <title>Dossier reports</title>
        <style>
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d232a; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; }
        p.meta { color: #5a6570; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid #dde2e6; }
        th { background: #f3f5f7; font-weight: 600; }
        td.time { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.params code { background: #f3f5f7; padding: 0 .25rem; border-radius: 3px; margin-right: .25rem; display: inline-block; }
        .status { font-weight: 600; white-space: nowrap; }
        tr.ok .status { color: #1a7f37; }
        tr.up-to-date .status { color: #1f6feb; }
        tr.failed .status { color: #cf222e; }
        tr.not-run .status, tr.not-selected .status { color: #6e7781; }
        .files a { margin-right: .5rem; }
        pre.error { white-space: pre-wrap; background: #fff5f5; border-left: 3px solid #cf222e; padding: .4rem .6rem; margin: .4rem 0 0; font-size: 13px; }
        .name { color: #5a6570; font-size: 13px; }
        details summary { cursor: pointer; color: #5a6570; font-size: 13px; }
        code.command { font-size: 12px; word-break: break-all; }
        </style>
        </head>
        <body>
        <h1>Dossier reports</h1>
        <p class="meta">\(escape(summary.joined(separator: ", "))) &middot; corpus <code>\(escape(manifest.corpus.path))</code> (\(manifest.corpus.documents) documents, \(manifest.corpus.visits) visits, hash <code>\(escape(manifest.corpus.hash))</code>) &middot; generated \(escape(manifest.generatedAt)) by dossier \(escape(manifest.dossierVersion)) &middot; <a href="\(BatchManifest.fileName)">manifest.json</a></p>
        <table class="reports">
        <thead><tr><th>Report</th><th>Parameters</th><th>Status</th><th>Time</th><th>Files</th></tr></thead>
        <tbody>

        """
        for record in manifest.reports {
            let main = mainFile(record)
            let titleHTML = main.map { "<a class=\"report-link\" href=\"\(escape(href($0.path)))\">\(escape(record.title))</a>" }
                ?? "<span class=\"report-title\">\(escape(record.title))</span>"
            let params = record.params.sorted { $0.key < $1.key }
                .map { "<code>\(escape($0.key))=\(escape($0.value))</code>" }.joined(separator: " ")
            let files = record.files.map { "<a class=\"file\" href=\"\(escape(href($0.path)))\">\(escape($0.format))</a>" }
                .joined(separator: " ")
            var cell = "\(titleHTML)<div class=\"name\">\(escape(record.name)) &middot; \(escape(record.plugin))\(record.pluginVersion.map { " " + escape($0) } ?? "")</div>"
            if let error = record.error {
                cell += "<pre class=\"error\">\(escape(error.message))</pre>"
            }
            cell += "<details><summary>reproduce</summary><code class=\"command\">\(escape(record.command))</code></details>"
            html += """
            <tr class="report \(record.status.rawValue)" data-name="\(escape(record.name))" data-status="\(record.status.rawValue)">\
            <td>\(cell)</td>\
            <td class="params">\(params.isEmpty ? "&mdash;" : params)</td>\
            <td class="status">\(statusText(record.status))</td>\
            <td class="time">\(record.status == .notRun || (record.status == .notSelected && record.files.isEmpty) ? "&mdash;" : seconds(record.seconds))</td>\
            <td class="files">\(files.isEmpty ? "&mdash;" : files)</td></tr>

            """
        }
        html += """
        </tbody>
        </table>
        </body>
        </html>

        """
        return html
    }

    /// The file a report's title links to: HTML first, then Markdown, text, JSON, CSV.
    static func mainFile(_ record: BatchRecord) -> BatchFileRecord? {
        for format in ["html", "md", "text", "json", "csv"] {
            if let file = record.files.first(where: { $0.format == format }) { return file }
        }
        return record.files.first
    }

    static func statusText(_ status: BatchStatus) -> String {
        switch status {
        case .ok: "made"
        case .failed: "failed"
        case .upToDate: "up to date"
        case .notRun: "not run"
        case .notSelected: "not selected"
        }
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.2f s", value) : String(format: "%.1f s", value)
    }

    /// A relative URL for a file name (percent-encoded).
    static func href(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    /// Text for the page: the reports' own HTML escaping.
    static func escape(_ text: String) -> String { HTMLEscape.text(text) }
}
