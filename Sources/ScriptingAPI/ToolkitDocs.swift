import Foundation

/// The reference of the data toolkit (`Plugins/lib/dossier_data.lua`), made from its `---` doc comments
/// so that the section of docs/lua-api.md cannot drift from the code: each `--- text` block directly
/// above a `function M.name(parameters)` documents that function.
enum ToolkitDocs {
    static func markdown(source: String) -> String {
        var out = """

        ## The data toolkit: `require("dossier_data")`

        Pure-Lua helpers in `Plugins/lib/dossier_data.lua` that shape rows before they go into a report.
        Rows are arrays of records (tables keyed by field name); a key is a field name or a function of the
        record; where a function takes items, a query (`corpus.visits{...}`) works as well as an array.
        The functions return new tables, leave their arguments as they were and refuse unknown options.
        Tests: `Plugins/lib/tests/dossier_data_test.lua`.

        """
        var doc: [String] = []
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("---") {
                doc = [String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)]
            } else if line.hasPrefix("--"), !doc.isEmpty {
                doc.append(String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces))
            } else if line.hasPrefix("function M."), !doc.isEmpty {
                let signature = line.dropFirst("function M.".count)
                out += "\n### `data.\(signature)`\n\n\(doc.joined(separator: " "))\n"
                doc = []
            } else {
                doc = []
            }
        }
        return out
    }
}
