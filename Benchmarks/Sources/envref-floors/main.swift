import EnvrefMarkdown
import Foundation
import Mustache
import Yams

// The least work the libraries under envref must do for a workload, timed in one process beside the
// reference each speed target names, so that a missed target can be told apart from a slow envref.
//
//   envref-floors <workload folder written by generate.py, such as /tmp/gen/10000> [runs, default 3]
//
// Prints one JSON object: each measure's median wall time over the runs, in milliseconds.

let arguments = CommandLine.arguments
guard (2...3).contains(arguments.count), let runs = arguments.count == 3 ? Int(arguments[2]) : 3, runs > 0 else {
    FileHandle.standardError.write(Data("usage: envref-floors <workload folder> [runs]\n".utf8))
    exit(2)
}
let workload = URL(fileURLWithPath: arguments[1])
let registryText = try String(contentsOf: workload.appending(path: "content/variables.yaml"), encoding: .utf8)
let lockText = try String(contentsOf: workload.appending(path: "content/translations.lock"), encoding: .utf8)
let languages = ["en", "fr", "es", "ja", "ko"]
let pages = try languages.map { try String(contentsOf: workload.appending(path: "pages/\($0).md"), encoding: .utf8) }

/// Each language page's table rows as (name, description) pairs: the rows a reference page renders.
let rows: [(name: String, description: String)] = pages.flatMap { page in
    page.split(separator: "\n").compactMap { line -> (String, String)? in
        let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count >= 5, cells[1].hasPrefix("`"), !cells[1].hasPrefix("`-") else { return nil }
        return (cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")), cells[cells.count - 2])
    }
}

/// The median wall time of `runs` runs of `body`, in milliseconds.
func median(_ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    let sorted = times.sorted()
    // An even number of runs has two middle times; their mean is the median.
    return runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2
}

// Every row of every page in both formats, through the smallest row template that still shows a name and a
// description: two tags in one section, the values handed over as the plain dictionaries swift-mustache
// reads fastest. envref's own row templates have about forty tags.
let rowTemplate = try MustacheTemplate(string: "{{#variable}}<tr><td>{{name}}</td><td>{{{description}}}</td></tr>{{/variable}}")
let rowValues: [[String: Any]] = rows.map { ["variable": ["name": $0.name, "description": $0.description] as [String: Any]] }

var results: [String: Double] = [:]
results["rows"] = Double(rows.count)
results["yams compose: registry"] = try median {
    let root = try Yams.compose(yaml: registryText, .basic)
    precondition(root != nil)
}
results["yams compose: lock"] = try median {
    let root = try Yams.compose(yaml: lockText, .basic)
    precondition(root != nil)
}
results["mustache: two-tag rows, both formats"] = median {
    var bytes = 0
    for _ in 0..<2 {
        for value in rowValues { bytes += rowTemplate.render(value).utf8.count }
    }
    precondition(bytes > 0)
}
results["cmark-gfm: five pages to HTML"] = median {
    for page in pages { precondition(!MarkdownDocument.html(page).isEmpty) }
}
let json = try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
print(String(decoding: json, as: UTF8.self))
