import EnvrefCore
import EnvrefMarkdown
import EnvrefRegistry
import EnvrefTestSupport
import Testing

@testable import EnvrefTranslations

@Suite("Reading hand-written pages")
struct PageReaderTests {
    static func read(_ text: String, path: String = "page.md", language: LanguageCode? = nil) -> ImportedPage {
        PageReader.read(text: text, path: path, language: language)
    }

    @Test("names in bold, in backticks, with escaped underscores, with entities or in italics are entries")
    func nameForms() {
        let page = Self.read("""
            | Variable | Usage |
            | --- | --- |
            | **WANDB_API_KEY** | Bold. |
            | `WANDB_MODE` | Code. |
            | **WANDB\\_BASE\\_URL** | Escaped underscores. |
            | WANDB&#95;DIR | An entity. |
            | _WANDB_TAGS_ | Italics. |
            | [`WANDB_NAME`](#wandb_name) | A link. |
            | `WANDB_NOTES` (deprecated) | A tag. |

            """)
        #expect(page.names == ["WANDB_API_KEY", "WANDB_MODE", "WANDB_BASE_URL", "WANDB_DIR", "WANDB_TAGS", "WANDB_NAME", "WANDB_NOTES"])
        #expect(page.entries.map(\.description) == ["Bold.", "Code.", "Escaped underscores.", "An entity.", "Italics.", "A link.", "A tag."])
        #expect(page.entries.allSatisfy { $0.form == .tableRow })
        #expect(page.diagnostics.isEmpty)
    }

    @Test("a cell that would be a heading, a rule, an empty list or a code block outside the table reads the same in its description",
          arguments: ["# of retries", "## Two", "---", "***", "_ _ _", "- - -", "####### seven", "#hashtag", "`# code`", "a # b", "--",
                     "-", "*", "+", "1.", "12)", "```", "~~~", "``` x", #"a\\| b"#, #"\\|"#, "[a]: /p", "[a]: <x y> 'z'", "  [b c]: https://x.y"])
    func cellTextStaysText(cell: String) throws {
        let table = "| Variable | Description |\n| --- | --- |\n| `X_A` | \(cell) |\n"
        let description = try #require(Self.read(table).entries.first?.description)
        // What cmark-gfm makes of the cell inside the table, and of the description on its own.
        let tableHTML = MarkdownDocument.html(table)
        let cellHTML = try #require(tableHTML.components(separatedBy: "<td>").last?.components(separatedBy: "</td>").first)
        #expect(MarkdownDocument.html(description) == "<p>\(cellHTML)</p>\n", "\(description.debugDescription)")
    }

    @Test("after a <br>, a heading mark or a rule stays text too, and code in a fence is left alone")
    func linesAfterBreaks() {
        let page = Self.read("""
            | Variable | Description |
            | --- | --- |
            | `X_A` | Retries:<br># of them |
            | `X_B` | Before<br>---<br>after |
            | `X_C` | Steps:<br>- one<br>- two |
            | `X_D` | ```<br># not a heading<br>``` |
            | `X_E` | See:<br>[a]: /p |

            """)
        #expect(page.entries.map(\.description) == [
            "Retries:\n\n\\# of them", "Before\n\n\\---\n\nafter", "Steps:\n\n- one\n\n- two", "```\n\n# not a heading\n\n```",
            "See:\n\n[a]\\: /p",
        ])
    }

