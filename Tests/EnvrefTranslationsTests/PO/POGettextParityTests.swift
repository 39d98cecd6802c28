import EnvrefCore
import EnvrefTestSupport
import Foundation
import Testing

@testable import EnvrefTranslations

/// The PO reader against GNU gettext's `msgfmt`, which translators' tools build on.
///
/// Generated files, full of escapes and the pieces where readers part ways, go through both. Whatever `msgfmt`
/// refuses, envref must refuse too; whatever envref reads, `msgfmt` must compile, with every translation the
/// same text in its `.mo` file. envref refuses two things `msgfmt` lets through on purpose: a NUL, where the
/// `.mo` file cuts the text short, and escapes that make bytes that are not UTF-8.
@Suite("PO: read as gettext reads it")
struct POGettextParityTests {
    /// Pieces of a quoted string, as written in the file: text and every escape gettext knows.
    static let pieces = [
        "a", "Run", " ", "é", "日本", "\u{301}", "%s", "#", "'", "?",
        #"\n"#, #"\t"#, #"\r"#, #"\a"#, #"\b"#, #"\f"#, #"\v"#, #"\\"#, #"\""#,
        #"\303\251"#, #"\101"#, #"\1234"#, #"\xC3\xA9"#, #"\x41"#, #"\x4142"#,
        // A character's bytes split across the lines of a string, or across two strings on one line: gettext
        // joins a string's pieces before it decodes them.
        "\\303\"\n\"\\251", "\\346\\227\"\n\n\t\"\\245", "\\xC3\" \"\\xA9", "\\303\"\n\"",
    ]

    /// Pieces that make most strings unreadable: escapes gettext refuses, a byte that is not UTF-8 alone, a
    /// NUL, and a bare quote, which ends the string early. Rarer than the rest, so most files can be read.
    static let faultyPieces = [#"\377"#, #"\0"#, #"\'"#, #"\?"#, #"\e"#, #"\x"#, #"\q"#, "\""]

    @Test("300 generated files: msgfmt and envref accept and refuse alike, and agree on every translation",
          .enabled(if: Msgfmt.isAvailable, Msgfmt.missingReason))
    func generatedFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "envref-po-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Seeded, so a failure names a case that comes back the same.
        var generator = SplitMix64(seed: 20261207)
        func below(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &generator) }
        func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        var bothRead = 0, translationsCompared = 0, bothRefused = 0
        for number in 0..<300 {
            // gettext reads tokens, so blank lines, indentation and the line a string starts on are layout,
            // and envref must read every layout alike.
            // A form feed and a vertical tab are white space to gettext as well.
            func space() -> String { pick([" ", " ", " ", "\t", "", "\n", "  ", "\u{0C}"]) }
            func indent() -> String { pick(["", "", "", "", " ", "\t", "\u{0B}"]) }
            func gap() -> String { pick(["\n", "\n", "\n", "\n\n"]) }
            var text = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
            // The line each entry starts on, so a diagnostic can be traced to the entry it is about.
            var entryLines: [Int] = []
            for entry in 0..<(1 + below(4)) {
                text += gap()
                entryLines.append(text.utf8.count { $0 == UInt8(ascii: "\n") } + 1)
                if below(4) == 0 { text += "#, fuzzy\n" }
                text += indent() + "msgctxt" + space() + "\"K\(entry)\"" + gap()
                text += indent() + "msgid" + space() + "\"a\(entry)\"" + gap() + indent() + "msgstr" + space()
                // One to three quoted pieces, each on its own line, as long strings are written.
                // Now and then a comment follows a string on its line, or takes a line between two strings.
                let lines = (0..<(1 + below(3))).map { _ in
                    let string = "\"" + (0..<below(5)).map { _ in
                        below(10) == 0 ? pick(Self.faultyPieces) : pick(Self.pieces)
                    }.joined() + "\""
                    switch below(12) {
                    case 0: return string + " # note"
                    case 1: return "# note\n" + indent() + string
                    default: return string
                    }
                }
                text += lines.joined(separator: "\n" + indent()) + "\n"
            }
            if below(6) == 0 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            let file = folder.appending(path: "case-\(number).po")
            let compiled = folder.appending(path: "case-\(number).mo")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let gettext = try Msgfmt.compile(file, to: compiled)
            let ours = POParser.parse(text, path: "fr.po")
            let refusedOnPurpose = ours.diagnostics.allSatisfy {
                $0.message.hasPrefix("a NUL character") || $0.message.hasPrefix("the string's octal or hex escapes")
            }
            guard let read = ours.file, !ours.diagnostics.containsErrors else {
                if gettext != 0 {
                    bothRefused += 1
                    continue
                }
                // Refused on purpose only where the .mo file shows why: text cut short at a NUL, or a string that
                // is not UTF-8 once its lines are joined, which must be the translation of the entry the
                // diagnostic points into.
                let catalog = try Msgfmt.catalog(Data(contentsOf: compiled))
                let everyNonUTF8RefusalShown = ours.diagnostics.filter { $0.message.hasPrefix("the string's octal or hex escapes") }
                    .allSatisfy { diagnostic in
                        let entry = entryLines.lastIndex { $0 <= diagnostic.location?.line ?? 0 } ?? 0
                        return catalog["K\(entry)\u{04}a\(entry)"].map { String(validating: $0, as: UTF8.self) == nil } ?? false
                    }
                #expect(refusedOnPurpose && everyNonUTF8RefusalShown,
                        "case \(number): envref refuses what msgfmt compiles\n\(ours.diagnostics.rendered)\n\(text)")
                continue
            }
            // msgfmt also requires a msgstr to begin and end with a line break exactly when its msgid does, which
            // is a check on the translation, not a way of reading the file; those files are not compared.
            if read.entries.contains(where: { $0.translation.unicodeScalars.first == "\n" || $0.translation.unicodeScalars.last == "\n" }) {
                continue
            }
            #expect(gettext == 0, "case \(number): msgfmt refuses what envref reads\n\(text)")
            guard gettext == 0 else { continue }
            bothRead += 1
            let catalog = try Msgfmt.catalog(Data(contentsOf: compiled)).mapValues { String(decoding: $0, as: UTF8.self) }
            for entry in read.entries where !entry.translation.isEmpty {
                let key = (entry.context ?? "") + "\u{04}" + entry.id
                #expect(catalog[key] == entry.translation, "case \(number): \(entry.context ?? "")\n\(text)")
                translationsCompared += 1
            }
        }
        // The generator must reach both kinds of file, or the test would compare next to nothing.
        #expect(bothRead >= 30 && bothRefused >= 30 && translationsCompared >= 30, "\(bothRead), \(bothRefused), \(translationsCompared)")
    }
}
