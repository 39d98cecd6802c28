import EnvrefCore
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

    /// A small deterministic generator, so a failure names a case that comes back the same.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static func msgfmt() -> String? {
        ["/usr/bin/msgfmt", "/usr/local/bin/msgfmt"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("300 generated files: msgfmt and envref accept and refuse alike, and agree on every translation")
    func generatedFiles() throws {
        guard let msgfmt = Self.msgfmt() else {
            // `make test` installs gettext; under CI a missing tool is a failure, not a skip.
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("msgfmt is not installed") }
            return
        }
        let folder = FileManager.default.temporaryDirectory.appending(path: "envref-po-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = Generator(state: 20261207)
        var bothRead = 0, translationsCompared = 0, bothRefused = 0
        for number in 0..<300 {
            // gettext reads tokens, so blank lines, indentation and the line a string starts on are layout,
            // and envref must read every layout alike.
            // A form feed and a vertical tab are white space to gettext as well.
            func space() -> String { generator.pick([" ", " ", " ", "\t", "", "\n", "  ", "\u{0C}"]) }
            func indent() -> String { generator.pick(["", "", "", "", " ", "\t", "\u{0B}"]) }
            func gap() -> String { generator.pick(["\n", "\n", "\n", "\n\n"]) }
            var text = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
            for entry in 0..<(1 + generator.next(4)) {
                text += gap()
                if generator.next(4) == 0 { text += "#, fuzzy\n" }
                text += indent() + "msgctxt" + space() + "\"K\(entry)\"" + gap()
                text += indent() + "msgid" + space() + "\"a\(entry)\"" + gap() + indent() + "msgstr" + space()
                // One to three quoted pieces, each on its own line, as long strings are written.
                // Now and then a comment follows a string on its line, or takes a line between two strings.
                let lines = (0..<(1 + generator.next(3))).map { _ in
                    let string = "\"" + (0..<generator.next(5)).map { _ in
                        generator.next(10) == 0 ? generator.pick(Self.faultyPieces) : generator.pick(Self.pieces)
                    }.joined() + "\""
                    switch generator.next(12) {
                    case 0: return string + " # note"
                    case 1: return "# note\n" + indent() + string
                    default: return string
                    }
                }
                text += lines.joined(separator: "\n" + indent()) + "\n"
            }
            if generator.next(6) == 0 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            let file = folder.appending(path: "case-\(number).po")
            let compiled = folder.appending(path: "case-\(number).mo")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let gettext = try Self.run(msgfmt, ["--use-fuzzy", "-o", compiled.path, file.path])
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
                // is not UTF-8 once its lines are joined.
                let compiledNonUTF8 = try Self.catalogBytes(Data(contentsOf: compiled)).values.contains {
                    String(validating: $0, as: UTF8.self) == nil
                }
                let refusedNUL = ours.diagnostics.contains { $0.message.hasPrefix("a NUL character") }
                #expect(refusedOnPurpose && (refusedNUL || compiledNonUTF8),
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
            let catalog = try Self.catalog(Data(contentsOf: compiled))
            for entry in read.entries where !entry.translation.isEmpty {
                let key = (entry.context ?? "") + "\u{04}" + entry.id
                #expect(catalog[key] == entry.translation, "case \(number): \(entry.context ?? "")\n\(text)")
                translationsCompared += 1
            }
        }
        // The generator must reach both kinds of file, or the test would compare next to nothing.
        #expect(bothRead >= 30 && bothRefused >= 30 && translationsCompared >= 30, "\(bothRead), \(bothRefused), \(translationsCompared)")
    }

    /// Runs a tool without output and returns its exit status.
    static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The messages of a little-endian `.mo` file, keyed as gettext keys them: context, U+0004, then the msgid.
    static func catalog(_ data: Data) throws -> [String: String] {
        try catalogBytes(data).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The translations of a `.mo` file as the bytes it holds, which need not be UTF-8.
    static func catalogBytes(_ data: Data) throws -> [String: [UInt8]] {
        let bytes = [UInt8](data)
        func word(_ offset: Int) -> Int {
            Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
        }
        func string(_ table: Int, _ index: Int) -> [UInt8] {
            let length = word(table + index * 8), offset = word(table + index * 8 + 4)
            return Array(bytes[offset..<(offset + length)])
        }
        try #require(word(0) == 0x9504_12DE, "not a little-endian .mo file")
        let count = word(8), originals = word(12), translations = word(16)
        var catalog: [String: [UInt8]] = [:]
        for index in 0..<count { catalog[String(decoding: string(originals, index), as: UTF8.self)] = string(translations, index) }
        return catalog
    }
}