    @Test("a description takes the page's link definitions it uses, and leaves behind those it does not")
    func linkReferenceDefinitions() {
        let page = Self.read("""
            ## `X_A`

            See the [docs][D] and the [guide].

            | Variable | Description |
            | --- | --- |
            | `X_B` | Read [the FAQ][faq]. |

            ## `X_C`

            Its own [ref] stays, and `[guide]` in code needs nothing.

            [ref]: https://x.y/ref

            ```
            [faq]: https://fenced.example
            ```

            [d]: https://x.y/docs
            [guide]: https://x.y/guide "Guide"
            [faq]: <https://x.y/faq>
            [unused]: https://x.y/unused

            """)
        #expect(page.entries.map(\.description) == [
            "See the [docs][D] and the [guide].\n\n[d]: https://x.y/docs\n[guide]: https://x.y/guide \"Guide\"",
            "Read [the FAQ][faq].\n\n[faq]: <https://x.y/faq>",
            "Its own [ref] stays, and `[guide]` in code needs nothing.\n\n[ref]: https://x.y/ref\n\n```\n[faq]: https://fenced.example\n```",
        ])
    }

    @Test("a definition left behind leaves no run of blank lines where it was")
    func definitionsLeftBehindLeaveNoGap() {
        let page = Self.read("""
            ## `X_A`

            [unused]: https://x.y/unused

            Uses [ref].

            [other]: https://x.y/other

            And more.

            [ref]: https://x.y/ref

            """)
        #expect(page.entries.map(\.description) == ["Uses [ref].\n\nAnd more.\n\n[ref]: https://x.y/ref"])
    }

    @Test("4,000 fences that nothing closes are each escaped")
    func manyUnclosedFences() {
        let text = Array(repeating: "~~~ a", count: 4_000).joined(separator: "\n\n")
        #expect(PageScan.escapingBlockStarts(text) == Array(repeating: #"\~~~ a"#, count: 4_000).joined(separator: "\n\n"))
    }

    @Test("a line that looks like a definition inside a paragraph is text, and links nothing")
    func definitionInsideAParagraph() {
        let page = Self.read("""
            ## `X_A`

            The port. Syntax:
            [port]: 8080

            ## `X_B`

            Use [port] too.

            """)
        #expect(page.entries.map(\.description) == ["The port. Syntax:\n[port]: 8080", "Use [port] too."])
    }

    @Test("rows without a closing pipe, with leading spaces, and tables without outer pipes")
    func rowShapes() {
        let page = Self.read("""
            | Variable | Default | Description |
            |---|---|---|
            | `A_ONE` | `1` | Has a default.
               | `A_TWO` | | Indented.   |
            | `A_THREE` | `x` | Pipe \\| inside. |

            Name | Meaning
            --- | ---
            `B_ONE` | No outer pipes.

            """)
        #expect(page.names == ["A_ONE", "A_TWO", "A_THREE", "B_ONE"])
        #expect(page.entries.map(\.defaultValue) == ["1", nil, "x", nil])
        #expect(page.entries.map(\.description) == ["Has a default.", "Indented.", "Pipe | inside.", "No outer pipes."])
        #expect(page.diagnostics.isEmpty)
    }

    @Test("a variable per heading: bare, in code, with a platform tag or a doc-builder anchor; the section is the description")
    func headings() {
        let page = Self.read("""
            # Environment variables

            ## Generic

            ### HF_HOME[[hf-home]]

            Where data lives.

            Defaults to `~/.cache`.

            ### `ELECTRON_NO_ASAR` _Windows_

            Disables ASAR.

            ### ` ELECTRON_TRASH `_ Linux _

            Trash implementation.

            ### MODE

            Default: `worker`

            What runs.

            ### Other variables

            Prose mentioning `HF_TOKEN` and HF_XET_CACHE is not an entry.

            ```sh
            export NOT_AN_ENTRY=1
            ```
            """)
        #expect(page.names == ["HF_HOME", "ELECTRON_NO_ASAR", "ELECTRON_TRASH", "MODE"])
        #expect(page.entries[0].description == "Where data lives.\n\nDefaults to `~/.cache`.")
        #expect(page.entries[3].defaultValue == "worker")
        #expect(page.entries[3].description == "What runs.")
        #expect(page.entries.allSatisfy { $0.form == .heading })
    }

    @Test("an upper-case word heading is a name only beside headings that are clearly names")
    func ambiguousHeadings() {
        #expect(Self.read("## FAQ\n\nText.\n\n## AWS\n\nMore.\n").names == [])
        #expect(Self.read("### API_KEY\n\nA.\n\n### MODE\n\nB.\n\n### FAQ\n\nC.\n").names == ["API_KEY", "MODE"])
    }

    @Test("tables that do not list variables are not entries")
    func otherTables() {
        let page = Self.read("""
            | Flag | Type | Default |
            |:---|:---|:---|
            | `--json` | boolean | `false` |

            | Code | Meaning |
            |---|---|
            | `0` | Success |

            | Level | Meaning |
            |---|---|
            | `DEBUG` | Everything. |
            | Info | Less. |

            """)
        #expect(page.names == [])
        #expect(page.diagnostics.isEmpty)
    }

    @Test("a table whose first column mixes names with other text is skipped, with a warning naming the names")
    func mixedTable() {
        let page = Self.read("""
            | Setting | Effect |
            |---|---|
            | `SOME_FLAG` | On. |
            | verbose | Louder. |

            """)
        #expect(page.names == [])
        #expect(page.diagnostics.map(\.description) == [
            "page.md:1:1: warning: this table's first column holds 'SOME_FLAG', but its header 'Setting' does not name variables and other rows are not names; not imported"
        ])
    }

    @Test("Hugo shortcodes, MDX components, <br> and front matter")
    func siteSyntax() {
        let page = Self.read("""
            ---
            title: Variables
            lang: fr-fr
            ---

            <Note>
            Read this first.
            </Note>

            | Variable | Usage |
            | --- | --- |
            | `W_URL` | See [local]({{< relref path="/guides/hosting/" lang="fr" >}}).{{< alert >}}<br/>Second line. |

            <Accordion title="More">

            ### W_DIR

            <Info>
            Folder.
            </Info>

            </Accordion>
            """)
        #expect(page.language == "fr-FR")
        #expect(page.languageSource == .frontMatter)
        #expect(page.names == ["W_URL", "W_DIR"])
        #expect(page.entries[0].description == "See [local](/guides/hosting/).\n\nSecond line.")
        #expect(page.entries[1].description == "Folder.")
    }

    @Test("the language comes from --lang, then front matter, then the file name")
    func language() {
        #expect(Self.read("x", path: "docs/fr.md").language == "fr")
        #expect(Self.read("x", path: "pt_BR.md").language == "pt-BR")
        #expect(Self.read("x", path: "environment-variables.ja.mdx").language == "ja")
        #expect(Self.read("x", path: "api.md").language == nil)
        #expect(Self.read("+++\nlanguageCode = \"ko\"\n+++\n", path: "fr.md").language == "ko")
        #expect(Self.read("---\nlang: ko\n---\n", path: "fr.md", language: "es").language == "es")
        #expect(Self.read("---\nlang: [oops\n---\n", path: "fr.md").diagnostics.map(\.description) == [
            "fr.md:3:1: warning: the front matter's language (if any) was not read: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence at line 2"
        ])
    }

    @Test("aliases in the front matter are refused before composing it, which would take exponential time")
    func frontMatterAliases() {
        // Found with fuzz-markdown-import: aliased keys, hashed in full on every repetition, kept it busy for minutes.
        var lines = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...8 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines += ["? *a8", ": 1", "? *a8", ": 2", "lang: ja", "---", "| Variable | Usage |", "| --- | --- |", "| `A_B` | One. |"]
        let page = Self.read(lines.joined(separator: "\n"), path: "fr.md")
        #expect(page.language == "fr")
        #expect(page.languageSource == .fileName)
        #expect(page.names == ["A_B"])
        #expect(page.diagnostics.map(\.description) == [
            "fr.md:3:10: warning: the front matter's language (if any) was not read: YAML aliases are not supported in the front matter (found '*a0'); write the value out in full"
        ])
    }

    @Test("rows Markdown renderers drop are recovered with a warning, never lost silently")
    func recovery() {
        let page = Self.read("""
            | Variable | Usage |
            | --- | --- |
            | `A_ONE` | One. | `A_TWO` | Two. |
            | `A_THREE` | Three. | stray cell |

            | `A_FOUR` | Four, after a blank line.

            <Note>
            | Variable | Usage |
            | --- | --- |
            | `A_FIVE` | Swallowed by an HTML block. |
            </Note>
            """)
        #expect(page.names == ["A_ONE", "A_TWO", "A_THREE", "A_FOUR", "A_FIVE"])
        #expect(page.entries.map(\.form) == [.tableRow, .recoveredRow, .tableRow, .recoveredRow, .recoveredRow])
        #expect(page.entries[1].description == "Two.")
        #expect(page.diagnostics.map(\.description) == [
            "page.md:3:20: warning: this row has 4 cells but its table has 2 columns, so Markdown renderers drop 'A_TWO'; imported it from the extra cells",
            "page.md:4:24: warning: this row has 3 cells but its table has 2 columns; Markdown renderers drop 'stray cell', which was not imported",
            "page.md:6:3: warning: 'A_FOUR' is in a table row outside any table, which Markdown renderers show as plain text; imported it",
            "page.md:11:3: warning: 'A_FIVE' is in a table row outside any table, which Markdown renderers show as plain text; imported it",
        ])
    }

    @Test("a first cell holding several names, or a name inside a sentence, is reported instead of guessed at")
    func unclearFirstCell() {
        let page = Self.read("""
            | Variable | Usage |
            |---|---|
            | `A_ONE`, `A_TWO` | Both. |
            | Set `A_THREE` first | Prose. |
            | `A_FOUR` | Fine. |

            """)
        #expect(page.names == ["A_FOUR"])
        #expect(page.diagnostics.map(\.description) == [
            "page.md:3:3: warning: the first cell '`A_ONE`, `A_TWO`' is not a single variable name; row not imported",
            "page.md:4:3: warning: the first cell 'Set `A_THREE` first' is not a single variable name; row not imported",
        ])
    }

    @Test("a name documented twice keeps its first entry")
    func duplicates() {
        let page = Self.read("### `A_B`\n\nFirst.\n\n| Variable | Usage |\n|---|---|\n| `A_B` | Second. |\n")
        #expect(page.entries.map(\.description) == ["First."])
        #expect(page.diagnostics.map(\.description) == ["page.md:7:3: warning: 'A_B' is documented twice; keeping the entry at line 1"])
    }
}

@Suite("The seed pages", .enabled(if: TestEnvironment.isSharedDataAvailable, TestEnvironment.sharedDataMissingReason))
struct SeedPagesTests {
    static func seed(_ language: String) -> ImportedPage {
        PageReader.read(fileAt: TestEnvironment.sharedData.appending(path: "seeds/\(language).md"), displayPath: "\(language).md")
    }

    @Test("the broken English page: both hidden rows are recovered, each with a warning")
    func englishRecovery() {
        let page = Self.seed("en")
        #expect(page.language == "en")
        #expect(page.names == [
            "WANDB_API_KEY", "WANDB_DESCRIPTION", "WANDB_ENTITY", "WANDB_USERNAME", "WANDB_PROJECT", "WANDB_MODE", "WANDB_DIR",
            "WANDB_RETRY", "WANDB_RUN_ID", "WANDB_IGNORE_GLOBS", "WANDB_ERROR_REPORTING", "WANDB_SHOW_RUN",
        ])
        #expect(page.diagnostics.map(\.description) == [
            "en.md:39:359: warning: this row has 4 cells but its table has 2 columns, so Markdown renderers drop 'WANDB_ERROR_REPORTING'; imported it from the extra cells",
            "en.md:41:3: warning: 'WANDB_SHOW_RUN' is in a table row outside any table, which Markdown renderers show as plain text; imported it",
        ])
        let byName = Dictionary(uniqueKeysWithValues: page.entries.map { ($0.name, $0) })
        #expect(byName["WANDB_ERROR_REPORTING"]?.description == "Set this to false to prevent wandb from logging fatal errors to it's error tracking system.")
        #expect(byName["WANDB_SHOW_RUN"]?.description == "Set this to true to automatically open a browser with the run url if your operating system supports it.")
        #expect(byName["WANDB_IGNORE_GLOBS"]?.description == "Set this to a comma seperated list of file globs to ignore. These files will not be synced to the cloud.")
    }

    @Test("every seed page: its entry count, no name from its code blocks or prose", arguments: [
        ("en", 12), ("fr", 26), ("es", 26), ("ja", 32), ("ko", 34),
    ])
    func counts(_ language: String, _ count: Int) {
        let page = Self.seed(language)
        #expect(page.language?.rawValue == language)
        #expect(page.entries.count == count)
        #expect(!page.names.contains("WANDB_USER_NAME"), "named only in the FAQ prose")
        #expect(page.entries.allSatisfy { !$0.description.isEmpty && !$0.description.contains("{{<") })
    }
}
